#include "app/gui/timeline/track_painter.h"

#include <QPainter>
#include <QPoint>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace sb::gui {

namespace {

// Items narrower than this are merged per pixel column instead of drawn one by one: below it
// an outline and a label cannot show anyway.
constexpr double kThinItem = 3.0;
// Points closer than this (on average, in pixels) are drawn as ticks rather than diamonds.
constexpr double kDiamondSpacing = 12.0;
constexpr int kBarInset = 4;
constexpr int kLabelPadding = 4;

// Consecutive thin items painted as runs of whole pixel columns: a column already painted is
// not painted again, and a run grows while the colour stays the same.
class ColumnRun {
public:
    ColumnRun(QPainter& painter, int top, int height)
        : painter_(painter)
        , top_(top)
        , height_(height) {}
    ~ColumnRun() { flush(); }

    void add(int x0, int x1, QRgb colour) {
        if (active_ && colour == colour_ && x0 <= last_ + 1) {
            last_ = std::max(last_, x1);
            return;
        }
        if (active_ && x1 <= last_)
            return; // its columns are painted already: one run per pixel column
        const int first = active_ ? std::max(x0, last_ + 1) : x0;
        flush();
        active_ = true;
        first_ = first;
        last_ = x1;
        colour_ = colour;
    }

    void flush() {
        if (!active_)
            return;
        painter_.fillRect(first_, top_, last_ - first_ + 1, height_, QColor::fromRgb(colour_));
        active_ = false;
    }

private:
    QPainter& painter_;
    int top_;
    int height_;
    bool active_ = false;
    int first_ = 0;
    int last_ = 0;
    QRgb colour_ = 0;
};

QColor textOn(const QColor& fill, const TrackPaintStyle& style) {
    // Perceived luminance (ITU-R BT.601 weights) decides between dark and light text.
    const int luminance = (fill.red() * 299 + fill.green() * 587 + fill.blue() * 114) / 1000;
    return luminance > 140 ? style.darkText : style.lightText;
}

// std::floor and std::ceil are library calls on baseline x86-64 (no SSE4.1 rounding); these run
// for every item of a zoomed-out repaint.
int floorToInt(double v) {
    const int i = static_cast<int>(v);
    return i - (v < i ? 1 : 0);
}

int ceilToInt(double v) {
    const int i = static_cast<int>(v);
    return i + (v > i ? 1 : 0);
}

void drawDiamond(QPainter& painter, int x, int cy, int half) {
    const std::array<QPoint, 4> corners{QPoint(x, cy - half), QPoint(x + half, cy), QPoint(x, cy + half),
                                        QPoint(x - half, cy)};
    painter.drawConvexPolygon(corners.data(), static_cast<int>(corners.size()));
}

} // namespace

TrackPainter::TrackPainter(const QFont& font)
    : labels_(font) {}

void TrackPainter::setFont(const QFont& font) {
    labels_.setFont(font);
}

QRect TrackPainter::stateBar(const QRect& row, int x0, int x1) {
    return {x0, row.top() + kBarInset, std::max(1, x1 - x0), row.height() - 2 * kBarInset};
}

QRect TrackPainter::pointBox(const QRect& row, int x) {
    const int half = (row.height() - 2 * kBarInset) / 2;
    return {x - half, row.center().y() - half, 2 * half + 1, 2 * half + 1};
}

void TrackPainter::paint(QPainter& painter, const TimelineTrack& track, const TrackItems& items,
                         const TimeAxis& axis, const QRect& row, std::int64_t from, std::int64_t to,
                         int selected, const TrackPaintStyle& style) {
    painter.setFont(labels_.font()); // the font the cached labels were laid out in
    paintStates(painter, track, items, axis, row, from, to, style);
    if (items.pointSpacing > 0) {
        const bool diamonds = items.pointSpacing / axis.scale() >= kDiamondSpacing;
        paintPoints(painter, items, axis, row, from, to, diamonds, style);
    }
    if (selected >= 0)
        paintSelected(painter, track, items, axis, row, selected, style);
}

