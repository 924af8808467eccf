#include "app/gui/timeline/track_layout.h"

#include <algorithm>

namespace sb::gui {

void TrackLayout::update(QSize viewport, bool rightToLeft, const TrackMetrics& metrics, int trackCount) {
    viewport_ = viewport;
    rightToLeft_ = rightToLeft;
    metrics_ = metrics;
    trackCount_ = trackCount;
    const int titles = std::min(metrics.titleWidth, viewport.width() / 2);
    metrics_.titleWidth = titles;
    axisWidth_ = std::max(1, viewport.width() - titles);
    axisLeft_ = rightToLeft ? 0 : titles;
}

QRect TrackLayout::titleColumn() const {
    const int left = rightToLeft_ ? axisWidth_ : 0;
    return {left, 0, metrics_.titleWidth, viewport_.height()};
}

QRect TrackLayout::titleCell(const QRect& bandOrRow) const {
    const QRect column = titleColumn();
    return {column.left(), bandOrRow.top(), column.width(), bandOrRow.height()};
}

QRect TrackLayout::trackArea() const {
    const int top = tracksTop();
    return {axisLeft_, top, axisWidth_, std::max(0, viewport_.height() - top)};
}

QRect TrackLayout::row(int track, int scroll) const {
    return {axisLeft_, tracksTop() + track * metrics_.row - scroll, axisWidth_, metrics_.row};
}

int TrackLayout::trackAt(int y, int scroll) const {
    if (y < tracksTop() || metrics_.row <= 0)
        return -1;
    const int track = (y - tracksTop() + scroll) / metrics_.row;
    return track < trackCount_ ? track : -1;
}

int TrackLayout::maximumScroll() const {
    return std::max(0, tracksHeight() - (viewport_.height() - tracksTop()));
}

TrackLayout::Region TrackLayout::regionAt(QPoint p) const {
    if (titleColumn().contains(p))
        return Region::Titles;
    if (p.x() < axisLeft_ || p.x() >= axisLeft_ + axisWidth_)
        return Region::Nowhere;
    if (ruler().contains(p))
        return Region::Ruler;
    if (segments().contains(p))
        return Region::Segments;
    if (waveform().contains(p))
        return Region::Waveform;
    if (lanes().contains(p))
        return Region::Lanes;
    // Below the last row is still the tracks' empty space: a click there seeks.
    return p.y() >= tracksTop() ? Region::Tracks : Region::Nowhere;
}

} // namespace sb::gui
