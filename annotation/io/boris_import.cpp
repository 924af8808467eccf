#include "annotation/io/boris_import.h"

#include "annotation/io/annotation_transfer.h"
#include "annotation/io/generated_scheme.h"
#include "annotation/io/import_error.h"
#include "annotation/io/media_paths.h"
#include "annotation/io/scheme_ids.h"
#include "annotation/io/scheme_lookup.h"
#include "annotation/seconds_text.h"
#include "schemes/key_binding.h"

#include <fmt/core.h>

#include <algorithm>
#include <set>

namespace sb::annotation::io {

namespace {

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

// A modifier value without its shortcut and spaces: "a    (a)" -> "a", "c  " -> "c". BORIS
// writes the value without the shortcut into events ("a   "), so both sides are compared so.
std::string bareValue(std::string_view value) {
    auto text = trimmed(value);
    if (text.ends_with(')')) {
        if (const auto open = text.rfind(" ("); open != std::string::npos) {
            text = trimmed(std::string_view(text).substr(0, open));
        }
    }
    return text;
}

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::size_t from = 0;
    for (;;) {
        const auto at = text.find(separator, from);
        parts.push_back(text.substr(from, at == std::string::npos ? std::string::npos : at - from));
        if (at == std::string::npos) {
            return parts;
        }
        from = at + 1;
    }
}

std::string_view modifierKind(int borisType) {
    switch (borisType) {
    case 0:
        return "choice";
    case 2:
        return "number";
    default:
        return "text"; // multiple choice ("a,b") and external data keep BORIS's text
    }
}

// What the file's names stand for in the project's scheme.
struct BorisMapping {
    std::map<std::string, std::string> codes;    // behaviour code -> code id
    std::map<std::string, std::string> subjects; // subject name -> subject id
    // (behaviour code, set index) -> modifier set id, for generated schemes.
    std::map<std::pair<std::string, std::size_t>, std::string> sets;
};

struct Generated {
    GeneratedScheme scheme;
    BorisMapping mapping;
    std::vector<std::string> notes;
};

bool isHexColour(const std::string& text) {
    return text.size() == 7 && text[0] == '#' && std::all_of(text.begin() + 1, text.end(), [](char c) {
               return std::isxdigit(static_cast<unsigned char>(c));
           });
}

Generated generateScheme(const BorisProject& boris, const std::string& fileName) {
    Generated out;
    auto& scheme = out.scheme;
    const auto file = std::filesystem::path(fileName).filename().string();
    scheme.id = schemeIdFrom(
        boris.name.empty() ? std::filesystem::path(fileName).stem().string() : boris.name, "boris");
    scheme.name = boris.name.empty() ? fmt::format("Imported from {}", file) : boris.name;
    scheme.description = fmt::format("Made by SecureBase from the BORIS ethogram in {} (project format {}).",
                                     file, boris.formatVersion);
    std::set<std::string> keys;
    const auto takeKey = [&](const std::string& key, const std::string& owner) -> std::string {
        if (key.empty()) {
            return {};
        }
        const auto normal = schemes::normaliseKey(key);
        if (!normal || !keys.insert(*normal).second) {
            out.notes.push_back(fmt::format("{}: key '{}' {}; left without a key", owner, key,
                                            normal ? "is already bound" : "is not a key SecureBase knows"));
            return {};
        }
        return key;
    };
    IdMaker subjectIds("subject");
    for (const auto& subject : boris.subjects) {
        if (subject.name.empty() || subjectIds.find(subject.name) != nullptr) {
            continue;
        }
        const auto& id = subjectIds.idFor(subject.name);
        scheme.subjects.push_back({id, subject.name,
                                   takeKey(subject.key, fmt::format("subject '{}'", subject.name)),
                                   subject.description});
        out.mapping.subjects.emplace(subject.name, id);
    }
    IdMaker setIds("modifier");
    std::map<std::string, IdMaker> valueIds;
    std::map<std::string, std::size_t> setIndex; // set id -> position in scheme.modifiers
    IdMaker codeIds("behaviour");
    for (const auto& b : boris.behaviours) {
        if (codeIds.find(b.code) != nullptr) {
            throw ImportError(fileName, 0,
                              fmt::format("the behaviour code '{}' is used twice in the ethogram", b.code));
        }
        GeneratedCode code;
        code.id = codeIds.idFor(b.code);
        code.label = b.code;
        code.kind = b.isState() ? "state" : "point";
        code.key = takeKey(b.key, fmt::format("behaviour '{}'", b.code));
        code.description = b.description;
        if (!b.category.empty()) {
            code.description +=
                fmt::format("{}(BORIS category: {})", code.description.empty() ? "" : " ", b.category);
        }
        if (isHexColour(b.colour)) {
            code.colour = b.colour;
        }
        for (std::size_t i = 0; i < b.modifiers.size(); ++i) {
            const auto& set = b.modifiers[i];
            const auto kind = std::string(modifierKind(set.type));
            // One scheme set per name and kind: BORIS repeats a set in every behaviour using it.
            const auto name = set.name.empty() ? fmt::format("{} modifiers {}", b.code, i + 1) : set.name;
            const auto key =
                setIds.find(name + "\x01" + kind) != nullptr ? name + "\x01" + kind : std::string();
            std::string id;
            if (!key.empty()) {
                id = *setIds.find(key);
            } else {
                id = setIds.idFor(name + "\x01" + kind, name);
                scheme.modifiers.push_back({id, name, kind, {}});
                setIndex.emplace(id, scheme.modifiers.size() - 1);
            }
            auto& modifier = scheme.modifiers[setIndex.at(id)];
            if (kind == "choice") {
                auto& values = valueIds.try_emplace(id, "value").first->second;
                for (const auto& value : set.values) {
                    const auto bare = bareValue(value);
                    if (!bare.empty() && values.find(bare) == nullptr) {
                        modifier.values.push_back({values.idFor(bare), bare});
                    }
                }
            }
            if (std::find(code.modifierIds.begin(), code.modifierIds.end(), id) == code.modifierIds.end()) {
                code.modifierIds.push_back(id);
            }
            out.mapping.sets[{b.code, i}] = id;
        }
        out.mapping.codes.emplace(b.code, code.id);
        scheme.codes.push_back(std::move(code));
    }
    // A choice set without values cannot be declared; such sets become text.
    for (auto& modifier : scheme.modifiers) {
        if (modifier.kind == "choice" && modifier.values.empty()) {
            modifier.kind = "text";
        }
    }

    // Exclusions: BORIS stops the excluded states when one starts. A group says the same only
    // when every pair of its states excludes each other (a clique).
    std::map<std::string, std::set<std::string>> excludes; // symmetric, states only
    std::set<std::string> states;
    for (const auto& b : boris.behaviours) {
        if (b.isState()) {
            states.insert(b.code);
        }
    }
    for (const auto& b : boris.behaviours) {
        for (const auto& other : b.excluded) {
            if (states.contains(b.code) && states.contains(other) && other != b.code) {
                excludes[b.code].insert(other);
                excludes[other].insert(b.code);
            }
        }
    }
    std::set<std::string> seen;
    IdMaker groupIds("group");
    for (const auto& b : boris.behaviours) {
        if (!excludes.contains(b.code) || seen.contains(b.code)) {
            continue;
        }
        std::vector<std::string> component;
        std::vector<std::string> stack = {b.code};
        seen.insert(b.code);
        while (!stack.empty()) {
            const auto code = stack.back();
            stack.pop_back();
            component.push_back(code);
            for (const auto& other : excludes[code]) {
                if (seen.insert(other).second) {
                    stack.push_back(other);
                }
            }
        }
        bool clique = true;
        for (const auto& x : component) {
            clique = clique && excludes[x].size() == component.size() - 1;
        }
        std::string names;
        for (const auto& code : component) {
            names += fmt::format("{}'{}'", names.empty() ? "" : ", ", code);
        }
        if (!clique) {
            out.notes.push_back(
                fmt::format("the exclusions among {} do not make every pair exclusive, so they are "
                            "not an exclusive group (BORIS stops excluded states; SecureBase "
                            "groups need each pair to exclude each other)",
                            names));
            continue;
        }
        GeneratedGroup group;
        group.id = groupIds.idFor("exclusive " + out.mapping.codes.at(component.front()));
        group.label = fmt::format("Excluding each other: {}", names);
        for (const auto& code : component) {
            group.codeIds.push_back(out.mapping.codes.at(code));
        }
        scheme.groups.push_back(std::move(group));
    }
    return out;
}

// Names in the file that the project's scheme lacks are an error listing them all.
BorisMapping mappingFromScheme(const schemes::CodingScheme& scheme, const BorisProject& boris,
                               const std::vector<const BorisObservation*>& observations,
                               const std::string& fileName) {
    BorisMapping mapping;
    std::vector<std::string> unknownCodes;
    std::vector<std::string> unknownSubjects;
    for (const auto& b : boris.behaviours) {
        if (const auto* code = findCode(scheme, b.code)) {
            mapping.codes.emplace(b.code, code->id);
        }
    }
    for (const auto& s : boris.subjects) {
        if (const auto* subject = findSubject(scheme, s.name)) {
            mapping.subjects.emplace(s.name, subject->id);
        }
    }
    for (const auto* observation : observations) {
        for (const auto& e : observation->events) {
            if (!mapping.codes.contains(e.code) &&
                std::find(unknownCodes.begin(), unknownCodes.end(), e.code) == unknownCodes.end()) {
                unknownCodes.push_back(e.code);
            }
            if (!e.subject.empty() && !mapping.subjects.contains(e.subject)) {
                if (const auto* subject = findSubject(scheme, e.subject)) {
                    mapping.subjects.emplace(e.subject, subject->id);
                } else if (std::find(unknownSubjects.begin(), unknownSubjects.end(), e.subject) ==
                           unknownSubjects.end()) {
                    unknownSubjects.push_back(e.subject);
                }
            }
        }
    }
    const auto list = [](const std::vector<std::string>& names) {
        std::string text;
        for (const auto& name : names) {
            text += fmt::format("{}'{}'", text.empty() ? "" : ", ", name);
        }
        return text;
    };
    if (!unknownCodes.empty()) {
        throw ImportError(
            fileName, 0,
            fmt::format("behaviours not in scheme {} {}: {} (create the project from the file with "
                        "project create --from-boris, or add the codes to the scheme)",
                        scheme.id, scheme.version, list(unknownCodes)));
    }
    if (!unknownSubjects.empty()) {
        throw ImportError(fileName, 0,
                          fmt::format("subjects not in scheme {} {}: {}", scheme.id, scheme.version,
                                      list(unknownSubjects)));
    }
    return mapping;
}

class ObservationReader {
public:
    ObservationReader(const schemes::CodingScheme& scheme, const BorisProject& boris,
                      const BorisMapping& mapping, const std::string& fileName, bool closeUnpaired)
        : scheme_(scheme)
        , mapping_(mapping)
        , fileName_(fileName)
        , closeUnpaired_(closeUnpaired) {
        for (const auto& b : boris.behaviours) {
            behaviours_.emplace(b.code, &b);
        }
    }

