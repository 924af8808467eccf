// Fleiss' kappa, Gwet's AC1, percent agreement and PABAK against published examples.
//
// Second-implementation values: statsmodels 0.13.5 fleiss_kappa (Debian python3-statsmodels),
// computed in the development session; R irr's kappam.fleiss value as quoted in statsmodels' tests.

#include "annotation/agreement/agreement_error.h"
#include "annotation/agreement/fleiss_kappa.h"
#include "annotation/agreement/gwet_ac1.h"
#include "annotation/agreement/kappa.h"
#include "annotation/agreement/pabak.h"
#include "annotation/agreement/percent_agreement.h"
#include "published_data.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace sb::agreement {
namespace {

TEST(FleissKappa, Fleiss1971PsychiatricDiagnoses) {
    const ChanceCorrected k = fleissKappa(test::fleissDiagnoses());
    EXPECT_NEAR(*k.value, 0.430, 5e-4); // printed by Fleiss (1971)
    // statsmodels fleiss_kappa: 0.430244520060141; R irr kappam.fleiss: 0.4302445.
    EXPECT_NEAR(*k.value, 0.430244520060141, 1e-12);
    EXPECT_EQ(k.units, 30U);
}

TEST(FleissKappa, CoderOrderAndLabelsDoNotMatter) {
    const RatingsTable original = test::fleissDiagnoses();
    RatingsTable shuffled = original;
    for (std::size_t u = 0; u < shuffled.units.size(); ++u) {
        // a different coder order in every unit: Fleiss' design allows different raters per unit
        std::rotate(shuffled.values.begin() + static_cast<long>(u * 6),
                    shuffled.values.begin() + static_cast<long>(u * 6 + u % 6),
                    shuffled.values.begin() + static_cast<long>(u * 6 + 6));
    }
    const char* names[] = {"", "depression", "personality", "schizophrenia", "neurosis", "other"};
    for (auto& value : shuffled.values) {
        value = names[std::stoi(*value)];
    }
    EXPECT_NEAR(*fleissKappa(shuffled).value, *fleissKappa(original).value, 1e-15);
}

TEST(FleissKappa, TwoCodersIsScottsPi) {
    const RatingsTable ratings = test::ratingsFromCounts({"1", "2", "3"}, test::kCohenTable);
    EXPECT_NEAR(*fleissKappa(ratings).value, *scottsPi(ratings).value, 1e-14);
}

TEST(FleissKappa, PerfectAgreementIsOne) {
    const RatingsTable ratings =
        ratingsFromRows({"a", "b", "c"}, {{"x", "x", "x"}, {"y", "y", "y"}, {"x", "x", "x"}});
    EXPECT_DOUBLE_EQ(*fleissKappa(ratings).value, 1.0);
}

TEST(FleissKappa, UnequalJudgementsPerUnitThrow) {
    const RatingsTable ratings =
        ratingsFromRows({"a", "b", "c"}, {{"x", "x", "x"}, {"y", std::nullopt, "y"}});
    try {
        (void)fleissKappa(ratings);
        FAIL();
    } catch (const AgreementError& e) {
        EXPECT_NE(std::string(e.what()).find("same number of judgements"), std::string::npos) << e.what();
    }
    // A unit nobody judged is not a unit with fewer judgements.
    const RatingsTable withEmpty =
        ratingsFromRows({"a", "b"}, {{"x", "x"}, {std::nullopt, std::nullopt}, {"x", "y"}});
    EXPECT_EQ(fleissKappa(withEmpty).units, 2U);
    EXPECT_THROW((void)fleissKappa(ratingsFromRows({"a"}, {{"x"}, {"y"}})), AgreementError);
}

// Gwet, Handbook of Inter-Rater Reliability, 4th ed. (2014), p. 120: 4 raters, 12 subjects,
// 5 categories, missing ratings; AC1 = 0.775 with p_a = 0.818, p_e = 0.190 (the values printed
// there, also asserted by the irrCAC package's tests, test_gwet_raw4raters).
TEST(GwetAC1, HandbookFourRatersWithMissingRatings) {
    const std::optional<std::string> _;
    const auto v = [](int x) { return std::optional<std::string>(std::to_string(x)); };
    const RatingsTable ratings = ratingsFromRows({"R1", "R2", "R3", "R4"}, {{v(1), v(1), _, v(1)},
                                                                            {v(2), v(2), v(3), v(2)},
                                                                            {v(3), v(3), v(3), v(3)},
                                                                            {v(3), v(3), v(3), v(3)},
                                                                            {v(2), v(2), v(2), v(2)},
                                                                            {v(1), v(2), v(3), v(4)},
                                                                            {v(4), v(4), v(4), v(4)},
                                                                            {v(1), v(1), v(2), v(1)},
                                                                            {v(2), v(2), v(2), v(2)},
                                                                            {_, v(5), v(5), v(5)},
                                                                            {_, _, v(1), v(1)},
                                                                            {_, _, v(3), _}});
    const ChanceCorrected ac1 = gwetAC1(ratings);
    EXPECT_NEAR(ac1.observed, 0.818, 5e-4);
    EXPECT_NEAR(ac1.expected, 0.190, 5e-4);
    EXPECT_NEAR(*ac1.value, 0.775, 5e-4);
    EXPECT_EQ(ac1.units, 11U);
}

// Gwet (2014): 100 pregnancies classified by two abstractors (Ectopic, AIU, NIU); AC1 = 0.849
// (irrCAC test_gwet_cont3x3abstractors).
TEST(GwetAC1, HandbookTwoAbstractors) {
    const RatingsTable ratings =
        test::ratingsFromCounts({"Ectopic", "AIU", "NIU"}, {{13, 0, 0}, {0, 20, 7}, {0, 4, 56}});
    EXPECT_NEAR(*gwetAC1(ratings).value, 0.849, 5e-4);
    // Two raters: p_e = Σ π_k (1 − π_k) / (q − 1) with π_k the pooled marginals.
    const double pi[] = {0.13, (27.0 + 24.0) / 200.0, (63.0 + 60.0) / 200.0};
    double pe = 0;
    for (const double p : pi) {
        pe += p * (1 - p) / 2;
    }
    EXPECT_NEAR(gwetAC1(ratings).expected, pe, 1e-15);
    EXPECT_NEAR(*gwetAC1(ratings).value, (0.89 - pe) / (1 - pe), 1e-15);
}

TEST(GwetAC1, PropertiesAndErrors) {
    const RatingsTable perfect = ratingsFromRows({"a", "b"}, {{"x", "x"}, {"y", "y"}, {"x", "x"}});
    EXPECT_DOUBLE_EQ(*gwetAC1(perfect).value, 1.0);
    EXPECT_THROW((void)gwetAC1(ratingsFromRows({"a", "b"}, {{"x", "x"}})), AgreementError); // one category
    EXPECT_THROW((void)gwetAC1(ratingsFromRows({"a"}, {{"x"}, {"y"}})), AgreementError);
}

TEST(PercentAgreement, TwoAndManyCoders) {
    EXPECT_NEAR(percentAgreement(test::ratingsFromCounts({"1", "2", "3"}, test::kCohenTable)).value, 0.70,
                1e-15);
    // Fleiss' P̄ for the diagnoses (statsmodels: the observed agreement of fleiss_kappa).
    const PercentAgreement p = percentAgreement(test::fleissDiagnoses());
    EXPECT_EQ(p.units, 30U);
    // Unit with counts (3,3) over 6 raters: 2·3·2 / 30 = 0.4; the mean over the 30 units:
    EXPECT_NEAR(p.value,
                *fleissKappa(test::fleissDiagnoses()).value *
                        (1 - fleissKappa(test::fleissDiagnoses()).expected) +
                    fleissKappa(test::fleissDiagnoses()).expected,
                1e-14);
    EXPECT_THROW((void)percentAgreement(ratingsFromRows({"a", "b"}, {{"x", std::nullopt}})), AgreementError);
}

// Byrt, Bishop & Carlin (1993): PABAK = 2 p_o − 1 for two categories, PI = (a − d)/n,
// BI = (b − c)/n, and kappa = (PABAK − PI² + BI²) / (1 − PI² + BI²).
TEST(Pabak, TwoCategoriesAndByrtsIdentity) {
    const ConfusionMatrix table = test::matrixFromCounts({"yes", "no"}, {{40, 9}, {6, 45}});
    const PrevalenceAdjusted p = pabak(table);
    EXPECT_NEAR(*p.pabak, 2 * 0.85 - 1, 1e-15);
    EXPECT_NEAR(*p.prevalenceIndex, (40.0 - 45.0) / 100.0, 1e-15);
    EXPECT_NEAR(*p.biasIndex, (9.0 - 6.0) / 100.0, 1e-15);
    const double pi2 = *p.prevalenceIndex * *p.prevalenceIndex;
    const double bi2 = *p.biasIndex * *p.biasIndex;
    EXPECT_NEAR(*cohenKappa(table).value, (*p.pabak - pi2 + bi2) / (1 - pi2 + bi2), 1e-14);

    // A skewed table: high agreement, low kappa, PABAK near p_o.
    const ConfusionMatrix skewed = test::matrixFromCounts({"yes", "no"}, {{118, 5}, {2, 0}});
    EXPECT_NEAR(*pabak(skewed).pabak, 2 * 118.0 / 125.0 - 1, 1e-15);
    EXPECT_LT(*cohenKappa(skewed).value, 0.0);
}

TEST(Pabak, ManyCategoriesAndErrors) {
    const PrevalenceAdjusted p = pabak(test::ratingsFromCounts({"1", "2", "3"}, test::kCohenTable));
    EXPECT_NEAR(*p.pabak, (3 * 0.70 - 1) / 2, 1e-15);
    EXPECT_FALSE(p.prevalenceIndex);
    EXPECT_FALSE(p.biasIndex);
    EXPECT_THROW((void)pabak(ratingsFromRows({"a", "b", "c"}, {{"x", "x", "x"}})), AgreementError);
}

} // namespace
} // namespace sb::agreement
