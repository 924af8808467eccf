#pragma once
// The audio's peaks at every zoom. The media engine hands over min/max per small bucket (10 ms,
// say: 720,000 of them for two hours); zoomed out, a pixel column covers thousands. Coarser
// levels, each merging four buckets of the one below, let a column read a handful of entries
// at any zoom.

#include "app/gui/timeline/timeline_data.h"

#include <cstdint>
#include <vector>

namespace sb::gui {

class WaveformPeaks {
public:
    // Rebuilds the levels only when `waveform` holds other data than last time: its arrays are
    // implicitly shared, so the unchanged waveform the window passes with every edit is free.
    void update(const TimelineWaveform& waveform);
    bool empty() const { return count_ == 0; }

    // The lowest and highest level in [from, to) microseconds (at least one bucket, the one at
    // `from`, when the stretch is narrower than a bucket); false outside the audio.
    bool range(double from, double to, float& low, float& high) const;

private:
    struct Level {
        std::int64_t bucket = 0;
        std::vector<float> minimum;
        std::vector<float> maximum;
    };

    TimelineWaveform source_; // level 0, shared with the content
    qsizetype count_ = 0;
    std::vector<Level> coarser_; // levels 1, 2, ...
};

} // namespace sb::gui
