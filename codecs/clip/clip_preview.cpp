#include "codecs/clip/clip_preview.h"

#include "codecs/rgb_image.h"

#include <stdexcept>

namespace sb::clip {

ClipPreview::ClipPreview(ClipSettings settings, std::shared_ptr<const codecs::FrameIndex> index,
                         std::shared_ptr<const vision::FaceTracks> faces)
    : settings_(std::move(settings))
    , index_(std::move(index))
    , faces_(std::move(faces))
    , decoder_(settings_.source, index_)
    , renderer_(settings_) {
    checkFrameRange(*index_, settings_.range, settings_.source);
}

ClipPreview::~ClipPreview() = default;

void ClipPreview::setFaces(std::shared_ptr<const vision::FaceTracks> faces) {
    faces_ = std::move(faces);
}

void ClipPreview::setRegions(vision::BlurRegions regions) {
    settings_.regions = std::move(regions);
    renderer_.setRegions(settings_.regions, settings_.source);
}

void ClipPreview::setOverlay(FrameOverlay overlay) {
    settings_.overlay = overlay;
    renderer_.setOverlay(std::move(overlay));
}

bool ClipPreview::exact() const {
    return !settings_.blurFaces || (faces_ && faces_->frameCount() == settings_.range.count());
}

RenderedFrame ClipPreview::frame(std::int64_t clipFrame) {
    if (clipFrame < 0 || clipFrame >= settings_.range.count())
        throw std::out_of_range("preview frame outside the clip's range");
    const std::int64_t n = settings_.range.first + clipFrame;
    const codecs::DecodedFrame decoded = decoder_.frame(n);
    const auto clipStart = index_->frameTime(settings_.range.first);
    const auto duration = index_->frameDuration(n);

    std::vector<vision::FaceCover> faces;
    if (settings_.blurFaces) {
        if (exact()) {
            faces = faces_->at(clipFrame);
        } else {
            // Not analysed yet: what the detector finds on this frame alone, enlarged.
            if (!detector_)
                detector_.emplace(settings_.faces.detector);
            const codecs::RgbImage rgb = codecs::toRgb(*decoded.picture);
            const cv::Mat picture(rgb.height, rgb.width, CV_8UC3,
                                  const_cast<std::uint8_t*>(rgb.pixels.data()));
            for (const vision::DetectedFace& face : detector_->detect(picture))
                faces.push_back(
                    {0, vision::enlargeFaceBox(face.box, picture.size(), settings_.faces.cover), true});
        }
    }
    return renderer_.render(decoded, duration, clipFrame, clipStart, faces);
}

} // namespace sb::clip
