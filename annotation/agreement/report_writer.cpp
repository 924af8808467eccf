#include "annotation/agreement/report_writer.h"

#include "annotation/io/csv.h"
#include "annotation/seconds_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <system_error>

namespace sb::annotation {

namespace ag = sb::agreement;

namespace {

std::string cell(const std::optional<double>& value) {
    return value ? decimalText(*value) : std::string();
}

std::string shown(const std::optional<double>& value) {
    return value ? fmt::format("{:.4f}", *value) : std::string("undefined");
}

std::string subjectOf(const Stream& s) {
    return s.subject.value_or("");
}

// ---- CSV

class TidyCsv {
public:
    explicit TidyCsv(const std::vector<std::string>& header) { io::writeCsvRecord(out_, header); }
    void row(const std::vector<std::string>& fields) { io::writeCsvRecord(out_, fields); }
    [[nodiscard]] std::string text() const { return out_.str(); }

private:
    std::ostringstream out_;
};

// ---- HTML pieces

constexpr const char* kStyle = R"(
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; max-width: 1100px; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #bbb; padding: 0.2em 0.6em; text-align: right; }
th { background: #eee; }
td.name, th.name { text-align: left; }
td.name { unicode-bidi: plaintext; } /* names and codes keep their own direction (Persian, Latin, digits) */
h2 { border-bottom: 2px solid #444; margin-top: 2em; }
h3 { margin-top: 1.5em; }
.figures { display: flex; flex-wrap: wrap; gap: 1.5em; align-items: flex-start; }
.note { color: #555; font-size: 0.9em; }
svg text { font-family: system-ui, sans-serif; font-size: 11px; }
)";

// User text (session, coder, code and group names) inside English prose: a <bdi> keeps a
// Persian or mixed name in its own order without reordering the sentence around it.
std::string isolated(std::string_view text) {
    return "<bdi>" + escapeXml(text) + "</bdi>";
}

std::string isolatedList(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names)
        out += (out.empty() ? "" : ", ") + isolated(name);
    return out;
}

// White to dark blue by share of the largest count.
std::string heat(double share) {
    const auto mix = [share](int from, int to) {
        return static_cast<int>(from + (to - from) * std::clamp(share, 0.0, 1.0) + 0.5);
    };
    return fmt::format("#{:02x}{:02x}{:02x}", mix(255, 8), mix(255, 69), mix(255, 148));
}

std::string heatMapSvg(const ag::ConfusionMatrix& table, const std::string& rows,
                       const std::string& columns) {
    const int size = static_cast<int>(table.size());
    const int cellSize = 40;
    // Room for the longest code: written out at the left, and at 45° above (12 px text, ~7 px a
    // character), so long codes are not cut or drawn over the cells.
    std::size_t longest = 4;
    for (const auto& label : table.labels)
        longest = std::max(longest, label.size());
    const int left = 34 + 7 * static_cast<int>(longest);
    const int top = 30 + 5 * static_cast<int>(longest);
    const int width = left + size * cellSize + 10 + 4 * static_cast<int>(longest);
    const int height = top + size * cellSize + 10;
    double largest = 0;
    for (const double c : table.counts) {
        largest = std::max(largest, c);
    }
    std::string svg = fmt::format(
        R"(<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" font-size="12" role="img">)", width,
        height);
    svg += fmt::format("<title>Confusion matrix: rows {}, columns {}</title>", escapeXml(rows),
                       escapeXml(columns));
    svg += fmt::format(R"(<text x="{}" y="12" text-anchor="middle">{} →</text>)", left + size * cellSize / 2,
                       escapeXml(columns));
    svg +=
        fmt::format(R"~(<text x="12" y="{}" text-anchor="middle" transform="rotate(-90 12 {})">{} →</text>)~",
                    top + size * cellSize / 2, top + size * cellSize / 2, escapeXml(rows));
    for (int i = 0; i < size; ++i) {
        const std::string label = escapeXml(table.labels[static_cast<std::size_t>(i)]);
        svg += fmt::format(
            R"~(<text x="{}" y="{}" text-anchor="start" transform="rotate(-45 {} {})">{}</text>)~",
            left + i * cellSize + cellSize / 2, top - 6, left + i * cellSize + cellSize / 2, top - 6, label);
        svg += fmt::format(R"(<text x="{}" y="{}" text-anchor="end">{}</text>)", left - 6,
                           top + i * cellSize + cellSize / 2 + 4, label);
    }
    for (int r = 0; r < size; ++r) {
        for (int c = 0; c < size; ++c) {
            const double count = table.at(static_cast<std::size_t>(r), static_cast<std::size_t>(c));
            const double share = largest > 0 ? count / largest : 0;
            svg += fmt::format(
                R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{}" stroke-width="{}"/>)",
                left + c * cellSize, top + r * cellSize, cellSize, cellSize, heat(share),
                r == c ? "#222" : "#ccc", r == c ? 2 : 1);
            svg += fmt::format(R"(<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>)",
                               left + c * cellSize + cellSize / 2, top + r * cellSize + cellSize / 2 + 4,
                               share > 0.55 ? "#fff" : "#222", fmt::format("{:g}", count));
        }
    }
    return svg + "</svg>";
}

// Agreement along the session: green where the coders agree, red where they disagree, amber
// where the tolerance forgave the disagreement (for either coder).
std::string timelineSvg(const ag::TimeUnitKappa& k, Microseconds sessionLength) {
    const double width = 820;
    const double left = 10;
    const double span =
        std::max<double>(1, static_cast<double>(std::max(sessionLength, k.unit * k.units).count()));
    const auto x = [&](Microseconds t) {
        return left + (width - 2 * left) * static_cast<double>(t.count()) / span;
    };
    std::string svg =
        fmt::format(R"(<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="46" role="img">)", width);
    svg +=
        "<title>Agreement per time unit along the session (green agree, red disagree, amber forgiven by the "
        "tolerance)</title>";
    svg += fmt::format(R"(<rect x="{}" y="4" width="{}" height="20" fill="#4caf50"/>)",
                       decimalText(x(Microseconds{0})), decimalText(x(k.unit * k.units) - left));
    for (const ag::DisagreementSpan& d : k.disagreements) {
        const bool forgiven = d.forgivenForCoder1 || d.forgivenForCoder2;
        svg += fmt::format(
            R"(<rect x="{}" y="4" width="{}" height="20" fill="{}"><title>{} to {} s: {} / {}</title></rect>)",
            decimalText(x(d.start)), decimalText(std::max(0.5, x(d.end) - x(d.start))),
            forgiven ? "#ffb300" : "#e53935", formatSeconds(d.start), formatSeconds(d.end),
            escapeXml(d.code1), escapeXml(d.code2));
    }
    svg += fmt::format(R"(<text x="{}" y="40">0 s</text><text x="{}" y="40" text-anchor="end">{} s</text>)",
                       left, width - left, formatSeconds(k.unit * k.units));
    return svg + "</svg>";
}

// Per-code kappa as bars on a −1…1 axis; undefined kappas are written out.
std::string perCodeSvg(const std::vector<ag::CodeAgreement>& codes) {
    const int rowHeight = 20;
    std::size_t longest = 4;
    for (const auto& c : codes)
        longest = std::max(longest, c.code.size());
    const int labelWidth = 16 + 8 * static_cast<int>(longest); // the longest code fits
    const int barWidth = 300;
    const int height = static_cast<int>(codes.size()) * rowHeight + 30;
    const int zero = labelWidth + barWidth / 2;
    std::string svg =
        fmt::format(R"(<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" role="img">)",
                    labelWidth + barWidth + 70, height);
    svg += "<title>Kappa per code (this code against all others), time units</title>";
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const int y = static_cast<int>(i) * rowHeight + 4;
        svg += fmt::format(R"(<text x="{}" y="{}" text-anchor="end">{}</text>)", labelWidth - 6, y + 13,
                           escapeXml(codes[i].code));
        if (codes[i].kappa) {
            const double value = *codes[i].kappa;
            const double length = value * barWidth / 2.0;
            svg +=
                fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>)",
                            decimalText(length >= 0 ? zero : zero + length), y + 2,
                            decimalText(std::abs(length)), rowHeight - 6, value >= 0 ? "#1f77b4" : "#d62728");
        }
        svg += fmt::format(R"(<text x="{}" y="{}">{}</text>)", labelWidth + barWidth + 6, y + 13,
                           shown(codes[i].kappa));
    }
    const int axisY = static_cast<int>(codes.size()) * rowHeight + 6;
    svg += fmt::format(R"(<line x1="{}" y1="2" x2="{}" y2="{}" stroke="#444"/>)", zero, zero, axisY);
    svg += fmt::format(
        R"(<text x="{}" y="{}" text-anchor="middle">−1</text><text x="{}" y="{}" text-anchor="middle">0</text><text x="{}" y="{}" text-anchor="middle">1</text>)",
        labelWidth, axisY + 14, zero, axisY + 14, labelWidth + barWidth, axisY + 14);
    return svg + "</svg>";
}

