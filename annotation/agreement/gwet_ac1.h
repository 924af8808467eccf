#pragma once
// Gwet's AC1 (Gwet 2008, "Computing inter-rater reliability and its variance in the presence of
// high agreement", Br J Math Stat Psychol 61:29–48; multi-rater form with missing judgements as
// in Gwet's Handbook of Inter-Rater Reliability, 4th ed., 2014):
//
//   p_a = mean over units with r_i ≥ 2 of Σ_k r_ik (r_ik − 1) / (r_i (r_i − 1))
//   π_k = mean over units with r_i ≥ 1 of r_ik / r_i
//   p_e = Σ_k π_k (1 − π_k) / (q − 1)          AC1 = (p_a − p_e) / (1 − p_e)
//
// q is the number of categories of the scale: the declared categories when given, otherwise
// the distinct values in the data. With two coders and no missing values this is the two-rater
// AC1 of Gwet (2008).

#include "annotation/agreement/chance_corrected.h"
#include "annotation/agreement/ratings_table.h"

namespace sb::agreement {

[[nodiscard]] ChanceCorrected gwetAC1(const RatingsTable& ratings);

} // namespace sb::agreement
