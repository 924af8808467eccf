#include "codecs/analysis/analysis_job.h"

#include "codecs/analysis/analysis_cache.h"
#include "codecs/frame_index_cache.h"

namespace sb::analysis {

AnalysisJob::AnalysisJob(std::filesystem::path file, AnalysisParameters parameters,
                         AnalysisJobOptions options)
    : file_(std::move(file))
    , parameters_(std::move(parameters))
    , options_(std::move(options))
    , worker_([this](std::stop_token stop) { run(std::move(stop)); }) {}

AnalysisJob::~AnalysisJob() {
    worker_.request_stop();
    if (worker_.joinable())
        worker_.join();
}

void AnalysisJob::cancel() {
    worker_.request_stop();
}

std::shared_ptr<const MotionAnalysis> AnalysisJob::result() {
    std::unique_lock lock(mutex_);
    ended_.wait(lock, [this] { return done_.load(); });
    if (error_)
        std::rethrow_exception(error_);
    return result_;
}

void AnalysisJob::run(std::stop_token stop) {
    std::shared_ptr<const MotionAnalysis> analysis;
    std::exception_ptr error;
    bool cached = false;
    auto report = [&](AnalysisProgress::Stage stage, std::int64_t done, std::int64_t total) {
        if (options_.progress)
            options_.progress({stage, done, total});
    };
    try {
        parameters_.check();
        const AnalysisCache cache(options_.analysisCacheDir);
        if (options_.useCache) {
            report(AnalysisProgress::Stage::Cache, 0, 0);
            analysis = cache.load(file_, parameters_);
            cached = analysis != nullptr;
        }
        if (!analysis) {
            std::shared_ptr<const codecs::FrameIndex> index = options_.index;
            if (!index) {
                report(AnalysisProgress::Stage::Index, 0, 0);
                index = codecs::FrameIndexCache(options_.frameIndexCacheDir).indexFor(file_).index;
            }
            if (stop.stop_requested())
                throw AnalysisCancelled();
            auto computed = std::make_shared<MotionAnalysis>(
                analyzeMedia(file_, *index, parameters_, options_.progress, stop));
            if (options_.useCache)
                cache.store(file_, parameters_, *computed);
            analysis = std::move(computed);
        }
        report(AnalysisProgress::Stage::Done, analysis->frameCount(), analysis->frameCount());
    } catch (...) {
        error = std::current_exception();
        analysis.reset();
    }
    {
        const std::lock_guard lock(mutex_);
        result_ = std::move(analysis);
        error_ = error;
        fromCache_ = cached && !error;
        done_ = true;
    }
    ended_.notify_all();
    if (options_.finished)
        options_.finished();
}

} // namespace sb::analysis
