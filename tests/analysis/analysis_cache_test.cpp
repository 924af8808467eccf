// The analysis cache: reused while valid, recomputed when the media, the parameters or the
// cache file change; a damaged cache is never trusted. Driven through AnalysisJob, the
// background runner the workstation uses.

#include "analysis_media.h"
#include "codecs/analysis/analysis_cache.h"
#include "codecs/analysis/analysis_job.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <fstream>

namespace sb::analysis {
namespace {

class AnalysisCacheTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = std::filesystem::path(::testing::TempDir()) / (std::string("analysis-cache-") + info->name());
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        media_ = dir_ / "clip.mkv";
        std::filesystem::copy_file(test::jumpingSquare(), media_);
    }

    struct Run {
        std::shared_ptr<const MotionAnalysis> analysis;
        bool fromCache = false;
    };

    Run run(const AnalysisParameters& parameters = {}) {
        AnalysisJobOptions options;
        options.analysisCacheDir = dir_ / "analysis";
        options.frameIndexCacheDir = dir_ / "frame-index";
        AnalysisJob job(media_, parameters, std::move(options));
        Run r;
        r.analysis = job.result();
        r.fromCache = job.fromCache();
        return r;
    }

    std::filesystem::path cacheFile(const AnalysisParameters& parameters = {}) const {
        return AnalysisCache(dir_ / "analysis").cacheFileFor(media_, parameters);
    }

    std::filesystem::path dir_;
    std::filesystem::path media_;
};

// Same values, NaN included.
void expectSameTracks(const MotionAnalysis& a, const MotionAnalysis& b) {
    ASSERT_EQ(a.tracks.size(), b.tracks.size());
    EXPECT_EQ(a.frameTimesUs, b.frameTimesUs);
    for (std::size_t t = 0; t < a.tracks.size(); ++t) {
        EXPECT_EQ(a.tracks[t].name, b.tracks[t].name);
        ASSERT_EQ(a.tracks[t].values.size(), b.tracks[t].values.size());
        for (std::size_t n = 0; n < a.tracks[t].values.size(); ++n) {
            const float x = a.tracks[t].values[n];
            const float y = b.tracks[t].values[n];
            EXPECT_TRUE((std::isnan(x) && std::isnan(y)) || x == y) << a.tracks[t].name << " frame " << n;
        }
    }
}

TEST_F(AnalysisCacheTest, SecondRunReusesTheAnalysis) {
    const Run first = run();
    EXPECT_FALSE(first.fromCache);
    EXPECT_TRUE(std::filesystem::exists(cacheFile()));
    EXPECT_EQ(cacheFile().parent_path(), dir_ / "analysis");
    const Run second = run();
    EXPECT_TRUE(second.fromCache);
    expectSameTracks(*first.analysis, *second.analysis);
    EXPECT_EQ(second.analysis->sourceWidth, 320);
}

TEST_F(AnalysisCacheTest, ChangedMediaIsAnalysedAgain) {
    const Run first = run();
    std::filesystem::copy_file(test::slidingPattern(), media_,
                               std::filesystem::copy_options::overwrite_existing);
    const Run second = run();
    EXPECT_FALSE(second.fromCache);
    EXPECT_NE(second.analysis->frameCount(), first.analysis->frameCount());
    EXPECT_TRUE(run().fromCache);
}

TEST_F(AnalysisCacheTest, TouchedMediaIsAnalysedAgain) {
    run();
    std::filesystem::last_write_time(media_,
                                     std::filesystem::last_write_time(media_) + std::chrono::seconds(5));
    EXPECT_FALSE(run().fromCache);
    EXPECT_TRUE(run().fromCache);
}

TEST_F(AnalysisCacheTest, OtherParametersAreAnalysedAgainAndKeptApart) {
    const Run plain = run();
    AnalysisParameters withRegion;
    withRegion.regions = {{"left", 0, 0, 150, 240}};
    const Run regioned = run(withRegion);
    EXPECT_FALSE(regioned.fromCache);
    ASSERT_NE(regioned.analysis->track("motion:left"), nullptr);
    AnalysisParameters moved = withRegion;
    moved.regions[0].x = 2;
    EXPECT_FALSE(run(moved).fromCache);
    AnalysisParameters flow;
    flow.opticalFlow = true;
    const Run flowed = run(flow);
    EXPECT_FALSE(flowed.fromCache);
    EXPECT_NE(flowed.analysis->track("flow"), nullptr);
    // Each parameter set has its own file: going back costs nothing.
    const Run again = run();
    EXPECT_TRUE(again.fromCache);
    expectSameTracks(*plain.analysis, *again.analysis);
    EXPECT_TRUE(run(withRegion).fromCache);
}

