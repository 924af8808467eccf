#include "codecs/vision/face_tracks.h"

#include <algorithm>
#include <map>

namespace sb::vision {

cv::Rect enlargeFaceBox(const cv::Rect& box, cv::Size pictureSize, const FaceCoverOptions& options) {
    const double cx = box.x + box.width / 2.0;
    const double cy = box.y + box.height / 2.0;
    const double w = box.width * options.enlargeWidth;
    const double h = box.height * options.enlargeHeight;
    const cv::Rect area(static_cast<int>(cx - w / 2), static_cast<int>(cy - h / 2), static_cast<int>(w + 0.5),
                        static_cast<int>(h + 0.5));
    return area & cv::Rect(0, 0, pictureSize.width, pictureSize.height);
}

FaceTracks::FaceTracks(const std::vector<std::vector<TrackedFace>>& observed, cv::Size pictureSize,
                       const FaceCoverOptions& options)
    : frames_(observed.size()) {
    const auto count = static_cast<std::int64_t>(observed.size());
    // Per track: the frames it was seen on, with its box.
    std::map<int, std::map<std::int64_t, cv::Rect>> tracks;
    for (std::int64_t i = 0; i < count; ++i)
        for (const TrackedFace& face : observed[static_cast<std::size_t>(i)])
            tracks[face.track][i] = face.box;
    trackCount_ = static_cast<int>(tracks.size());

    for (const auto& [id, seen] : tracks) {
        const std::int64_t first = seen.begin()->first;
        const std::int64_t last = seen.rbegin()->first;
        const std::int64_t from = std::max<std::int64_t>(0, first - options.holdBefore);
        const std::int64_t to = std::min<std::int64_t>(count - 1, last + options.holdAfter);
        for (std::int64_t i = from; i <= to; ++i) {
            // The box of this frame, else the nearer seen one (the earlier on a tie).
            auto next = seen.lower_bound(i);
            bool isObserved = next != seen.end() && next->first == i;
            cv::Rect box;
            if (isObserved)
                box = next->second;
            else if (next == seen.end())
                box = std::prev(next)->second;
            else if (next == seen.begin())
                box = next->second;
            else {
                auto before = std::prev(next);
                box = (i - before->first <= next->first - i) ? before->second : next->second;
            }
            const cv::Rect area = enlargeFaceBox(box, pictureSize, options);
            if (area.area() > 0)
                frames_[static_cast<std::size_t>(i)].push_back({id, area, isObserved});
        }
    }
}

const std::vector<FaceCover>& FaceTracks::at(std::int64_t i) const {
    static const std::vector<FaceCover> none;
    if (i < 0 || i >= frameCount())
        return none;
    return frames_[static_cast<std::size_t>(i)];
}

FaceStatistics FaceTracks::statistics() const {
    FaceStatistics s;
    s.frames = frameCount();
    s.tracks = trackCount_;
    for (const auto& covers : frames_) {
        if (!covers.empty())
            ++s.framesWithFaces;
        if (std::any_of(covers.begin(), covers.end(), [](const FaceCover& c) { return c.observed; }))
            ++s.framesObserved;
        s.areas += static_cast<std::int64_t>(covers.size());
        s.maxPerFrame = std::max(s.maxPerFrame, static_cast<int>(covers.size()));
    }
    return s;
}

} // namespace sb::vision
