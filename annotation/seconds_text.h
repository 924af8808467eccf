#pragma once
// Session times as decimal seconds in text ("12.345678"), converted exactly to and from
// integer microseconds: digit by digit, never through a double, so an export/import round
// trip cannot drift by a microsecond.

#include "annotation/time.h"

#include <optional>
#include <string>
#include <string_view>

namespace sb::annotation {

// Accepts an optional '-', one or more digits, and optionally '.' followed by 1 to 6 digits.
// Nothing else: no '+', exponent, spaces or thousands separators. On failure returns none and
// sets *why (when given) to a reason such as "more than 6 decimal places".
[[nodiscard]] std::optional<Microseconds> parseSeconds(std::string_view text, std::string* why = nullptr);

// The shortest exact text: "12", "12.5", "0.000001", "-3.25".
[[nodiscard]] std::string formatSeconds(Microseconds time);

} // namespace sb::annotation
