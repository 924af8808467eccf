#pragma once
// Peaks of a measure: the moments a coder jumps to (the caregiver's return, a burst of
// crying) and the seeds of candidate events. Pure functions over a track's values, so the
// workstation's keys, the candidate list and the tests all see the same peaks.

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace sb::analysis {

struct PeakCriteria {
    float threshold = 0;                              // a peak's value must exceed it
    std::chrono::microseconds minSeparation{500'000}; // between accepted peaks' frame times
};

struct Peak {
    std::int64_t frame = 0; // the local maximum (first frame of a flat top)
    float value = 0;
    // The run of frames around it whose values exceed the threshold: [first, last], for a
    // candidate state event that covers the whole burst.
    std::int64_t first = 0;
    std::int64_t last = 0;

    friend bool operator==(const Peak&, const Peak&) = default;
};

// Local maxima above the threshold (NaN never is one), thinned so no two lie closer than
// minSeparation: the highest wins, then the next highest that is far enough from every
// accepted one (ties: the earlier frame), as scipy.signal.find_peaks(distance=) does.
// `frameTimesUs` gives each value's time (MotionAnalysis::frameTimesUs); result by frame.
std::vector<Peak> findPeaks(std::span<const float> values, std::span<const std::int64_t> frameTimesUs,
                            const PeakCriteria& criteria);

// The first peak strictly after `frame` / the last strictly before it; nullopt when none.
// `peaks` sorted by frame, as findPeaks returns them.
std::optional<Peak> nextPeak(std::span<const Peak> peaks, std::int64_t frame);
std::optional<Peak> previousPeak(std::span<const Peak> peaks, std::int64_t frame);

} // namespace sb::analysis
