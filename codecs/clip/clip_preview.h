#pragma once
// ClipPreview: frame N of a clip's range exactly as the export will write it, for the
// export dialog (scrub the range, check every face is covered before exporting).
//
// Exact means: given the same settings and the same FaceTracks (analyseFaces), the pixels
// are the ones the export encodes (before H.264 compression). Until faces are analysed, a
// preview with blurFaces on still never shows a face: it detects on the frame alone and
// blurs what it finds (exact() is then false). Not thread-safe: one preview per thread;
// frames may be asked for in any order (the decoder seeks frame-exactly).

#include "codecs/clip/clip_settings.h"
#include "codecs/clip/frame_renderer.h"
#include "codecs/frame_index.h"
#include "codecs/video_decoder.h"
#include "codecs/vision/face_detector.h"
#include "codecs/vision/face_tracks.h"

#include <memory>
#include <optional>

namespace sb::clip {

class ClipPreview {
public:
    // Throws codecs::MediaError for unreadable media or a range outside the video.
    ClipPreview(ClipSettings settings, std::shared_ptr<const codecs::FrameIndex> index,
                std::shared_ptr<const vision::FaceTracks> faces = {});
    ~ClipPreview();

    // Frame `clipFrame` of the range (0 = range.first), rendered. std::out_of_range outside.
    [[nodiscard]] RenderedFrame frame(std::int64_t clipFrame);

    // After analyseFaces finished (or when the range changed and the old tracks no longer fit).
    void setFaces(std::shared_ptr<const vision::FaceTracks> faces);
    // Hand-drawn regions edited in the dialog.
    void setRegions(vision::BlurRegions regions);
    void setOverlay(FrameOverlay overlay);

    // True when face blurring is off or the analysed FaceTracks are in use.
    [[nodiscard]] bool exact() const;
    [[nodiscard]] const ClipSettings& settings() const { return settings_; }

private:
    ClipSettings settings_;
    std::shared_ptr<const codecs::FrameIndex> index_;
    std::shared_ptr<const vision::FaceTracks> faces_;
    codecs::VideoDecoder decoder_;
    std::optional<vision::FaceDetector> detector_; // for frames before analysis
    FrameRenderer renderer_;
};

} // namespace sb::clip
