// Motion and sound tracks benchmark (issue 10). Not a test: it prints figures, with the
// decode floor (`ffmpeg -threads 2 -i F -f null -`) measured in the same run on the same file.
//
//   analysis_bench [MINUTES]   MINUTES defaults to 20: a 1280x720 30 fps H.264 (x264
//                              veryfast, crf 23, B-frames, 250-frame GOP) + AAC clip, generated
//                              once under the build directory with Debian's ffmpeg.
//
// Reports: frame index build; analysis without flow (target: at least 4x faster than real
// time on 2 cores); with flow and two regions; the cache's store and reload; the load
// average before and after (the machine is shared: read the figures with it).

#include "codecs/analysis/analysis_cache.h"
#include "codecs/analysis/motion_analyzer.h"
#include "codecs/frame_index_builder.h"

#include <fmt/core.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace {

using Clock = std::chrono::steady_clock;
using namespace sb::analysis;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string loadAverage() {
    double load[3] = {0, 0, 0};
    if (getloadavg(load, 3) != 3)
        return "unknown";
    return fmt::format("{:.2f} {:.2f} {:.2f}", load[0], load[1], load[2]);
}

// One minute is encoded and then repeated by stream copy (the concat demuxer), so making a
// 20-minute clip costs one minute of encoding; decoding it costs what any 20-minute H.264
// file of this kind costs.
std::filesystem::path benchClip(int minutes) {
    const std::filesystem::path dir(SB_BENCH_DIR);
    const std::filesystem::path file = dir / fmt::format("bench_720p30_{}min.mp4", minutes);
    if (std::filesystem::exists(file))
        return file;
    std::filesystem::create_directories(dir);
    fmt::print("generating {} ({} minutes of 720p30 H.264 + AAC; once)...\n", file.string(), minutes);
    std::fflush(stdout);
    const std::filesystem::path piece = dir / "bench_720p30_1min.mp4";
    if (!std::filesystem::exists(piece)) {
        const std::string command = fmt::format(
            "ffmpeg -nostdin -v error -y -f lavfi -i testsrc2=size=1280x720:rate=30:duration=60 "
            "-f lavfi -i sine=frequency=440:sample_rate=48000:duration=60 -c:v libx264 -preset veryfast "
            "-crf 23 -g 250 -bf 3 -pix_fmt yuv420p -c:a aac -b:a 128k -shortest '{0}.tmp.mp4' && "
            "mv '{0}.tmp.mp4' '{0}'",
            piece.string());
        if (std::system(command.c_str()) != 0)
            throw std::runtime_error("ffmpeg could not generate the benchmark clip");
    }
    const std::filesystem::path list = dir / "concat.txt";
    {
        std::ofstream out(list);
        for (int i = 0; i < minutes; ++i)
            out << "file '" << piece.filename().string() << "'\n";
    }
    const std::string command =
        fmt::format("ffmpeg -nostdin -v error -y -f concat -safe 0 -i '{0}' -c copy '{1}.tmp.mp4' && "
                    "mv '{1}.tmp.mp4' '{1}'",
                    list.string(), file.string());
    if (std::system(command.c_str()) != 0)
        throw std::runtime_error("ffmpeg could not join the benchmark clip");
    return file;
}

void report(const char* what, double seconds, double mediaSeconds, std::int64_t frames) {
    fmt::print("{:<44} {:8.2f} s  {:6.1f}x real time  {:7.0f} frames/s\n", what, seconds,
               mediaSeconds / seconds, static_cast<double>(frames) / seconds);
}

} // namespace

int main(int argc, char** argv) {
    try {
        const int minutes = argc > 1 ? std::stoi(argv[1]) : 20;
        const auto clip = benchClip(minutes);
        fmt::print("clip: {}\nload average before: {}\n", clip.string(), loadAverage());

        auto start = Clock::now();
        const sb::codecs::FrameIndex index = sb::codecs::buildFrameIndex(clip);
        const double indexSeconds = secondsSince(start);
        const double mediaSeconds = static_cast<double>(index.videoEnd().count()) / 1e6;
        fmt::print("{} frames, {:.1f} s of video\n", index.frameCount(), mediaSeconds);
        report("frame index build (demux pass)", indexSeconds, mediaSeconds, index.frameCount());

        start = Clock::now();
        const std::string floor =
            "ffmpeg -nostdin -v error -threads 2 -i '" + clip.string() + "' -map 0:v -f null -";
        if (std::system(floor.c_str()) != 0)
            throw std::runtime_error("ffmpeg could not decode the clip");
        const double floorSeconds = secondsSince(start);
        report("reference: ffmpeg -threads 2 video decode", floorSeconds, mediaSeconds, index.frameCount());

        AnalysisParameters plain;
        start = Clock::now();
        const MotionAnalysis motion = analyzeMedia(clip, index, plain);
        const double plainSeconds = secondsSince(start);
        report("analysis: motion + audio RMS", plainSeconds, mediaSeconds, index.frameCount());
        fmt::print("{:<44} {:8.2f}x the ffmpeg decode time\n", "", plainSeconds / floorSeconds);

        AnalysisParameters flow;
        flow.opticalFlow = true;
        flow.regions = {{"left", 0, 0, 640, 720}, {"centre", 320, 180, 640, 360}};
        start = Clock::now();
        const MotionAnalysis flowed = analyzeMedia(clip, index, flow);
        const double flowSeconds = secondsSince(start);
        report("analysis: + flow, 2 regions (6 measures)", flowSeconds, mediaSeconds, index.frameCount());

        const auto cacheDir = std::filesystem::path(SB_BENCH_DIR) / "analysis-cache";
        std::filesystem::remove_all(cacheDir);
        const AnalysisCache cache(cacheDir);
        start = Clock::now();
        cache.store(clip, flow, flowed);
        const double storeSeconds = secondsSince(start);
        start = Clock::now();
        const auto reloaded = cache.load(clip, flow);
        const double loadSeconds = secondsSince(start);
        if (!reloaded || reloaded->frameCount() != flowed.frameCount())
            throw std::runtime_error("the cache did not give the analysis back");
        fmt::print("{:<44} {:8.1f} ms ({:.1f} MB)\n", "cache store (with flow)", storeSeconds * 1e3,
                   static_cast<double>(std::filesystem::file_size(cache.cacheFileFor(clip, flow))) / 1e6);
        fmt::print("{:<44} {:8.1f} ms\n", "cache reload (key check + MD5 + archive)", loadSeconds * 1e3);

        fmt::print("target: analysis without flow >= 4x real time: {} ({:.1f}x)\n",
                   mediaSeconds / plainSeconds >= 4 ? "met" : "NOT met", mediaSeconds / plainSeconds);
        fmt::print("load average after: {}\n", loadAverage());
        (void)motion;
    } catch (const std::exception& e) {
        fmt::print(stderr, "analysis_bench: {}\n", e.what());
        return 1;
    }
    return 0;
}
