#pragma once
// One analysis running in the background: the cache first, then the frame index (its own
// cache), then analyzeMedia on worker threads, then the result stored in the cache.
//
// The job starts when constructed and is cancelled and joined when destroyed, so dropping
// the object never leaves a thread behind. It knows nothing of Qt: the workstation wraps it
// and posts the callbacks, which arrive on a worker thread, to its event loop.

#include "codecs/analysis/analysis_parameters.h"
#include "codecs/analysis/motion_analysis.h"
#include "codecs/analysis/motion_analyzer.h"
#include "codecs/frame_index.h"

#include <atomic>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace sb::analysis {

struct AnalysisJobOptions {
    bool useCache = true;                     // read and write the analysis cache
    std::filesystem::path analysisCacheDir;   // empty: AnalysisCache::defaultDirectory()
    std::filesystem::path frameIndexCacheDir; // empty: codecs::FrameIndexCache::defaultDirectory()
    // The file's frame index when the caller already has it (the workstation does).
    std::shared_ptr<const codecs::FrameIndex> index;
    ProgressCallback progress;
    // Called once from the worker thread when the job has ended (result, error or cancel);
    // result() then returns at once. It must not destroy the job (post to your own thread).
    std::function<void()> finished;
};

class AnalysisJob {
public:
    AnalysisJob(std::filesystem::path file, AnalysisParameters parameters, AnalysisJobOptions options = {});
    ~AnalysisJob(); // cancels and joins
    AnalysisJob(const AnalysisJob&) = delete;
    AnalysisJob& operator=(const AnalysisJob&) = delete;

    // Asks the job to stop; safe from any thread, returns at once. result() then throws
    // AnalysisCancelled unless the analysis had already finished.
    void cancel();
    [[nodiscard]] bool done() const { return done_.load(); }

    // Waits for the end; the analysis, or the error the job met rethrown (codecs::MediaError,
    // RegionError, AnalysisCancelled).
    [[nodiscard]] std::shared_ptr<const MotionAnalysis> result();
    // True when result() came from the cache (valid once done).
    [[nodiscard]] bool fromCache() const { return fromCache_.load(); }

    [[nodiscard]] const std::filesystem::path& file() const { return file_; }
    [[nodiscard]] const AnalysisParameters& parameters() const { return parameters_; }

private:
    void run(std::stop_token stop);

    std::filesystem::path file_;
    AnalysisParameters parameters_;
    AnalysisJobOptions options_;
    mutable std::mutex mutex_; // guards result_ and error_
    std::condition_variable ended_;
    std::shared_ptr<const MotionAnalysis> result_;
    std::exception_ptr error_;
    std::atomic<bool> done_{false};
    std::atomic<bool> fromCache_{false};
    std::jthread worker_; // last: started after every other member exists
};

} // namespace sb::analysis
