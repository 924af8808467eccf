#include "annotation/io/tables.h"

#include "annotation/io/csv.h"
#include "annotation/io/import_error.h"
#include "annotation/seconds_text.h"

#include <fmt/core.h>

#include <algorithm>
#include <ctime>
#include <set>
#include <tuple>

namespace sb::annotation::io {

namespace {

std::string coderName(const SessionExport& s, CoderId id) {
    const auto found = s.coders.find(id);
    return found != s.coders.end() ? found->second.name : std::to_string(id.value);
}

std::string roundedSeconds(Microseconds t) {
    const auto us = t.count();
    const auto ms = us >= 0 ? (us + 500) / 1000 : -((-us + 500) / 1000);
    return formatSeconds(Microseconds{ms * 1000});
}

// The end of what was coded in a session: the latest end or point.
Microseconds lastTime(const std::vector<Annotation>& annotations) {
    Microseconds last{0};
    for (const auto& a : annotations) {
        last = std::max(last, a.end.value_or(a.start));
    }
    return last;
}

} // namespace

ImportedFile ExportOnlyFormat::read(std::string_view, const std::string& fileName) const {
    throw ImportError(fileName, 0, fmt::format("the {} format is for export only", name()));
}

// ---- wide

void WideFormat::writeSessions(std::ostream& out, const std::vector<SessionExport>& sessions) const {
    if (sessions.empty()) {
        return;
    }
    const auto& scheme = sessions.front().scheme;
    const bool namesCoders = sessions.front().namesCoders;
    const auto unit = sessions.front().unit;
    std::map<std::string, int> streamOrder;
    for (const auto& group : scheme.groups) {
        streamOrder.emplace(group.id, static_cast<int>(streamOrder.size()));
    }
    for (const auto& code : scheme.codes) {
        if (scheme.groupOf(code.id) == nullptr) {
            streamOrder.emplace(code.id, static_cast<int>(streamOrder.size()));
        }
    }
    using Column = std::tuple<std::string, int, std::string>; // coder, stream order, subject
    std::map<Column, std::string> headers;
    const auto columnOf = [&](const SessionExport& s, const Annotation& a) {
        const auto* group = scheme.groupOf(a.code);
        const std::string stream = group != nullptr ? group->id : a.code;
        const auto order = streamOrder.contains(stream) ? streamOrder.at(stream) : 1 << 20;
        Column column{namesCoders ? coderName(s, a.coder) : "", order, a.subject.value_or("")};
        if (!headers.contains(column)) {
            headers[column] = (namesCoders ? std::get<0>(column) + ":" : "") + stream +
                              (std::get<2>(column).empty() ? "" : "@" + std::get<2>(column));
        }
        return column;
    };
    for (const auto& s : sessions) {
        for (const auto& a : s.annotations) {
            if (!a.isPoint()) {
                columnOf(s, a);
            }
        }
    }
    std::vector<std::string> fields = {"session", "time"};
    std::map<Column, std::size_t> index;
    for (const auto& [column, header] : headers) {
        index[column] = fields.size();
        fields.push_back(header);
    }
    writeCsvRecord(out, fields);
    for (const auto& s : sessions) {
        // Each column's states by start; a sweep keeps the ones active at t.
        std::map<Column, std::vector<const Annotation*>> states;
        Microseconds first{0};
        for (const auto& a : s.annotations) {
            if (!a.isPoint()) {
                states[columnOf(s, a)].push_back(&a);
                first = std::min(first, a.start);
            }
        }
        if (states.empty()) {
            continue;
        }
        const auto end = lastTime(s.annotations);
        struct Sweep {
            std::size_t next = 0;
            std::vector<const Annotation*> active;
        };
        std::map<Column, Sweep> sweeps;
        // Rows start at 0, or at the unit before the earliest state when that is negative.
        Microseconds t{first < Microseconds{0}
                           ? -((-first.count() + unit.count() - 1) / unit.count()) * unit.count()
                           : 0};
        for (; t < end; t += unit) {
            std::fill(fields.begin(), fields.end(), std::string());
            fields[0] = s.session.name;
            fields[1] = formatSeconds(t);
            for (auto& [column, list] : states) {
                auto& sweep = sweeps[column];
                while (sweep.next < list.size() && list[sweep.next]->start <= t) {
                    sweep.active.push_back(list[sweep.next++]);
                }
                std::erase_if(sweep.active, [t](const Annotation* a) { return *a->end <= t; });
                if (!sweep.active.empty()) {
                    fields[index.at(column)] = sweep.active.front()->code;
                }
            }
            writeCsvRecord(out, fields);
        }
    }
}

// ---- summary

void SummaryFormat::writeSessions(std::ostream& out, const std::vector<SessionExport>& sessions) const {
    writeCsvRecord(
        out, {"session", "coder", "code", "kind", "count", "total_duration", "mean_duration", "latency"});
    for (const auto& s : sessions) {
        struct Tally {
            std::int64_t count = 0;
            Microseconds total{0};
            std::optional<Microseconds> first;
        };
        std::map<std::string, std::map<std::string, Tally>> byCoder; // coder name -> code -> tally
        for (const auto& a : s.annotations) {
            auto& tally = byCoder[coderName(s, a.coder)][a.code];
            ++tally.count;
            tally.total += a.duration();
            tally.first = tally.first ? std::min(*tally.first, a.start) : a.start;
        }
        for (const auto& [coder, codes] : byCoder) {
            std::vector<std::string> ids;
            for (const auto& code : s.scheme.codes) {
                ids.push_back(code.id);
            }
            for (const auto& [id, tally] : codes) {
                if (s.scheme.code(id) == nullptr) {
                    ids.push_back(id); // a code of an older scheme version
                }
            }
            for (const auto& id : ids) {
                const auto* code = s.scheme.code(id);
                const bool state = code == nullptr || code->kind == schemes::CodeKind::State;
                const auto found = codes.find(id);
                const Tally tally = found != codes.end() ? found->second : Tally{};
                writeCsvRecord(
                    out,
                    {s.session.name, coder, id, state ? "state" : "point", std::to_string(tally.count),
                     state ? formatSeconds(tally.total) : "",
                     state && tally.count > 0
                         ? formatSeconds(Microseconds{(tally.total.count() + tally.count / 2) / tally.count})
                         : "",
                     tally.first ? formatSeconds(*tally.first) : ""});
            }
        }
    }
}

// ---- sdis

namespace {
// SDIS codes: letters, digits and '_' (GSEQ reads '-' and '.' as syntax).
std::string sdisCode(const Annotation& a) {
    std::string text = a.subject ? *a.subject + "_" + a.code : a.code;
    for (auto& c : text) {
        if (!std::isalnum(static_cast<unsigned char>(c))) {
            c = '_';
        }
    }
    return text;
}

// Session labels sit between < and >; those two would end or open one early.
std::string sdisLabel(std::string text) {
    for (auto& c : text) {
        if (c == '<' || c == '>' || c == '/' || c == ';' || c == '\n' || c == '\r') {
            c = '_';
        }
    }
    return text;
}
} // namespace

void SdisFormat::writeSessions(std::ostream& out, const std::vector<SessionExport>& sessions) const {
    std::set<std::string> codes;
    for (const auto& s : sessions) {
        for (const auto& a : s.annotations) {
            codes.insert(sdisCode(a));
        }
    }
    out << "% SDIS timed-event data written by SecureBase: one session per recording and coder,\n"
           "% times in seconds from the session start\n";
    out << "Timed";
    for (const auto& code : codes) {
        out << ' ' << code;
    }
    out << " ;\n";
    for (const auto& s : sessions) {
        std::map<std::string, std::vector<const Annotation*>> byCoder;
        for (const auto& a : s.annotations) {
            byCoder[coderName(s, a.coder)].push_back(&a);
        }
        for (const auto& [coder, annotations] : byCoder) {
            out << '\n'
                << '<' << sdisLabel(s.namesCoders ? s.session.name + " " + coder : s.session.name) << ">\n";
            Microseconds first{0};
            for (const auto* a : annotations) {
                first = std::min(first, a->start);
            }
            out << ',' << roundedSeconds(first);
            Microseconds last{0};
            for (const auto* a : annotations) {
                out << ' ' << sdisCode(*a) << ',' << roundedSeconds(a->start);
                if (a->end) {
                    out << '-' << roundedSeconds(*a->end);
                }
                last = std::max(last, a->end.value_or(a->start));
            }
            out << " ," << roundedSeconds(last + Microseconds{1000}) << "/\n";
        }
    }
}

// ---- BORIS aggregated events

void BorisEventsFormat::writeSessions(std::ostream& out, const std::vector<SessionExport>& sessions) const {
    writeCsvRecord(out,
                   {"Observation id", "Observation date", "Description", "Media file", "Total length", "FPS",
                    "Subject", "Behavior", "Behavioral category", "Modifiers", "Behavior type", "Start (s)",
                    "Stop (s)", "Duration (s)", "Comment start", "Comment stop"},
                   '\t');
    for (const auto& s : sessions) {
        const std::time_t created = static_cast<std::time_t>(s.session.createdAt.count() / 1'000'000);
        std::tm utc{};
        gmtime_r(&created, &utc);
        char date[32];
        std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &utc);
        const std::string media = s.session.media.empty() ? "" : s.session.media.front().path;
        for (const auto& a : s.annotations) {
            const auto* code = s.scheme.code(a.code);
            // BORIS's modifier text: the code's sets in order, "|" between, "None" when unset.
            std::string modifiers;
            if (code != nullptr && !code->modifierIds.empty()) {
                for (std::size_t i = 0; i < code->modifierIds.size(); ++i) {
                    const auto value = a.modifiers.find(code->modifierIds[i]);
                    modifiers += (i == 0 ? "" : "|") + (value == a.modifiers.end() ? "None" : value->second);
                }
            }
            const auto observation = s.namesCoders
                                         ? fmt::format("{} [{}]", s.session.name, coderName(s, a.coder))
                                         : s.session.name;
            writeCsvRecord(out,
                           {observation, date, "", media, "NA", "NA", a.subject.value_or(""), a.code, "",
                            modifiers, a.isPoint() ? "POINT" : "STATE", formatSeconds(a.start),
                            formatSeconds(a.end.value_or(a.start)),
                            a.isPoint() ? "NA" : formatSeconds(*a.end - a.start), a.comment, ""},
                           '\t');
        }
    }
}

} // namespace sb::annotation::io
