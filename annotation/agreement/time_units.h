#pragma once
// Cutting a session into equal time units and giving each unit one code per coder — the input of
// time-unit kappa (Bakeman & Quera 2011; Bakeman, Quera & Gnisci 2009). The rules (docs/agreement.md):
//
//  - The session is [0, T): T is the given session length, or else the latest end (or point
//    time) of any coder. n = ceil(T / u) units, plus one when a point event lies exactly at T
//    and T is a multiple of u. Unit k is the half-open interval [k·u, (k+1)·u).
//  - Midpoint rule: a state [s, e) occupies unit k iff s ≤ (k + ½)·u < e. On boundaries that
//    fall on the unit grid this equals the "covers most of the unit" rule; it never gives one
//    event two codes for one unit and is computed exactly on integers (2s ≤ (2k+1)·u < 2e).
//  - A point event occupies one unit, floor(t / u) (SDIS/GSEQ give a point one unit).
//  - Several events of one coder in one unit: the latest start wins; on a tie a point event
//    wins over a state; then the smallest code (byte order).
//  - A unit no code covers gets the explicit category nil, an ordinary category: agreeing that
//    nothing happened is agreement.

#include "annotation/agreement/timeline.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sb::agreement {

struct UnitOptions {
    Microseconds unit{1'000'000};
    // The session's length; when none, the latest end or point of any coder. Events past a given
    // length throw AgreementError.
    std::optional<Microseconds> sessionLength;
};

struct UnitCoding {
    Microseconds unit{1'000'000};
    std::int64_t unitCount = 0;
    std::vector<std::string> categories; // every code any coder used, byte order, then "nil" last
    std::vector<std::string> coders;
    std::vector<std::vector<int>> codes; // per coder, unitCount category indices

    [[nodiscard]] int nil() const { return static_cast<int>(categories.size()) - 1; }
    [[nodiscard]] Microseconds unitStart(std::int64_t k) const { return unit * k; }
};

// All coders on one grid (the same n for everyone).
[[nodiscard]] UnitCoding codeUnits(const std::vector<CoderTimeline>& coders, const UnitOptions& options);

} // namespace sb::agreement
