#include "annotation/io/eaf_import.h"

#include "annotation/io/annotation_transfer.h"
#include "annotation/io/generated_scheme.h"
#include "annotation/io/import_error.h"
#include "annotation/io/media_paths.h"
#include "annotation/io/modifier_text.h"
#include "annotation/io/scheme_ids.h"
#include "annotation/io/scheme_lookup.h"

#include <fmt/core.h>

#include <algorithm>
#include <set>

namespace sb::annotation::io {

namespace {

constexpr std::string_view kModifiersSuffix = "#modifiers";
constexpr std::string_view kCommentSuffix = "#comment";

struct Companion {
    std::map<std::string, const EafAnnotation*> modifiers; // by parent annotation id
    std::map<std::string, const EafAnnotation*> comments;
};

// "<tier>#modifiers" / "<tier>#comment" children of the tier they name, as our export writes.
bool isCompanion(const EafTier& tier) {
    for (const auto suffix : {kModifiersSuffix, kCommentSuffix}) {
        if (tier.id.ends_with(suffix) && tier.parentId == tier.id.substr(0, tier.id.size() - suffix.size())) {
            return true;
        }
    }
    return false;
}

std::vector<const EafTier*> selectedTiers(const EafDocument& document, const EafImportOptions& options,
                                          const std::string& fileName) {
    std::vector<const EafTier*> tiers;
    if (options.tiers.empty()) {
        for (const auto& tier : document.tiers) {
            if (!tier.annotations.empty() && !isCompanion(tier)) {
                tiers.push_back(&tier);
            }
        }
        return tiers;
    }
    for (const auto& name : options.tiers) {
        const EafTier* found = nullptr;
        for (const auto& tier : document.tiers) {
            found = tier.id == name ? &tier : found;
        }
        if (found == nullptr) {
            std::string names;
            for (const auto& tier : document.tiers) {
                names += fmt::format("{}'{}'", names.empty() ? "" : ", ", tier.id);
            }
            throw ImportError(fileName, 0, fmt::format("no tier '{}' (the file has {})", name, names));
        }
        tiers.push_back(found);
    }
    return tiers;
}

// The raw name of the code an annotation is coded with under the mapping.
const std::string& codeName(const EafTier& tier, const EafAnnotation& annotation, TierMapping mapping) {
    return mapping == TierMapping::Coder ? annotation.value : tier.id;
}

std::string coderName(const EafTier& tier) {
    return tier.annotator.empty() ? tier.id : tier.annotator;
}

std::vector<MediaFile> sessionMedia(const EafDocument& document, const std::string& fileName,
                                    const std::filesystem::path& baseDir, const EafImportOptions& options) {
    std::vector<MediaFile> media;
    for (const auto& descriptor : document.media) {
        std::optional<std::string> path;
        std::string named = descriptor.mediaUrl;
        if (!descriptor.relativeMediaUrl.empty()) {
            path = localPathOfUrl(descriptor.relativeMediaUrl);
            named = descriptor.relativeMediaUrl;
        }
        if (!path) {
            path = localPathOfUrl(descriptor.mediaUrl);
            named = descriptor.mediaUrl;
        }
        if (!path || path->empty()) {
            throw ImportError(fileName, descriptor.line,
                              fmt::format("MEDIA_DESCRIPTOR: '{}' is not a local file (only file: URLs and "
                                          "paths are accepted)",
                                          named));
        }
        media.push_back({resolveMediaPath(*path, baseDir, options.mediaRoot, fileName, descriptor.line,
                                          "MEDIA_DESCRIPTOR"),
                         Microseconds{-descriptor.timeOriginMs * 1000}});
    }
    return media;
}

struct GeneratedFromEaf {
    GeneratedScheme scheme;
    std::map<std::string, std::string> codeIds; // raw name -> code id
};

GeneratedFromEaf generateScheme(const EafDocument& document, const std::string& fileName,
                                const EafImportOptions& options) {
    GeneratedFromEaf out;
    auto& scheme = out.scheme;
    const auto stem = std::filesystem::path(fileName).stem().string();
    scheme.id = schemeIdFrom(stem, "elan");
    scheme.name = fmt::format("Imported from {}", std::filesystem::path(fileName).filename().string());
    scheme.description = fmt::format("Made by SecureBase from the ELAN file {} ({} tier mapping).",
                                     std::filesystem::path(fileName).filename().string(),
                                     options.mapping == TierMapping::Coder ? "coder" : "code");
    IdMaker codeIds("code");
    IdMaker groupIds("group");
    IdMaker subjectIds("subject");
    std::set<std::string> grouped;
    const auto addCode = [&](const std::string& name, const std::string& description) -> const std::string& {
        const bool isNew = codeIds.find(name) == nullptr;
        const auto& id = codeIds.idFor(name);
        if (isNew) {
            scheme.codes.push_back({id, name, "state", "", description, "", {}});
            out.codeIds.emplace(name, id);
        }
        return id;
    };
    const auto tiers = selectedTiers(document, options, fileName);
    std::set<std::string> vocabulariesDone;
    for (const auto* tier : tiers) {
        if (options.mapping == TierMapping::Code) {
            addCode(tier->id, "");
        } else {
            if (const auto* vocabulary = document.vocabularyOf(*tier);
                vocabulary != nullptr && vocabulariesDone.insert(vocabulary->id).second) {
                GeneratedGroup group{groupIds.idFor(vocabulary->id),
                                     vocabulary->description.empty() ? vocabulary->id
                                                                     : vocabulary->description,
                                     {}};
                for (const auto& entry : vocabulary->entries) {
                    if (entry.value.empty()) {
                        continue;
                    }
                    const auto& id = addCode(entry.value, entry.description);
                    if (grouped.insert(id).second) {
                        group.codeIds.push_back(id);
                    }
                }
                // A one-code vocabulary (our export's ungrouped codes) excludes nothing.
                if (group.codeIds.size() >= 2) {
                    scheme.groups.push_back(std::move(group));
                }
            }
            for (const auto& annotation : tier->annotations) {
                if (!annotation.value.empty()) {
                    addCode(annotation.value, "");
                }
            }
        }
        // Modifiers written by our export ("<tier>#modifiers"): their sets become text modifiers of
        // the codes they were given with, so nothing is refused; the values stay as written.
        if (options.mapping == TierMapping::Coder) {
            for (const auto& child : document.tiers) {
                if (child.parentId != tier->id || child.id != tier->id + std::string(kModifiersSuffix)) {
                    continue;
                }
                std::map<std::string, const EafAnnotation*> parents;
                for (const auto& annotation : tier->annotations) {
                    parents.emplace(annotation.id, &annotation);
                }
                for (const auto& note : child.annotations) {
                    const auto parent = parents.find(note.parentId);
                    const auto modifiers = decodeModifiers(note.value);
                    if (parent == parents.end() || !modifiers ||
                        !out.codeIds.contains(parent->second->value)) {
                        continue; // the import reports it
                    }
                    const auto& codeId = out.codeIds.at(parent->second->value);
                    auto& code = *std::find_if(scheme.codes.begin(), scheme.codes.end(),
                                               [&](const GeneratedCode& c) { return c.id == codeId; });
                    for (const auto& [set, value] : *modifiers) {
                        if (std::none_of(scheme.modifiers.begin(), scheme.modifiers.end(),
                                         [&](const GeneratedModifier& m) { return m.id == set; })) {
                            scheme.modifiers.push_back({set, set, "text", {}});
                        }
                        if (std::find(code.modifierIds.begin(), code.modifierIds.end(), set) ==
                            code.modifierIds.end()) {
                            code.modifierIds.push_back(set);
                        }
                    }
                }
            }
        }
        if (!tier->participant.empty() && subjectIds.find(tier->participant) == nullptr) {
            scheme.subjects.push_back({subjectIds.idFor(tier->participant), tier->participant, "", ""});
        }
    }
    return out;
}

EafImportSummary importDocument(Project& project, const EafDocument& document, const std::string& fileName,
                                const std::filesystem::path& baseDir, const EafImportOptions& options,
                                const std::map<std::string, std::string>* generatedIds) {
    if (options.mapping == TierMapping::Code && options.coder.empty()) {
        throw std::invalid_argument("the code tier mapping needs the coder (--coder)");
    }
    auto& store = project.store();
    EafImportSummary summary;
    summary.session =
        options.session.empty() ? std::filesystem::path(fileName).stem().string() : options.session;
    const auto tiers = selectedTiers(document, options, fileName);
    const auto media = sessionMedia(document, fileName, baseDir, options);

    // Companion tiers, by the tier they annotate.
    std::map<std::string, Companion> companions;
    for (const auto& tier : document.tiers) {
        if (!isCompanion(tier)) {
            continue;
        }
        auto& companion = companions[tier.parentId];
        auto& target = tier.id.ends_with(kModifiersSuffix) ? companion.modifiers : companion.comments;
        for (const auto& annotation : tier.annotations) {
            target[annotation.parentId] = &annotation;
        }
    }

    // Every code the file uses, resolved against the current scheme (or the generated ids).
    const auto& current = project.scheme();
    std::map<std::string, std::string> codeIds;
    std::vector<std::pair<std::string, int>> unknown; // raw name, first line
    for (const auto* tier : tiers) {
        for (const auto& annotation : tier->annotations) {
            const auto& name = codeName(*tier, annotation, options.mapping);
            if (name.empty()) {
                throw ImportError(
                    fileName, annotation.line,
                    fmt::format("annotation '{}' on tier '{}' has an empty value, which cannot be "
                                "a code (with --tier-mapping coder every value is a code)",
                                annotation.id, tier->id));
            }
            if (codeIds.contains(name)) {
                continue;
            }
            if (generatedIds != nullptr && generatedIds->contains(name)) {
                codeIds.emplace(name, generatedIds->at(name));
            } else if (const auto* code = findCode(current, name)) {
                codeIds.emplace(name, code->id);
            } else {
                codeIds.emplace(name, "");
                unknown.emplace_back(name, annotation.line);
            }
        }
    }
    if (!unknown.empty() && !options.addCodes) {
        std::string list;
        for (std::size_t i = 0; i < unknown.size() && i < 20; ++i) {
            list += fmt::format("{}'{}' (line {})", i == 0 ? "" : ", ", unknown[i].first, unknown[i].second);
        }
        if (unknown.size() > 20) {
            list += fmt::format(" and {} more", unknown.size() - 20);
        }
        throw ImportError(
            fileName, unknown.front().second,
            fmt::format("{} code{} not in scheme {} {}: {}; add them with --add-codes, or fix the "
                        "scheme or the tier mapping",
                        unknown.size(), unknown.size() == 1 ? " is" : "s are", current.id, current.version,
                        list));
    }

    auto transaction = store.beginTransaction();
    if (!unknown.empty()) {
        IdMaker ids("code");
        for (const auto& code : current.codes) {
            ids.reserve(code.id);
        }
        std::vector<GeneratedCode> codes;
        for (const auto& [name, line] : unknown) {
            const auto& id = ids.idFor(name);
            codes.push_back({id, name, "state", "", "", "", {}});
            codeIds[name] = id;
            summary.codesAdded.push_back(id);
        }
        addCodesToCurrentScheme(project, codes);
    }
    const auto schemeVersion = project.schemes().currentId();
    const auto& scheme = project.schemes().current();

    SessionId session;
    if (const auto existing = store.findSession(summary.session)) {
        session = existing->id;
        if (!media.empty() && existing->media != media) {
            summary.notes.push_back(fmt::format(
                "session '{}' exists: its media are kept, the file's MEDIA_DESCRIPTORs are not used",
                summary.session));
        }
    } else {
        session = store.addSession(summary.session, media);
        summary.sessionCreated = true;
        summary.media = media.size();
    }

    std::map<std::string, CoderId> coders;
    const auto coderFor = [&](const std::string& name, int line) {
        if (const auto found = coders.find(name); found != coders.end()) {
            return found->second;
        }
        CoderId id;
        if (const auto existing = store.findCoder(name)) {
            id = existing->id;
        } else if (options.addCoders) {
            id = store.addCoder(name, CoderRole::Coder);
            summary.codersAdded.push_back(name);
        } else {
            throw ImportError(fileName, line, fmt::format("unknown coder '{}'", name));
        }
        coders.emplace(name, id);
        return id;
    };

    std::set<std::string> unknownParticipants;
    std::vector<ImportedRow> rows;
    for (const auto* tier : tiers) {
        const CoderId coder =
            coderFor(options.mapping == TierMapping::Coder ? coderName(*tier) : options.coder, tier->line);
        std::optional<std::string> subject;
        if (!tier->participant.empty()) {
            if (const auto* found = findSubject(scheme, tier->participant)) {
                subject = found->id;
            } else if (unknownParticipants.insert(tier->participant).second) {
                summary.notes.push_back(fmt::format("participant '{}' (tier '{}') is not a subject of the "
                                                    "scheme; its annotations are imported without a subject",
                                                    tier->participant, tier->id));
            }
        }
        const auto companion = companions.find(tier->id);
        for (const auto& annotation : tier->annotations) {
            ImportedRow row;
            row.row = annotation.line;
            auto& a = row.annotation;
            a.session = session;
            a.coder = coder;
            a.schemeVersion = schemeVersion;
            a.code = codeIds.at(codeName(*tier, annotation, options.mapping));
            a.subject = subject;
            a.start = annotation.start;
            const auto* code = scheme.code(a.code);
            if (code != nullptr && code->kind == schemes::CodeKind::State) {
                if (annotation.end <= annotation.start) {
                    throw ImportError(
                        fileName, annotation.line,
                        fmt::format("annotation '{}' on tier '{}' takes no time ({} ms), but '{}' "
                                    "is a state, which needs an end after its start",
                                    annotation.id, tier->id, annotation.start.count() / 1000, a.code));
                }
                a.end = annotation.end;
            }
            if (options.mapping == TierMapping::Code) {
                a.comment = annotation.value;
            }
            if (companion != companions.end()) {
                if (const auto found = companion->second.comments.find(annotation.id);
                    found != companion->second.comments.end()) {
                    a.comment = found->second->value;
                }
                if (const auto found = companion->second.modifiers.find(annotation.id);
                    found != companion->second.modifiers.end()) {
                    std::string why;
                    auto modifiers = decodeModifiers(found->second->value, &why);
                    if (!modifiers) {
                        throw ImportError(fileName, found->second->line,
                                          fmt::format("bad modifiers '{}': {}", found->second->value, why));
                    }
                    a.modifiers = std::move(*modifiers);
                }
            }
            rows.push_back(std::move(row));
        }
    }
    summary.annotations = writeImportedRows(project, rows, fileName);
    transaction.commit();
    return summary;
}

} // namespace

EafImportSummary importEafText(Project& project, std::string_view text, const std::string& fileName,
                               const std::filesystem::path& baseDir, const EafImportOptions& options) {
    const auto audit = project.store().auditLabel(fmt::format("Import {}", fileName));
    const auto document = readEaf(text, fileName);
    return importDocument(project, document, fileName, baseDir, options, nullptr);
}

EafImportSummary importEaf(Project& project, const std::filesystem::path& file,
                           const EafImportOptions& options) {
    return importEafText(project, readImportFile(file), file.string(), file.parent_path(), options);
}

std::unique_ptr<Project> createProjectFromEaf(const std::filesystem::path& projectFile,
                                              const std::filesystem::path& eafFile,
                                              const EafImportOptions& options, EafImportSummary* summary) {
    const auto fileName = eafFile.string();
    const auto document = readEaf(readImportFile(eafFile), fileName);
    const auto generated = generateScheme(document, fileName, options);
    const auto text = schemeJson(generated.scheme);
    auto project = Project::createFromSchemeText(projectFile, text, fileName + " (generated scheme)");
    try {
        auto result =
            importDocument(*project, document, fileName, eafFile.parent_path(), options, &generated.codeIds);
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
