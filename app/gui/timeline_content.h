#pragma once
// Turns the session's annotations into what the timeline draws: one track per code (or per
// subject) for the person coding, one read-only lane per other coder they may see, the
// segment band and the waveform.

#include "app/gui/session_document.h"
#include "app/gui/timeline/timeline_data.h"

namespace sb::gui {

enum class TrackGrouping { ByCode, BySubject };

TimelineContent buildTimelineContent(SessionDocument& document, TrackGrouping grouping, std::int64_t duration,
                                     const TimelineWaveform& waveform, std::int64_t frameDuration);

} // namespace sb::gui
