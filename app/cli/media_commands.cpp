// securebase-cli probe / frame: the media engine from the command line.
//
//   probe FILE [--json]
//   frame FILE (--index N[,N…] | --time SECONDS[,SECONDS…]) --out DIR   -> DIR/frame-N.png
//
// Frames are served in the order given (no sorting that would hide seek cost).

#include "app/cli/cli_support.h"
#include "app/cli/commands.h"

#include "codecs/frame_index_cache.h"
#include "codecs/media_source.h"
#include "codecs/rgb_image.h"
#include "codecs/video_decoder.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <iostream>

namespace sb::cli {
namespace {

using nlohmann::json;

struct ProbeOptions {
    std::string file;
    bool json = false;
};

struct FrameOptions {
    std::string file;
    std::vector<std::int64_t> indices;
    std::vector<std::string> times;
    std::string outDir;
};

json describe(const codecs::MediaInfo& info) {
    json out;
    out["file"] = info.file.string();
    out["container"] = info.container;
    out["duration_us"] = info.duration.count();
    out["bit_rate"] = info.bitRate;
    if (info.video) {
        const auto& v = *info.video;
        out["video"] = {{"codec", v.codec},
                        {"codec_long_name", v.codecLongName},
                        {"pixel_format", v.pixelFormat},
                        {"width", v.width},
                        {"height", v.height},
                        {"frame_count", v.frameCount},
                        {"keyframe_count", v.keyframeCount},
                        {"avg_fps", v.avgFps},
                        {"real_fps", v.realFps},
                        {"variable_frame_rate", v.variableFrameRate},
                        {"start_us", v.start.count()},
                        {"duration_us", v.duration.count()},
                        {"decode_verified_index", v.decodeVerified}};
    } else {
        out["video"] = nullptr;
    }
    if (info.audio) {
        const auto& a = *info.audio;
        out["audio"] = {{"codec", a.codec},
                        {"codec_long_name", a.codecLongName},
                        {"sample_format", a.sampleFormat},
                        {"channels", a.channels},
                        {"channel_layout", a.channelLayout},
                        {"sample_rate", a.sampleRate},
                        {"duration_us", a.duration.count()}};
    } else {
        out["audio"] = nullptr;
    }
    return out;
}

void printProbe(const codecs::MediaInfo& info) {
    fmt::print("{}\n  container: {}\n  duration:  {:.3f} s\n", info.file.string(), info.container,
               static_cast<double>(info.duration.count()) / 1e6);
    if (info.video) {
        const auto& v = *info.video;
        fmt::print("  video:     {} {}x{} {}, {} frames ({} keyframes), {:.3f} fps average{}\n", v.codec,
                   v.width, v.height, v.pixelFormat, v.frameCount, v.keyframeCount, v.avgFps,
                   v.variableFrameRate ? ", variable frame rate" : "");
    } else {
        fmt::print("  video:     none\n");
    }
    if (info.audio) {
        const auto& a = *info.audio;
        fmt::print("  audio:     {} {} Hz, {} channel(s) {}\n", a.codec, a.sampleRate, a.channels,
                   a.channelLayout);
    } else {
        fmt::print("  audio:     none\n");
    }
}

void runProbe(const ProbeOptions& options) {
    const codecs::FrameIndexCache cache;
    const codecs::MediaSource source(options.file, cache);
    if (options.json)
        printJson(describe(source.info()));
    else
        printProbe(source.info());
}

// "12.5" -> 12'500'000 µs, exactly (no binary floating point on the way).
std::chrono::microseconds parseSeconds(const std::string& text) {
    std::size_t used = 0;
    double seconds = 0;
    try {
        seconds = std::stod(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || !std::isfinite(seconds) || seconds < 0)
        throw UsageError(fmt::format("--time: '{}' is not a time in seconds", text));
    return std::chrono::microseconds(std::llround(seconds * 1e6));
}

void runFrame(const FrameOptions& options) {
    if (options.indices.empty() == options.times.empty())
        throw UsageError("frame: give either --index or --time");
    const std::filesystem::path outDir(options.outDir);
    std::error_code ec;
    std::filesystem::create_directories(outDir, ec);
    if (!std::filesystem::is_directory(outDir))
        throw UsageError(fmt::format("--out: cannot create directory {}", outDir.string()));

    const codecs::FrameIndexCache cache;
    const codecs::MediaSource source(options.file, cache);
    if (!source.frameIndex())
        throw std::runtime_error(fmt::format("{}: no video stream", options.file));
    codecs::VideoDecoder decoder(options.file, source.frameIndex());
    const auto frameCount = source.frameIndex()->frameCount();

    auto write = [&](std::int64_t number, const std::string& name) {
        const codecs::DecodedFrame frame = decoder.frame(number);
        codecs::writePng(outDir / fmt::format("frame-{}.png", name), codecs::toRgb(*frame.picture));
    };
    for (const std::int64_t n : options.indices) {
        if (n < 0 || n >= frameCount)
            throw std::runtime_error(fmt::format("{}: frame {} does not exist (the video has {} frames)",
                                                 options.file, n, frameCount));
        write(n, std::to_string(n));
    }
    for (const std::string& text : options.times) {
        const auto n = source.frameIndex()->frameAt(parseSeconds(text));
        if (!n)
            throw std::runtime_error(
                fmt::format("{}: time {} s is outside the video (0 to {:.6f} s)", options.file, text,
                            static_cast<double>(source.frameIndex()->videoEnd().count()) / 1e6));
        write(*n, text);
    }
}

} // namespace

void addMediaCommands(CLI::App& app) {
    auto probe = std::make_shared<ProbeOptions>();
    CLI::App* probeCommand = app.add_subcommand("probe", "Describe a media file's streams and frames");
    probeCommand->add_option("FILE", probe->file, "Media file")->required();
    probeCommand->add_flag("--json", probe->json, "One JSON object on stdout");
    probeCommand->callback([probe] { runProbe(*probe); });

    auto frame = std::make_shared<FrameOptions>();
    CLI::App* frameCommand =
        app.add_subcommand("frame", "Write exact video frames as PNG files (DIR/frame-N.png)");
    frameCommand->add_option("FILE", frame->file, "Media file")->required();
    frameCommand->add_option("--index", frame->indices, "Frame numbers (0-based, presentation order)")
        ->delimiter(',');
    frameCommand->add_option("--time", frame->times, "Times in seconds: the frame on screen at each")
        ->delimiter(',');
    frameCommand->add_option("--out", frame->outDir, "Output directory")->required();
    frameCommand->callback([frame] { runFrame(*frame); });
}

} // namespace sb::cli
