#pragma once
// Krippendorff's alpha, by the coincidence-matrix formulation of Krippendorff (2011),
// "Computing Krippendorff's alpha-reliability" (Annenberg School, U. Pennsylvania):
//
//   o_ck = Σ_u Σ_{i≠j} [v_ui = c][v_uj = k] / (m_u − 1)   over units with m_u ≥ 2 values
//   n_c = Σ_k o_ck,  n = Σ_c n_c                           (pairable values)
//   alpha = 1 − (n − 1) Σ_ck o_ck δ²_ck / Σ_ck n_c n_k δ²_ck
//
// with the difference functions
//   nominal  δ² = [c ≠ k]
//   ordinal  δ² = (Σ_{g=c..k} n_g − (n_c + n_k)/2)²   (c, k ranks in the scale order)
//   interval δ² = (c − k)²
//   ratio    δ² = ((c − k) / (c + k))²                 (values ≥ 0; 0 for c = k = 0)
//
// Units with fewer than two values contribute nothing (that is how alpha takes missing data).
// alpha is undefined (none) when the pairable values show no variation at all.

#include "annotation/agreement/coded_ratings.h"
#include "annotation/agreement/ratings_table.h"

#include <cstddef>
#include <cstdint>
#include <optional>

namespace sb::agreement {

enum class MeasurementLevel { Nominal, Ordinal, Interval, Ratio };

struct AlphaEstimate {
    std::optional<double> value;
    double observedDisagreement = 0; // D_o = Σ o_ck δ²_ck / n
    double expectedDisagreement = 0; // D_e = Σ n_c n_k δ²_ck / (n (n − 1))
    double pairableValues = 0;       // n
    std::size_t pairableUnits = 0;
};

// Throws AgreementError for fewer than 2 coders, no unit with two values, text values at the
// interval or ratio level, unordered text at the ordinal level, negative values at the ratio level.
[[nodiscard]] AlphaEstimate krippendorffAlpha(const RatingsTable& ratings, MeasurementLevel level);
[[nodiscard]] AlphaEstimate krippendorffAlpha(const CodedRatings& ratings, MeasurementLevel level);

struct BootstrapOptions {
    int replicates = 1000;
    std::uint64_t seed = 20110401; // fixed by default: the same data give the same interval
    double confidence = 0.95;
};

struct AlphaInterval {
    std::optional<double> lower;
    std::optional<double> upper;
    int replicates = 0;          // replicates with a defined alpha
    int undefinedReplicates = 0; // resamples without variation
};

// Percentile bootstrap over units: draw the pairable units with replacement (std::mt19937_64
// seeded with options.seed), recompute alpha, take the (1 ± confidence)/2 quantiles (linear
// interpolation between order statistics). This resamples units, as Efron's bootstrap does for
// clustered data; it is not the KALPHA macro's algorithm (Hayes & Krippendorff 2007), which
// resamples pairs of values, so its intervals differ somewhat from KALPHA's.
[[nodiscard]] AlphaInterval krippendorffAlphaBootstrap(const RatingsTable& ratings, MeasurementLevel level,
                                                       const BootstrapOptions& options = {});

} // namespace sb::agreement
