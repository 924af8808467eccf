#include "app/gui/timeline/track_items.h"

#include <algorithm>

namespace sb::gui {

void TrackItems::build(const TimelineTrack& track, std::int64_t duration) {
    const auto count = static_cast<std::size_t>(track.items.size());
    std::vector<std::int64_t> starts;
    std::vector<std::int64_t> ends;
    starts.reserve(count);
    ends.reserve(count);
    colours.clear();
    flags.clear();
    colours.reserve(count);
    flags.reserve(count);
    const QRgb fallback = track.colour.isValid() ? track.colour.rgb() : qRgb(128, 128, 128);
    std::int64_t firstPoint = 0;
    std::int64_t lastPoint = 0;
    std::size_t points = 0;
    for (const TimelineItem& item : track.items) {
        starts.push_back(item.start);
        ends.push_back(item.end ? std::max(*item.end, item.start) : item.start);
        colours.push_back(item.colour.isValid() ? item.colour.rgb() : fallback);
        flags.push_back(static_cast<std::uint8_t>((item.end ? 0 : Point) | (item.editable ? 0 : ReadOnly)));
        if (!item.end) {
            if (points++ == 0)
                firstPoint = item.start;
            lastPoint = item.start;
        }
    }
    intervals.build(std::move(starts), std::move(ends));
    if (points > 1)
        pointSpacing =
            std::max(1.0, static_cast<double>(lastPoint - firstPoint) / static_cast<double>(points - 1));
    else if (points == 1)
        pointSpacing = static_cast<double>(std::max<std::int64_t>(duration, 1));
    else
        pointSpacing = 0;
}

} // namespace sb::gui
