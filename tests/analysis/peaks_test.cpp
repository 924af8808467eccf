// Peak finding, the drawing helpers and region parsing: pure functions, hand-checked cases.

#include "codecs/analysis/motion_analysis.h"
#include "codecs/analysis/peaks.h"
#include "codecs/analysis/region_of_interest.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sb::analysis {
namespace {

const float kNaN = std::nanf("");

std::vector<std::int64_t> times(std::size_t n, std::int64_t step = 40'000) {
    std::vector<std::int64_t> t(n);
    for (std::size_t i = 0; i < n; ++i)
        t[i] = static_cast<std::int64_t>(i) * step;
    return t;
}

std::vector<std::int64_t> framesOf(const std::vector<Peak>& peaks) {
    std::vector<std::int64_t> frames;
    for (const Peak& p : peaks)
        frames.push_back(p.frame);
    return frames;
}

TEST(Peaks, LocalMaximaAboveTheThreshold) {
    const std::vector<float> v{0, 1, 5, 1, 0, 2, 0, 7, 3, 8, 1};
    const auto peaks = findPeaks(v, times(v.size()), {1.5f, std::chrono::microseconds(0)});
    EXPECT_EQ(framesOf(peaks), (std::vector<std::int64_t>{2, 5, 7, 9}));
    EXPECT_EQ(peaks[0], (Peak{2, 5.0f, 2, 2}));
    EXPECT_EQ(peaks[2].first, 7);
    EXPECT_EQ(peaks[2].last, 9); // 7, 3, 8 all above 1.5: one burst
}

TEST(Peaks, MinimumSeparationKeepsTheHighest) {
    const std::vector<float> v{0, 5, 0, 7, 0, 6, 0, 0, 0, 0, 4, 0};
    // 40 ms frames; 100 ms apart at least: 7 (frame 3) wins over 5 (1) and 6 (5).
    const auto peaks = findPeaks(v, times(v.size()), {1.0f, std::chrono::milliseconds(100)});
    EXPECT_EQ(framesOf(peaks), (std::vector<std::int64_t>{3, 10}));
    // Exactly the separation apart is far enough.
    const auto apart = findPeaks(v, times(v.size()), {1.0f, std::chrono::milliseconds(80)});
    EXPECT_EQ(framesOf(apart), (std::vector<std::int64_t>{1, 3, 5, 10}));
}

TEST(Peaks, FlatTopsAndEdgesAndNaN) {
    const std::vector<float> v{4, 4, 1, kNaN, 3, 3, 3, kNaN, 0, 2};
    const auto peaks = findPeaks(v, times(v.size()), {1.5f, std::chrono::microseconds(0)});
    // A flat top counts once at its first frame; NaN neighbours do not block a peak; the
    // first and last frames can be peaks.
    EXPECT_EQ(framesOf(peaks), (std::vector<std::int64_t>{0, 4, 9}));
    EXPECT_EQ(peaks[1].last, 6);
    EXPECT_TRUE(findPeaks(std::vector<float>{kNaN, kNaN}, times(2), {}).empty());
    EXPECT_TRUE(findPeaks(std::vector<float>{}, times(0), {}).empty());
    EXPECT_THROW(findPeaks(v, times(3), {}), std::invalid_argument);
}

TEST(Peaks, NextAndPrevious) {
    const std::vector<Peak> peaks{{10, 1, 10, 10}, {20, 1, 20, 20}};
    EXPECT_EQ(nextPeak(peaks, 0)->frame, 10);
    EXPECT_EQ(nextPeak(peaks, 10)->frame, 20);
    EXPECT_FALSE(nextPeak(peaks, 20));
    EXPECT_EQ(previousPeak(peaks, 20)->frame, 10);
    EXPECT_EQ(previousPeak(peaks, 21)->frame, 20);
    EXPECT_FALSE(previousPeak(peaks, 10));
    EXPECT_FALSE(nextPeak({}, 0));
}

TEST(TrackScale, MotionUsesARobustTopAndAFloor) {
    AnalysisTrack track;
    track.kind = MeasureKind::Motion;
    track.values.assign(1000, 10.0f);
    track.values[0] = kNaN;
    track.values[500] = 200.0f; // one cut
    const TrackScale scale = scaleFor(track);
    EXPECT_FLOAT_EQ(scale.top, 10.0f);
    EXPECT_FLOAT_EQ(scale.normalise(5.0f), 0.5f);
    EXPECT_FLOAT_EQ(scale.normalise(200.0f), 1.0f);
    EXPECT_TRUE(std::isnan(scale.normalise(kNaN)));
    EXPECT_FLOAT_EQ(scale.value(0.5f), 5.0f);
    track.values.assign(100, 0.1f); // a still video's noise stays low
    EXPECT_FLOAT_EQ(scaleFor(track).top, 4.0f);
    const auto drawn = normalised(track);
    EXPECT_FLOAT_EQ(drawn[3], 0.025f);
}

TEST(TrackScale, AudioIsDrawnInDecibels) {
    AnalysisTrack track;
    track.kind = MeasureKind::AudioRms;
    const TrackScale scale = scaleFor(track);
    EXPECT_FLOAT_EQ(scale.normalise(1.0f), 1.0f);
    EXPECT_NEAR(scale.normalise(0.001f), 0.0f, 1e-6);     // -60 dB
    EXPECT_NEAR(scale.normalise(0.0316228f), 0.5f, 1e-4); // -30 dB
    EXPECT_FLOAT_EQ(scale.normalise(0.0f), 0.0f);
    EXPECT_NEAR(scale.value(0.5f), 0.0316228f, 1e-6);
    EXPECT_EQ(dbfs(0.0f), -std::numeric_limits<float>::infinity());
}

TEST(BucketMaxima, KeepsEveryPeakWhenZoomedOut) {
    std::vector<float> v(100, 0.0f);
    v[7] = 3;
    v[55] = kNaN;
    v[99] = 9;
    const auto b = bucketMaxima(v, 0, 100, 10);
    ASSERT_EQ(b.size(), 10u);
    EXPECT_EQ(b[0], 3.0f);
    EXPECT_EQ(b[5], 0.0f);
    EXPECT_EQ(b[9], 9.0f);
    const auto zoomed = bucketMaxima(v, 5, 8, 6); // more buckets than frames
    EXPECT_EQ(zoomed.size(), 6u);
    EXPECT_EQ(*std::max_element(zoomed.begin(), zoomed.end()), 3.0f);
    const auto nothing = bucketMaxima(v, 50, 50, 4);
    EXPECT_TRUE(std::isnan(nothing[0]));
}

TEST(Regions, ParseTheCommandLineForm) {
    EXPECT_EQ(parseRegionSpec("infant=10,20,300,200"), (RegionOfInterest{"infant", 10, 20, 300, 200}));
    EXPECT_EQ(parseRegionSpec("door = 1, 2, 3, 4"), (RegionOfInterest{"door", 1, 2, 3, 4}));
    EXPECT_EQ(parseRegionSpec("نوزاد=0,0,8,8").name, "نوزاد");
    for (const char* bad : {"infant", "=1,2,3,4", "a=1,2,3", "a=1,2,3,4,5", "a=1,2,x,4", "a=1,2,0,4",
                            "a=-1,2,3,4", "a=1.5,2,3,4", "a=,2,3,4", "a=1,2,3,99999999999"})
        EXPECT_THROW(parseRegionSpec(bad), RegionError) << bad;
    try {
        parseRegionSpec("door=1,2,x,4");
    } catch (const RegionError& e) {
        EXPECT_NE(std::string(e.what()).find("'x' is not an integer"), std::string::npos) << e.what();
    }
}

TEST(Regions, MustFitTheFrameAndHaveUniqueNames) {
    EXPECT_NO_THROW(checkRegionsFit({{"all", 0, 0, 320, 240}}, 320, 240));
    EXPECT_THROW(checkRegionsFit({{"wide", 0, 0, 321, 240}}, 320, 240), RegionError);
    EXPECT_THROW(checkRegionsFit({{"off", 320, 0, 1, 1}}, 320, 240), RegionError);
    EXPECT_THROW(checkRegionsFit({{"empty", 0, 0, 0, 10}}, 320, 240), RegionError);
    EXPECT_THROW(checkRegionNames({{"a", 0, 0, 1, 1}, {"a", 1, 1, 1, 1}}), RegionError);
    EXPECT_THROW(checkRegionNames({{"", 0, 0, 1, 1}}), RegionError);
    EXPECT_THROW(checkRegionNames({{"a\nb", 0, 0, 1, 1}}), RegionError);
}

TEST(Regions, SessionDocumentRoundTrips) {
    const std::vector<RegionOfInterest> regions{{"infant", 10, 20, 300, 200}, {"در", 0, 0, 5, 5}};
    EXPECT_EQ(regionsFromJson(regionsToJson(regions)), regions);
    EXPECT_TRUE(regionsFromJson(R"({"regions":[]})").empty());
    try {
        regionsFromJson(R"({"regions":[{"name":"a","x":1,"y":2,"width":"3","height":4}]})");
        FAIL();
    } catch (const RegionError& e) {
        EXPECT_NE(std::string(e.what()).find("/regions/0/width"), std::string::npos) << e.what();
    }
    EXPECT_THROW(regionsFromJson("[1,2]"), RegionError);
    EXPECT_THROW(regionsFromJson("{"), RegionError);
}

TEST(Parameters, KeyTextTellsParameterSetsApart) {
    AnalysisParameters a;
    AnalysisParameters b = a;
    EXPECT_EQ(a.keyText(), b.keyText());
    b.opticalFlow = true;
    EXPECT_NE(a.keyText(), b.keyText());
    b = a;
    b.regions = {{"x", 0, 0, 1, 1}};
    EXPECT_NE(a.keyText(), b.keyText());
    AnalysisParameters c = b;
    c.regions[0].width = 2;
    EXPECT_NE(b.keyText(), c.keyText());
    c = a;
    c.analysisWidth = 320;
    EXPECT_NE(a.keyText(), c.keyText());
    c.analysisWidth = 8;
    EXPECT_THROW(c.check(), std::invalid_argument);
}

} // namespace
} // namespace sb::analysis
