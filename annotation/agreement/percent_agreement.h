#pragma once
// Raw agreement, for any number of coders: the share of agreeing coder pairs within a unit,
// averaged over the units at least two coders judged — Fleiss' (1971) P̄. With two coders and
// no missing values this is simply the share of units on which they agree.

#include "annotation/agreement/ratings_table.h"

#include <cstddef>

namespace sb::agreement {

struct PercentAgreement {
    double value = 0;      // 0…1
    std::size_t units = 0; // units with at least two judgements
};

[[nodiscard]] PercentAgreement percentAgreement(const RatingsTable& ratings);

} // namespace sb::agreement