std::string valueCell(const std::optional<double>& value) {
    // The exact value rides along for readers that want more than four decimals.
    return value ? fmt::format(R"(<td data-value="{}">{:.4f}</td>)", decimalText(*value), *value)
                 : std::string("<td>undefined</td>");
}

const TimelinePair* eventPairOf(const ReliabilityReport& report, std::size_t session, std::size_t stream,
                                std::size_t pair) {
    if (session >= report.events.size()) {
        return nullptr;
    }
    // The two analyses of a session share streams only when the same annotations made them:
    // find the stream by its key instead of trusting the position.
    const Stream& wanted = report.timeUnit[session].streams[stream].stream;
    for (const StreamAgreement& s : report.events[session].streams) {
        if (s.stream.kind == wanted.kind && s.stream.id == wanted.id && s.stream.subject == wanted.subject &&
            pair < s.pairs.size()) {
            return &s.pairs[pair];
        }
    }
    return nullptr;
}

void writeFileAtomically(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::path temporary = file;
    temporary += ".part";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            throw std::runtime_error(file.string() + ": cannot write the file");
        }
    }
    std::error_code error;
    std::filesystem::rename(temporary, file, error);
    if (error) {
        std::filesystem::remove(temporary, error);
        throw std::runtime_error(file.string() + ": cannot write the file: " + error.message());
    }
}

} // namespace

