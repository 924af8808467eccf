#pragma once
// A lane the window adds under the timeline's fixed bands: a filmstrip of thumbnails, a
// motion or sound measure. The timeline lays lanes out (a title cell on the reading side, a
// strip along the time axis), paints them only where exposed and hands them the mouse; what a
// lane shows and what it does with a drag is its own business, so the timeline stays free of
// media and analysis code.
//
// Lanes are not owned by the view (the window keeps them); they paint what they have and
// never wait for data: a lane whose data is still coming paints a placeholder and calls
// changed() when more has arrived.

#include "app/gui/timeline/time_axis.h"

#include <QColor>
#include <QObject>
#include <QRect>
#include <QString>

class QPainter;

namespace sb::gui {

class TimelineLane : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // The lane's height in pixels at the given font height.
    [[nodiscard]] virtual int height(int fontHeight) const = 0;
    [[nodiscard]] virtual QString title() const = 0;
    [[nodiscard]] virtual QColor colour() const { return {}; }
    // Paints `lane` (the strip along the time axis); `exposed` is the part to repaint.
    virtual void paint(QPainter& painter, const TimeAxis& axis, const QRect& lane, const QRect& exposed) = 0;

    // A press in the strip: true when the lane takes the gesture (then move/release follow),
    // false to let the timeline scrub there.
    virtual bool press(QPoint /*pos*/, const TimeAxis& /*axis*/, const QRect& /*lane*/) { return false; }
    virtual void move(QPoint /*pos*/, const TimeAxis& /*axis*/, const QRect& /*lane*/) {}
    virtual void release(QPoint /*pos*/, const TimeAxis& /*axis*/, const QRect& /*lane*/) {}
    // Whether the mouse over `pos` would start a gesture of the lane (for the cursor).
    [[nodiscard]] virtual bool grabs(QPoint /*pos*/, const QRect& /*lane*/) const { return false; }
    [[nodiscard]] virtual QString toolTip(QPoint /*pos*/, const TimeAxis& /*axis*/,
                                          const QRect& /*lane*/) const {
        return {};
    }

signals:
    // Repaint the lane (new data arrived, the threshold moved).
    void changed();
    // Its height or title changed: the timeline lays out again.
    void layoutChanged();
};

} // namespace sb::gui
