#pragma once
// FaceTracks: the areas to blur on each frame of a range, from what the tracker saw.
//
// A tracker only knows the past; a clip must also hide a face in the frames just before it
// was first found (it came in at the edge, turned towards the camera) and just after it was
// lost. So the tracker's boxes for the whole range are collected first, then each track's
// boxes are enlarged (hair, ears, chin are identifying too) and held: its first box is held
// `holdBefore` frames backwards, its last `holdAfter` frames forwards, and gaps within a
// track are filled with the nearer box. The export and the preview both blur from this one
// object, so the preview shows exactly what the clip will.

#include "codecs/vision/face_tracker.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <vector>

namespace sb::vision {

struct FaceCoverOptions {
    double enlargeWidth = 1.6;  // box width  x this, about its centre
    double enlargeHeight = 1.9; // box height x this (the cascade's box stops at brow and lip)
    int holdBefore = 10;        // frames a track's first box is held before it was seen
    int holdAfter = 20;         // frames its last box is held after it was lost
};

// What blurred a frame, for statistics.
struct FaceCover {
    int track = 0;
    cv::Rect area;         // enlarged, clipped to the picture
    bool observed = false; // the tracker saw the face on this frame (else held)
};

struct FaceStatistics {
    std::int64_t frames = 0;
    std::int64_t framesWithFaces = 0; // at least one area blurred
    std::int64_t framesObserved = 0;  // the tracker saw a face (not only held boxes)
    std::int64_t areas = 0;           // areas over all frames
    int maxPerFrame = 0;
    int tracks = 0;
};

class FaceTracks {
public:
    FaceTracks() = default;
    // `observed[i]` are the tracker's faces on frame i of the range; `pictureSize` clips areas.
    FaceTracks(const std::vector<std::vector<TrackedFace>>& observed, cv::Size pictureSize,
               const FaceCoverOptions& options);

    [[nodiscard]] std::int64_t frameCount() const { return static_cast<std::int64_t>(frames_.size()); }
    // Areas of frame i of the range (0 = the range's first frame); empty outside.
    [[nodiscard]] const std::vector<FaceCover>& at(std::int64_t i) const;
    [[nodiscard]] FaceStatistics statistics() const;

private:
    std::vector<std::vector<FaceCover>> frames_;
    int trackCount_ = 0;
};

// Enlarges a tight face box as FaceTracks does, clipped to `pictureSize`.
cv::Rect enlargeFaceBox(const cv::Rect& box, cv::Size pictureSize, const FaceCoverOptions& options);

} // namespace sb::vision
