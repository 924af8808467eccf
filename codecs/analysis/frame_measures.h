#pragma once
// The per-frame measures on two consecutive small grey frames: mean absolute difference and
// (optionally) Farnebäck optical-flow magnitude, over the whole frame and each region.

#include "codecs/analysis/region_of_interest.h"

#include <opencv2/core/mat.hpp>

#include <vector>

namespace sb::analysis {

class FrameMeasures {
public:
    // Regions in source pixels, already checked to fit the source frame; they are mapped
    // onto the analysis frame (outward to whole pixels, never empty).
    FrameMeasures(const std::vector<RegionOfInterest>& regions, int sourceWidth, int sourceHeight,
                  int analysisWidth, int analysisHeight, bool opticalFlow);

    // Measures `current` against `previous` (same size, CV_8UC1). `motion` gets the whole
    // frame then each region; `flow` likewise when flow is on (else it is left empty).
    void measure(const cv::Mat& previous, const cv::Mat& current, std::vector<float>& motion,
                 std::vector<float>& flow);

    // The regions' rectangles in analysis pixels, whole frame first.
    [[nodiscard]] const std::vector<cv::Rect>& areas() const { return areas_; }

private:
    std::vector<cv::Rect> areas_;
    bool opticalFlow_;
    float scaleX_, scaleY_; // analysis pixel -> source pixels
    cv::Mat difference_, flowField_, planes_[2], magnitude_;
};

} // namespace sb::analysis
