#include "codecs/frame_index.h"

#include <algorithm>
#include <cmath>

extern "C" {
#include <libavutil/mathematics.h>
}

namespace sb::codecs {

void FrameIndex::finalize() {
    const AVRational tb{timeBaseNum, timeBaseDen};
    frameTimesUs_.resize(frames.size());
    for (std::size_t i = 0; i < frames.size(); ++i)
        frameTimesUs_[i] = av_rescale_q(frames[i].pts, tb, AVRational{1, 1000000}) - originUs;

    keyPackets_.clear();
    for (std::size_t p = 0; p < packets.size(); ++p)
        if (packets[p].keyframe && packets[p].frame >= 0)
            keyPackets_.push_back(static_cast<std::int32_t>(p));

    std::vector<std::int64_t> intervals;
    intervals.reserve(frames.size());
    for (std::size_t i = 1; i < frameTimesUs_.size(); ++i)
        intervals.push_back(frameTimesUs_[i] - frameTimesUs_[i - 1]);
    if (intervals.empty()) {
        typicalIntervalUs_ = 40000; // a lone frame: assume 25 fps for its on-screen time
    } else {
        auto middle = intervals.begin() + static_cast<std::ptrdiff_t>(intervals.size() / 2);
        std::nth_element(intervals.begin(), middle, intervals.end());
        typicalIntervalUs_ = std::max<std::int64_t>(*middle, 1);
    }
}

std::int64_t FrameIndex::keyframeCount() const {
    return std::count_if(frames.begin(), frames.end(), [&](const IndexedFrame& f) {
        return packets[static_cast<std::size_t>(f.packet)].keyframe;
    });
}

microseconds FrameIndex::frameTime(std::int64_t n) const {
    return microseconds(frameTimesUs_.at(static_cast<std::size_t>(n)));
}

microseconds FrameIndex::frameDuration(std::int64_t n) const {
    const auto i = static_cast<std::size_t>(n);
    if (i + 1 < frameTimesUs_.size())
        return microseconds(frameTimesUs_[i + 1] - frameTimesUs_.at(i));
    return microseconds(typicalIntervalUs_);
}

microseconds FrameIndex::videoEnd() const {
    if (frames.empty())
        return microseconds(0);
    return frameTime(frameCount() - 1) + frameDuration(frameCount() - 1);
}

std::optional<std::int64_t> FrameIndex::frameAt(microseconds t) const {
    if (frames.empty() || t.count() < 0 || t >= videoEnd())
        return std::nullopt;
    const auto after = std::upper_bound(frameTimesUs_.begin(), frameTimesUs_.end(), t.count());
    if (after == frameTimesUs_.begin())
        return 0;
    return static_cast<std::int64_t>(after - frameTimesUs_.begin()) - 1;
}

std::int32_t FrameIndex::seekPacketFor(std::int64_t n) const {
    const IndexedFrame& target = frames.at(static_cast<std::size_t>(n));
    auto it = std::upper_bound(keyPackets_.begin(), keyPackets_.end(), target.packet);
    while (it != keyPackets_.begin()) {
        --it;
        const auto keyFrame = packets[static_cast<std::size_t>(*it)].frame;
        if (keyFrame <= n) // presentation order, so an open GOP's leading frames go one GOP back
            return *it;
    }
    return 0;
}

microseconds FrameIndex::typicalFrameInterval() const {
    return microseconds(typicalIntervalUs_);
}

double FrameIndex::averageFps() const {
    if (frames.size() < 2)
        return frames.empty() ? 0.0 : 1e6 / static_cast<double>(typicalIntervalUs_);
    const double span = static_cast<double>(frameTimesUs_.back() - frameTimesUs_.front());
    return span > 0 ? static_cast<double>(frames.size() - 1) * 1e6 / span : 0.0;
}

bool FrameIndex::isVariableFrameRate() const {
    const double tolerance = std::max(1500.0, 0.05 * static_cast<double>(typicalIntervalUs_));
    for (std::size_t i = 1; i < frameTimesUs_.size(); ++i) {
        const auto interval = static_cast<double>(frameTimesUs_[i] - frameTimesUs_[i - 1]);
        if (std::abs(interval - static_cast<double>(typicalIntervalUs_)) > tolerance)
            return true;
    }
    return false;
}

} // namespace sb::codecs
