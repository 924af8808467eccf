// Hand-drawn blur regions: the JSON format (docs/clips.md), its errors naming the field,
// interpolation between keyframes, and the blur itself.

#include "codecs/media_error.h"
#include "codecs/vision/blur.h"
#include "codecs/vision/blur_regions.h"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include <random>

namespace sb::vision {
namespace {

using namespace std::chrono_literals;

const char* kTwoRegions = R"({
  "format": "securebase-blur-regions",
  "version": 1,
  "regions": [
    {"id": "r1", "label": "mother", "shape": "ellipse", "media": "front.mp4", "start": 1.5, "end": 9,
     "keyframes": [{"time": 2, "x": 0.1, "y": 0.2, "width": 0.2, "height": 0.4},
                   {"time": 4, "x": 0.5, "y": 0.2, "width": 0.4, "height": 0.4}]},
    {"id": "r2", "keyframes": [{"time": 0.25, "x": 0, "y": 0, "width": 1, "height": 0.1}]}
  ]
})";

std::string errorOf(const std::string& text) {
    try {
        (void)BlurRegions::fromJson(text, "regions.json");
    } catch (const codecs::MediaError& e) {
        return e.what();
    }
    return "no error";
}

TEST(BlurRegions, ReadsTheFormat) {
    const BlurRegions regions = BlurRegions::fromJson(kTwoRegions, "regions.json");
    ASSERT_EQ(regions.regions.size(), 2u);
    const BlurRegion& r1 = regions.regions[0];
    EXPECT_EQ(r1.label, "mother");
    EXPECT_EQ(r1.shape, RegionShape::Ellipse);
    EXPECT_EQ(r1.media, "front.mp4");
    EXPECT_EQ(r1.start, 1500ms);
    EXPECT_EQ(r1.end, 9s);
    const BlurRegion& r2 = regions.regions[1];
    EXPECT_EQ(r2.shape, RegionShape::Rectangle);
    EXPECT_EQ(r2.start, 250ms); // defaults: the first and last keyframe
    EXPECT_EQ(r2.end, 250ms);
}

TEST(BlurRegions, RoundTripsThroughJson) {
    const BlurRegions regions = BlurRegions::fromJson(kTwoRegions, "regions.json");
    EXPECT_EQ(BlurRegions::fromJson(regions.toJson(), "again"), regions);
}

TEST(BlurRegions, MovesBetweenKeyframesAndHoldsOutside) {
    const BlurRegions regions = BlurRegions::fromJson(kTwoRegions, "regions.json");
    const BlurRegion& r1 = regions.regions[0];
    EXPECT_DOUBLE_EQ(regionAt(r1, 3s).x, 0.3);
    EXPECT_DOUBLE_EQ(regionAt(r1, 3s).width, 0.3);
    EXPECT_DOUBLE_EQ(regionAt(r1, 1s).x, 0.1);
    EXPECT_DOUBLE_EQ(regionAt(r1, 8s).x, 0.5);
    EXPECT_EQ(regions.at(1s).size(), 0u);
    EXPECT_EQ(regions.at(1600ms).size(), 1u);
    EXPECT_EQ(regions.at(10s).size(), 0u);
    // A frame on screen from 1.48 s to 1.52 s shows the region's start: it is covered.
    EXPECT_EQ(regions.during(1480ms, 1520ms).size(), 1u);
}

TEST(BlurRegions, ForMediaKeepsItsOwnAndUnnamed) {
    const BlurRegions regions = BlurRegions::fromJson(kTwoRegions, "regions.json");
    EXPECT_EQ(regions.forMedia("/videos/front.mp4").regions.size(), 2u);
    EXPECT_EQ(regions.forMedia("/videos/side.mp4").regions.size(), 1u);
}

