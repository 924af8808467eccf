#pragma once
// The filmstrip: a row of thumbnails along the timeline at every zoom level. Each slot of one
// thumbnail's width shows the frame that stands for its stretch of time (a keyframe when
// there is one, so zoomed-out strips cost one decode per slot); while a thumbnail is being
// made, the nearest one at hand or a placeholder is painted, so panning never waits.

#include "app/gui/timeline/timeline_lane.h"

#include <QPointer>

namespace sb::gui {

class ThumbnailSource;

class FilmstripLane : public TimelineLane {
    Q_OBJECT
public:
    explicit FilmstripLane(QObject* parent = nullptr);

    // The first camera's thumbnails and where its time zero sits on the session clock; null
    // shows an empty strip.
    void setSource(ThumbnailSource* source, std::int64_t offset);
    [[nodiscard]] ThumbnailSource* source() const { return source_; }

    [[nodiscard]] int height(int fontHeight) const override;
    [[nodiscard]] QString title() const override;
    void paint(QPainter& painter, const TimeAxis& axis, const QRect& lane, const QRect& exposed) override;
    [[nodiscard]] QString toolTip(QPoint pos, const TimeAxis& axis, const QRect& lane) const override;

    // Slots painted with a placeholder in the last paint (for tests).
    [[nodiscard]] int placeholdersPainted() const { return placeholders_; }
    [[nodiscard]] int thumbnailsPainted() const { return thumbnails_; }

private:
    QPointer<ThumbnailSource> source_;
    std::int64_t offset_ = 0;
    int placeholders_ = 0;
    int thumbnails_ = 0;
};

} // namespace sb::gui
