// Media engine benchmark (issue 2). Not a test: it prints figures, with references measured
// in the same run on the same file.
//
//   media_bench [FILE]     FILE defaults to a 2-minute 1080p30 H.264 clip (250-frame GOP,
//                          AAC) generated once under the build directory with Debian's ffmpeg.
//
// Reports: random-seek latency (median, p95) against OpenCV's VideoCapture seeking the same
// frames, exactness of both against FFmpeg's own decode; backward frame steps; sequential
// decode throughput against `ffmpeg -i F -f null -`; the frame cache's peak bytes.

#include "bench_clip.h"
#include "codecs/decoded_frame.h"
#include "codecs/frame_index_builder.h"
#include "codecs/frame_index_cache.h"
#include "codecs/video_decoder.h"

#include <fmt/core.h>
#include <opencv2/core.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <numeric>
#include <random>
#include <sys/resource.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using sb::codecs::FrameIndex;
using sb::codecs::VideoDecoder;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const auto at = static_cast<std::size_t>(
        std::clamp(p * static_cast<double>(values.size() - 1), 0.0, static_cast<double>(values.size() - 1)));
    return values[at];
}

double mean(const std::vector<double>& values) {
    return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

int run(const std::string& command) {
    return std::system(command.c_str());
}

// FFmpeg's own digest of every frame, the ground truth for "exact".
std::vector<std::string> ffmpegDigests(const std::filesystem::path& file) {
    const std::filesystem::path digests = file.string() + ".framemd5";
    if (!std::filesystem::exists(digests))
        run("ffmpeg -nostdin -v error -i '" + file.string() +
            "' -map 0:v:0 -fps_mode passthrough -f framemd5 '" + digests.string() + "'");
    std::vector<std::string> md5;
    std::ifstream in(digests);
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#')
            md5.push_back(line.substr(line.rfind(',') + 2));
    return md5;
}

std::size_t cvDigest(const cv::Mat& image) {
    return std::hash<std::string_view>{}(
        std::string_view(reinterpret_cast<const char*>(image.data), image.total() * image.elemSize()));
}

} // namespace

