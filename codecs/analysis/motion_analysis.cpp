#include "codecs/analysis/motion_analysis.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sb::analysis {
namespace {

constexpr float kMotionFloor = 4.0f; // grey levels
constexpr float kFlowFloor = 1.0f;   // source pixels per frame
constexpr float kQuietDb = -60.0f;
constexpr double kTopQuantile = 0.995;

} // namespace

const AnalysisTrack* MotionAnalysis::track(std::string_view name) const {
    for (const AnalysisTrack& t : tracks)
        if (t.name == name)
            return &t;
    return nullptr;
}

std::optional<std::int64_t> MotionAnalysis::frameAt(std::chrono::microseconds t) const {
    if (t.count() < 0 || frameTimesUs.empty() || t.count() >= videoEndUs)
        return std::nullopt;
    const auto after = std::upper_bound(frameTimesUs.begin(), frameTimesUs.end(), t.count());
    if (after == frameTimesUs.begin())
        return 0;
    return static_cast<std::int64_t>(after - frameTimesUs.begin()) - 1;
}

float dbfs(float rms) {
    if (std::isnan(rms))
        return rms;
    if (rms <= 0)
        return -std::numeric_limits<float>::infinity();
    return 20.0f * std::log10(rms);
}

float TrackScale::normalise(float value) const {
    if (std::isnan(value))
        return value;
    if (kind == MeasureKind::AudioRms)
        return std::clamp((dbfs(value) - kQuietDb) / -kQuietDb, 0.0f, 1.0f);
    return std::clamp(value / top, 0.0f, 1.0f);
}

float TrackScale::value(float fraction) const {
    fraction = std::clamp(fraction, 0.0f, 1.0f);
    if (kind == MeasureKind::AudioRms)
        return std::pow(10.0f, (kQuietDb + fraction * -kQuietDb) / 20.0f);
    return fraction * top;
}

TrackScale scaleFor(const AnalysisTrack& track) {
    TrackScale scale;
    scale.kind = track.kind;
    if (track.kind == MeasureKind::AudioRms)
        return scale;
    std::vector<float> defined;
    defined.reserve(track.values.size());
    for (const float v : track.values)
        if (std::isfinite(v))
            defined.push_back(v);
    float top = 0;
    if (!defined.empty()) {
        const auto at = static_cast<std::size_t>(kTopQuantile * static_cast<double>(defined.size() - 1));
        std::nth_element(defined.begin(), defined.begin() + static_cast<std::ptrdiff_t>(at), defined.end());
        top = defined[at];
    }
    scale.top = std::max(top, track.kind == MeasureKind::Flow ? kFlowFloor : kMotionFloor);
    return scale;
}

std::vector<float> normalised(const AnalysisTrack& track) {
    const TrackScale scale = scaleFor(track);
    std::vector<float> out;
    out.reserve(track.values.size());
    for (const float v : track.values)
        out.push_back(scale.normalise(v));
    return out;
}

std::vector<float> bucketMaxima(std::span<const float> values, std::int64_t begin, std::int64_t end,
                                int buckets) {
    begin = std::clamp<std::int64_t>(begin, 0, static_cast<std::int64_t>(values.size()));
    end = std::clamp<std::int64_t>(end, begin, static_cast<std::int64_t>(values.size()));
    std::vector<float> out(static_cast<std::size_t>(std::max(buckets, 0)), std::nanf(""));
    if (buckets <= 0 || end <= begin)
        return out;
    const std::int64_t span = end - begin;
    for (int b = 0; b < buckets; ++b) {
        // Runs cover [begin, end) without gaps; with fewer frames than buckets some repeat.
        const std::int64_t from = begin + span * b / buckets;
        const std::int64_t to = std::max(begin + span * (b + 1) / buckets, from + 1);
        float best = std::nanf("");
        for (std::int64_t i = from; i < std::min(to, end); ++i) {
            const float v = values[static_cast<std::size_t>(i)];
            if (!std::isnan(v) && (std::isnan(best) || v > best))
                best = v;
        }
        out[static_cast<std::size_t>(b)] = best;
    }
    return out;
}

} // namespace sb::analysis
