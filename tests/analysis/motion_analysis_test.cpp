// The measures on clips with known answers: a square that jumps, a pattern that slides, a
// tone that sounds for half a second; and frame identity with the rest of the engine.

#include "analysis_media.h"
#include "codecs/analysis/motion_analyzer.h"
#include "codecs/analysis/peaks.h"
#include "codecs/frame_index_builder.h"
#include "codecs/media_error.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>

namespace sb::analysis {
namespace {

MotionAnalysis analyse(const std::filesystem::path& file, const AnalysisParameters& parameters) {
    const codecs::FrameIndex index = codecs::buildFrameIndex(file);
    return analyzeMedia(file, index, parameters);
}

const std::vector<float>& valuesOf(const MotionAnalysis& a, const std::string& name) {
    const AnalysisTrack* track = a.track(name);
    EXPECT_NE(track, nullptr) << name;
    static const std::vector<float> none;
    return track ? track->values : none;
}

bool isJump(std::size_t n) {
    return std::find(std::begin(test::kJumpFrames), std::end(test::kJumpFrames), static_cast<int>(n)) !=
           std::end(test::kJumpFrames);
}

TEST(MotionAnalysis, JumpingSquareMovesExactlyAtItsJumps) {
    const MotionAnalysis a = analyse(test::jumpingSquare(), {});
    ASSERT_EQ(a.frameCount(), 90);
    EXPECT_EQ(a.sourceWidth, 320);
    EXPECT_EQ(a.analysisWidth, 160);
    EXPECT_EQ(a.analysisHeight, 120);
    const auto& motion = valuesOf(a, "motion");
    ASSERT_EQ(motion.size(), 90u);
    EXPECT_TRUE(std::isnan(motion[0])) << "frame 0 has no previous frame";
    for (std::size_t n = 1; n < motion.size(); ++n) {
        if (isJump(n)) {
            EXPECT_GT(motion[n], 3.0f) << "frame " << n;
        } else {
            EXPECT_EQ(motion[n], 0.0f) << "frame " << n << " is at rest";
        }
    }
    // Two 40x40 squares change from black to white or back (0 and 255 once swscale has
    // expanded video-range luma to full-range grey): 2*1600*255 / (320*240) grey levels.
    EXPECT_NEAR(motion[20], 2.0 * 1600 * 255 / (320.0 * 240), 0.1);

    const auto peaks = findPeaks(motion, a.frameTimesUs, {1.0f, std::chrono::milliseconds(200)});
    ASSERT_EQ(peaks.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(peaks[i].frame, test::kJumpFrames[i]);
        EXPECT_EQ(peaks[i].first, peaks[i].frame);
        EXPECT_EQ(peaks[i].last, peaks[i].frame);
    }
    EXPECT_EQ(nextPeak(peaks, 20)->frame, 50);
    EXPECT_EQ(previousPeak(peaks, 20), std::nullopt);
    EXPECT_EQ(previousPeak(peaks, 79)->frame, 50);
}

TEST(MotionAnalysis, RegionsSeeOnlyTheMotionInsideThem) {
    AnalysisParameters parameters;
    // "left" holds the square's first two places (x 20-60, 100-140); "right" its last two
    // (x 180-220 partly, 260-300).
    parameters.regions = {{"left", 0, 0, 150, 240}, {"right", 200, 0, 120, 240}};
    const MotionAnalysis a = analyse(test::jumpingSquare(), parameters);
    const auto& left = valuesOf(a, "motion:left");
    const auto& right = valuesOf(a, "motion:right");
    ASSERT_EQ(a.tracks.size(), 3u); // motion, motion:left, motion:right (no audio in the clip)
    EXPECT_GT(left[20], 5.0f);      // 20 -> 100: both places inside "left"
    EXPECT_EQ(right[20], 0.0f);
    EXPECT_GT(left[50], 5.0f); // 100 -> 180: leaves "left", half enters "right"
    EXPECT_GT(right[50], 1.0f);
    EXPECT_EQ(left[80], 0.0f); // 180 -> 260: all inside "right"'s reach
    EXPECT_GT(right[80], 5.0f);
    for (std::size_t n = 1; n < 90; ++n)
        if (!isJump(n)) {
            EXPECT_EQ(left[n], 0.0f) << n;
            EXPECT_EQ(right[n], 0.0f) << n;
        }
    // A region's mean is over its own pixels: the same change in a smaller area reads higher.
    EXPECT_GT(left[20], valuesOf(a, "motion")[20]);
}

TEST(MotionAnalysis, FlowIsHigherWhereThePatternMoves) {
    AnalysisParameters parameters;
    parameters.opticalFlow = true;
    parameters.regions = {{"path", 0, 168, 320, 64}, {"top", 0, 0, 320, 150}};
    const MotionAnalysis a = analyse(test::slidingPattern(), parameters);
    ASSERT_EQ(a.frameCount(), 60);
    const auto& path = valuesOf(a, "flow:path");
    const auto& top = valuesOf(a, "flow:top");
    const auto& whole = valuesOf(a, "flow");
    EXPECT_TRUE(std::isnan(path[0]));
    double pathSum = 0, topSum = 0;
    for (std::size_t n = 1; n < 60; ++n) {
        pathSum += path[n];
        topSum += top[n];
        EXPECT_GT(path[n], 0.3f) << n; // the pattern (48 of 320 px wide) moves 4 px a frame
        EXPECT_LT(top[n], 0.05f) << n; // still bars
        EXPECT_GT(whole[n], top[n]) << n;
    }
    EXPECT_GT(pathSum, 20 * topSum);
    // Motion agrees on where things happen.
    EXPECT_GT(valuesOf(a, "motion:path")[30], 1.0f);
    EXPECT_EQ(valuesOf(a, "motion:top")[30], 0.0f);
}

TEST(MotionAnalysis, AudioRmsFollowsTheToneBurst) {
    const MotionAnalysis a = analyse(test::toneBurst(), {});
    ASSERT_EQ(a.frameCount(), 60);
    const auto& rms = valuesOf(a, "audio_rms");
    ASSERT_EQ(rms.size(), 60u);
    const double toneRms = 0.5 / std::sqrt(2.0);
    for (std::size_t n = 0; n < 60; ++n) {
        const double start = static_cast<double>(a.frameTimesUs[n]) / 1e6;
        const double end = n + 1 < 60 ? static_cast<double>(a.frameTimesUs[n + 1]) / 1e6 : 2.0;
        if (start >= 1.0 && end <= 1.5) {
            EXPECT_NEAR(rms[n], toneRms, 0.01) << "frame " << n << " lies inside the tone";
        } else if (end <= 1.0 || start >= 1.5) {
            EXPECT_LT(rms[n], 1e-3) << "frame " << n << " lies in silence";
        }
    }
    EXPECT_NEAR(dbfs(rms[40]), 20 * std::log10(toneRms), 0.3);
    // The burst is one peak, found from the normalised (dB) view.
    const AnalysisTrack& track = *a.track("audio_rms");
    const TrackScale scale = scaleFor(track);
    const auto peaks = findPeaks(rms, a.frameTimesUs, {scale.value(0.5f), std::chrono::seconds(1)});
    ASSERT_EQ(peaks.size(), 1u);
    EXPECT_GE(peaks[0].frame, 29);
    EXPECT_LE(peaks[0].first, 31);
    EXPECT_GE(peaks[0].last, 44);
    EXPECT_LE(peaks[0].last, 45);
}

TEST(MotionAnalysis, AudioCanBeLeftOut) {
    AnalysisParameters parameters;
    parameters.audio = false;
    EXPECT_EQ(analyse(test::toneBurst(), parameters).track("audio_rms"), nullptr);
}

TEST(MotionAnalysis, FramesAreTheFrameIndexFrames) {
    // B-frames and an open GOP: frame n and its time are the index's.
    const auto file = test::generated("bframes.mp4", "-f lavfi -i testsrc2=s=320x240:r=25:d=4 -c:v libx264 "
                                                     "-preset veryfast -bf 3 -g 30 -pix_fmt yuv420p");
    const codecs::FrameIndex index = codecs::buildFrameIndex(file);
    const MotionAnalysis a = analyzeMedia(file, index, {});
    ASSERT_EQ(a.frameCount(), index.frameCount());
    for (std::int64_t n = 0; n < index.frameCount(); ++n)
        EXPECT_EQ(a.frameTime(n), index.frameTime(n));
    EXPECT_EQ(a.videoEndUs, index.videoEnd().count());
    EXPECT_EQ(a.framesNotDecoded, 0);
    const auto& motion = valuesOf(a, "motion");
    for (std::size_t n = 1; n < motion.size(); ++n)
        EXPECT_GT(motion[n], 0.0f) << "testsrc2 moves in every frame: " << n;
}

TEST(MotionAnalysis, RegionOutsideTheFrameIsRefusedWithItsName) {
    AnalysisParameters parameters;
    parameters.regions = {{"door", 300, 10, 100, 50}};
    try {
        analyse(test::jumpingSquare(), parameters);
        FAIL() << "a region past the frame was accepted";
    } catch (const RegionError& e) {
        EXPECT_NE(std::string(e.what()).find("door"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("320x240"), std::string::npos) << e.what();
    }
}

TEST(MotionAnalysis, NotAVideoIsAMediaErrorNamingTheFile) {
    const auto text = test::analysisMediaDir() / "notes.txt";
    {
        std::ofstream out(text);
        out << "not a video\n";
    }
    try {
        analyse(text, {});
        FAIL();
    } catch (const codecs::MediaError& e) {
        EXPECT_NE(std::string(e.what()).find("notes.txt"), std::string::npos) << e.what();
    }
}

TEST(MotionAnalysis, StopsWhenAsked) {
    const auto file = test::longPattern();
    const codecs::FrameIndex index = codecs::buildFrameIndex(file);
    std::stop_source stop;
    std::int64_t lastSeen = 0;
    auto progress = [&](const AnalysisProgress& p) {
        lastSeen = p.framesDone;
        stop.request_stop();
    };
    EXPECT_THROW(analyzeMedia(file, index, {}, progress, stop.get_token()), AnalysisCancelled);
    EXPECT_LT(lastSeen, index.frameCount());
}

} // namespace
} // namespace sb::analysis