int main(int argc, char** argv) {
    const std::filesystem::path file = argc > 1 ? std::filesystem::path(argv[1]) : sb::bench::benchClip();
    fmt::print("file: {}\n", file.string());

    auto start = Clock::now();
    auto index = std::make_shared<const FrameIndex>(sb::codecs::buildFrameIndex(file));
    const double indexMs = msSince(start);
    const sb::codecs::FrameIndexCache cache(std::filesystem::path(SB_BENCH_DIR) / "index-cache");
    cache.indexFor(file);
    start = Clock::now();
    const bool reused = cache.indexFor(file).fromCache;
    const double cachedMs = msSince(start);
    fmt::print("index: {} frames, {} keyframes; built in {:.0f} ms, loaded from cache in {:.1f} ms ({})\n",
               index->frameCount(), index->keyframeCount(), indexMs, cachedMs,
               reused ? "reused" : "NOT reused");

    const std::vector<std::string> truth = ffmpegDigests(file);
    const auto frames = index->frameCount();

    // Random seeks: the same 60 frames, in the same order, for both.
    std::mt19937 random(42);
    std::uniform_int_distribution<std::int64_t> pick(0, frames - 1);
    std::vector<std::int64_t> targets(60);
    for (auto& t : targets)
        t = pick(random);

    std::vector<double> ours;
    int oursExact = 0;
    {
        VideoDecoder decoder(file, index);
        for (const auto n : targets) {
            start = Clock::now();
            const auto frame = decoder.frame(n);
            ours.push_back(msSince(start));
            oursExact += sb::codecs::pictureMd5(*frame.picture) == truth.at(static_cast<std::size_t>(n));
        }
    }

    // OpenCV's own sequential frames are its reference for exactness after seeking.
    std::vector<std::size_t> cvSequential;
    {
        cv::VideoCapture capture(file.string(), cv::CAP_FFMPEG);
        cv::Mat image;
        while (capture.read(image))
            cvSequential.push_back(cvDigest(image));
    }
    std::vector<double> opencv;
    int opencvExact = 0;
    {
        cv::VideoCapture capture(file.string(), cv::CAP_FFMPEG);
        cv::Mat image;
        for (const auto n : targets) {
            start = Clock::now();
            capture.set(cv::CAP_PROP_POS_FRAMES, static_cast<double>(n));
            capture.read(image);
            opencv.push_back(msSince(start));
            opencvExact += static_cast<std::size_t>(n) < cvSequential.size() &&
                           cvDigest(image) == cvSequential[static_cast<std::size_t>(n)];
        }
    }
    const double oursMedian = percentile(ours, 0.5), cvMedian = percentile(opencv, 0.5);
    fmt::print("random seek ({} frames):\n", targets.size());
    fmt::print("  securebase: median {:7.1f} ms  p95 {:7.1f} ms  exact {}/{}\n", oursMedian,
               percentile(ours, 0.95), oursExact, targets.size());
    fmt::print(
        "  opencv:     median {:7.1f} ms  p95 {:7.1f} ms  exact {}/{} (against its own sequential decode)\n",
        cvMedian, percentile(opencv, 0.95), opencvExact, targets.size());
    fmt::print("  ratio (securebase / opencv): median {:.2f}, p95 {:.2f}\n", oursMedian / cvMedian,
               percentile(ours, 0.95) / percentile(opencv, 0.95));

    // Backward steps from the middle of a GOP.
    {
        VideoDecoder decoder(file, index);
        const std::int64_t from = std::min<std::int64_t>(frames - 1, 2 * 250 + 200);
        decoder.frame(from);
        std::vector<double> steps;
        int exact = 0;
        for (int i = 0; i < 100; ++i) {
            start = Clock::now();
            const auto frame = decoder.stepBackward();
            steps.push_back(msSince(start));
            exact +=
                sb::codecs::pictureMd5(*frame.picture) == truth.at(static_cast<std::size_t>(frame.number));
        }
        fmt::print(
            "backward step (100 steps from frame {}): median {:.2f} ms  mean {:.2f} ms  p95 {:.2f} ms  "
            "max {:.1f} ms  exact {}/100\n",
            from, percentile(steps, 0.5), mean(steps), percentile(steps, 0.95), percentile(steps, 1.0),
            exact);
        fmt::print("frame cache: peak {:.1f} MiB of a {:.1f} MiB budget ({} frames held)\n",
                   static_cast<double>(decoder.cache().peakBytes()) / 1048576.0,
                   static_cast<double>(decoder.cache().budget()) / 1048576.0, decoder.cache().size());
    }

    // Sequential decode against FFmpeg's own tool on the same file.
    {
        VideoDecoder decoder(file, index);
        start = Clock::now();
        decoder.frame(0);
        for (std::int64_t n = 1; n < frames; ++n)
            decoder.stepForward();
        const double oursSeconds = msSince(start) / 1000.0;
        start = Clock::now();
        run("ffmpeg -nostdin -v error -i '" + file.string() + "' -f null -");
        const double ffmpegSeconds = msSince(start) / 1000.0;
        start = Clock::now();
        run("ffmpeg -nostdin -v error -i '" + file.string() + "' -map 0:v:0 -f null -");
        const double ffmpegVideoSeconds = msSince(start) / 1000.0;
        const double oursFps = static_cast<double>(frames) / oursSeconds;
        fmt::print("sequential decode of {} frames:\n", frames);
        fmt::print("  securebase:                      {:6.2f} s  {:6.1f} fps\n", oursSeconds, oursFps);
        fmt::print("  ffmpeg -i F -f null -:           {:6.2f} s  {:6.1f} fps  -> securebase at {:.0f} %\n",
                   ffmpegSeconds, static_cast<double>(frames) / ffmpegSeconds,
                   100.0 * ffmpegSeconds / oursSeconds);
        fmt::print("  ffmpeg -i F -map 0:v:0 -f null -: {:6.2f} s  {:6.1f} fps  -> securebase at {:.0f} %\n",
                   ffmpegVideoSeconds, static_cast<double>(frames) / ffmpegVideoSeconds,
                   100.0 * ffmpegVideoSeconds / oursSeconds);
    }

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    fmt::print("process peak resident memory: {:.0f} MiB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
    return 0;
}