    // Rows of one observation; only code, subject, times, modifiers, comment and `where` set.
    std::vector<ImportedRow> rows(const BorisObservation& o, BorisImportSummary::Observation& summary) {
        std::vector<ImportedRow> out;
        struct Open {
            const BorisEvent* start;
        };
        std::map<std::tuple<std::string, std::string, std::string>, Open> open;
        Microseconds last{0};
        for (const auto& e : o.events) {
            const auto where = fmt::format("observation '{}', event index {}", o.id, e.index);
            if (e.time < Microseconds{0}) {
                fail(where, fmt::format("the time {} s is negative", formatSeconds(e.time)));
            }
            if (e.time < last) {
                fail(where,
                     fmt::format("the time {} s is before the previous event's ({} s): events must be in "
                                 "time order",
                                 formatSeconds(e.time), formatSeconds(last)));
            }
            last = e.time;
            const auto behaviour = behaviours_.find(e.code);
            if (behaviour == behaviours_.end()) {
                fail(where, fmt::format("the behaviour '{}' is not in the ethogram", e.code));
            }
            const auto& b = *behaviour->second;
            const auto* code = scheme_.code(mapping_.codes.at(e.code));
            if (code == nullptr) {
                fail(where, fmt::format("the behaviour '{}' has no code in the scheme", e.code));
            }
            if ((code->kind == schemes::CodeKind::State) != b.isState()) {
                fail(where, fmt::format("'{}' is a {} in BORIS but code '{}' is a {} in the scheme", e.code,
                                        b.isState() ? "state event" : "point event", code->id,
                                        code->kind == schemes::CodeKind::State ? "state" : "point event"));
            }
            if (!b.isState()) {
                out.push_back(row(o, e, nullptr, *code, b, where));
                continue;
            }
            const auto key = std::make_tuple(e.subject, e.code, e.modifiers);
            if (const auto found = open.find(key); found != open.end()) {
                const auto* start = found->second.start;
                open.erase(found);
                if (e.time <= start->time) {
                    fail(where, fmt::format("the state '{}' stops at {} s, when it starts (event index {})",
                                            e.code, formatSeconds(e.time), start->index));
                }
                out.push_back(row(o, *start, &e, *code, b,
                                  fmt::format("observation '{}', event index {}", o.id, start->index)));
            } else {
                open.emplace(key, Open{&e});
            }
        }
        // Unpaired starts, in event order.
        std::vector<const BorisEvent*> unpaired;
        for (const auto& [key, value] : open) {
            unpaired.push_back(value.start);
        }
        std::sort(unpaired.begin(), unpaired.end(),
                  [](const BorisEvent* x, const BorisEvent* y) { return x->index < y->index; });
        for (const auto* start : unpaired) {
            const auto where = fmt::format("observation '{}', event index {}", o.id, start->index);
            if (!closeUnpaired_) {
                fail(where,
                     fmt::format("the state '{}'{} starts at {} s and never stops (BORIS: \"state events "
                                 "not paired\"); give --close-unpaired to close it at the observation's end",
                                 start->code,
                                 start->subject.empty() ? "" : fmt::format(" of '{}'", start->subject),
                                 formatSeconds(start->time)));
            }
            BorisEvent stop = *start;
            stop.comment.clear();
            stop.time = std::max(observationEnd(o), start->time + Microseconds{1000});
            const auto& b = *behaviours_.at(start->code);
            out.push_back(row(o, *start, &stop, *scheme_.code(mapping_.codes.at(start->code)), b, where));
            ++summary.closed;
        }
        summary.events = o.events.size();
        return out;
    }

private:
    [[noreturn]] void fail(const std::string& where, const std::string& reason) const {
        throw ImportError(fileName_, 0, fmt::format("{}: {}", where, reason));
    }

