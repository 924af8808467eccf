// securebase-cli clip: a teaching clip from the command line (docs/clips.md).
//
//   clip FILE --from S --to S [--blur-faces | --no-blur-faces] [--regions FILE.json]
//        [--audio keep|mute|drop] [--force] [--json] -o OUT.mp4
//
// Faces are blurred by default: a clip of a session must not leave with recognisable faces
// because someone forgot a flag. --blur-faces (the contract) says so explicitly;
// only --no-blur-faces turns it off. The export runs on a worker thread while this thread
// reports progress on stderr and turns Ctrl+C into a clean cancel (no file left behind).

#include "app/cli/cli_support.h"
#include "app/cli/commands.h"

#include "codecs/clip/clip_export.h"
#include "codecs/frame_index_cache.h"
#include "codecs/media_source.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <csignal>
#include <thread>

namespace sb::cli {
namespace {

using nlohmann::json;

struct ClipOptions {
    std::string file;
    std::string from;
    std::string to;
    bool blurFaces = false;
    bool noBlurFaces = false;
    std::string regions;
    std::string audio = "keep";
    std::string output;
    bool force = false;
    bool json = false;
};

volatile std::sig_atomic_t interrupted = 0;
extern "C" void onInterrupt(int) {
    interrupted = 1;
}

double seconds(std::chrono::microseconds t) {
    return static_cast<double>(t.count()) / 1e6;
}

const char* audioName(clip::AudioMode mode) {
    switch (mode) {
    case clip::AudioMode::Keep:
        return "keep";
    case clip::AudioMode::Mute:
        return "mute";
    case clip::AudioMode::Drop:
        break;
    }
    return "drop";
}

json describe(const clip::ClipSummary& s) {
    json out;
    out["output"] = s.output.string();
    out["first_frame"] = s.range.first;
    out["last_frame"] = s.range.last;
    out["frames_written"] = s.framesWritten;
    out["start_us"] = s.start.count();
    out["duration_us"] = s.duration.count();
    out["width"] = s.width;
    out["height"] = s.height;
    out["faces_blurred"] = s.facesBlurred;
    out["faces"] = {{"frames_with_faces", s.faces.framesWithFaces},
                    {"frames_observed", s.faces.framesObserved},
                    {"areas", s.faces.areas},
                    {"max_per_frame", s.faces.maxPerFrame},
                    {"tracks", s.faces.tracks}};
    out["region_areas"] = s.regionAreas;
    out["audio"] = audioName(s.audio);
    out["audio_track"] = s.audioWritten;
    out["audio_samples"] = s.audioSamples;
    out["audio_sample_rate"] = s.audioSampleRate;
    return out;
}

// Progress on stderr: one updating line on a terminal, a line per 10 % in a log.
class ProgressLine {
public:
    ProgressLine()
        : terminal_(::isatty(STDERR_FILENO) != 0) {}

    void show(const clip::ClipProgress& p) {
        const int percent = static_cast<int>(p.fraction * 100);
        const char* stage = p.stage == clip::ClipProgress::Stage::Faces ? "finding faces" : "encoding";
        if (terminal_) {
            fmt::print(stderr, "\rclip: {} {}/{} frames, {:3d} %", stage, p.done, p.total, percent);
        } else if (percent / 10 != lastTenth_) {
            lastTenth_ = percent / 10;
            fmt::print(stderr, "clip: {} {}/{} frames, {} %\n", stage, p.done, p.total, percent);
        }
    }
    void end() {
        if (terminal_)
            fmt::print(stderr, "\n");
    }

private:
    bool terminal_;
    int lastTenth_ = -1;
};

void runClip(const ClipOptions& options) {
    if (options.blurFaces && options.noBlurFaces)
        throw UsageError("clip: --blur-faces and --no-blur-faces contradict each other");
    const auto from = secondsOption("--from", options.from);
    const auto to = secondsOption("--to", options.to);
    if (to <= from)
        throw UsageError(fmt::format("clip: --to {} must be after --from {}", options.to, options.from));
    const std::filesystem::path output(options.output);
    std::error_code error;
    if (!options.force && std::filesystem::exists(output, error))
        throw UsageError(fmt::format("-o: {} exists (--force replaces it)", output.string()));

    clip::ClipSettings settings;
    settings.source = options.file;
    settings.blurFaces = !options.noBlurFaces;
    settings.audio = options.audio == "mute"   ? clip::AudioMode::Mute
                     : options.audio == "drop" ? clip::AudioMode::Drop
                                               : clip::AudioMode::Keep;
    settings.overwrite = options.force;
    if (!options.regions.empty())
        settings.regions = vision::BlurRegions::load(options.regions);

    const codecs::FrameIndexCache cache;
    const codecs::MediaSource source(options.file, cache);
    if (!source.frameIndex())
        throw std::runtime_error(fmt::format("{}: no video stream", options.file));
    settings.range = clip::frameRangeForTimes(*source.frameIndex(), from, to, options.file);

    interrupted = 0;
    auto previous = std::signal(SIGINT, onInterrupt);
    auto previousTerm = std::signal(SIGTERM, onInterrupt);
    auto job = clip::startClipExport(settings, output, source.frameIndex());
    ProgressLine line;
    while (!job->done()) {
        if (interrupted)
            job->cancel();
        line.show(job->progress());
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    job->wait();
    line.show(job->progress());
    line.end();
    std::signal(SIGINT, previous);
    std::signal(SIGTERM, previousTerm);

    if (job->cancelled())
        throw std::runtime_error(fmt::format("{}: cancelled; no clip was written", output.string()));
    const auto summary = job->result();
    if (!summary)
        throw std::runtime_error(job->error());
    if (options.json) {
        printJson(describe(*summary));
    } else {
        fmt::print("{}: frames {}-{} ({} frames, {:.3f} s from {:.3f} s), faces {}, audio {}\n",
                   summary->output.string(), summary->range.first, summary->range.last,
                   summary->framesWritten, seconds(summary->duration), seconds(summary->start),
                   summary->facesBlurred ? fmt::format("blurred on {} of {} frames",
                                                       summary->faces.framesWithFaces, summary->framesWritten)
                                         : std::string("not blurred"),
                   summary->audioWritten ? audioName(summary->audio) : "none");
    }
}

} // namespace

void addClipCommands(CLI::App& app) {
    auto clip = std::make_shared<ClipOptions>();
    CLI::App* command = app.add_subcommand(
        "clip", "Export a range of a media file as an MP4 teaching clip, faces blurred (docs/clips.md)");
    command->add_option("FILE", clip->file, "Media file")->required();
    command->add_option("--from", clip->from, "Start, seconds on the file's clock")->required();
    command->add_option("--to", clip->to, "End, seconds (the last frame starts before it)")->required();
    command->add_flag("--blur-faces", clip->blurFaces, "Blur every face found (the default)");
    command->add_flag("--no-blur-faces", clip->noBlurFaces,
                      "Do not look for faces (drawn regions still blur)");
    command->add_option("--regions", clip->regions, "Hand-drawn blur regions (JSON, docs/clips.md)");
    command->add_option("--audio", clip->audio, "keep, mute (silent track) or drop the audio")
        ->check(CLI::IsMember({"keep", "mute", "drop"}));
    command->add_option("-o,--output", clip->output, "The MP4 to write")->required();
    command->add_flag("--force", clip->force, "Replace the output file if it exists");
    command->add_flag("--json", clip->json, "A JSON summary on stdout");
    command->callback([clip] { runClip(*clip); });
}

} // namespace sb::cli
