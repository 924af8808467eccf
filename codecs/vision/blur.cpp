#include "codecs/vision/blur.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace sb::vision {

Blur::Blur(BlurOptions options)
    : options_(options) {
    options_.cells = std::max(2, options_.cells);
}

void Blur::apply(cv::Mat& picture, const std::vector<BlurArea>& areas) const {
    for (const BlurArea& area : areas)
        apply(picture, area);
}

void Blur::apply(cv::Mat& picture, const BlurArea& area) const {
    const cv::Rect box = area.box & cv::Rect(0, 0, picture.cols, picture.rows);
    if (box.width < 2 || box.height < 2)
        return;
    cv::Mat target = picture(box);
    // A few cells across the longer side: area averaging throws away every feature.
    const double longer = std::max(box.width, box.height);
    const int cellsX = std::max(1, static_cast<int>(options_.cells * box.width / longer + 0.5));
    const int cellsY = std::max(1, static_cast<int>(options_.cells * box.height / longer + 0.5));
    cv::Mat cells;
    cv::resize(target, cells, cv::Size(cellsX, cellsY), 0, 0, cv::INTER_AREA);
    // Back to size with bilinear interpolation (no block edges), then one more smoothing
    // pass a cell wide, so nothing of the cell grid is left to see.
    cv::Mat smooth;
    cv::resize(cells, smooth, box.size(), 0, 0, cv::INTER_LINEAR);
    const int kernel = (static_cast<int>(longer / options_.cells) | 1);
    cv::GaussianBlur(smooth, smooth, cv::Size(kernel, kernel), 0, 0, cv::BORDER_REPLICATE);

    if (area.shape == AreaShape::Rectangle) {
        smooth.copyTo(target);
        return;
    }
    cv::Mat mask = cv::Mat::zeros(box.size(), CV_8U);
    cv::ellipse(mask, cv::Point(box.width / 2, box.height / 2), cv::Size(box.width / 2, box.height / 2), 0, 0,
                360, cv::Scalar(255), cv::FILLED);
    smooth.copyTo(target, mask);
}

} // namespace sb::vision
