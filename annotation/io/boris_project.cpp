#include "annotation/io/boris_project.h"

#include "annotation/io/import_error.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace sb::annotation::io {

namespace {

using Json = nlohmann::json;

class BorisReader {
public:
    explicit BorisReader(const std::string& fileName)
        : fileName_(fileName) {}

    BorisProject read(std::string_view text) {
        Json root;
        try {
            root = Json::parse(text.begin(), text.end());
        } catch (const Json::parse_error& e) {
            // e.byte is 1-based, just past the point where parsing stopped.
            const auto at = std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
            const auto before = text.substr(0, at);
            const auto line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
            const auto lastNewline = before.rfind('\n');
            const auto column = at - (lastNewline == std::string_view::npos ? 0 : lastNewline + 1) + 1;
            std::string what = e.what();
            if (const auto colon = what.find("syntax error"); colon != std::string::npos) {
                what = what.substr(colon);
            }
            throw ImportError(fileName_, line, fmt::format("malformed JSON at column {}: {}", column, what));
        }
        if (!root.is_object() || !root.contains("behaviors_conf") || !root.contains("observations")) {
            throw ImportError(fileName_, 0,
                              "not a BORIS project (a JSON object with behaviors_conf and observations)");
        }
        BorisProject project;
        const auto& version = root.value("project_format_version", Json());
        if (version.is_string()) {
            project.formatVersion = version.get<std::string>();
        } else if (version.is_number()) {
            project.formatVersion = fmt::format("{}", version.get<double>());
        } else {
            throw ImportError(fileName_, 0,
                              "no project_format_version: a BORIS file older than 4.0 (open and save it in "
                              "BORIS 7 or later first)");
        }
        project.name = string(root, "project_name", "the project");
        for (const auto& entry : indexed(root["behaviors_conf"], "behaviors_conf")) {
            project.behaviours.push_back(behaviour(entry));
        }
        if (root.contains("subjects_conf")) {
            for (const auto& entry : indexed(root["subjects_conf"], "subjects_conf")) {
                project.subjects.push_back({string(entry, "name", "a subject"),
                                            string(entry, "key", "a subject"),
                                            string(entry, "description", "a subject")});
            }
        }
        const auto& variables = root.value("independent_variables", Json());
        project.hasIndependentVariables = variables.is_object() && !variables.empty();
        const auto& observations = root["observations"];
        if (!observations.is_object()) {
            throw ImportError(fileName_, 0, "observations is not an object");
        }
        for (const auto& [id, observation] : observations.items()) {
            project.observations.push_back(readObservation(id, observation));
        }
        return project;
    }

private:
    [[noreturn]] void fail(const std::string& reason) const { throw ImportError(fileName_, 0, reason); }

    std::string string(const Json& object, const char* key, std::string_view owner) const {
        if (!object.is_object() || !object.contains(key) || object[key].is_null()) {
            return {};
        }
        const auto& value = object[key];
        if (value.is_string()) {
            return value.get<std::string>();
        }
        if (value.is_number()) {
            return value.dump();
        }
        fail(fmt::format("{}: '{}' is not text", owner, key));
    }

    // A BORIS "list": an object keyed by row index, or (older files) an array.
    std::vector<Json> indexed(const Json& section, std::string_view name) const {
        std::vector<Json> out;
        if (section.is_array()) {
            out.assign(section.begin(), section.end());
            return out;
        }
        if (section.is_string() && section.get<std::string>().empty()) {
            return out; // legacy ""
        }
        if (!section.is_object()) {
            fail(fmt::format("{} is neither an object nor a list", name));
        }
        std::vector<std::pair<long, const Json*>> rows;
        for (const auto& [key, value] : section.items()) {
            char* end = nullptr;
            const long index = std::strtol(key.c_str(), &end, 10);
            rows.emplace_back(end != nullptr && *end == '\0' ? index : 1L << 30, &value);
        }
        std::stable_sort(rows.begin(), rows.end(),
                         [](const auto& x, const auto& y) { return x.first < y.first; });
        for (const auto& [index, value] : rows) {
            out.push_back(*value);
        }
        return out;
    }

    BorisBehaviour behaviour(const Json& entry) const {
        BorisBehaviour b;
        if (!entry.is_object()) {
            fail("behaviors_conf holds an entry that is not an object");
        }
        b.code = string(entry, "code", "a behaviour");
        const auto owner = fmt::format("behaviour '{}'", b.code);
        if (b.code.empty()) {
            fail("a behaviour of behaviors_conf has no code");
        }
        b.type = string(entry, "type", owner);
        if (!b.type.starts_with("State") && !b.type.starts_with("Point")) {
            fail(fmt::format("{}: unknown type '{}' (Point event or State event)", owner, b.type));
        }
        b.key = string(entry, "key", owner);
        b.description = string(entry, "description", owner);
        b.category = string(entry, "category", owner);
        b.colour = string(entry, "color", owner);
        const auto& modifiers = entry.value("modifiers", Json());
        if (modifiers.is_string() && !modifiers.get<std::string>().empty()) {
            fail(fmt::format(
                "{}: modifiers in the pre-4.0 text form '{}' (open and save the project in BORIS 7 or "
                "later first)",
                owner, modifiers.get<std::string>()));
        }
        if (!modifiers.is_null()) {
            for (const auto& set : indexed(modifiers, owner + " modifiers")) {
                BorisModifierSet s;
                s.name = string(set, "name", owner);
                const auto& type = set.value("type", Json(0));
                s.type = type.is_number_integer() ? type.get<int>() : 0;
                const auto& values = set.value("values", Json::array());
                if (!values.is_array()) {
                    fail(fmt::format("{}: the values of modifier set '{}' are not a list", owner, s.name));
                }
                for (const auto& value : values) {
                    if (!value.is_string()) {
                        fail(fmt::format("{}: a value of modifier set '{}' is not text", owner, s.name));
                    }
                    s.values.push_back(value.get<std::string>());
                }
                b.modifiers.push_back(std::move(s));
            }
        }
        const auto excluded = string(entry, "excluded", owner);
        std::size_t from = 0;
        while (from <= excluded.size() && !excluded.empty()) {
            const auto comma = std::min(excluded.find(',', from), excluded.size());
            if (comma > from) {
                b.excluded.push_back(excluded.substr(from, comma - from));
            }
            from = comma + 1;
        }
        return b;
    }

