#pragma once
// Two-coder chance-corrected agreement on an agreement table: Cohen's kappa (Cohen 1960), weighted
// kappa (Cohen 1968) and Scott's pi (Scott 1955). The table overloads take coder 1 in rows;
// the RatingsTable overloads need exactly two coders and use the units both judged.
//
// Standard error: the large-sample (non-null) variance of Fleiss, Cohen & Everitt (1969),
// "Large sample standard errors of kappa and weighted kappa", Psychological Bulletin 72:323–327,
// the one SAS PROC FREQ prints as ASE and statsmodels' cohens_kappa computes; the 95 % interval
// is kappa ± 1.959964·SE (Wald). Under H0: kappa = 0 a different variance applies; it is not the
// one to build a confidence interval from.

#include "annotation/agreement/chance_corrected.h"
#include "annotation/agreement/confusion_matrix.h"
#include "annotation/agreement/ratings_table.h"

#include <optional>
#include <vector>

namespace sb::agreement {

struct KappaEstimate : ChanceCorrected {
    std::optional<double> standardError; // FCE 1969; none when kappa is undefined
    std::optional<double> ciLower;       // 95 %, Wald
    std::optional<double> ciUpper;
};

[[nodiscard]] KappaEstimate cohenKappa(const ConfusionMatrix& table);
[[nodiscard]] KappaEstimate cohenKappa(const RatingsTable& ratings);

enum class KappaWeights { Linear, Quadratic };

// Disagreement weights v_ij over k ordered categories (Cohen 1968 uses disagreement weights;
// Cicchetti & Allison's linear and Fleiss & Cohen's quadratic ones are the usual choices):
// linear |i − j| / (k − 1), quadratic (i − j)² / (k − 1)². Row-major k × k.
[[nodiscard]] std::vector<double> disagreementWeights(std::size_t categories, KappaWeights weights);

// kappa_w = 1 − Σ v_ij p_ij / Σ v_ij p_i. p_.j (Cohen 1968) for any disagreement weights with
// v_ii = 0 and v_ij ≥ 0. The SE uses the agreement weights w = 1 − v / max(v) (FCE 1969);
// kappa_w is unchanged by that rescaling.
[[nodiscard]] KappaEstimate weightedKappa(const ConfusionMatrix& table,
                                          const std::vector<double>& disagreement);
// Over the categories in scale order (RatingsTable::categories, or numeric order); throws
// AgreementError when the categories have no order (text labels without a declared order).
[[nodiscard]] KappaEstimate weightedKappa(const RatingsTable& ratings, KappaWeights weights);

// Scott's pi: p_e from the pooled marginals of both coders, Σ ((row_k + col_k) / 2N)².
[[nodiscard]] ChanceCorrected scottsPi(const ConfusionMatrix& table);
[[nodiscard]] ChanceCorrected scottsPi(const RatingsTable& ratings);

} // namespace sb::agreement
