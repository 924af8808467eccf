#pragma once
// FrameRenderer: one source frame as it appears in the clip — converted to RGB, faces and
// hand-drawn regions blurred, the overlay drawn. Faces are given per frame by the caller
// (the export's FaceTracks, or the preview's detection on the frame alone). The export and the preview both
// render through it, so the preview is the clip.

#include "codecs/clip/clip_settings.h"
#include "codecs/decoded_frame.h"
#include "codecs/rgb_image.h"
#include "codecs/vision/blur.h"
#include "codecs/vision/face_tracks.h"

#include <opencv2/core.hpp>

#include <filesystem>
#include <vector>

namespace sb::clip {

struct RenderedFrame {
    codecs::RgbImage image;
    int faceAreas = 0;   // face areas blurred
    int regionAreas = 0; // hand-drawn areas blurred
};

class FrameRenderer {
public:
    // The regions are narrowed to the settings' source here.
    explicit FrameRenderer(const ClipSettings& settings);

    // `frame` is source frame range.first + clipFrame, shown for `duration`; `clipStart` is
    // the range's first frame time; `faces` the face areas to blur on it (FaceTracks::at).
    [[nodiscard]] RenderedFrame render(const codecs::DecodedFrame& frame, std::chrono::microseconds duration,
                                       std::int64_t clipFrame, std::chrono::microseconds clipStart,
                                       const std::vector<vision::FaceCover>& faces) const;

    // The blur areas of hand-drawn regions for a frame shown from t for `duration`, on a
    // picture of `size` (BlurRegions::during).
    [[nodiscard]] std::vector<vision::BlurArea>
    regionAreas(std::chrono::microseconds t, std::chrono::microseconds duration, cv::Size size) const;

    void setRegions(const vision::BlurRegions& regions, const std::filesystem::path& source);
    void setOverlay(FrameOverlay overlay) { overlay_ = std::move(overlay); }

private:
    vision::BlurRegions regions_;
    vision::Blur blur_;
    FrameOverlay overlay_;
};

} // namespace sb::clip
