#include "app/gui/timeline/band_painter.h"

#include "app/gui/timeline/colour_mix.h"
#include "app/gui/timeline/ruler_scale.h"

#include <QFontMetrics>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace sb::gui {

namespace {
constexpr std::int64_t kHour = 3'600'000'000;
// Frames get their own ticks on the ruler once a frame is at least this wide.
constexpr double kFrameTickSpacing = 6.0;

std::int64_t floorTo(std::int64_t t, std::int64_t step) {
    const std::int64_t q = t / step;
    return (t % step != 0 && t < 0 ? q - 1 : q) * step;
}

} // namespace

void BandPainter::paintRuler(QPainter& painter, const TimeAxis& axis, const QRect& band, const QRect& exposed,
                             const FrameSnap& snap, std::int64_t frameDuration, const BandStyle& style) {
    painter.fillRect(band.intersected(exposed), style.background);
    const RulerScale scale = chooseRulerScale(axis.scale(), kLabelSpacing);
    // A label starts at its tick and runs right, so ticks left of the exposed strip still count.
    const std::int64_t from = axis.timeAt(exposed.left() - kLabelSpacing);
    const std::int64_t to = axis.timeAt(exposed.right() + 1.0);
    const bool frameTicks = frameDuration / axis.scale() >= kFrameTickSpacing;
    const bool showHours = axis.duration() >= kHour;
    const QFontMetrics metrics(painter.font());
    const int bottom = band.bottom();
    const int baseline = band.top() + metrics.ascent() + 2;

    lines_.clear();
    const std::int64_t step = frameTicks ? scale.major : scale.minor;
    for (std::int64_t t = floorTo(from, step); t <= to; t += step) {
        const int x = static_cast<int>(std::lround(axis.xAt(t)));
        const bool major = t % scale.major == 0;
        const int height = major ? band.height() / 2 : 4;
        lines_.emplace_back(x, bottom - height + 1, x, bottom);
    }
    painter.setPen(style.tick);
    painter.drawLines(lines_.data(), static_cast<int>(lines_.size()));
    painter.drawLine(band.left(), bottom, band.right(), bottom);
    if (frameTicks)
        paintFrameTicks(painter, axis, band, std::max<std::int64_t>(0, from), to, snap, frameDuration);

    painter.setPen(style.text);
    for (std::int64_t t = floorTo(from, scale.major); t <= to; t += scale.major) {
        const int x = static_cast<int>(std::lround(axis.xAt(t)));
        if (t < 0 || x + 3 < band.left())
            continue; // a label cut by the strip's left edge reads as a different time
        painter.drawText(QPoint(x + 3, baseline), formatRulerTime(t, scale.major, showHours));
    }
}

void BandPainter::paintFrameTicks(QPainter& painter, const TimeAxis& axis, const QRect& band,
                                  std::int64_t from, std::int64_t to, const FrameSnap& snap,
                                  std::int64_t frameDuration) {
    // Walk the real frame starts (variable frame rates included) through the snap function:
    // half a frame past the next nominal start lands inside the next frame.
    lines_.clear();
    const int bottom = band.bottom();
    std::int64_t t = snap ? snap(from) : floorTo(from, frameDuration);
    while (t <= to) {
        const int x = static_cast<int>(std::lround(axis.xAt(t)));
        lines_.emplace_back(x, bottom - 6, x, bottom);
        std::int64_t next = snap ? snap(t + frameDuration + frameDuration / 2) : t + frameDuration;
        if (next <= t)
            next = t + frameDuration;
        t = next;
    }
    painter.drawLines(lines_.data(), static_cast<int>(lines_.size()));
}

void BandPainter::paintGrid(QPainter& painter, const TimeAxis& axis, const QRect& area, const QRect& exposed,
                            const QColor& colour) {
    const RulerScale scale = chooseRulerScale(axis.scale(), kLabelSpacing);
    const QRect target = area.intersected(exposed);
    if (target.isEmpty())
        return;
    lines_.clear();
    const std::int64_t to = axis.timeAt(target.right() + 1.0);
    for (std::int64_t t = floorTo(axis.timeAt(target.left()), scale.major); t <= to; t += scale.major) {
        const int x = static_cast<int>(std::lround(axis.xAt(t)));
        lines_.emplace_back(x, target.top(), x, target.bottom());
    }
    painter.setPen(colour);
    painter.drawLines(lines_.data(), static_cast<int>(lines_.size()));
}

void BandPainter::paintSegments(QPainter& painter, const TimeAxis& axis, const QRect& band,
                                const QRect& exposed, const QVector<TimelineSegment>& segments,
                                const BandStyle& style) {
    const QRect target = band.intersected(exposed);
    painter.fillRect(target, style.background);
    const std::int64_t from = axis.timeAt(target.left());
    const std::int64_t to = axis.timeAt(target.right() + 1.0);
    const QFontMetrics metrics(painter.font());
    // A handful of episodes per session: a plain loop is the fastest structure there is.
    for (const TimelineSegment& segment : segments) {
        if (segment.end < from || segment.start > to)
            continue;
        const int x0 = static_cast<int>(std::lround(std::max(axis.xAt(segment.start), band.left() - 2.0)));
        const int x1 = static_cast<int>(std::lround(std::min(axis.xAt(segment.end), band.right() + 2.0)));
        const QColor colour = segment.colour.isValid() ? segment.colour : style.tick;
        const QColor fill = mixColours(colour, style.background, 45);
        const QRect rect(x0, band.top() + 1, std::max(1, x1 - x0), band.height() - 2);
        painter.fillRect(rect, fill);
        painter.setPen(colour.darker(130));
        painter.drawLine(rect.topLeft(), rect.bottomLeft());
        // As with item labels: keep the title in view while the segment's start is scrolled away.
        const int left = std::max(x0, band.left()) + 4;
        const int available = x1 - left - 4;
        if (available > 12 && !segment.title.isEmpty()) {
            painter.setPen(style.text);
            const QString text = metrics.elidedText(segment.title, Qt::ElideRight, available);
            painter.drawText(QPoint(left, rect.center().y() + (metrics.ascent() - metrics.descent()) / 2 + 1),
                             text);
        }
    }
}

void BandPainter::paintWaveform(QPainter& painter, const TimeAxis& axis, const QRect& band,
                                const QRect& exposed, const WaveformPeaks& peaks, const BandStyle& style) {
    const QRect target = band.intersected(exposed);
    painter.fillRect(target, style.background);
    if (peaks.empty() || target.isEmpty())
        return;
    const int mid = band.center().y();
    const double half = band.height() / 2.0 - 2.0;
    lines_.clear();
    for (int x = target.left(); x <= target.right(); ++x) {
        const double t0 = axis.xToTime(x);
        float low = 0;
        float high = 0;
        if (!peaks.range(t0, t0 + axis.scale(), low, high))
            continue;
        const int top = mid - static_cast<int>(std::lround(std::clamp(high, -1.0f, 1.0f) * half));
        const int bottom = mid - static_cast<int>(std::lround(std::clamp(low, -1.0f, 1.0f) * half));
        lines_.emplace_back(x, top, x, std::max(top, bottom));
    }
    painter.setPen(style.waveform);
    painter.drawLines(lines_.data(), static_cast<int>(lines_.size()));
}

} // namespace sb::gui
