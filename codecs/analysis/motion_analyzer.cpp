#include "codecs/analysis/motion_analyzer.h"

#include "codecs/analysis/audio_energy.h"
#include "codecs/analysis/frame_measures.h"
#include "codecs/analysis/grey_video_reader.h"
#include "codecs/media_error.h"

#include <fmt/core.h>

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace sb::analysis {
namespace {

// FFmpeg's frame threads for the video decoder: one per core. The measuring and audio
// threads share the cores with them; more decoder threads only add memory and latency.
constexpr int kDecoderThreads = 2;
// Small grey frames in flight between decoding and measuring (~14 KB each at 160x90).
constexpr std::size_t kQueueDepth = 64;
constexpr auto kProgressInterval = std::chrono::milliseconds(100);

struct GreyFrame {
    std::int64_t number = 0;
    cv::Mat grey;
};

// Decoding hands frames to measuring through here; either side stops promptly on a stop
// request, and close() marks the end of the video.
class FrameQueue {
public:
    explicit FrameQueue(std::size_t capacity)
        : capacity_(capacity) {}

    bool push(GreyFrame frame, std::stop_token stop) {
        std::unique_lock lock(mutex_);
        if (!changed_.wait(lock, stop, [&] { return items_.size() < capacity_; }))
            return false;
        items_.push_back(std::move(frame));
        changed_.notify_all();
        return true;
    }

    std::optional<GreyFrame> pop(std::stop_token stop) {
        std::unique_lock lock(mutex_);
        if (!changed_.wait(lock, stop, [&] { return !items_.empty() || closed_; }) || items_.empty())
            return std::nullopt;
        GreyFrame frame = std::move(items_.front());
        items_.pop_front();
        changed_.notify_all();
        return frame;
    }

    void close() {
        const std::lock_guard lock(mutex_);
        closed_ = true;
        changed_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable_any changed_;
    std::deque<GreyFrame> items_;
    std::size_t capacity_;
    bool closed_ = false;
};

// Stops the helper threads when the measuring thread leaves early (an error), before their
// jthreads join.
struct StopOnExit {
    std::stop_source& source;
    ~StopOnExit() { source.request_stop(); }
};

std::vector<AnalysisTrack> emptyTracks(const AnalysisParameters& parameters, std::size_t frames) {
    std::vector<AnalysisTrack> tracks;
    auto add = [&](MeasureKind kind, const std::string& base, const std::string& region) {
        AnalysisTrack track;
        track.kind = kind;
        track.region = region;
        track.name = region.empty() ? base : base + ":" + region;
        track.values.assign(frames, std::nanf(""));
        tracks.push_back(std::move(track));
    };
    add(MeasureKind::Motion, "motion", "");
    for (const RegionOfInterest& r : parameters.regions)
        add(MeasureKind::Motion, "motion", r.name);
    if (parameters.opticalFlow) {
        add(MeasureKind::Flow, "flow", "");
        for (const RegionOfInterest& r : parameters.regions)
            add(MeasureKind::Flow, "flow", r.name);
    }
    return tracks;
}

} // namespace

MotionAnalysis analyzeMedia(const std::filesystem::path& file, const codecs::FrameIndex& index,
                            const AnalysisParameters& parameters, const ProgressCallback& progress,
                            std::stop_token stop) {
    parameters.check();
    if (index.frames.empty())
        throw codecs::MediaError(file, "analysis", "the video has no frames");

    GreyVideoReader reader(file, index, parameters.analysisWidth, kDecoderThreads);
    checkRegionsFit(parameters.regions, reader.sourceWidth(), reader.sourceHeight());

    MotionAnalysis result;
    const auto frames = static_cast<std::size_t>(index.frameCount());
    result.frameTimesUs.reserve(frames);
    for (std::int64_t n = 0; n < index.frameCount(); ++n)
        result.frameTimesUs.push_back(index.frameTime(n).count());
    result.videoEndUs = index.videoEnd().count();
    result.sourceWidth = reader.sourceWidth();
    result.sourceHeight = reader.sourceHeight();
    result.analysisWidth = reader.width();
    result.analysisHeight = reader.height();
    result.parameters = parameters;
    result.tracks = emptyTracks(parameters, frames);

    std::stop_source helpers; // stops the decoding and audio threads
    const std::stop_callback forward(stop, [&helpers] { helpers.request_stop(); });

    const bool wantAudio = parameters.audio && reader.fileHasAudio();
    std::vector<float> audio;
    std::exception_ptr audioError;
    std::exception_ptr videoError;
    FrameQueue queue(kQueueDepth);

    std::jthread audioThread;
    if (wantAudio)
        audioThread = std::jthread([&, token = helpers.get_token()] {
            try {
                audio = audioRmsPerFrame(file, result.frameTimesUs, result.videoEndUs, token);
            } catch (...) {
                audioError = std::current_exception();
            }
        });
    std::jthread decodeThread([&, token = helpers.get_token()] {
        try {
            std::int64_t number = 0;
            cv::Mat grey;
            while (!token.stop_requested() && reader.next(number, grey))
                if (!queue.push(GreyFrame{number, std::move(grey)}, token))
                    break;
        } catch (...) {
            videoError = std::current_exception();
        }
        queue.close();
    });
    const StopOnExit stopHelpersOnExit{helpers};

    FrameMeasures measures(parameters.regions, result.sourceWidth, result.sourceHeight, result.analysisWidth,
                           result.analysisHeight, parameters.opticalFlow);
    const std::size_t regionTracks = parameters.regions.size() + 1;
    std::vector<float> motion;
    std::vector<float> flow;
    cv::Mat previous;
    std::int64_t previousNumber = -2;
    std::int64_t produced = 0;
    auto lastReport = std::chrono::steady_clock::now();
    const auto helperToken = helpers.get_token();
    while (auto item = queue.pop(helperToken)) {
        if (item->number <= previousNumber)
            continue; // never expected: the decoder emits frames in presentation order
        ++produced;
        const auto n = static_cast<std::size_t>(item->number);
        if (item->number == previousNumber + 1) {
            measures.measure(previous, item->grey, motion, flow);
            for (std::size_t t = 0; t < regionTracks; ++t)
                result.tracks[t].values[n] = motion[t];
            for (std::size_t t = 0; t < flow.size(); ++t)
                result.tracks[regionTracks + t].values[n] = flow[t];
        }
        previous = std::move(item->grey);
        previousNumber = item->number;
        if (progress) {
            const auto now = std::chrono::steady_clock::now();
            if (now - lastReport >= kProgressInterval) {
                lastReport = now;
                progress({AnalysisProgress::Stage::Analyse, item->number + 1, index.frameCount()});
            }
        }
    }
    decodeThread.join();
    if (stop.stop_requested())
        throw AnalysisCancelled();
    if (videoError) {
        helpers.request_stop();
        std::rethrow_exception(videoError);
    }
    if (audioThread.joinable())
        audioThread.join();
    if (stop.stop_requested())
        throw AnalysisCancelled();

    result.framesNotDecoded = index.frameCount() - produced;
    if (produced == 0)
        throw codecs::MediaError(file, "analysis", "no frame of the video could be decoded");
    if (audioError) {
        try {
            std::rethrow_exception(audioError);
        } catch (const std::exception& e) {
            result.warnings.push_back(fmt::format("audio: {}", e.what()));
        }
    } else if (wantAudio) {
        AnalysisTrack track;
        track.name = "audio_rms";
        track.kind = MeasureKind::AudioRms;
        track.values = std::move(audio);
        result.tracks.push_back(std::move(track));
    }
    if (result.framesNotDecoded > 0)
        result.warnings.push_back(
            fmt::format("video: {} of {} frames could not be decoded; their measures are empty",
                        result.framesNotDecoded, index.frameCount()));
    if (progress)
        progress({AnalysisProgress::Stage::Analyse, index.frameCount(), index.frameCount()});
    return result;
}

} // namespace sb::analysis
