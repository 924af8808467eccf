// securebase-cli analyze: the motion and sound tracks of a media file, one row per frame.
//
//   analyze FILE [--roi NAME=x,y,w,h]... [--flow] --csv|--json [-o OUT]
//
// The same analysis (and the same cache) the workstation draws under the video
// (codecs/analysis/, docs/analysis.md). Times are seconds on the file's clock, written with
// ASCII digits and '.' whatever the locale.

#include "app/cli/cli_support.h"
#include "app/cli/commands.h"

#include "annotation/io/csv.h"
#include "annotation/seconds_text.h"
#include "codecs/analysis/analysis_job.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace sb::cli {
namespace {

using nlohmann::json;

struct AnalyzeOptions {
    std::string file;
    std::vector<std::string> regions;
    bool flow = false;
    bool csv = false;
    bool json = false;
    std::string output;
};

// The shortest text that reads back as the same float ("0.25", "1.5e-05"); empty for NaN.
std::string valueText(float value) {
    if (std::isnan(value))
        return {};
    return fmt::format("{}", value);
}

// The same value as a JSON number without float-to-double noise (0.1f as 0.1), or null.
json valueJson(float value) {
    if (!std::isfinite(value))
        return nullptr;
    const std::string text = fmt::format("{}", value);
    double exact = 0;
    std::from_chars(text.data(), text.data() + text.size(), exact);
    return exact;
}

std::string csvText(const analysis::MotionAnalysis& result) {
    std::ostringstream out;
    std::vector<std::string> fields{"frame", "time"};
    for (const analysis::AnalysisTrack& track : result.tracks)
        fields.push_back(track.name);
    annotation::io::writeCsvRecord(out, fields);
    for (std::int64_t n = 0; n < result.frameCount(); ++n) {
        fields.clear();
        fields.push_back(std::to_string(n));
        fields.push_back(annotation::formatSeconds(result.frameTime(n)));
        for (const analysis::AnalysisTrack& track : result.tracks)
            fields.push_back(valueText(track.values[static_cast<std::size_t>(n)]));
        annotation::io::writeCsvRecord(out, fields);
    }
    return std::move(out).str();
}

json jsonDocument(const std::string& file, const analysis::MotionAnalysis& result, bool fromCache) {
    json measures = json::array();
    for (const analysis::AnalysisTrack& track : result.tracks)
        measures.push_back(track.name);
    json regions = json::array();
    for (const analysis::RegionOfInterest& r : result.parameters.regions)
        regions.push_back(
            {{"name", r.name}, {"x", r.x}, {"y", r.y}, {"width", r.width}, {"height", r.height}});
    json frames = json::array();
    for (std::int64_t n = 0; n < result.frameCount(); ++n) {
        json row = {{"frame", n},
                    {"time", static_cast<double>(result.frameTimesUs[static_cast<std::size_t>(n)]) / 1e6}};
        for (const analysis::AnalysisTrack& track : result.tracks)
            row[track.name] = valueJson(track.values[static_cast<std::size_t>(n)]);
        frames.push_back(std::move(row));
    }
    return {{"file", file},
            {"frame_count", result.frameCount()},
            {"video_end", static_cast<double>(result.videoEndUs) / 1e6},
            {"source_size", {result.sourceWidth, result.sourceHeight}},
            {"analysis_size", {result.analysisWidth, result.analysisHeight}},
            {"regions", regions},
            {"flow", result.parameters.opticalFlow},
            {"measures", measures},
            {"from_cache", fromCache},
            {"warnings", result.warnings},
            {"frames", std::move(frames)}};
}

void runAnalyze(const AnalyzeOptions& options) {
    if (options.csv == options.json)
        throw UsageError("analyze: give exactly one of --csv and --json");
    analysis::AnalysisParameters parameters;
    parameters.opticalFlow = options.flow;
    try {
        for (const std::string& spec : options.regions)
            parameters.regions.push_back(analysis::parseRegionSpec(spec));
        analysis::checkRegionNames(parameters.regions);
    } catch (const analysis::RegionError& e) {
        throw UsageError(fmt::format("--roi {}", e.what()));
    }

    // Progress on a terminal only: scripts reading stderr get nothing but problems.
    const bool showProgress = ::isatty(STDERR_FILENO) != 0;
    analysis::AnalysisJobOptions jobOptions;
    if (showProgress)
        jobOptions.progress = [](const analysis::AnalysisProgress& p) {
            if (p.stage == analysis::AnalysisProgress::Stage::Analyse)
                fmt::print(stderr, "\ranalysing: {:3.0f} %", 100.0 * p.fraction());
            else if (p.stage == analysis::AnalysisProgress::Stage::Index)
                fmt::print(stderr, "\rindexing frames...");
        };
    analysis::AnalysisJob job(options.file, parameters, std::move(jobOptions));
    std::shared_ptr<const analysis::MotionAnalysis> result;
    try {
        result = job.result();
    } catch (const analysis::RegionError& e) {
        if (showProgress)
            fmt::print(stderr, "\n");
        throw UsageError(fmt::format("--roi: {}: {}", options.file, e.what()));
    }
    if (showProgress)
        fmt::print(stderr, "\r{:20}\r", "");
    for (const std::string& warning : result->warnings)
        fmt::print(stderr, "securebase-cli: {}: {}\n", options.file, warning);

    const std::string text =
        options.csv ? csvText(*result) : jsonDocument(options.file, *result, job.fromCache()).dump(2) + "\n";
    if (options.output.empty()) {
        std::cout << text;
        std::cout.flush();
        return;
    }
    std::ofstream out(options.output, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out)
        throw std::runtime_error(fmt::format("{}: cannot write the analysis", options.output));
}

} // namespace

void addAnalyzeCommands(CLI::App& app) {
    auto options = std::make_shared<AnalyzeOptions>();
    CLI::App* command = app.add_subcommand(
        "analyze", "Motion energy, optical flow and audio RMS per video frame (CSV or JSON)");
    command->add_option("FILE", options->file, "Media file with a video stream")->required();
    command->add_option("--roi", options->regions,
                        "Region of interest NAME=x,y,width,height in source pixels (repeatable)");
    command->add_flag("--flow", options->flow, "Also Farnebäck optical-flow magnitude (slower)");
    command->add_flag("--csv", options->csv, "CSV: frame,time,motion,... one row per frame");
    command->add_flag("--json", options->json, "JSON: {measures, frames:[{frame,time,...}]}");
    command->add_option("-o,--output", options->output, "Write to this file instead of stdout");
    command->callback([options] { runAnalyze(*options); });
}

} // namespace sb::cli
