#pragma once
// The reliability report: time-unit and event agreement of every coder pair, per session and
// stream (session_agreement.h), as one self-contained HTML file (inline CSS and SVG, nothing
// fetched; well-formed XHTML so any XML reader can check it) and as tidy CSV files for R or SPSS
// (one row per session × stream × pair × code × statistic; ASCII digits, '.' decimals, an empty
// field for an undefined value). Names and codes are data: every one is escaped in the HTML.

#include "annotation/agreement/session_agreement.h"

#include <filesystem>
#include <string>
#include <vector>

namespace sb::annotation {

struct ReportRequest {
    std::vector<std::string> sessions; // names; empty: every session of the project
    // Names; empty: in each session, every coder with annotations there (a session with fewer
    // than two is listed as skipped). Named coders must each have annotations in every session.
    std::vector<std::string> coders;
    Microseconds unit{1'000'000};
    Microseconds tolerance{0};              // time units (a whole number of units)
    Microseconds onsetTolerance{2'000'000}; // event alignment
};

struct ReliabilityReport {
    std::string file;
    Microseconds unit{1'000'000};
    Microseconds tolerance{0};
    Microseconds onsetTolerance{2'000'000};
    std::vector<TimelineAgreement> timeUnit; // one per session compared
    std::vector<TimelineAgreement> events;   // the same sessions, in the same order
    std::vector<std::string> skipped;        // "S4: only one coder has annotations"
};

// Throws as timelineAgreement().
[[nodiscard]] ReliabilityReport buildReport(Project& project, const ReportRequest& request);

[[nodiscard]] std::string reportHtml(const ReliabilityReport& report);
// session,stream,subject,method,coder1,coder2,code,statistic,value
[[nodiscard]] std::string agreementCsv(const ReliabilityReport& report);
// session,stream,subject,method,coder1,coder2,row_code,column_code,count
[[nodiscard]] std::string confusionCsv(const ReliabilityReport& report);
// session,stream,subject,coder1,coder2,start,end,code1,code2,forgiven_coder1,forgiven_coder2
[[nodiscard]] std::string disagreementsCsv(const ReliabilityReport& report);

// The files writeReport makes in the output directory.
inline constexpr const char* kReportHtml = "report.html";
inline constexpr const char* kAgreementCsv = "agreement.csv";
inline constexpr const char* kConfusionCsv = "confusion.csv";
inline constexpr const char* kDisagreementsCsv = "disagreements.csv";

// Creates `dir` when needed and writes the four files (each beside its name and renamed, so a
// failure never leaves half a file). Throws std::runtime_error naming the file.
void writeReport(const ReliabilityReport& report, const std::filesystem::path& dir);

// Shortest text that reads back as the same double, in fixed notation ("0.6969696969696969",
// "12", "-0.25"): no exponent, no locale.
[[nodiscard]] std::string decimalText(double value);

// Text for HTML/XML: & < > " ' replaced by entities.
[[nodiscard]] std::string escapeXml(std::string_view text);

} // namespace sb::annotation
