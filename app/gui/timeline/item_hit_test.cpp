#include "app/gui/timeline/item_hit_test.h"

#include <algorithm>
#include <cmath>

namespace sb::gui {

ItemHit hitTestItem(const TimelineTrack& track, const IntervalIndex& index, const TimeAxis& axis, double x,
                    const HitTolerance& tolerance) {
    const double reach = std::max(tolerance.edge, tolerance.point);
    const auto from = static_cast<std::int64_t>(std::floor(axis.timeAt(x) - reach * axis.scale()));
    const auto to = static_cast<std::int64_t>(std::ceil(axis.timeAt(x) + reach * axis.scale()));

    int point = -1;
    double pointDistance = tolerance.point + 1;
    int inside = -1; // the state under x drawn on top: the last one in start order
    int nearEdge = -1;
    double edgeDistance = tolerance.edge + 1;
    index.forEachOverlapping(from, to, [&](std::size_t i) {
        const TimelineItem& item = track.items[static_cast<qsizetype>(i)];
        const double a = axis.xAt(item.start);
        if (!item.end) {
            const double d = std::abs(a - x);
            if (d <= tolerance.point && d <= pointDistance) {
                point = static_cast<int>(i);
                pointDistance = d;
            }
            return;
        }
        const double b = axis.xAt(*item.end);
        if (a <= x && x <= b)
            inside = static_cast<int>(i);
        const double d = std::min(std::abs(a - x), std::abs(b - x));
        if (d <= tolerance.edge && d <= edgeDistance) {
            nearEdge = static_cast<int>(i);
            edgeDistance = d;
        }
    });
    if (point >= 0)
        return {point, ItemHit::Part::Body};
    const int hit = inside >= 0 ? inside : nearEdge;
    if (hit < 0)
        return {};

    const TimelineItem& item = track.items[hit];
    const double a = axis.xAt(item.start);
    const double b = axis.xAt(*item.end);
    // A narrow bar keeps a middle third for moving, so it can always be moved as well as trimmed.
    const double grip = std::min(tolerance.edge, (b - a) / 3.0);
    if (x < a + grip)
        return {hit, ItemHit::Part::StartEdge};
    if (x > b - grip)
        return {hit, ItemHit::Part::EndEdge};
    return {hit, ItemHit::Part::Body};
}

} // namespace sb::gui