    static Microseconds observationEnd(const BorisObservation& o) {
        if (o.intervalEnd) {
            return *o.intervalEnd;
        }
        Microseconds media{0};
        for (const auto& player : o.players) {
            if (player.player == 1) {
                for (const auto& file : player.files) {
                    const auto length = o.lengths.find(file);
                    media += length == o.lengths.end() ? Microseconds{0} : length->second;
                }
            }
        }
        if (media > Microseconds{0}) {
            return media;
        }
        return o.events.empty() ? Microseconds{0} : o.events.back().time;
    }

    ImportedRow row(const BorisObservation& o, const BorisEvent& start, const BorisEvent* stop,
                    const schemes::Code& code, const BorisBehaviour& b, const std::string& where) const {
        (void)o;
        ImportedRow r;
        r.where = where;
        r.row = static_cast<int>(start.index) + 1; // orders rows for "the later one" in conflicts
        auto& a = r.annotation;
        a.code = code.id;
        if (!start.subject.empty()) {
            a.subject = mapping_.subjects.at(start.subject);
        }
        a.start = start.time;
        if (stop != nullptr) {
            a.end = stop->time;
        }
        a.comment = start.comment;
        if (stop != nullptr && !stop->comment.empty()) {
            a.comment += (a.comment.empty() ? "" : "; ") + stop->comment;
        }
        a.modifiers = modifiers(start.modifiers, code, b, where);
        return r;
    }

