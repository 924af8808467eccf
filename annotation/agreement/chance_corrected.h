#pragma once
// The shape every chance-corrected coefficient shares: (p_o − p_e) / (1 − p_e).

#include <cstddef>
#include <optional>

namespace sb::agreement {

struct ChanceCorrected {
    // None when 1 − p_e = 0 (both coders used one and the same category throughout): the
    // coefficient is 0/0 there, and we say so instead of inventing 1 or 0.
    std::optional<double> value;
    double observed = 0;   // p_o
    double expected = 0;   // p_e
    std::size_t units = 0; // units that entered the computation
};

// (p_o − p_e) / (1 − p_e), or none when p_e is 1.
[[nodiscard]] std::optional<double> chanceCorrect(double observed, double expected);

} // namespace sb::agreement
