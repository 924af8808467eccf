#pragma once
// The disagreements a supervisor talks a trainee through, as time ranges: the agreement
// engine's result (annotation/agreement/session_agreement.h) for a reference coder (the gold
// standard) and a trainee, flattened over its streams. Time units give the engine's runs of
// disagreeing units; event alignment gives each pairing whose codes differ and each event the
// other coder has no counterpart for. Nothing is recomputed here: it only reads the result.

#include "annotation/agreement/session_agreement.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sb::gui {

struct ReviewDisagreement {
    enum class Side {
        Different,     // both coded something else
        ReferenceOnly, // the reference coded it, the trainee nothing
        TraineeOnly,   // the trainee coded it, the reference nothing
    };
    std::int64_t start = 0; // session clock, [start, end)
    std::int64_t end = 0;
    std::string stream;    // "voice (child)"
    std::string reference; // the reference's code, empty for none
    std::string trainee;   // the trainee's code, empty for none
    Side side = Side::Different;
};

// `result` compares exactly two coders, the reference first. Sorted by start, then stream.
[[nodiscard]] std::vector<ReviewDisagreement>
reviewDisagreements(const annotation::TimelineAgreement& result);

} // namespace sb::gui