    Modifiers modifiers(const std::string& text, const schemes::Code& code, const BorisBehaviour& b,
                        const std::string& where) const {
        Modifiers out;
        if (text.empty()) {
            return out;
        }
        const auto parts = split(text, '|');
        if (parts.size() > b.modifiers.size()) {
            fail(where, fmt::format("the modifiers '{}' name {} set{}, but behaviour '{}' has {}", text,
                                    parts.size(), parts.size() == 1 ? "" : "s", b.code, b.modifiers.size()));
        }
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const auto value = trimmed(parts[i]);
            if (value.empty() || value == "None") {
                continue;
            }
            const auto& borisSet = b.modifiers[i];
            const schemes::ModifierSet* set = nullptr;
            if (const auto id = mapping_.sets.find({b.code, i}); id != mapping_.sets.end()) {
                set = scheme_.modifier(id->second);
            } else {
                set = findModifier(scheme_, code, borisSet.name);
            }
            if (set == nullptr) {
                fail(where,
                     fmt::format("modifier set '{}' of '{}' is not a modifier of code '{}' in the scheme",
                                 borisSet.name, b.code, code.id));
            }
            if (set->kind == schemes::ModifierKind::Choice) {
                const auto* found = findValue(*set, bareValue(value));
                if (found == nullptr) {
                    fail(where,
                         fmt::format("'{}' is not a value of modifier set '{}'", value, borisSet.name));
                }
                out[set->id] = found->id;
            } else {
                out[set->id] = value;
            }
        }
        return out;
    }

