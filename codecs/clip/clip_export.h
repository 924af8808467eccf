#pragma once
// Exporting a teaching clip: the range of a file as an MP4, faces and drawn regions blurred,
// audio kept, muted or dropped, the overlay burned in, no source metadata.
//
// exportClip() runs on the calling thread (the CLI); ClipExportJob runs it on a worker
// thread with progress and cancellation (the workstation). Either way a cancelled or failed
// export leaves no file: the clip is written to a temporary file beside the output and
// renamed only when complete (clip_writer.h).

#include "codecs/clip/clip_settings.h"
#include "codecs/frame_index.h"
#include "codecs/vision/face_tracks.h"

#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <thread>

namespace sb::clip {

// Exports settings.range of settings.source to `output`. `faces` are the range's analysed
// faces (the preview's), or null to analyse them here when settings.blurFaces is on.
// Throws ClipCancelled on cancellation, codecs::MediaError naming the file and the step for
// bad input or a failed write. Progress: Stage::Faces (when analysing), then Stage::Encoding.
ClipSummary exportClip(const ClipSettings& settings, const std::filesystem::path& output,
                       std::shared_ptr<const codecs::FrameIndex> index,
                       std::shared_ptr<const vision::FaceTracks> faces = {},
                       const ProgressCallback& progress = {}, std::stop_token stop = {});

// A task on a worker thread that reports progress and can be cancelled. It starts when
// constructed; the destructor cancels and joins, so dropping it never leaves a thread (or a
// file) behind. Knows nothing of Qt: the workstation polls progress() from a timer or posts
// the `finished` callback (called once, on the worker thread) to its event loop.
template <class Result>
class BackgroundTask {
public:
    using Work = std::function<Result(const ProgressCallback&, std::stop_token)>;

    BackgroundTask(Work work, std::function<void()> finished = {});
    ~BackgroundTask();
    BackgroundTask(const BackgroundTask&) = delete;
    BackgroundTask& operator=(const BackgroundTask&) = delete;

    void cancel(); // asks the task to stop; returns at once
    void wait();   // blocks until it has ended
    [[nodiscard]] bool done() const;
    [[nodiscard]] ClipProgress progress() const;

    // After done(): the result, or nullopt when it failed or was cancelled.
    [[nodiscard]] std::optional<Result> result() const;
    [[nodiscard]] bool cancelled() const;
    // The failure's message (empty when it succeeded or was cancelled).
    [[nodiscard]] std::string error() const;

private:
    mutable std::mutex mutex_;
    ClipProgress progress_;
    std::optional<Result> result_;
    std::string error_;
    bool cancelled_ = false;
    bool done_ = false;
    std::function<void()> finished_;
    std::jthread thread_; // last: started after every member above exists
};

using ClipExportJob = BackgroundTask<ClipSummary>;
using FaceAnalysisJob = BackgroundTask<std::shared_ptr<const vision::FaceTracks>>;

// An export on a worker thread (`settings` and `faces` are copied/shared into the task).
std::unique_ptr<ClipExportJob> startClipExport(ClipSettings settings, std::filesystem::path output,
                                               std::shared_ptr<const codecs::FrameIndex> index,
                                               std::shared_ptr<const vision::FaceTracks> faces = {},
                                               std::function<void()> finished = {});
// Face analysis on a worker thread, for the preview; its result feeds ClipPreview::setFaces
// and then startClipExport, so faces are found once.
std::unique_ptr<FaceAnalysisJob> startFaceAnalysis(ClipSettings settings,
                                                   std::shared_ptr<const codecs::FrameIndex> index,
                                                   std::function<void()> finished = {});

// ---- implementation of the template ----

template <class Result>
BackgroundTask<Result>::BackgroundTask(Work work, std::function<void()> finished)
    : finished_(std::move(finished)) {
    thread_ = std::jthread([this, work = std::move(work)](std::stop_token stop) {
        auto report = [this](const ClipProgress& p) {
            std::lock_guard lock(mutex_);
            progress_ = p;
        };
        std::optional<Result> result;
        std::string error;
        bool cancelled = false;
        try {
            result.emplace(work(report, stop));
        } catch (const ClipCancelled&) {
            cancelled = true;
        } catch (const std::exception& e) {
            error = e.what();
        }
        {
            std::lock_guard lock(mutex_);
            result_ = std::move(result);
            error_ = std::move(error);
            cancelled_ = cancelled;
            done_ = true;
        }
        if (finished_)
            finished_();
    });
}

template <class Result>
BackgroundTask<Result>::~BackgroundTask() {
    cancel();
    wait();
}

template <class Result>
void BackgroundTask<Result>::cancel() {
    thread_.request_stop();
}

template <class Result>
void BackgroundTask<Result>::wait() {
    if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id())
        thread_.join();
}

template <class Result>
bool BackgroundTask<Result>::done() const {
    std::lock_guard lock(mutex_);
    return done_;
}

template <class Result>
ClipProgress BackgroundTask<Result>::progress() const {
    std::lock_guard lock(mutex_);
    return progress_;
}

template <class Result>
std::optional<Result> BackgroundTask<Result>::result() const {
    std::lock_guard lock(mutex_);
    return result_;
}

template <class Result>
bool BackgroundTask<Result>::cancelled() const {
    std::lock_guard lock(mutex_);
    return cancelled_;
}

template <class Result>
std::string BackgroundTask<Result>::error() const {
    std::lock_guard lock(mutex_);
    return error_;
}

} // namespace sb::clip
