#include "codecs/vision/face_tracker.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace sb::vision {
namespace {

// Template matching runs on the grey picture at most this wide: faces in session tapes are
// large, and following them needs position, not detail.
constexpr int kTrackWidth = 480;

double iou(const cv::Rect& a, const cv::Rect& b) {
    const double shared = (a & b).area();
    const double all = a.area() + b.area() - shared;
    return all > 0 ? shared / all : 0.0;
}

bool centreInside(const cv::Rect& inner, const cv::Rect& outer) {
    return outer.contains(cv::Point(inner.x + inner.width / 2, inner.y + inner.height / 2));
}

cv::Rect scaled(const cv::Rect& r, double factor) {
    return {static_cast<int>(r.x * factor + 0.5), static_cast<int>(r.y * factor + 0.5),
            static_cast<int>(r.width * factor + 0.5), static_cast<int>(r.height * factor + 0.5)};
}

} // namespace

FaceTracker::FaceTracker(FaceDetector& detector, FaceTrackerOptions options)
    : detector_(detector)
    , options_(options) {
    options_.detectEvery = std::max(1, options_.detectEvery);
}

void FaceTracker::reset() {
    tracks_.clear();
    frame_ = 0;
    detectorRuns_ = 0;
}

void FaceTracker::follow(Track& track, const cv::Mat& grey) const {
    if (track.templ.empty())
        return;
    const int padX = track.box.width / 2 + 4;
    const int padY = track.box.height / 2 + 4;
    const cv::Rect window = cv::Rect(track.box.x - padX, track.box.y - padY, track.box.width + 2 * padX,
                                     track.box.height + 2 * padY) &
                            cv::Rect(0, 0, grey.cols, grey.rows);
    if (window.width < track.templ.cols || window.height < track.templ.rows)
        return; // at the picture's edge: hold the box where it is
    cv::Mat scores;
    cv::matchTemplate(grey(window), track.templ, scores, cv::TM_CCOEFF_NORMED);
    double best = 0;
    cv::Point at;
    cv::minMaxLoc(scores, nullptr, &best, nullptr, &at);
    if (best < options_.minTrackScore)
        return;
    track.box.x = window.x + at.x;
    track.box.y = window.y + at.y;
}

std::vector<TrackedFace> FaceTracker::update(const cv::Mat& picture) {
    cv::Mat grey;
    if (picture.channels() == 3)
        cv::cvtColor(picture, grey, cv::COLOR_RGB2GRAY);
    else if (picture.channels() == 4)
        cv::cvtColor(picture, grey, cv::COLOR_RGBA2GRAY);
    else
        grey = picture;
    const double scale = grey.cols > kTrackWidth ? static_cast<double>(kTrackWidth) / grey.cols : 1.0;
    if (scale < 1.0) {
        cv::Mat small;
        cv::resize(grey, small, cv::Size(), scale, scale, cv::INTER_AREA);
        grey = small;
    }
    const cv::Rect bounds(0, 0, grey.cols, grey.rows);

    std::vector<bool> detectedNow(tracks_.size(), false);
    const bool detecting = frame_ % options_.detectEvery == 0;
    if (detecting) {
        ++detectorRuns_;
        for (const DetectedFace& face : detector_.detect(picture)) {
            const cv::Rect box = scaled(face.box, scale) & bounds;
            if (box.width < 4 || box.height < 4)
                continue;
            std::size_t best = tracks_.size();
            double bestIou = 0;
            for (std::size_t t = 0; t < tracks_.size(); ++t) {
                double o = iou(tracks_[t].box, box);
                if (o < options_.matchIou &&
                    (centreInside(box, tracks_[t].box) || centreInside(tracks_[t].box, box)))
                    o = options_.matchIou; // a box that grew or shrank around the same face
                if (o >= options_.matchIou && o > bestIou) {
                    best = t;
                    bestIou = o;
                }
            }
            if (best == tracks_.size()) {
                tracks_.push_back({nextId_++, box, {}, frame_});
                detectedNow.push_back(false);
            } else if (detectedNow[best]) {
                tracks_[best].box |= box; // two hits on one face
                continue;
            }
            Track& track = tracks_[best];
            track.box = box;
            track.templ = grey(box).clone();
            track.lastDetected = frame_;
            detectedNow[best] = true;
        }
    }
    for (std::size_t t = 0; t < tracks_.size(); ++t)
        if (!detectedNow[t])
            follow(tracks_[t], grey);

    std::vector<TrackedFace> result;
    std::vector<Track> kept;
    for (std::size_t t = 0; t < tracks_.size(); ++t) {
        if (frame_ - tracks_[t].lastDetected > options_.keepFrames)
            continue;
        result.push_back({tracks_[t].id,
                          scaled(tracks_[t].box, 1.0 / scale) & cv::Rect(0, 0, picture.cols, picture.rows),
                          detectedNow[t]});
        kept.push_back(std::move(tracks_[t]));
    }
    tracks_ = std::move(kept);
    ++frame_;
    return result;
}

} // namespace sb::vision
