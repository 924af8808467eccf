#pragma once
// Which item of a track is under the mouse, and which part of it: the body (to move it) or an
// edge (to trim it). Matches what the painter shows on top: points over states, and of
// overlapping states the later one.

#include "app/gui/timeline/interval_index.h"
#include "app/gui/timeline/time_axis.h"
#include "app/gui/timeline/timeline_data.h"

namespace sb::gui {

struct ItemHit {
    enum class Part { Body, StartEdge, EndEdge };
    int index = -1; // in the track's items; -1: nothing there
    Part part = Part::Body;
    explicit operator bool() const { return index >= 0; }
};

struct HitTolerance {
    double edge = 5.0;  // pixels either side of a state's edge that grab the edge
    double point = 6.0; // pixels either side of a point that grab it
};

ItemHit hitTestItem(const TimelineTrack& track, const IntervalIndex& index, const TimeAxis& axis, double x,
                    const HitTolerance& tolerance = {});

} // namespace sb::gui