    Microseconds seconds(const Json& value, const std::string& where) const {
        if (!value.is_number()) {
            fail(fmt::format("{}: the time {} is not a number of seconds", where, value.dump()));
        }
        const double s = value.get<double>();
        if (!std::isfinite(s) || std::fabs(s) > 1e9) {
            fail(fmt::format("{}: the time {} is out of range", where, value.dump()));
        }
        return Microseconds{std::llround(s * 1e6)};
    }

    BorisObservation readObservation(const std::string& id, const Json& json) const {
        BorisObservation o;
        o.id = id;
        const auto owner = fmt::format("observation '{}'", id);
        if (!json.is_object()) {
            fail(fmt::format("{} is not an object", owner));
        }
        o.type = string(json, "type", owner);
        o.description = string(json, "description", owner);
        const auto& info = json.value("media_info", Json::object());
        if (info.is_object() && info.contains("length") && info["length"].is_object()) {
            for (const auto& [path, length] : info["length"].items()) {
                if (length.is_number()) {
                    o.lengths[path] = seconds(length, owner);
                }
            }
        }
        const auto& files = json.value("file", Json());
        if (files.is_object()) {
            for (const auto& [player, list] : files.items()) {
                BorisPlayer p;
                p.player = std::atoi(player.c_str());
                if (p.player < 1 || p.player > 8 || !list.is_array()) {
                    fail(fmt::format("{}: bad media player entry '{}'", owner, player));
                }
                for (const auto& path : list) {
                    if (!path.is_string()) {
                        fail(fmt::format("{}: a media path of player {} is not text", owner, player));
                    }
                    p.files.push_back(path.get<std::string>());
                }
                if (info.is_object() && info.contains("offset") && info["offset"].is_object() &&
                    info["offset"].contains(player)) {
                    p.offset = seconds(info["offset"][player], owner + " media offset");
                } else if (p.player == 2 && json.contains("time offset second player")) {
                    p.offset =
                        seconds(json["time offset second player"], owner + " time offset second player");
                }
                if (!p.files.empty()) {
                    o.players.push_back(std::move(p));
                }
            }
        } else if (!files.is_null() && !files.is_array()) { // old LIVE observations: "file": []
            fail(fmt::format("{}: 'file' is neither an object nor a list", owner));
        }
        std::sort(o.players.begin(), o.players.end(),
                  [](const BorisPlayer& x, const BorisPlayer& y) { return x.player < y.player; });
        const auto& interval = json.value("observation time interval", Json());
        if (interval.is_array() && interval.size() == 2 && interval[1].is_number() &&
            interval[1].get<double>() > 0) {
            o.intervalEnd = seconds(interval[1], owner);
        }
        const auto& events = json.value("events", Json::array());
        if (!events.is_array()) {
            fail(fmt::format("{}: events is not a list", owner));
        }
        for (std::size_t i = 0; i < events.size(); ++i) {
            const auto& e = events[i];
            const auto where = fmt::format("{}, event index {}", owner, i);
            if (!e.is_array() || e.size() < 5) {
                fail(fmt::format(
                    "{}: an event is a list of at least 5 fields [time, subject, code, modifiers, "
                    "comment], not {}",
                    where, e.dump()));
            }
            BorisEvent event;
            event.index = i;
            event.time = seconds(e[0], where);
            for (int field = 1; field <= 4; ++field) {
                if (!e[static_cast<std::size_t>(field)].is_string()) {
                    fail(fmt::format("{}: field {} ({}) is not text", where, field,
                                     field == 1   ? "subject"
                                     : field == 2 ? "behaviour"
                                     : field == 3 ? "modifiers"
                                                  : "comment"));
                }
            }
            event.subject = e[1].get<std::string>();
            event.code = e[2].get<std::string>();
            event.modifiers = e[3].get<std::string>();
            event.comment = e[4].get<std::string>();
            o.events.push_back(std::move(event));
        }
        return o;
    }

    std::string fileName_;
};

} // namespace

BorisProject readBoris(std::string_view text, const std::string& fileName) {
    return BorisReader(fileName).read(text);
}

} // namespace sb::annotation::io
