#include "app/gui/timeline/waveform_peaks.h"

#include <algorithm>
#include <cmath>

namespace sb::gui {

namespace {
constexpr std::size_t kMerge = 4;     // buckets of one level per bucket of the next
constexpr std::size_t kSmallest = 64; // no level coarser than this many buckets
} // namespace

void WaveformPeaks::update(const TimelineWaveform& waveform) {
    if (waveform.bucket == source_.bucket && waveform.minimum.constData() == source_.minimum.constData() &&
        waveform.maximum.constData() == source_.maximum.constData() &&
        waveform.minimum.size() == source_.minimum.size() &&
        waveform.maximum.size() == source_.maximum.size())
        return;
    source_ = waveform;
    count_ = waveform.bucket > 0 ? std::min(waveform.minimum.size(), waveform.maximum.size()) : 0;
    coarser_.clear();
    const float* minimum = source_.minimum.constData();
    const float* maximum = source_.maximum.constData();
    auto size = static_cast<std::size_t>(count_);
    std::int64_t bucket = waveform.bucket;
    while (size > kSmallest) {
        Level level;
        level.bucket = bucket * static_cast<std::int64_t>(kMerge);
        const std::size_t merged = (size + kMerge - 1) / kMerge;
        level.minimum.resize(merged);
        level.maximum.resize(merged);
        for (std::size_t i = 0; i < merged; ++i) {
            const std::size_t first = i * kMerge;
            const std::size_t last = std::min(size, first + kMerge);
            level.minimum[i] = *std::min_element(minimum + first, minimum + last);
            level.maximum[i] = *std::max_element(maximum + first, maximum + last);
        }
        coarser_.push_back(std::move(level));
        minimum = coarser_.back().minimum.data();
        maximum = coarser_.back().maximum.data();
        size = merged;
        bucket = coarser_.back().bucket;
    }
}

bool WaveformPeaks::range(double from, double to, float& low, float& high) const {
    if (count_ == 0 || to <= 0)
        return false;
    // The coarsest level whose buckets still fit the stretch: at most a few entries to read.
    const float* minimum = source_.minimum.constData();
    const float* maximum = source_.maximum.constData();
    auto size = static_cast<qsizetype>(count_);
    auto bucket = static_cast<double>(source_.bucket);
    for (const Level& level : coarser_) {
        if (static_cast<double>(level.bucket) > to - from)
            break;
        minimum = level.minimum.data();
        maximum = level.maximum.data();
        size = static_cast<qsizetype>(level.minimum.size());
        bucket = static_cast<double>(level.bucket);
    }
    const auto first = std::max<qsizetype>(0, static_cast<qsizetype>(std::floor(from / bucket)));
    const auto last = std::min(size, std::max(first + 1, static_cast<qsizetype>(std::floor(to / bucket))));
    if (first >= last)
        return false;
    low = *std::min_element(minimum + first, minimum + last);
    high = *std::max_element(maximum + first, maximum + last);
    return true;
}

} // namespace sb::gui
