#pragma once
// Time ranges marked across the timeline (review threads, disagreements): translucent bands over
// the rows and a solid bar along the top, drawn by a transparent widget laid over the timeline's
// viewport, so the timeline library itself needs no review knowledge. Mouse events pass through.
// Like the time axis, the bands never mirror in right-to-left layouts.

#include <QColor>
#include <QVector>
#include <QWidget>

#include <cstdint>

namespace sb::gui {

class TimelineView;

struct MarkedRange {
    std::int64_t start = 0;
    std::int64_t end = 0;
    QColor colour;
    bool emphasised = false; // the one the review is at: a stronger band and an outline
};

class RangeOverlay : public QWidget {
    Q_OBJECT
public:
    explicit RangeOverlay(TimelineView* timeline);

    void setRanges(QVector<MarkedRange> ranges);
    [[nodiscard]] const QVector<MarkedRange>& ranges() const { return ranges_; }

protected:
    void paintEvent(QPaintEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    TimelineView* timeline_;
    QVector<MarkedRange> ranges_;
};

} // namespace sb::gui
