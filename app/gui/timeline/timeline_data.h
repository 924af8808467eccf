#pragma once
// What the timeline shows, as plain data the window fills from the project and the media:
// the timeline widget never reads the project file or decodes media itself.

#include <QColor>
#include <QString>
#include <QVector>

#include <cstdint>
#include <functional>
#include <optional>

namespace sb::gui {

// One annotation on the timeline. Times are microseconds on the session clock.
struct TimelineItem {
    std::int64_t id = 0;  // the annotation's id in the project
    QString code;         // code id
    QString subject;      // subject id, may be empty
    QString coder;        // coder name
    bool editable = true; // the viewer's own work; other coders' lanes are read-only
    std::int64_t start = 0;
    std::optional<std::int64_t> end; // none: a point event
    QColor colour;
    QString label; // what to print on it (the code's label in the interface language)
};

// A row of the timeline. The window decides the grouping (one track per code, or per
// subject, plus a lane per other visible coder) and hands over the rows in display order.
struct TimelineTrack {
    QString key;   // stable identity (e.g. "code:cry" or "coder:Ana/code:cry")
    QString title; // shown at the track's head, on the reading side
    QColor colour;
    bool editable = true;
    QVector<TimelineItem> items; // sorted by start
};

// A scheme segment instance (e.g. an SSP episode) drawn as a band above the tracks.
struct TimelineSegment {
    QString title;
    std::int64_t start = 0;
    std::int64_t end = 0;
    QColor colour;
};

// Min/max of the audio per bucket, for the waveform track.
struct TimelineWaveform {
    std::int64_t bucket = 0; // microseconds per entry
    QVector<float> minimum;
    QVector<float> maximum;
};

struct TimelineContent {
    std::int64_t duration = 0;      // session length
    std::int64_t frameDuration = 0; // a typical frame's length: the finest zoom shows single frames
                                    // of about this size, and the frame grid uses it; 0 = 40 ms
    QVector<TimelineTrack> tracks;
    QVector<TimelineSegment> segments;
    TimelineWaveform waveform;
};

// Snaps a time to the start of the frame on screen at it (the media engine's index).
using FrameSnap = std::function<std::int64_t(std::int64_t)>;

} // namespace sb::gui