    const schemes::CodingScheme& scheme_;
    const BorisMapping& mapping_;
    std::string fileName_;
    bool closeUnpaired_;
    std::map<std::string, const BorisBehaviour*> behaviours_;
};

std::vector<const BorisObservation*> selectedObservations(const BorisProject& boris,
                                                          const BorisImportOptions& options,
                                                          const std::string& fileName) {
    std::vector<const BorisObservation*> out;
    if (options.observations.empty()) {
        for (const auto& o : boris.observations) {
            out.push_back(&o);
        }
        return out;
    }
    for (const auto& name : options.observations) {
        const auto found = std::find_if(boris.observations.begin(), boris.observations.end(),
                                        [&](const BorisObservation& o) { return o.id == name; });
        if (found == boris.observations.end()) {
            std::string names;
            for (const auto& o : boris.observations) {
                names += fmt::format("{}'{}'", names.empty() ? "" : ", ", o.id);
            }
            throw ImportError(fileName, 0, fmt::format("no observation '{}' (the file has {})", name, names));
        }
        out.push_back(&*found);
    }
    return out;
}

std::vector<MediaFile> observationMedia(const BorisObservation& o, const std::string& fileName,
                                        const std::filesystem::path& baseDir,
                                        const BorisImportOptions& options, std::vector<std::string>& notes) {
    std::vector<MediaFile> media;
    for (const auto& player : o.players) {
        Microseconds at = player.offset;
        for (std::size_t i = 0; i < player.files.size(); ++i) {
            const auto& file = player.files[i];
            media.push_back(
                {resolveMediaPath(file, baseDir, options.mediaRoot, fileName, 0,
                                  fmt::format("observation '{}', player {}", o.id, player.player)),
                 at});
            const auto length = o.lengths.find(file);
            if (length == o.lengths.end() && i + 1 < player.files.size()) {
                notes.push_back(
                    fmt::format("observation '{}': the length of '{}' is not recorded, so the next "
                                "file of player {} is placed at the same time",
                                o.id, file, player.player));
            }
            at += length == o.lengths.end() ? Microseconds{0} : length->second;
        }
    }
    return media;
}

