#pragma once
// Per-segment rating-scale scores and session-level judgements.
//
// Segment instances (where episode 3 of this recording starts and ends) belong to the
// session, not to a coder: they come from the procedure, and every coder's scores must refer
// to the same stretches for their agreement to mean anything. The author is still recorded.

#include "annotation/ids.h"
#include "annotation/time.h"

#include <optional>
#include <string>

namespace sb::annotation {

struct SegmentInstance {
    SegmentInstanceId id;
    SessionId session;
    std::string segment; // scheme segment id
    Microseconds start{0};
    std::optional<Microseconds> end; // none while it runs to the next boundary / end of session
    CoderId author;
    SchemeVersionId schemeVersion;
    Microseconds modifiedAt{0};

    friend bool operator==(const SegmentInstance&, const SegmentInstance&) = default;
};

// One coder's score of one scale, in one segment instance, toward one subject.
struct ScaleScore {
    SegmentInstanceId segmentInstance;
    std::string scale;
    std::string targetSubject; // "" when the scale has no target
    CoderId coder;
    int value = 0;
    SchemeVersionId schemeVersion;
    Microseconds modifiedAt{0};

    friend bool operator==(const ScaleScore&, const ScaleScore&) = default;
};

// One coder's answer to a session-level judgement (the A/B/C/D classification, a rating, a
// note). The value is an option id, an integer as text, free text, or for a judgement that
// allows several options their ids joined by ';' (ids never contain ';').
struct SessionJudgement {
    SessionId session;
    CoderId coder;
    std::string judgement;
    std::string value;
    SchemeVersionId schemeVersion;
    Microseconds modifiedAt{0};

    friend bool operator==(const SessionJudgement&, const SessionJudgement&) = default;
};

} // namespace sb::annotation
