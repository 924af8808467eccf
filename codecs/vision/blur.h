#pragma once
// Blur: makes what is inside an area unrecognisable.
//
// A soft Gaussian leaves a face recognisable to people who know it, and plain pixelation
// leaves sharp block edges (and, at fine blocks, the face). So the area is reduced to a few
// cells across its longer side (area averaging: `cells` = 6 keeps only skin tone and where
// the head is) and brought back with bilinear interpolation, then smoothed once more: no
// edge, no texture, nothing to recognise. Ellipses are blurred inside the ellipse only.

#include <opencv2/core.hpp>

#include <vector>

namespace sb::vision {

enum class AreaShape { Rectangle, Ellipse };

struct BlurArea {
    cv::Rect box; // picture pixels; parts outside the picture are ignored
    AreaShape shape = AreaShape::Rectangle;
};

struct BlurOptions {
    int cells = 6; // cells across the area's longer side (fewer is stronger; at least 2)
};

class Blur {
public:
    explicit Blur(BlurOptions options = {});
    // Blurs each area of an 8-bit picture (any channel count) in place.
    void apply(cv::Mat& picture, const std::vector<BlurArea>& areas) const;
    void apply(cv::Mat& picture, const BlurArea& area) const;

private:
    BlurOptions options_;
};

} // namespace sb::vision
