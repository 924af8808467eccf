#pragma once
// Paints the fixed bands above the tracks: the time ruler (with a frame grid at the finest
// zooms), the segment band (e.g. the Strange Situation episodes) and the audio waveform.
// Each paints only the exposed stretch, and reuses its scratch buffers between paints.

#include "app/gui/timeline/time_axis.h"
#include "app/gui/timeline/timeline_data.h"
#include "app/gui/timeline/waveform_peaks.h"

#include <QColor>
#include <QLine>
#include <QRect>

#include <vector>

class QPainter;

namespace sb::gui {

struct BandStyle {
    QColor background;
    QColor text;
    QColor tick;
    QColor waveform;
};

class BandPainter {
public:
    // `exposed` limits the work to the part of the band being repainted.
    void paintRuler(QPainter& painter, const TimeAxis& axis, const QRect& band, const QRect& exposed,
                    const FrameSnap& snap, std::int64_t frameDuration, const BandStyle& style);
    void paintSegments(QPainter& painter, const TimeAxis& axis, const QRect& band, const QRect& exposed,
                       const QVector<TimelineSegment>& segments, const BandStyle& style);
    void paintWaveform(QPainter& painter, const TimeAxis& axis, const QRect& band, const QRect& exposed,
                       const WaveformPeaks& peaks, const BandStyle& style);
    // Faint lines at the ruler's labelled ticks across `area`, so times can be read off rows.
    void paintGrid(QPainter& painter, const TimeAxis& axis, const QRect& area, const QRect& exposed,
                   const QColor& colour);

    // Pixels between labelled ruler ticks, at least.
    static constexpr double kLabelSpacing = 90.0;

private:
    void paintFrameTicks(QPainter& painter, const TimeAxis& axis, const QRect& band, std::int64_t from,
                         std::int64_t to, const FrameSnap& snap, std::int64_t frameDuration);

    std::vector<QLine> lines_;
};

} // namespace sb::gui
