#pragma once
// FaceTracker: faces followed from frame to frame, between detections.
//
// Running the detector on every frame is slow and still misses frames (a blink of the
// cascade, a head turning); so the detector runs every `detectEvery` frames and in between
// each face is followed by template matching in a window around its last position (grey,
// normalised cross-correlation). A detection that overlaps a followed face updates it (and
// its template); one that overlaps none starts a new track. A face the detector no longer
// finds is still followed for `keepFrames` frames, so a turned head keeps its box. The
// tracker reports tight face boxes; FaceTracks (face_tracks.h) enlarges them and holds them
// before and after, which is what gets blurred.
//
// Feed the frames of a range in order, one update() per frame. Not thread-safe.

#include "codecs/vision/face_detector.h"

#include <opencv2/core.hpp>

#include <vector>

namespace sb::vision {

struct FaceTrackerOptions {
    int detectEvery = 3;        // detector on frames 0, k, 2k… of the sequence (1 = every frame)
    int keepFrames = 15;        // frames a track is followed after its last detection
    double matchIou = 0.15;     // overlap (intersection over union) that ties a detection to a track
    double minTrackScore = 0.4; // a template match below this leaves the box where it was
};

struct TrackedFace {
    int track = 0;         // stable id of the track within one tracker
    cv::Rect box;          // tight around the face, picture pixels
    bool detected = false; // the detector found it on this frame (else followed by template)
};

class FaceTracker {
public:
    FaceTracker(FaceDetector& detector, FaceTrackerOptions options = {});

    // The faces on the next frame of the sequence (8-bit, 3 or 1 channels, same size each call).
    [[nodiscard]] std::vector<TrackedFace> update(const cv::Mat& picture);
    // Forget every track: the next update() is the start of a new sequence.
    void reset();

    [[nodiscard]] std::int64_t framesSeen() const { return frame_; }
    [[nodiscard]] std::int64_t detectorRuns() const { return detectorRuns_; }

private:
    struct Track {
        int id = 0;
        cv::Rect box;
        cv::Mat templ; // grey patch of the face at its last detection
        std::int64_t lastDetected = 0;
    };

    void follow(Track& track, const cv::Mat& grey) const;

    FaceDetector& detector_;
    FaceTrackerOptions options_;
    std::vector<Track> tracks_;
    std::int64_t frame_ = 0;
    std::int64_t detectorRuns_ = 0;
    int nextId_ = 1;
};

} // namespace sb::vision
