#include "app/gui/vision/filmstrip_lane.h"

#include "app/gui/vision/thumbnail_source.h"

#include <QPainter>

#include <cmath>
#include <vector>

namespace sb::gui {
namespace {

constexpr int kGap = 2;    // between thumbnails
constexpr int kMargin = 3; // above and below

} // namespace

FilmstripLane::FilmstripLane(QObject* parent)
    : TimelineLane(parent) {}

void FilmstripLane::setSource(ThumbnailSource* source, std::int64_t offset) {
    if (source_)
        disconnect(source_, nullptr, this, nullptr);
    source_ = source;
    offset_ = offset;
    if (source_)
        connect(source_, &ThumbnailSource::thumbnailReady, this, [this] { emit changed(); });
    emit layoutChanged();
}

int FilmstripLane::height(int fontHeight) const {
    const int picture = source_ ? source_->thumbnailSize().height() : 3 * fontHeight;
    return picture + 2 * kMargin;
}

QString FilmstripLane::title() const {
    return tr("Video");
}

void FilmstripLane::paint(QPainter& painter, const TimeAxis& axis, const QRect& lane, const QRect& exposed) {
    painter.fillRect(lane.intersected(exposed), QColor(28, 28, 30));
    placeholders_ = 0;
    thumbnails_ = 0;
    if (!source_ || source_->index().frameCount() == 0)
        return;
    const codecs::FrameIndex& index = source_->index();
    const QSize thumb = source_->thumbnailSize();
    const double slotWidth = thumb.width() + kGap;
    const double slotTime = slotWidth * axis.scale(); // µs per slot
    const double videoEnd = static_cast<double>(index.videoEnd().count());

    // Slots are aligned on multiples of the slot's duration, so a pan keeps their pictures.
    const auto first = static_cast<std::int64_t>(std::floor(axis.xToTime(lane.left()) / slotTime));
    const auto last = static_cast<std::int64_t>(std::floor(axis.xToTime(lane.right() + 1) / slotTime));
    std::vector<std::int64_t> wanted;
    for (std::int64_t k = first; k <= last; ++k) {
        const double slotStart = k * slotTime - static_cast<double>(offset_); // on the file's clock
        const double slotEnd = slotStart + slotTime;
        if (slotEnd <= 0 || slotStart >= videoEnd)
            continue; // no picture of this file there
        const auto frameOf = [&index](double t) {
            return index.frameAt(std::chrono::microseconds(static_cast<std::int64_t>(std::max(0.0, t))))
                .value_or(index.frameCount() - 1);
        };
        const std::int64_t from = frameOf(slotStart);
        const std::int64_t to =
            slotEnd >= videoEnd ? index.frameCount() : std::max(from + 1, frameOf(slotEnd) + 1);
        const std::int64_t frame = source_->representative(from, to);
        const int x = static_cast<int>(std::lround(axis.xAt(static_cast<std::int64_t>(k * slotTime))));
        const QRect box(x + kGap / 2, lane.top() + kMargin, thumb.width(), thumb.height());
        QImage image = source_->cached(frame);
        if (image.isNull()) {
            wanted.push_back(frame);
            image = source_->nearestCached(frame, from, to - 1);
        }
        if (!box.intersects(exposed))
            continue;
        if (image.isNull()) {
            ++placeholders_;
            painter.fillRect(box, QColor(58, 58, 62));
            painter.setPen(QColor(90, 90, 96));
            painter.drawRect(box.adjusted(0, 0, -1, -1));
        } else {
            ++thumbnails_;
            painter.drawImage(box, image);
        }
    }
    source_->want(std::move(wanted));
}

QString FilmstripLane::toolTip(QPoint pos, const TimeAxis& axis, const QRect&) const {
    if (!source_)
        return tr("No video in this session");
    const auto t = axis.timeAt(pos.x()) - offset_;
    const auto frame = source_->index().frameAt(std::chrono::microseconds(t));
    return frame ? tr("Frame %1").arg(*frame) : QString();
}

} // namespace sb::gui