std::string decimalText(double value) {
    char buffer[400];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    if (error != std::errc()) {
        return fmt::format("{}", value);
    }
    return std::string(buffer, end);
}

std::string escapeXml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

ReliabilityReport buildReport(Project& project, const ReportRequest& request) {
    ProjectStore& store = project.store();
    ReliabilityReport report;
    report.file = store.fileName();
    report.unit = request.unit;
    report.tolerance = request.tolerance;
    report.onsetTolerance = request.onsetTolerance;

    std::vector<Session> sessions;
    if (request.sessions.empty()) {
        sessions = store.sessions();
    } else {
        for (const std::string& name : request.sessions) {
            sessions.push_back(store.sessionNamed(name));
        }
    }
    const std::vector<Coder> everyone = store.coders();
    for (const Session& session : sessions) {
        std::vector<std::string> coders = request.coders;
        if (coders.empty()) {
            for (const Coder& coder : everyone) {
                if (store.annotationCount(Viewer::wholeProject(), session.id, coder.id) > 0) {
                    coders.push_back(coder.name);
                }
            }
            if (coders.size() < 2) {
                report.skipped.push_back(fmt::format("{}: {} coder(s) with annotations; agreement needs two",
                                                     session.name, coders.size()));
                continue;
            }
        }
        TimelineRequest timeline;
        timeline.session = session.name;
        timeline.coders = coders;
        timeline.unit = request.unit;
        timeline.tolerance = request.tolerance;
        report.timeUnit.push_back(timelineAgreement(project, timeline));
        timeline.method = TimelineMethod::Event;
        timeline.tolerance = request.onsetTolerance;
        report.events.push_back(timelineAgreement(project, timeline));
    }
    return report;
}

