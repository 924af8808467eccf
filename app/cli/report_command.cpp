// securebase-cli report: the reliability report of a project (annotation/agreement/
// report_writer.h, docs/agreement.md "Reliability report").
//
//   report P.sbproj [--session NAME]… [--coders A,B[,C…]] [--unit SECONDS] [--tolerance SECONDS]
//          [--onset-tolerance SECONDS] --out DIR
//
// Writes DIR/report.html (self-contained: inline CSS and SVG) and the tidy CSV files
// agreement.csv, confusion.csv and disagreements.csv. Without --session every session; without
// --coders, in each session every coder who has annotations there. Argument problems exit 2;
// what the project lacks (a session, a coder, a named coder's annotations) or an output
// directory that cannot be written exits 3.

#include "annotation/agreement/report_writer.h"
#include "annotation/seconds_text.h"
#include "app/cli/cli_support.h"
#include "app/cli/commands.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace sb::cli {

namespace {

namespace an = sb::annotation;

struct ReportOptions {
    std::string project;
    std::vector<std::string> sessions;
    std::vector<std::string> coders;
    std::string unit;
    std::string tolerance;
    std::string onsetTolerance;
    std::string out;
};

an::Microseconds seconds(const std::string& name, const std::string& value, an::Microseconds fallback) {
    return value.empty() ? fallback : secondsOption(name, value);
}

void run(const ReportOptions& options) {
    an::ReportRequest request;
    request.sessions = options.sessions;
    request.coders = options.coders;
    if (!request.coders.empty() && request.coders.size() < 2) {
        throw UsageError("--coders needs at least two coders");
    }
    for (std::size_t i = 0; i < request.coders.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (request.coders[i] == request.coders[j]) {
                throw UsageError(fmt::format("--coders names '{}' twice", request.coders[i]));
            }
        }
    }
    request.unit = seconds("--unit", options.unit, request.unit);
    if (request.unit <= an::Microseconds{0}) {
        throw UsageError("--unit must be longer than 0 s");
    }
    request.tolerance = seconds("--tolerance", options.tolerance, request.tolerance);
    if (request.tolerance % request.unit != an::Microseconds{0}) {
        throw UsageError(fmt::format("--tolerance {} is not a whole number of {} s units", options.tolerance,
                                     an::formatSeconds(request.unit)));
    }
    request.onsetTolerance = seconds("--onset-tolerance", options.onsetTolerance, request.onsetTolerance);

    an::Project project(options.project, an::ProjectStore::Access::ReadOnly);
    const an::ReliabilityReport report = an::buildReport(project, request);
    an::writeReport(report, options.out);
    fmt::print("{}: wrote {} and 3 CSV files ({} session(s) compared, {} skipped)\n", options.project,
               (std::filesystem::path(options.out) / an::kReportHtml).string(), report.timeUnit.size(),
               report.skipped.size());
}

} // namespace

void addReportCommands(CLI::App& app) {
    auto options = std::make_shared<ReportOptions>();
    CLI::App* report = app.add_subcommand(
        "report", "Reliability report of a project: HTML and tidy CSV (docs/agreement.md)");
    report->add_option("project", options->project, "P.sbproj")->required();
    report->add_option("--session", options->sessions,
                       "a session to include (repeat it); default every session");
    report
        ->add_option("--coders", options->coders,
                     "coder names, comma-separated; default every coder per session")
        ->delimiter(',');
    report->add_option("--unit", options->unit, "time unit in seconds (default 1)");
    report->add_option("--tolerance", options->tolerance,
                       "time-unit ± window in seconds, whole units (default 0)");
    report->add_option("--onset-tolerance", options->onsetTolerance,
                       "event alignment onset tolerance (default 2)");
    report->add_option("--out", options->out, "the output directory (made when absent)")->required();
    report->callback([options] { run(*options); });
}

} // namespace sb::cli