TEST_F(AnalysisCacheTest, DamagedCacheIsRebuiltNeverTrusted) {
    const Run first = run();
    const auto file = cacheFile();
    const auto size = std::filesystem::file_size(file);
    {
        // One flipped byte in the payload.
        std::fstream bytes(file, std::ios::in | std::ios::out | std::ios::binary);
        bytes.seekg(static_cast<std::streamoff>(size - 100));
        char c = 0;
        bytes.read(&c, 1);
        c = static_cast<char>(c ^ 0x5a);
        bytes.seekp(static_cast<std::streamoff>(size - 100));
        bytes.write(&c, 1);
    }
    const Run second = run();
    EXPECT_FALSE(second.fromCache);
    expectSameTracks(*first.analysis, *second.analysis);
    EXPECT_TRUE(run().fromCache); // rewritten whole

    std::filesystem::resize_file(file, size / 2); // truncated
    EXPECT_FALSE(run().fromCache);

    {
        // A well-formed checksum over bytes that are not an analysis.
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out << "garbage";
    }
    EXPECT_FALSE(run().fromCache);
    EXPECT_TRUE(run().fromCache);
}

TEST_F(AnalysisCacheTest, CachedAnalysisOfAnotherParameterSetIsNotTakenForThisOne) {
    // A cache file copied under another parameter set's name (e.g. by hand) is refused by
    // its key, not by its name.
    AnalysisParameters flow;
    flow.opticalFlow = true;
    run();
    std::filesystem::copy_file(cacheFile(), cacheFile(flow),
                               std::filesystem::copy_options::overwrite_existing);
    const Run r = run(flow);
    EXPECT_FALSE(r.fromCache);
    EXPECT_NE(r.analysis->track("flow"), nullptr);
}

TEST_F(AnalysisCacheTest, JobReportsProgressAndFinishes) {
    std::atomic<int> reports{0};
    std::atomic<bool> finished{false};
    std::atomic<bool> sawDone{false};
    AnalysisJobOptions options;
    options.analysisCacheDir = dir_ / "analysis";
    options.frameIndexCacheDir = dir_ / "frame-index";
    options.progress = [&](const AnalysisProgress& p) {
        ++reports;
        if (p.stage == AnalysisProgress::Stage::Done) {
            EXPECT_EQ(p.framesDone, 90);
            sawDone = true;
        }
    };
    options.finished = [&] { finished = true; };
    AnalysisJob job(media_, {}, std::move(options));
    const auto result = job.result();
    EXPECT_EQ(result->frameCount(), 90);
    EXPECT_TRUE(job.done());
    EXPECT_TRUE(sawDone);
    EXPECT_GE(reports.load(), 2);
    // finished() runs just after result() is released; give it a moment.
    for (int i = 0; i < 100 && !finished; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    EXPECT_TRUE(finished);
}

TEST_F(AnalysisCacheTest, CancelledJobStoresNothing) {
    const auto longClip = test::longPattern();
    AnalysisJobOptions options;
    options.analysisCacheDir = dir_ / "analysis";
    options.frameIndexCacheDir = dir_ / "frame-index";
    std::atomic<AnalysisJob*> self{nullptr};
    options.progress = [&](const AnalysisProgress& p) {
        if (p.stage == AnalysisProgress::Stage::Analyse && self.load())
            self.load()->cancel();
    };
    AnalysisJob job(longClip, {}, std::move(options));
    self = &job;
    EXPECT_THROW((void)job.result(), AnalysisCancelled);
    EXPECT_FALSE(std::filesystem::exists(AnalysisCache(dir_ / "analysis").cacheFileFor(longClip, {})));
}

TEST_F(AnalysisCacheTest, DroppingARunningJobStopsIt) {
    const auto longClip = test::longPattern();
    std::atomic<bool> sawDone{false};
    std::atomic<bool> finished{false};
    {
        AnalysisJobOptions options;
        options.useCache = false;
        options.frameIndexCacheDir = dir_ / "frame-index";
        options.progress = [&](const AnalysisProgress& p) {
            if (p.stage == AnalysisProgress::Stage::Done)
                sawDone = true;
        };
        options.finished = [&] { finished = true; };
        AnalysisJob job(longClip, {}, std::move(options));
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    // The destructor cancelled the 1,800 frames and joined: the job ended, unfinished.
    EXPECT_TRUE(finished);
    EXPECT_FALSE(sawDone);
}

TEST_F(AnalysisCacheTest, ErrorsReachTheCaller) {
    AnalysisParameters outside;
    outside.regions = {{"door", 300, 0, 100, 10}};
    AnalysisJobOptions options;
    options.analysisCacheDir = dir_ / "analysis";
    options.frameIndexCacheDir = dir_ / "frame-index";
    AnalysisJob job(media_, outside, std::move(options));
    EXPECT_THROW((void)job.result(), RegionError);
    EXPECT_FALSE(job.fromCache());
}

} // namespace
} // namespace sb::analysis