std::string agreementCsv(const ReliabilityReport& report) {
    TidyCsv csv({"session", "stream", "subject", "method", "coder1", "coder2", "code", "statistic", "value"});
    for (std::size_t s = 0; s < report.timeUnit.size(); ++s) {
        for (const TimelineAgreement* analysis : {&report.timeUnit[s], &report.events[s]}) {
            const std::string method(methodName(analysis->method));
            for (const StreamAgreement& stream : analysis->streams) {
                const std::vector<std::string> where = {analysis->session, stream.stream.id,
                                                        subjectOf(stream.stream), method};
                const auto put = [&](const std::string& c1, const std::string& c2, const std::string& code,
                                     const std::string& statistic, const std::string& value) {
                    std::vector<std::string> fields = where;
                    fields.insert(fields.end(), {c1, c2, code, statistic, value});
                    csv.row(fields);
                };
                for (const TimelinePair& p : stream.pairs) {
                    const std::string& c1 = analysis->coders[p.coder1];
                    const std::string& c2 = analysis->coders[p.coder2];
                    if (p.timeUnit) {
                        const ag::TimeUnitKappa& k = *p.timeUnit;
                        put(c1, c2, "", "kappa", cell(k.kappa));
                        put(c1, c2, "", "percent_agreement", decimalText(k.percentAgreement));
                        put(c1, c2, "", "expected_agreement", decimalText(k.expectedAgreement));
                        put(c1, c2, "", "units", std::to_string(k.units));
                        put(c1, c2, "", "tolerance_units", std::to_string(k.toleranceUnits));
                        put(c1, c2, "", "tolerance_kappa", cell(k.toleranceKappa));
                        put(c1, c2, "", "tolerance_percent_agreement",
                            decimalText(k.tolerancePercentAgreement));
                        put(c1, c2, "", "disagreement_runs", std::to_string(k.disagreements.size()));
                        for (const ag::CodeAgreement& c : k.perCode) {
                            put(c1, c2, c.code, "kappa", cell(c.kappa));
                            put(c1, c2, c.code, "tolerance_kappa", cell(c.toleranceKappa));
                            put(c1, c2, c.code, "units_coder1", std::to_string(c.unitsCoder1));
                            put(c1, c2, c.code, "units_coder2", std::to_string(c.unitsCoder2));
                            put(c1, c2, c.code, "units_both", std::to_string(c.unitsBoth));
                        }
                    } else if (p.events) {
                        const ag::EventAlignment& a = *p.events;
                        put(c1, c2, "", "kappa", cell(a.kappa));
                        put(c1, c2, "", "kappa_cohen", cell(a.kappaCohen));
                        put(c1, c2, "", "kappa_exclusive", cell(a.kappaExclusive));
                        put(c1, c2, "", "percent_agreement", decimalText(a.observedAgreement));
                        put(c1, c2, "", "alignment_columns", std::to_string(a.pairings.size()));
                        for (const ag::CodeDetection& c : a.perCode) {
                            put(c1, c2, c.code, "matched", std::to_string(c.matched));
                            put(c1, c2, c.code, "events_coder1", std::to_string(c.coder1Events));
                            put(c1, c2, c.code, "events_coder2", std::to_string(c.coder2Events));
                            put(c1, c2, c.code, "precision", cell(c.precision));
                            put(c1, c2, c.code, "recall", cell(c.recall));
                            put(c1, c2, c.code, "f1", cell(c.f1));
                        }
                    }
                }
                // All coders at once: coder1 and coder2 are left empty.
                if (stream.multiCoder) {
                    put("", "", "", "mean_pairwise_kappa", cell(stream.multiCoder->meanPairwiseKappa));
                    put("", "", "", "mean_pairwise_tolerance_kappa",
                        cell(stream.multiCoder->meanPairwiseToleranceKappa));
                    put("", "", "", "krippendorff_alpha_nominal", cell(stream.multiCoder->alpha.value));
                } else if (analysis->coders.size() > 2) {
                    put("", "", "", "mean_pairwise_kappa", cell(stream.meanPairwiseKappa));
                }
            }
        }
    }
    return csv.text();
}