BorisImportSummary importProject(Project& project, const BorisProject& boris, const std::string& fileName,
                                 const std::filesystem::path& baseDir, const BorisImportOptions& options,
                                 const BorisMapping* generated) {
    if (options.coder.empty()) {
        throw std::invalid_argument("a BORIS import needs the coder (--coder)");
    }
    const auto observations = selectedObservations(boris, options, fileName);
    auto& store = project.store();
    const auto& scheme = project.scheme();
    const auto mapping =
        generated != nullptr ? *generated : mappingFromScheme(scheme, boris, observations, fileName);
    BorisImportSummary summary;
    ObservationReader reader(scheme, boris, mapping, fileName, options.closeUnpaired);
    std::vector<std::vector<ImportedRow>> rows;
    std::vector<std::vector<MediaFile>> media;
    for (const auto* o : observations) {
        summary.observations.push_back({o->id, false, 0, 0, 0});
        rows.push_back(reader.rows(*o, summary.observations.back()));
        media.push_back(observationMedia(*o, fileName, baseDir, options, summary.notes));
    }
    if (boris.hasIndependentVariables) {
        summary.notes.push_back(
            "independent variables are not imported (SecureBase has no place for them yet)");
    }

    auto transaction = store.beginTransaction();
    const auto schemeVersion = project.schemes().currentId();
    CoderId coder;
    if (const auto existing = store.findCoder(options.coder)) {
        coder = existing->id;
    } else {
        coder = store.addCoder(options.coder, CoderRole::Coder);
        summary.notes.push_back(fmt::format("added coder '{}'", options.coder));
    }
    std::vector<ImportedRow> all;
    for (std::size_t i = 0; i < observations.size(); ++i) {
        auto& s = summary.observations[i];
        SessionId session;
        if (const auto existing = store.findSession(s.session)) {
            session = existing->id;
        } else {
            session = store.addSession(s.session, media[i]);
            s.created = true;
        }
        s.annotations = rows[i].size();
        for (auto& row : rows[i]) {
            row.annotation.session = session;
            row.annotation.coder = coder;
            row.annotation.schemeVersion = schemeVersion;
            all.push_back(std::move(row));
        }
    }
    summary.annotations = writeImportedRows(project, all, fileName);
    transaction.commit();
    return summary;
}

} // namespace

BorisImportSummary importBorisText(Project& project, std::string_view text, const std::string& fileName,
                                   const std::filesystem::path& baseDir, const BorisImportOptions& options) {
    const auto audit = project.store().auditLabel(fmt::format("Import {}", fileName));
    const auto boris = readBoris(text, fileName);
    return importProject(project, boris, fileName, baseDir, options, nullptr);
}

BorisImportSummary importBoris(Project& project, const std::filesystem::path& file,
                               const BorisImportOptions& options) {
    return importBorisText(project, readImportFile(file), file.string(), file.parent_path(), options);
}

std::unique_ptr<Project> createProjectFromBoris(const std::filesystem::path& projectFile,
                                                const std::filesystem::path& borisFile,
                                                const BorisImportOptions& options,
                                                BorisImportSummary* summary) {
    const auto fileName = borisFile.string();
    const auto boris = readBoris(readImportFile(borisFile), fileName);
    auto generated = generateScheme(boris, fileName);
    auto project = Project::createFromSchemeText(projectFile, schemeJson(generated.scheme),
                                                 fileName + " (generated scheme)");
    try {
        auto result =
            importProject(*project, boris, fileName, borisFile.parent_path(), options, &generated.mapping);
        result.notes.insert(result.notes.begin(), generated.notes.begin(), generated.notes.end());
        if (summary != nullptr) {
            *summary = std::move(result);
        }
    } catch (...) {
        project.reset();
        discardProjectFile(projectFile);
        throw;
    }
    return project;
}

} // namespace sb::annotation::io
