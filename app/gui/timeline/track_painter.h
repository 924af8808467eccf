#pragma once
// Paints one track's items in its row: states as bars, points as diamonds (or ticks when
// zoomed out too far for diamonds), labels where they fit, the selected item highlighted.
//
// Only items overlapping the exposed time range are visited (TrackItems), and items narrower
// than a few pixels are merged into one run per pixel column, so a row costs at most about one
// rectangle per pixel column however many thousand annotations it holds at this zoom.

#include "app/gui/timeline/label_cache.h"
#include "app/gui/timeline/time_axis.h"
#include "app/gui/timeline/timeline_data.h"
#include "app/gui/timeline/track_items.h"

#include <QFont>
#include <QRect>

class QPainter;

namespace sb::gui {

struct TrackPaintStyle {
    QColor background; // the row's background, which read-only items are blended with
    QColor selection;  // outline of the selected item
    QColor darkText;
    QColor lightText;
};

class TrackPainter {
public:
    explicit TrackPainter(const QFont& font);
    void setFont(const QFont& font);

    // Paints the items of `track` overlapping [from, to] into `row` (the row's time strip).
    // `selected` is the index of the selected item in the track, or -1. Points are diamonds or,
    // when the track's mean point spacing is under a few pixels, ticks: decided for the whole
    // row so the look does not flicker item by item.
    void paint(QPainter& painter, const TimelineTrack& track, const TrackItems& items, const TimeAxis& axis,
               const QRect& row, std::int64_t from, std::int64_t to, int selected,
               const TrackPaintStyle& style);

    // The bar of a state and the box around a point's diamond, as painted (for ghosts).
    static QRect stateBar(const QRect& row, int x0, int x1);
    static QRect pointBox(const QRect& row, int x);

private:
    void paintStates(QPainter& painter, const TimelineTrack& track, const TrackItems& items,
                     const TimeAxis& axis, const QRect& row, std::int64_t from, std::int64_t to,
                     const TrackPaintStyle& style);
    void paintPoints(QPainter& painter, const TrackItems& items, const TimeAxis& axis, const QRect& row,
                     std::int64_t from, std::int64_t to, bool diamonds, const TrackPaintStyle& style);
    void paintSelected(QPainter& painter, const TimelineTrack& track, const TrackItems& items,
                       const TimeAxis& axis, const QRect& row, int selected, const TrackPaintStyle& style);
    void paintLabel(QPainter& painter, const TimelineItem& item, const QRect& bar, int visibleLeft,
                    const QColor& fill, const TrackPaintStyle& style);

    LabelCache labels_;
};

// The colour an item is painted in: blended towards the background when it is read-only, so
// other coders' lanes read as reference, not as one's own work.
inline QRgb itemFill(QRgb colour, std::uint8_t flags, QRgb background) {
    if (!(flags & TrackItems::ReadOnly))
        return colour;
    constexpr int keep = 55; // percent of the item's own colour in a read-only item
    const auto mix = [](int c, int b) { return (c * keep + b * (100 - keep)) / 100; };
    return qRgb(mix(qRed(colour), qRed(background)), mix(qGreen(colour), qGreen(background)),
                mix(qBlue(colour), qBlue(background)));
}

} // namespace sb::gui
