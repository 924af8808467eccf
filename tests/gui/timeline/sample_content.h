#pragma once
// Timeline content for the timeline tests, the snapshots and timeline_bench.

#include "app/gui/timeline/timeline_data.h"

#include <cstdint>

namespace sb::gui::testing {

// 40 ms frames (25 fps): the FrameSnap the tests drag with.
std::int64_t snapTo40ms(std::int64_t time);

// A readable Strange-Situation-like session for snapshots: a few minutes, episodes, codes as
// states and points, a subject track and one other coder's read-only lane.
TimelineContent makeSnapshotContent();

// `annotations` items over `duration` across `tracks` tracks (a quarter of the tracks hold
// points, one holds long overlapping states), with episodes and a 10 ms waveform. Fixed seed:
// the same content every run.
TimelineContent makeLoadContent(int annotations, int tracks, std::int64_t duration);

} // namespace sb::gui::testing
