#pragma once
// FrameRenderer: one source frame as it appears in the clip — converted to RGB, faces and
// hand-drawn regions blurred, the overlay drawn. The export and the preview both render
// through it, so the preview is the clip.

#include "codecs/clip/clip_settings.h"
#include "codecs/decoded_frame.h"
#include "codecs/rgb_image.h"
#include "codecs/vision/blur.h"
#include "codecs/vision/face_tracks.h"

#include <opencv2/core.hpp>

#include <memory>

namespace sb::clip {

struct RenderedFrame {
    codecs::RgbImage image;
    int faceAreas = 0;   // face areas blurred
    int regionAreas = 0; // hand-drawn areas blurred
};

class FrameRenderer {
public:
    // `faces`: the range's analysed faces (null when settings.blurFaces is false). The
    // regions are narrowed to the settings' source here.
    FrameRenderer(const ClipSettings& settings, std::shared_ptr<const vision::FaceTracks> faces);

    // `frame` is source frame range.first + clipFrame; `clipStart` the range's first frame time.
    RenderedFrame render(const codecs::DecodedFrame& frame, std::int64_t clipFrame,
                         std::chrono::microseconds clipStart) const;

    // The blur areas of hand-drawn regions at source time t on a picture of `size`.
    [[nodiscard]] std::vector<vision::BlurArea> regionAreas(std::chrono::microseconds t, cv::Size size) const;

private:
    vision::BlurRegions regions_;
    vision::Blur blur_;
    FrameOverlay overlay_;
    std::shared_ptr<const vision::FaceTracks> faces_;
    bool blurFaces_ = true;
};

} // namespace sb::clip