std::string confusionCsv(const ReliabilityReport& report) {
    TidyCsv csv(
        {"session", "stream", "subject", "method", "coder1", "coder2", "row_code", "column_code", "count"});
    for (std::size_t s = 0; s < report.timeUnit.size(); ++s) {
        for (const TimelineAgreement* analysis : {&report.timeUnit[s], &report.events[s]}) {
            for (const StreamAgreement& stream : analysis->streams) {
                for (const TimelinePair& p : stream.pairs) {
                    const ag::ConfusionMatrix& table = p.timeUnit ? p.timeUnit->table : p.events->table;
                    for (std::size_t r = 0; r < table.size(); ++r) {
                        for (std::size_t c = 0; c < table.size(); ++c) {
                            csv.row({analysis->session, stream.stream.id, subjectOf(stream.stream),
                                     std::string(methodName(analysis->method)), analysis->coders[p.coder1],
                                     analysis->coders[p.coder2], table.labels[r], table.labels[c],
                                     decimalText(table.at(r, c))});
                        }
                    }
                }
            }
        }
    }
    return csv.text();
}

std::string disagreementsCsv(const ReliabilityReport& report) {
    TidyCsv csv({"session", "stream", "subject", "coder1", "coder2", "start", "end", "code1", "code2",
                 "forgiven_coder1", "forgiven_coder2"});
    for (const TimelineAgreement& analysis : report.timeUnit) {
        for (const StreamAgreement& stream : analysis.streams) {
            for (const TimelinePair& p : stream.pairs) {
                for (const ag::DisagreementSpan& d : p.timeUnit->disagreements) {
                    csv.row({analysis.session, stream.stream.id, subjectOf(stream.stream),
                             analysis.coders[p.coder1], analysis.coders[p.coder2], formatSeconds(d.start),
                             formatSeconds(d.end), d.code1, d.code2, d.forgivenForCoder1 ? "1" : "0",
                             d.forgivenForCoder2 ? "1" : "0"});
                }
            }
        }
    }
    return csv.text();
}

