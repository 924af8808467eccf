#pragma once
// Fleiss' kappa (Fleiss 1971, "Measuring nominal scale agreement among many raters",
// Psychological Bulletin 76:378–382): m judgements per unit, not necessarily by the same coders.
//
//   P_i = (Σ_j n_ij² − m) / (m (m − 1))    P̄ = mean P_i    p_j = Σ_i n_ij / (N m)
//   P̄_e = Σ_j p_j²                          kappa = (P̄ − P̄_e) / (1 − P̄_e)
//
// Every unit with any judgement must have the same number m ≥ 2 of them; units nobody judged
// are left out. Anything else throws AgreementError (Krippendorff's alpha takes such data).

#include "annotation/agreement/chance_corrected.h"
#include "annotation/agreement/ratings_table.h"

namespace sb::agreement {

[[nodiscard]] ChanceCorrected fleissKappa(const RatingsTable& ratings);

} // namespace sb::agreement
