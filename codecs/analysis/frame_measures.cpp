#include "codecs/analysis/frame_measures.h"

#include <opencv2/core.hpp>
#include <opencv2/video/tracking.hpp>

#include <algorithm>
#include <cmath>

namespace sb::analysis {
namespace {

// Farnebäck settings for frames about 160 px wide: a three-level pyramid reaches movements of
// a good tenth of the frame per frame; a 13 px window smooths over the noise of small frames.
constexpr double kPyramidScale = 0.5;
constexpr int kLevels = 3;
constexpr int kWindow = 13;
constexpr int kIterations = 3;
constexpr int kPolyN = 5;
constexpr double kPolySigma = 1.1;

} // namespace

FrameMeasures::FrameMeasures(const std::vector<RegionOfInterest>& regions, int sourceWidth, int sourceHeight,
                             int analysisWidth, int analysisHeight, bool opticalFlow)
    : opticalFlow_(opticalFlow)
    , scaleX_(static_cast<float>(sourceWidth) / static_cast<float>(analysisWidth))
    , scaleY_(static_cast<float>(sourceHeight) / static_cast<float>(analysisHeight)) {
    areas_.emplace_back(0, 0, analysisWidth, analysisHeight);
    for (const RegionOfInterest& r : regions) {
        const double sx = static_cast<double>(analysisWidth) / sourceWidth;
        const double sy = static_cast<double>(analysisHeight) / sourceHeight;
        int left = static_cast<int>(std::floor(r.x * sx));
        int top = static_cast<int>(std::floor(r.y * sy));
        int right = static_cast<int>(std::ceil((r.x + r.width) * sx));
        int bottom = static_cast<int>(std::ceil((r.y + r.height) * sy));
        left = std::clamp(left, 0, analysisWidth - 1);
        top = std::clamp(top, 0, analysisHeight - 1);
        right = std::clamp(right, left + 1, analysisWidth);
        bottom = std::clamp(bottom, top + 1, analysisHeight);
        areas_.emplace_back(left, top, right - left, bottom - top);
    }
}

void FrameMeasures::measure(const cv::Mat& previous, const cv::Mat& current, std::vector<float>& motion,
                            std::vector<float>& flow) {
    cv::absdiff(previous, current, difference_);
    motion.clear();
    for (const cv::Rect& area : areas_)
        motion.push_back(static_cast<float>(cv::mean(difference_(area))[0]));
    flow.clear();
    if (!opticalFlow_)
        return;
    cv::calcOpticalFlowFarneback(previous, current, flowField_, kPyramidScale, kLevels, kWindow, kIterations,
                                 kPolyN, kPolySigma, 0);
    cv::split(flowField_, planes_);
    // In source pixels, so the figure does not depend on the analysis width.
    planes_[0] *= scaleX_;
    planes_[1] *= scaleY_;
    cv::magnitude(planes_[0], planes_[1], magnitude_);
    for (const cv::Rect& area : areas_)
        flow.push_back(static_cast<float>(cv::mean(magnitude_(area))[0]));
}

} // namespace sb::analysis
