#include "app/gui/supervision/range_overlay.h"

#include "app/gui/timeline/timeline_view.h"

#include <QEvent>
#include <QPainter>

#include <algorithm>

namespace sb::gui {

RangeOverlay::RangeOverlay(TimelineView* timeline)
    : QWidget(timeline->viewport())
    , timeline_(timeline) {
    setObjectName(QStringLiteral("reviewRanges"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setLayoutDirection(Qt::LeftToRight); // time is not text
    setGeometry(timeline->viewport()->rect());
    timeline->viewport()->installEventFilter(this);
    connect(timeline, &TimelineView::visibleRangeChanged, this, [this] { update(); });
    hide();
}

void RangeOverlay::setRanges(QVector<MarkedRange> ranges) {
    ranges_ = std::move(ranges);
    setVisible(!ranges_.isEmpty());
    raise();
    update();
}

bool RangeOverlay::eventFilter(QObject* watched, QEvent* event) {
    if (watched == timeline_->viewport() && event->type() == QEvent::Resize)
        setGeometry(timeline_->viewport()->rect());
    return QWidget::eventFilter(watched, event);
}

void RangeOverlay::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    // Only over the time strip, not the column of track titles.
    const QRect strip = timeline_->trackRect(0);
    if (strip.width() > 0)
        painter.setClipRect(QRect(strip.left(), 0, strip.width(), height()));
    const int bar = 4;
    for (const MarkedRange& range : std::as_const(ranges_)) {
        const double x0 = timeline_->xForTime(range.start);
        const double x1 = std::max(x0 + 3.0, timeline_->xForTime(std::max(range.end, range.start)));
        if (x1 < 0 || x0 > width())
            continue;
        QColor band = range.colour;
        band.setAlpha(range.emphasised ? 70 : 38);
        painter.fillRect(QRectF(x0, bar, x1 - x0, height() - bar), band);
        painter.fillRect(QRectF(x0, 0, x1 - x0, bar), range.colour);
        if (range.emphasised) {
            painter.setPen(QPen(range.colour, 1.5));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(QRectF(x0, 0.75, x1 - x0, height() - 1.5));
        }
    }
}

} // namespace sb::gui