void TrackPainter::paintStates(QPainter& painter, const TimelineTrack& track, const TrackItems& items,
                               const TimeAxis& axis, const QRect& row, std::int64_t from, std::int64_t to,
                               const TrackPaintStyle& style) {
    const QRect bar = stateBar(row, 0, 1);
    const QRgb background = style.background.rgb();
    // Bars reaching past the strip are cut a little outside it so no edge shows at the border.
    const double stripLeft = axis.left() - 2.0;
    const double stripRight = axis.left() + axis.width() + 2.0;
    ColumnRun run(painter, bar.top(), bar.height());
    items.intervals.forEachOverlapping(from, to, [&](std::size_t i) {
        const std::uint8_t flags = items.flags[i];
        if (flags & TrackItems::Point)
            return;
        const double a = axis.xAt(items.intervals.start(i));
        const double b = axis.xAt(items.intervals.end(i));
        const QRgb fill = itemFill(items.colours[i], flags, background);
        if (b - a < kThinItem) {
            const int x0 = floorToInt(std::max(a, stripLeft));
            const int x1 = std::max(x0, ceilToInt(std::min(b, stripRight)) - 1);
            run.add(x0, x1, fill);
            return;
        }
        run.flush(); // keep painting order: later items lie on top of earlier ones
        const int x0 = static_cast<int>(std::lround(std::max(a, stripLeft)));
        const int x1 = static_cast<int>(std::lround(std::min(b, stripRight)));
        const QRect rect = stateBar(row, x0, x1);
        const QColor colour = QColor::fromRgb(fill);
        painter.setPen(colour.darker(150));
        painter.setBrush(colour);
        painter.drawRect(rect.adjusted(0, 0, -1, -1));
        const TimelineItem& item = track.items[static_cast<qsizetype>(i)];
        if (!item.label.isEmpty() && x1 - std::max(x0, axis.left()) > 2 * kLabelPadding + 4)
            paintLabel(painter, item, rect, std::max(x0, axis.left()), colour, style);
    });
}

void TrackPainter::paintPoints(QPainter& painter, const TrackItems& items, const TimeAxis& axis,
                               const QRect& row, std::int64_t from, std::int64_t to, bool diamonds,
                               const TrackPaintStyle& style) {
    const QRect bar = stateBar(row, 0, 1);
    const int half = bar.height() / 2;
    const int cy = row.center().y();
    const QRgb background = style.background.rgb();
    ColumnRun ticks(painter, bar.top(), bar.height());
    int lastDiamond = std::numeric_limits<int>::min() / 2; // far left, without overflow below
    items.intervals.forEachOverlapping(from, to, [&](std::size_t i) {
        const std::uint8_t flags = items.flags[i];
        if (!(flags & TrackItems::Point))
            return;
        const int x = floorToInt(axis.xAt(items.intervals.start(i)));
        const QRgb fill = itemFill(items.colours[i], flags, background);
        if (!diamonds) {
            ticks.add(x, x + 1, fill);
            return;
        }
        if (x - lastDiamond < 3)
            return; // would cover the previous diamond almost exactly
        lastDiamond = x;
        const QColor colour = QColor::fromRgb(fill);
        painter.setPen(colour.darker(170));
        painter.setBrush(colour);
        drawDiamond(painter, x, cy, half);
    });
}

void TrackPainter::paintSelected(QPainter& painter, const TimelineTrack& track, const TrackItems& items,
                                 const TimeAxis& axis, const QRect& row, int selected,
                                 const TrackPaintStyle& style) {
    const TimelineItem& item = track.items[selected];
    const auto i = static_cast<std::size_t>(selected);
    const QColor fill = QColor::fromRgb(itemFill(items.colours[i], items.flags[i], style.background.rgb()));
    painter.setBrush(fill);
    painter.setPen(QPen(style.selection, 2));
    if (!item.end) {
        const int x = static_cast<int>(std::floor(axis.xAt(item.start)));
        drawDiamond(painter, x, row.center().y(), stateBar(row, 0, 1).height() / 2 + 1);
        return;
    }
    const double a = std::max(axis.xAt(item.start), axis.left() - 4.0);
    const double b = std::min(axis.xAt(*item.end), axis.left() + axis.width() + 4.0);
    const int x0 = static_cast<int>(std::lround(a));
    const int x1 = std::max(x0 + 2, static_cast<int>(std::lround(b)));
    const QRect rect = stateBar(row, x0, x1).adjusted(0, -2, 0, 2); // stands out of its row a little
    painter.drawRect(rect.adjusted(1, 1, -1, -1));
    if (!item.label.isEmpty() && x1 - std::max(x0, axis.left()) > 2 * kLabelPadding + 4)
        paintLabel(painter, item, rect, std::max(x0, axis.left()), fill, style);
}

void TrackPainter::paintLabel(QPainter& painter, const TimelineItem& item, const QRect& bar, int visibleLeft,
                              const QColor& fill, const TrackPaintStyle& style) {
    // The label sits at the item's onset, or at the strip's edge when the onset is scrolled
    // away, so a long state stays named while it fills the view.
    const int available = bar.right() - visibleLeft - 2 * kLabelPadding;
    const QStaticText* text = labels_.fitting(item.label, available);
    if (!text)
        return;
    const QFontMetrics& metrics = labels_.metrics();
    const int baseline = bar.center().y() + (metrics.ascent() - metrics.descent()) / 2 + 1;
    painter.setPen(textOn(fill, style));
    painter.drawStaticText(QPoint(visibleLeft + kLabelPadding, baseline - metrics.ascent()), *text);
}

} // namespace sb::gui
