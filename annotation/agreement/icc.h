#pragma once
// Intraclass correlations for n targets (units) each rated by the same k judges (coders):
// the six forms of Shrout & Fleiss (1979), "Intraclass correlations: uses in assessing rater
// reliability", Psychological Bulletin 86:420–428, from the two-way ANOVA mean squares
//   BMS between targets (df n−1), WMS within targets (df n(k−1)),
//   JMS between judges (df k−1), EMS residual (df (n−1)(k−1)):
//
//   ICC(1,1) = (BMS − WMS) / (BMS + (k−1) WMS)
//   ICC(2,1) = (BMS − EMS) / (BMS + (k−1) EMS + k (JMS − EMS) / n)
//   ICC(3,1) = (BMS − EMS) / (BMS + (k−1) EMS)
//   ICC(1,k) = (BMS − WMS) / BMS
//   ICC(2,k) = (BMS − EMS) / (BMS + (JMS − EMS) / n)
//   ICC(3,k) = (BMS − EMS) / BMS
//
// Confidence intervals from the F distribution as in McGraw & Wong (1996), "Forming inferences
// about some intraclass correlation coefficients", Psychological Methods 1:30–46, Table 7
// (cases 1, 3 = ICC(C,·), and 2 = ICC(A,·) with Satterthwaite's degrees of freedom v). F
// quantiles come from Boost.Math (regularized incomplete beta, inverted).
//
// Numbers only, every target rated by every judge: missing values throw AgreementError.

#include "annotation/agreement/ratings_table.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace sb::agreement {

enum class IccForm { Icc1, Icc2, Icc3, Icc1k, Icc2k, Icc3k };

// "ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k" (the names psych::ICC and the CLI use).
[[nodiscard]] std::string_view iccName(IccForm form);

struct IccEstimate {
    IccForm form = IccForm::Icc1;
    std::optional<double> value; // none when every rating is the same (0/0)
    std::optional<double> ciLower;
    std::optional<double> ciUpper;
    double f = 0; // the F statistic the interval is built on (BMS/WMS or BMS/EMS)
    double df1 = 0;
    double df2 = 0;
};

struct IccResult {
    std::size_t targets = 0; // n
    std::size_t judges = 0;  // k
    double msBetweenTargets = 0;
    double msWithinTargets = 0;
    double msJudges = 0;
    double msError = 0;
    std::array<IccEstimate, 6> forms; // in IccForm order
    [[nodiscard]] const IccEstimate& operator[](IccForm form) const {
        return forms[static_cast<std::size_t>(form)];
    }
};

[[nodiscard]] IccResult intraclassCorrelation(const RatingsTable& ratings, double confidence = 0.95);

} // namespace sb::agreement