std::string reportHtml(const ReliabilityReport& report) {
    std::string html = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" dir=\"ltr\">\n<head>\n"
                       "<meta charset=\"utf-8\"/>\n";
    html += fmt::format("<title>Reliability report: {}</title>\n<style>{}</style>\n</head>\n<body>\n",
                        escapeXml(report.file), kStyle);
    html += fmt::format(
        "<h1>Reliability report</h1>\n<p>Project <code>{}</code>. Time units of {} s, tolerance "
        "±{} s; event alignment with an onset tolerance of {} s and 60 % overlap of the longer "
        "event. Streams are an exclusive group or an ungrouped code, per subject; the methods are "
        "described in SecureBase's docs/agreement.md. The same figures are in "
        "<code>agreement.csv</code>, <code>confusion.csv</code> and "
        "<code>disagreements.csv</code>.</p>\n",
        escapeXml(report.file), formatSeconds(report.unit), formatSeconds(report.tolerance),
        formatSeconds(report.onsetTolerance));

    html += "<h2>Summary</h2>\n<table>\n<tr><th class=\"name\">session</th><th class=\"name\">stream</th>"
            "<th class=\"name\">coder 1</th><th class=\"name\">coder 2</th><th>units</th><th>time-unit κ</th>"
            "<th>% agreement</th><th>κ with tolerance</th><th>event κ</th><th>event % agreement</th>"
            "<th>disagreement runs</th></tr>\n";
    for (std::size_t s = 0; s < report.timeUnit.size(); ++s) {
        const TimelineAgreement& analysis = report.timeUnit[s];
        for (std::size_t st = 0; st < analysis.streams.size(); ++st) {
            const StreamAgreement& stream = analysis.streams[st];
            for (std::size_t p = 0; p < stream.pairs.size(); ++p) {
                const TimelinePair& pair = stream.pairs[p];
                const ag::TimeUnitKappa& k = *pair.timeUnit;
                const TimelinePair* events = eventPairOf(report, s, st, p);
                html += fmt::format(
                    "<tr><td class=\"name\">{}</td><td class=\"name\">{}</td><td class=\"name\">{}</td>"
                    "<td class=\"name\">{}</td><td>{}</td>{}<td>{:.1f}</td>{}{}<td>{}</td><td>{}</td></tr>\n",
                    escapeXml(analysis.session), escapeXml(stream.stream.name()),
                    escapeXml(analysis.coders[pair.coder1]), escapeXml(analysis.coders[pair.coder2]), k.units,
                    valueCell(k.kappa), 100 * k.percentAgreement, valueCell(k.toleranceKappa),
                    events != nullptr ? valueCell(events->events->kappa) : "<td></td>",
                    events != nullptr ? fmt::format("{:.1f}", 100 * events->events->observedAgreement)
                                      : std::string(),
                    k.disagreements.size());
            }
        }
    }
    html += "</table>\n";
    if (!report.skipped.empty()) {
        html += "<p>Sessions not compared:</p>\n<ul>\n";
        for (const std::string& skipped : report.skipped) {
            html += fmt::format("<li>{}</li>\n", escapeXml(skipped));
        }
        html += "</ul>\n";
    }
    if (report.timeUnit.empty()) {
        html += "<p>No session had two coders to compare.</p>\n";
    }

    for (std::size_t s = 0; s < report.timeUnit.size(); ++s) {
        const TimelineAgreement& analysis = report.timeUnit[s];
        html += fmt::format(
            "<h2>Session {}</h2>\n<p class=\"note\">Coders: {}. The session runs to {} s (the "
            "latest annotation), {} units.</p>\n",
            isolated(analysis.session), isolatedList(analysis.coders),
            formatSeconds(analysis.sessionLength),
            analysis.streams.empty() || analysis.streams.front().pairs.empty()
                ? 0
                : analysis.streams.front().pairs.front().timeUnit->units);
        for (std::size_t st = 0; st < analysis.streams.size(); ++st) {
            const StreamAgreement& stream = analysis.streams[st];
            html +=
                fmt::format("<h3>{} {}</h3>\n", stream.stream.kind == Stream::Kind::Group ? "Group" : "Code",
                            isolated(stream.stream.name()));
            if (stream.multiCoder) {
                html +=
                    fmt::format("<p>All {} coders: mean pairwise κ {}, with tolerance {}; Krippendorff's α "
                                "(nominal, unit codes) {}.</p>\n",
                                analysis.coders.size(), shown(stream.multiCoder->meanPairwiseKappa),
                                shown(stream.multiCoder->meanPairwiseToleranceKappa),
                                shown(stream.multiCoder->alpha.value));
            }
            for (std::size_t p = 0; p < stream.pairs.size(); ++p) {
                const TimelinePair& pair = stream.pairs[p];
                const ag::TimeUnitKappa& k = *pair.timeUnit;
                const std::string& c1 = analysis.coders[pair.coder1];
                const std::string& c2 = analysis.coders[pair.coder2];
                html += fmt::format("<h4>{} × {}: time-unit κ {}</h4>\n<div class=\"figures\">\n",
                                    isolated(c1), isolated(c2), shown(k.kappa));
                html += heatMapSvg(k.table, c1, c2) + "\n" + perCodeSvg(k.perCode) + "\n</div>\n";
                html += timelineSvg(k, analysis.sessionLength) + "\n";
                html += "<table>\n<tr><th class=\"name\">code</th><th>units " + escapeXml(c1) +
                        "</th><th>units " + escapeXml(c2) +
                        "</th><th>both</th><th>κ</th><th>κ with tolerance</th></tr>\n";
                for (const ag::CodeAgreement& c : k.perCode) {
                    html += fmt::format(
                        "<tr><td class=\"name\">{}</td><td>{}</td><td>{}</td><td>{}</td>{}{}</tr>\n",
                        escapeXml(c.code), c.unitsCoder1, c.unitsCoder2, c.unitsBoth, valueCell(c.kappa),
                        valueCell(c.toleranceKappa));
                }
                html += "</table>\n";
            }
        }
    }
    html += "</body>\n</html>\n";
    return html;
}

void writeReport(const ReliabilityReport& report, const std::filesystem::path& dir) {
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error || !std::filesystem::is_directory(dir)) {
        throw std::runtime_error(dir.string() + ": cannot make the output directory" +
                                 (error ? ": " + error.message() : std::string()));
    }
    writeFileAtomically(dir / kReportHtml, reportHtml(report));
    writeFileAtomically(dir / kAgreementCsv, agreementCsv(report));
    writeFileAtomically(dir / kConfusionCsv, confusionCsv(report));
    writeFileAtomically(dir / kDisagreementsCsv, disagreementsCsv(report));
}

} // namespace sb::annotation
