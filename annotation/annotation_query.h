#pragma once
// What the timeline, the reports and the agreement engine ask of a session's annotations.

#include "annotation/ids.h"
#include "annotation/time.h"

#include <cstdint>
#include <optional>
#include <string>

namespace sb::annotation {

// Annotations of one session, narrowed by any of coder, code, subject and a time window.
// The window is half-open, [from, to): a state is in it when it overlaps it (start < to and
// end > from), a point event when from <= start < to.
struct AnnotationFilter {
    SessionId session{};
    std::optional<CoderId> coder = std::nullopt;
    std::optional<std::string> code = std::nullopt;
    std::optional<std::string> subject = std::nullopt;
    std::optional<Microseconds> from = std::nullopt;
    std::optional<Microseconds> to = std::nullopt;
};

// Counts and total state time per code (points count, with no duration).
struct CodeSummary {
    std::string code;
    std::int64_t count = 0;
    Microseconds totalDuration{0};

    friend bool operator==(const CodeSummary&, const CodeSummary&) = default;
};

} // namespace sb::annotation
