#pragma once
// Several coders on one session: every pair's time-unit kappa on one shared unit grid (so every
// pair counts the same units), their mean, and Krippendorff's nominal alpha over the units ×
// coders table of unit codes (nil included), which takes all coders at once.

#include "annotation/agreement/krippendorff_alpha.h"
#include "annotation/agreement/time_unit_kappa.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace sb::agreement {

struct PairwiseTimeUnitKappa {
    std::size_t coder1 = 0; // indices into MultiCoderAgreement::coders
    std::size_t coder2 = 0;
    TimeUnitKappa agreement;
};

struct MultiCoderAgreement {
    std::vector<std::string> coders;
    std::int64_t units = 0;
    std::vector<PairwiseTimeUnitKappa> pairs; // (0,1), (0,2), …, (1,2), …
    // Arithmetic mean of the defined pairwise kappas (Light 1971; Conger 1980 calls it the
    // average pairwise kappa). None when no pair has one.
    std::optional<double> meanPairwiseKappa;
    std::optional<double> meanPairwiseToleranceKappa;
    AlphaEstimate alpha; // nominal, over the unit codes
};

// At least two coders. The grid is the session length when given, else the latest end of any
// coder; a pair's figures can therefore differ slightly from timeUnitKappa() on that pair alone,
// whose grid ends at the latest end of the two (pass the session length to make them equal).
[[nodiscard]] MultiCoderAgreement multiCoderAgreement(const std::vector<CoderTimeline>& coders,
                                                      const TimeUnitKappaOptions& options = {});

// The unit codes as reliability data (units × coders; categories are the codes and nil).
[[nodiscard]] CodedRatings unitCodesAsRatings(const UnitCoding& coding);

} // namespace sb::agreement