TEST(BlurRegions, ErrorsNameTheField) {
    EXPECT_NE(errorOf("{\"version\": 1, \"regions\": [").find("regions.json: blur regions: line 1 column"),
              std::string::npos)
        << errorOf("{\"version\": 1, \"regions\": [");
    EXPECT_NE(errorOf(R"({"regions": []})").find("/version: missing"), std::string::npos);
    EXPECT_NE(errorOf(R"({"version": 7, "regions": []})").find("/version: version 7 is not known"),
              std::string::npos);
    const std::string badWidth = R"({"version": 1, "regions": [{"id": "a", "keyframes": [
        {"time": 0, "x": 0, "y": 0, "width": 0.5, "height": 0.5},
        {"time": 1, "x": 0, "y": 0, "width": 1.5, "height": 0.5}]}]})";
    EXPECT_NE(errorOf(badWidth).find("/regions/0/keyframes/1/width: must be a number in (0, 1]"),
              std::string::npos)
        << errorOf(badWidth);
    EXPECT_NE(errorOf(R"({"version": 1, "regions": [{"id": "a", "shape": "star", "keyframes": []}]})")
                  .find("/regions/0/shape: \"star\" is not"),
              std::string::npos);
    EXPECT_NE(errorOf(R"({"version": 1, "regions": [{"id": "a", "keyframes": []}]})")
                  .find("/regions/0/keyframes: needs at least one keyframe"),
              std::string::npos);
    EXPECT_NE(errorOf(R"({"version": 1, "regions": [{"id": "a", "keyframes": [{"time": 0, "x": 0, "y": 0,
        "widht": 0.5, "height": 0.5}]}]})")
                  .find("/regions/0/keyframes/0/widht: unknown field"),
              std::string::npos);
    EXPECT_NE(errorOf(R"({"version": 1, "regions": [{"id": "a", "keyframes": [
        {"time": 2, "x": 0, "y": 0, "width": 0.5, "height": 0.5},
        {"time": 1, "x": 0, "y": 0, "width": 0.5, "height": 0.5}]}]})")
                  .find("/regions/0/keyframes/1/time: keyframes must be in time order"),
              std::string::npos);
    EXPECT_NE(errorOf(R"({"version": 1, "regions": [
        {"id": "a", "keyframes": [{"time": 0, "x": 0, "y": 0, "width": 0.5, "height": 0.5}]},
        {"id": "a", "keyframes": [{"time": 0, "x": 0, "y": 0, "width": 0.5, "height": 0.5}]}]})")
                  .find("/regions/1/id: \"a\" is used by another region"),
              std::string::npos);
    EXPECT_NE(errorOf(R"({"version": 1, "regions": [{"id": "a", "start": 5, "end": 2,
        "keyframes": [{"time": 0, "x": 0, "y": 0, "width": 0.5, "height": 0.5}]}]})")
                  .find("/regions/0/end: ends (2 s) before it starts (5 s)"),
              std::string::npos);
}

TEST(BlurRegions, LoadNamesAMissingFile) {
    try {
        (void)BlurRegions::load("/nonexistent/regions.json");
        ADD_FAILURE();
    } catch (const codecs::MediaError& e) {
        EXPECT_EQ(std::string(e.what()), "/nonexistent/regions.json: blur regions: cannot open the file");
    }
}

double laplacianVariance(const cv::Mat& grey) {
    cv::Mat lap;
    cv::Laplacian(grey, lap, CV_64F);
    cv::Scalar mean, deviation;
    cv::meanStdDev(lap, mean, deviation);
    return deviation[0] * deviation[0];
}

TEST(Blur, LeavesNoDetailInsideAndTouchesNothingOutside) {
    cv::Mat noise(200, 300, CV_8UC1);
    cv::randu(noise, 0, 256);
    cv::Mat picture = noise.clone();
    Blur blur;
    blur.apply(picture, BlurArea{cv::Rect(50, 40, 120, 100), AreaShape::Rectangle});
    EXPECT_LT(laplacianVariance(picture(cv::Rect(52, 42, 116, 96))),
              0.001 * laplacianVariance(noise(cv::Rect(52, 42, 116, 96))));
    cv::Mat outside = cv::Mat::ones(picture.size(), CV_8U);
    outside(cv::Rect(50, 40, 120, 100)).setTo(0);
    EXPECT_EQ(cv::norm(picture, noise, cv::NORM_INF, outside), 0.0);

    // An ellipse: its centre loses detail, the corners of its box keep it.
    cv::Mat second = noise.clone();
    blur.apply(second, BlurArea{cv::Rect(50, 40, 120, 100), AreaShape::Ellipse});
    EXPECT_LT(laplacianVariance(second(cv::Rect(90, 70, 40, 40))),
              0.001 * laplacianVariance(noise(cv::Rect(90, 70, 40, 40))));
    EXPECT_EQ(cv::norm(second(cv::Rect(50, 40, 10, 10)), noise(cv::Rect(50, 40, 10, 10)), cv::NORM_INF), 0.0);
}

} // namespace
} // namespace sb::vision
