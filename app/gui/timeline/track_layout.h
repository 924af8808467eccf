#pragma once
// Where each part of the timeline sits in the viewport: the fixed bands on top (ruler, segment
// band, waveform), the track rows below them (scrolled vertically), and the column of titles on
// the reading side (left in left-to-right layouts, right in right-to-left ones). Only the title
// column moves with the layout direction; the time strip beside it never mirrors.

#include <QRect>
#include <QSize>

namespace sb::gui {

struct TrackMetrics {
    int titleWidth = 150;
    int ruler = 26;
    int segments = 20; // 0: no segment band
    int waveform = 40; // 0: no waveform track
    int row = 24;
    int lanes = 0; // the window's lanes (filmstrip, measures) below the waveform, all together
};

class TrackLayout {
public:
    enum class Region { Ruler, Segments, Waveform, Tracks, Titles, Nowhere, Lanes };

    void update(QSize viewport, bool rightToLeft, const TrackMetrics& metrics, int trackCount);

    // The time strip: where the time axis maps times to x.
    int axisLeft() const { return axisLeft_; }
    int axisWidth() const { return axisWidth_; }
    bool titlesOnRight() const { return rightToLeft_; }

    QRect ruler() const { return band(0, metrics_.ruler); }
    QRect segments() const { return band(metrics_.ruler, metrics_.segments); }
    QRect waveform() const { return band(metrics_.ruler + metrics_.segments, metrics_.waveform); }
    // The lanes' band under the waveform (the window's lanes stack in it, fixed like the bands).
    QRect lanes() const { return band(metrics_.ruler + metrics_.segments + metrics_.waveform, metrics_.lanes); }
    // The title cell level with a band or row (same y and height).
    QRect titleCell(const QRect& bandOrRow) const;
    QRect titleColumn() const;

    int tracksTop() const { return metrics_.ruler + metrics_.segments + metrics_.waveform + metrics_.lanes; }
    // The time strip below the fixed bands, where rows scroll.
    QRect trackArea() const;
    // A track's row in the time strip; `scroll` is the vertical scroll offset.
    QRect row(int track, int scroll) const;
    // The track whose row holds y, or -1.
    int trackAt(int y, int scroll) const;
    int tracksHeight() const { return trackCount_ * metrics_.row; }
    int maximumScroll() const;

    Region regionAt(QPoint p) const;
    const TrackMetrics& metrics() const { return metrics_; }

private:
    QRect band(int top, int height) const { return {axisLeft_, top, axisWidth_, height}; }

    QSize viewport_;
    bool rightToLeft_ = false;
    TrackMetrics metrics_;
    int trackCount_ = 0;
    int axisLeft_ = 0;
    int axisWidth_ = 1;
};

} // namespace sb::gui
