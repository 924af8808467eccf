#pragma once
// A track's items in the form painting and hit testing read them: the interval index over
// start and end, and each item's colour and kind packed in contiguous arrays. Zoomed out, a
// repaint sweeps every item of the session; reading a few bytes per item in order, instead of
// the ~150-byte TimelineItem with its strings, is what keeps that sweep within a frame.

#include "app/gui/timeline/interval_index.h"
#include "app/gui/timeline/timeline_data.h"

#include <QRgb>

#include <cstdint>
#include <vector>

namespace sb::gui {

struct TrackItems {
    enum Flag : std::uint8_t { Point = 1, ReadOnly = 2 };

    IntervalIndex intervals;
    std::vector<QRgb> colours;       // the item's own colour, else its track's, else grey
    std::vector<std::uint8_t> flags; // Flag bits
    double pointSpacing = 0;         // mean microseconds between points; 0 when there are none

    // `track.items` must be sorted by start.
    void build(const TimelineTrack& track, std::int64_t duration);
    std::size_t size() const { return colours.size(); }
};

} // namespace sb::gui
