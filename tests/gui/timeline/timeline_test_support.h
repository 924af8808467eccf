#pragma once
// Mouse and wheel events for the timeline tests, sent straight to the view's viewport so the
// button state during a drag is exactly what a real drag carries.

#include <QApplication>
#include <QMouseEvent>
#include <QWheelEvent>
#include <QWidget>

namespace sb::gui::testing {

inline void sendMouse(QWidget* target, QEvent::Type type, QPoint pos, Qt::MouseButton button,
                      Qt::MouseButtons buttons, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QMouseEvent event(type, QPointF(pos), target->mapToGlobal(QPointF(pos)), button, buttons, modifiers);
    QApplication::sendEvent(target, &event);
}

inline void press(QWidget* target, QPoint pos) {
    sendMouse(target, QEvent::MouseButtonPress, pos, Qt::LeftButton, Qt::LeftButton);
}

inline void release(QWidget* target, QPoint pos) {
    sendMouse(target, QEvent::MouseButtonRelease, pos, Qt::LeftButton, Qt::NoButton);
}

inline void click(QWidget* target, QPoint pos) {
    press(target, pos);
    release(target, pos);
}

// Press, move in a few steps (as a hand does), release.
inline void drag(QWidget* target, QPoint from, QPoint to) {
    press(target, from);
    for (int step = 1; step <= 4; ++step) {
        const QPoint at = from + (to - from) * step / 4;
        sendMouse(target, QEvent::MouseMove, at, Qt::NoButton, Qt::LeftButton);
    }
    release(target, to);
}

inline void wheel(QWidget* target, QPoint pos, QPoint angleDelta,
                  Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QWheelEvent event(QPointF(pos), target->mapToGlobal(QPointF(pos)), QPoint(), angleDelta, Qt::NoButton,
                      modifiers, Qt::NoScrollPhase, false);
    QApplication::sendEvent(target, &event);
}

} // namespace sb::gui::testing
