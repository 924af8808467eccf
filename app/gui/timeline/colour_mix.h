#pragma once
// Mixing two colours, for the quieter variants the timeline paints (read-only items, segment
// fills, tick marks) without translucent painting, which costs more per pixel.

#include <QColor>

namespace sb::gui {

inline QColor mixColours(const QColor& a, const QColor& b, int percentOfA) {
    const auto mix = [percentOfA](int x, int y) { return (x * percentOfA + y * (100 - percentOfA)) / 100; };
    return QColor(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()));
}

} // namespace sb::gui
