#include "app/gui/video_view.h"

#include "app/gui/number_format.h"

#include <QPainter>
#include <QResizeEvent>

namespace sb::gui {

QString formatTime(std::int64_t us) {
    return displayTime(us); // the interface's digits (number_format.h)
}

VideoView::VideoView(QWidget* parent)
    : QWidget(parent) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(160, 90);
    setAccessibleName(tr("Video"));
    // Pictures are not text: a right-to-left interface must not mirror them.
    setLayoutDirection(Qt::LeftToRight);
}

void VideoView::setAspect(QSize frameSize) {
    if (frameSize.isEmpty())
        return;
    aspect_ = frameSize;
    emit displaySizeChanged(pictureRect().size() * devicePixelRatioF());
    update();
}

void VideoView::setFrame(const QImage& image, std::int64_t frame) {
    image_ = image;
    frame_ = frame;
    problem_.clear();
    update();
}

void VideoView::setTime(std::int64_t sessionTime) {
    time_ = sessionTime;
    if (overlay_)
        update();
}

void VideoView::setProblem(const QString& problem) {
    problem_ = problem;
    update();
}

void VideoView::setOverlayVisible(bool visible) {
    overlay_ = visible;
    update();
}

QRect VideoView::pictureRect() const {
    QSize fitted = aspect_.scaled(size(), Qt::KeepAspectRatio);
    return QRect(QPoint((width() - fitted.width()) / 2, (height() - fitted.height()) / 2), fitted);
}

void VideoView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Video"));
        update(); // the overlay's words and digits
    }
    QWidget::changeEvent(event);
}

void VideoView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    emit displaySizeChanged(pictureRect().size() * devicePixelRatioF());
}

void VideoView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), Qt::black);
    const QRect picture = pictureRect();
    if (!image_.isNull())
        painter.drawImage(picture, image_);
    if (!problem_.isEmpty()) {
        painter.setPen(QColor(255, 200, 120));
        painter.drawText(rect().adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap, problem_);
        return;
    }
    if (overlay_ && frame_ >= 0) {
        const QString text = tr("frame %1  ·  %2").arg(displayNumber(frame_), formatTime(time_));
        QFont font = painter.font();
        font.setFamily(QStringLiteral("monospace"));
        font.setPointSizeF(font.pointSizeF() * 1.1);
        painter.setFont(font);
        const QRect box = painter.fontMetrics().boundingRect(text).adjusted(-6, -3, 6, 3);
        const QRect placed(picture.left() + 8, picture.bottom() - box.height() - 8, box.width(),
                           box.height());
        painter.fillRect(placed, QColor(0, 0, 0, 160));
        painter.setPen(Qt::white);
        painter.drawText(placed, Qt::AlignCenter, text);
    }
}

} // namespace sb::gui
