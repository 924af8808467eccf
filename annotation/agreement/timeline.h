#pragma once
// What a coder said about one session, as the agreement methods need it: codes on the session
// clock in integer microseconds. Built from stored annotations (annotation::Annotation has the
// same code / start / optional end), from imports, or by hand in tests; nothing here knows the
// store.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sb::agreement {

using Microseconds = std::chrono::microseconds;

struct TimelineEvent {
    std::string code;
    Microseconds start{0};
    std::optional<Microseconds> end; // none for a point event; a state has end > start

    [[nodiscard]] bool isPoint() const { return !end.has_value(); }
    [[nodiscard]] Microseconds stop() const { return end.value_or(start); }
};

struct CoderTimeline {
    std::string coder;
    std::vector<TimelineEvent> events; // any order
};

// The category of a time unit (or an unpaired event) no code covers. Reserved: a coder's code
// may not be called "nil".
inline constexpr std::string_view kNil = "nil";

// Throws AgreementError naming the coder and the event: empty code, the code "nil", a negative
// start, a state whose end is not after its start.
void validateTimeline(const CoderTimeline& timeline);

} // namespace sb::agreement
