#include "codecs/clip/frame_renderer.h"

extern "C" {
#include <libavutil/frame.h>
}

#include <algorithm>
#include <cmath>

namespace sb::clip {

FrameRenderer::FrameRenderer(const ClipSettings& settings)
    : regions_(settings.regions.forMedia(settings.source))
    , blur_(settings.blur)
    , overlay_(settings.overlay) {}

void FrameRenderer::setRegions(const vision::BlurRegions& regions, const std::filesystem::path& source) {
    regions_ = regions.forMedia(source);
}

std::vector<vision::BlurArea> FrameRenderer::regionAreas(std::chrono::microseconds t,
                                                         std::chrono::microseconds duration,
                                                         cv::Size size) const {
    std::vector<vision::BlurArea> areas;
    for (const vision::RegionArea& r : regions_.during(t, t + duration)) {
        // Outwards to whole pixels: a region covers at least what was drawn.
        const int x0 = static_cast<int>(std::floor(r.x * size.width));
        const int y0 = static_cast<int>(std::floor(r.y * size.height));
        const int x1 = static_cast<int>(std::ceil((r.x + r.width) * size.width));
        const int y1 = static_cast<int>(std::ceil((r.y + r.height) * size.height));
        const cv::Rect box = cv::Rect(x0, y0, x1 - x0, y1 - y0) & cv::Rect(0, 0, size.width, size.height);
        if (box.area() > 0)
            areas.push_back({box, r.shape == vision::RegionShape::Ellipse ? vision::AreaShape::Ellipse
                                                                          : vision::AreaShape::Rectangle});
    }
    return areas;
}

RenderedFrame FrameRenderer::render(const codecs::DecodedFrame& frame, std::chrono::microseconds duration,
                                    std::int64_t clipFrame, std::chrono::microseconds clipStart,
                                    const std::vector<vision::FaceCover>& faces) const {
    RenderedFrame out;
    out.image = codecs::toRgb(*frame.picture);
    cv::Mat picture(out.image.height, out.image.width, CV_8UC3, out.image.pixels.data());
    for (const vision::FaceCover& face : faces)
        blur_.apply(picture, vision::BlurArea{face.area, vision::AreaShape::Rectangle});
    out.faceAreas = static_cast<int>(faces.size());
    const auto regions = regionAreas(frame.time, duration, picture.size());
    blur_.apply(picture, regions);
    out.regionAreas = static_cast<int>(regions.size());
    if (overlay_) {
        OverlayFrame o;
        o.pixels = out.image.pixels.data();
        o.width = out.image.width;
        o.height = out.image.height;
        o.stride = out.image.width * 3;
        o.sourceFrame = frame.number;
        o.clipFrame = clipFrame;
        o.sourceTime = frame.time;
        o.clipTime = frame.time - clipStart;
        overlay_(o);
    }
    return out;
}

} // namespace sb::clip
