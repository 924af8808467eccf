#include "codecs/analysis/peaks.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace sb::analysis {

std::vector<Peak> findPeaks(std::span<const float> values, std::span<const std::int64_t> frameTimesUs,
                            const PeakCriteria& criteria) {
    if (frameTimesUs.size() != values.size())
        throw std::invalid_argument("findPeaks: one frame time per value is needed");
    const auto n = static_cast<std::int64_t>(values.size());
    auto at = [&](std::int64_t i) { return values[static_cast<std::size_t>(i)]; };
    auto above = [&](std::int64_t i) { return !std::isnan(at(i)) && at(i) > criteria.threshold; };

    // Local maxima: higher than the frame before (or first), and the flat top that follows
    // it ends with a lower value (or the end). A flat top counts once, at its first frame.
    std::vector<Peak> candidates;
    for (std::int64_t i = 0; i < n; ++i) {
        if (!above(i) || (i > 0 && !std::isnan(at(i - 1)) && at(i - 1) >= at(i)))
            continue;
        std::int64_t j = i;
        while (j + 1 < n && at(j + 1) == at(i))
            ++j;
        if (j + 1 < n && !std::isnan(at(j + 1)) && at(j + 1) > at(i))
            continue;
        Peak peak{i, at(i), i, j};
        while (peak.first > 0 && above(peak.first - 1))
            --peak.first;
        while (peak.last + 1 < n && above(peak.last + 1))
            ++peak.last;
        candidates.push_back(peak);
        i = j;
    }

    // Highest first; each accepted peak removes the lower ones too close to it.
    std::vector<std::size_t> order(candidates.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return candidates[a].value > candidates[b].value; });
    std::vector<bool> removed(candidates.size(), false);
    std::vector<Peak> accepted;
    const std::int64_t separation = criteria.minSeparation.count();
    for (const std::size_t c : order) {
        if (removed[c])
            continue;
        accepted.push_back(candidates[c]);
        // Candidates are in frame order and frame times rise, so the close ones are neighbours.
        auto timeOf = [&](std::size_t i) {
            return frameTimesUs[static_cast<std::size_t>(candidates[i].frame)];
        };
        const std::int64_t t = timeOf(c);
        for (std::size_t other = c; other-- > 0 && t - timeOf(other) < separation;)
            removed[other] = true;
        for (std::size_t other = c + 1; other < candidates.size() && timeOf(other) - t < separation; ++other)
            removed[other] = true;
    }
    std::sort(accepted.begin(), accepted.end(),
              [](const Peak& a, const Peak& b) { return a.frame < b.frame; });
    return accepted;
}

std::optional<Peak> nextPeak(std::span<const Peak> peaks, std::int64_t frame) {
    const auto it = std::upper_bound(peaks.begin(), peaks.end(), frame,
                                     [](std::int64_t f, const Peak& p) { return f < p.frame; });
    if (it == peaks.end())
        return std::nullopt;
    return *it;
}

std::optional<Peak> previousPeak(std::span<const Peak> peaks, std::int64_t frame) {
    const auto it = std::lower_bound(peaks.begin(), peaks.end(), frame,
                                     [](const Peak& p, std::int64_t f) { return p.frame < f; });
    if (it == peaks.begin())
        return std::nullopt;
    return *(it - 1);
}

} // namespace sb::analysis
