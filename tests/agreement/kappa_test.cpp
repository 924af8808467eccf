// Cohen's kappa, weighted kappa and Scott's pi against published examples and a second
// implementation.
//
// Second-implementation values were computed in this repository's development session with
// Debian 12's python3-statsmodels 0.13.5 (statsmodels.stats.inter_rater.cohens_kappa, the
// Fleiss–Cohen–Everitt variance), python3-sklearn 1.2.1 (sklearn.metrics.cohen_kappa_score) and
// r-cran-psych (cohen.kappa); the tests do not need them at run time.

#include "annotation/agreement/agreement_error.h"
#include "annotation/agreement/kappa.h"
#include "published_data.h"

#include <gtest/gtest.h>

namespace sb::agreement {
namespace {

using test::kCohenTable;
using test::kCohenWeights;
using test::kSasTable;
using test::matrixFromCounts;
using test::ratingsFromCounts;

const std::vector<std::string> kThree = {"1", "2", "3"};

TEST(CohenKappa, CohensExamplePrintsPoint492) {
    // Cohen: p_o = .70, p_c = .41, kappa = .492.
    const KappaEstimate k = cohenKappa(ratingsFromCounts(kThree, kCohenTable));
    EXPECT_NEAR(k.observed, 0.70, 1e-12);
    EXPECT_NEAR(k.expected, 0.41, 1e-12);
    ASSERT_TRUE(k.value);
    EXPECT_NEAR(*k.value, 0.492, 5e-4);
    EXPECT_EQ(k.units, 200U);
    // statsmodels cohens_kappa / sklearn cohen_kappa_score: 0.491525423728813 (= 29/59).
    EXPECT_NEAR(*k.value, 29.0 / 59.0, 1e-14);
    // statsmodels std_kappa (FCE 1969) and psych::cohen.kappa's confidence boundaries.
    EXPECT_NEAR(*k.standardError, 0.051001815576078, 1e-12);
    EXPECT_NEAR(*k.ciLower, 0.391563702053547, 1e-12);
    EXPECT_NEAR(*k.ciUpper, 0.591487145404080, 1e-12);
}

TEST(CohenKappa, SasPrintedKappaAseAndLimits) {
    // SAS: Kappa 0.4842, ASE 0.1380, 95% limits 0.2137 and 0.7547.
    const KappaEstimate k = cohenKappa(matrixFromCounts(kThree, kSasTable));
    EXPECT_NEAR(*k.value, 0.4842, 5e-5);
    EXPECT_NEAR(*k.standardError, 0.1380, 5e-5);
    EXPECT_NEAR(*k.ciLower, 0.2137, 5e-5);
    EXPECT_NEAR(*k.ciUpper, 0.7547, 5e-5);
    // statsmodels: 0.484162895927602, SE 0.138013578305815.
    EXPECT_NEAR(*k.value, 0.484162895927602, 1e-12);
    EXPECT_NEAR(*k.standardError, 0.138013578305815, 1e-12);
}

TEST(WeightedKappa, Cohen1968ExamplePrintsPoint348) {
    // Cohen (1968): weighted kappa .348 with disagreement weights 0,1,3 / 1,0,6 / 3,6,0.
    const KappaEstimate k = weightedKappa(matrixFromCounts(kThree, kCohenTable), kCohenWeights);
    EXPECT_NEAR(*k.value, 0.348, 5e-4);
    // statsmodels cohens_kappa(table, weights=1 - v/6): 0.347826086956522 (= 8/23), SE 0.075504015254823.
    EXPECT_NEAR(*k.value, 8.0 / 23.0, 1e-14);
    EXPECT_NEAR(*k.standardError, 0.075504015254823, 1e-12);
}

TEST(WeightedKappa, SasPrintedWeightedKappa) {
    // SAS (Cicchetti–Allison = linear weights): 0.4701, ASE 0.1457, limits 0.1845 and 0.7558.
    const KappaEstimate k =
        weightedKappa(matrixFromCounts(kThree, kSasTable), disagreementWeights(3, KappaWeights::Linear));
    EXPECT_NEAR(*k.value, 0.4701, 5e-5);
    EXPECT_NEAR(*k.standardError, 0.1457, 5e-5);
    EXPECT_NEAR(*k.ciLower, 0.1845, 5e-5);
    EXPECT_NEAR(*k.ciUpper, 0.7558, 5e-5);
    // statsmodels: 0.470119521912351, SE 0.145746045141926.
    EXPECT_NEAR(*k.value, 0.470119521912351, 1e-12);
    EXPECT_NEAR(*k.standardError, 0.145746045141926, 1e-12);
}

TEST(WeightedKappa, LinearAndQuadraticMatchSklearnAndStatsmodels) {
    const RatingsTable ratings = ratingsFromCounts(kThree, kCohenTable);
    const KappaEstimate linear = weightedKappa(ratings, KappaWeights::Linear);
    const KappaEstimate quadratic = weightedKappa(ratings, KappaWeights::Quadratic);
    // sklearn cohen_kappa_score(weights='linear' / 'quadratic').
    EXPECT_NEAR(*linear.value, 0.473684210526316, 1e-12);
    EXPECT_NEAR(*quadratic.value, 0.454545454545455, 1e-12);
    // statsmodels std_kappa with wt='linear' / 'quadratic'.
    EXPECT_NEAR(*linear.standardError, 0.054432309177642, 1e-12);
    EXPECT_NEAR(*quadratic.standardError, 0.066453681591078, 1e-12);
    // statsmodels kappa_low / kappa_upp (kappa ± 1.959964 SE). psych::cohen.kappa prints other
    // limits for weighted kappa (0.328 to 0.581): it uses its own variance, not FCE (1969).
    EXPECT_NEAR(*linear.ciLower, 0.366998844942789, 1e-12);
    EXPECT_NEAR(*linear.ciUpper, 0.580369576109842, 1e-12);
    EXPECT_NEAR(*quadratic.ciLower, 0.324298631986849, 1e-12);
    EXPECT_NEAR(*quadratic.ciUpper, 0.584792277104060, 1e-12);
}

TEST(WeightedKappa, IdentityWeightsGiveCohensKappa) {
    const ConfusionMatrix table = matrixFromCounts(kThree, kCohenTable);
    const KappaEstimate weighted = weightedKappa(table, {0, 1, 1, 1, 0, 1, 1, 1, 0});
    const KappaEstimate plain = cohenKappa(table);
    EXPECT_NEAR(*weighted.value, *plain.value, 1e-14);
    EXPECT_NEAR(*weighted.standardError, *plain.standardError, 1e-14);
}

TEST(ScottsPi, PooledMarginals) {
    // statsmodels fleiss_kappa on the same two coders (Fleiss' kappa is Scott's pi for m = 2):
    // 0.487179487179487.
    const ChanceCorrected pi = scottsPi(ratingsFromCounts(kThree, kCohenTable));
    EXPECT_NEAR(*pi.value, 0.487179487179487, 1e-12);
    // Pooled marginals (.55 .30 .15): p_e = .3025 + .09 + .0225.
    EXPECT_NEAR(pi.expected, 0.415, 1e-12);
}

TEST(KappaProperties, PerfectAgreementIsOne) {
    const ConfusionMatrix table = matrixFromCounts(kThree, {{5, 0, 0}, {0, 7, 0}, {0, 0, 3}});
    EXPECT_DOUBLE_EQ(*cohenKappa(table).value, 1.0);
    EXPECT_DOUBLE_EQ(*cohenKappa(table).standardError, 0.0);
    EXPECT_DOUBLE_EQ(*weightedKappa(table, disagreementWeights(3, KappaWeights::Quadratic)).value, 1.0);
    EXPECT_DOUBLE_EQ(*scottsPi(table).value, 1.0);
}

TEST(KappaProperties, SwappingCodersChangesNothing) {
    const RatingsTable ab = ratingsFromCounts(kThree, kCohenTable);
    RatingsTable ba = ab;
    std::swap(ba.coders[0], ba.coders[1]);
    for (std::size_t u = 0; u < ba.units.size(); ++u) {
        std::swap(ba.values[u * 2], ba.values[u * 2 + 1]);
    }
    EXPECT_NEAR(*cohenKappa(ab).value, *cohenKappa(ba).value, 1e-15);
    EXPECT_NEAR(*cohenKappa(ab).standardError, *cohenKappa(ba).standardError, 1e-15);
    EXPECT_NEAR(*weightedKappa(ab, KappaWeights::Linear).value,
                *weightedKappa(ba, KappaWeights::Linear).value, 1e-15);
    EXPECT_NEAR(*weightedKappa(ab, KappaWeights::Linear).standardError,
                *weightedKappa(ba, KappaWeights::Linear).standardError, 1e-15);
    EXPECT_NEAR(*scottsPi(ab).value, *scottsPi(ba).value, 1e-15);
}

TEST(KappaProperties, RelabellingCategoriesChangesNothing) {
    RatingsTable numbers = ratingsFromCounts(kThree, kCohenTable);
    RatingsTable words = ratingsFromCounts({"psychosis", "neurosis", "personality"}, kCohenTable);
    words.categories.clear(); // let the data order them (byte order: a different order)
    EXPECT_NEAR(*cohenKappa(numbers).value, *cohenKappa(words).value, 1e-15);
    EXPECT_NEAR(*cohenKappa(numbers).standardError, *cohenKappa(words).standardError, 1e-15);
    EXPECT_NEAR(*scottsPi(numbers).value, *scottsPi(words).value, 1e-15);
    // Reversing an ordinal scale keeps the distances, so weighted kappa too.
    RatingsTable reversed = ratingsFromCounts({"3", "2", "1"}, kCohenTable);
    reversed.categories.clear(); // numeric order: the table reversed in both directions
    EXPECT_NEAR(*weightedKappa(numbers, KappaWeights::Quadratic).value,
                *weightedKappa(reversed, KappaWeights::Quadratic).value, 1e-15);
}

TEST(KappaProperties, UnitsEitherCoderLeftOpenAreDropped) {
    RatingsTable ratings = ratingsFromCounts(kThree, kCohenTable);
    const double full = *cohenKappa(ratings).value;
    ratings.units.push_back("extra");
    ratings.values.push_back(std::string("1"));
    ratings.values.emplace_back(std::nullopt);
    EXPECT_DOUBLE_EQ(*cohenKappa(ratings).value, full);
    EXPECT_EQ(cohenKappa(ratings).units, 200U);
}

TEST(KappaProperties, OneCategoryOnlyIsUndefinedNotOne) {
    const KappaEstimate k = cohenKappa(matrixFromCounts({"a"}, {{10}}));
    EXPECT_FALSE(k.value);
    EXPECT_FALSE(k.standardError);
    EXPECT_DOUBLE_EQ(k.observed, 1.0);
}

TEST(KappaErrors, InputsTheMethodsCannotTake) {
    const RatingsTable one = ratingsFromRows({"A"}, {{"1"}, {"2"}});
    EXPECT_THROW((void)cohenKappa(one), AgreementError);
    const RatingsTable three = ratingsFromRows({"A", "B", "C"}, {{"1", "1", "2"}, {"2", "2", "2"}});
    try {
        (void)cohenKappa(three);
        FAIL();
    } catch (const AgreementError& e) {
        EXPECT_NE(std::string(e.what()).find("exactly 2 coders"), std::string::npos) << e.what();
    }
    EXPECT_THROW((void)scottsPi(three), AgreementError);
    const RatingsTable words = ratingsFromRows({"A", "B"}, {{"low", "high"}, {"high", "high"}});
    EXPECT_THROW((void)weightedKappa(words, KappaWeights::Linear), AgreementError);
    const RatingsTable disjoint = ratingsFromRows({"A", "B"}, {{"1", std::nullopt}, {std::nullopt, "2"}});
    EXPECT_THROW((void)cohenKappa(disjoint), AgreementError);
    const ConfusionMatrix table = matrixFromCounts(kThree, kCohenTable);
    EXPECT_THROW((void)weightedKappa(table, {0, 1}), AgreementError);
    EXPECT_THROW((void)weightedKappa(table, {1, 1, 1, 1, 0, 1, 1, 1, 0}), AgreementError); // v_ii ≠ 0
    EXPECT_THROW((void)weightedKappa(table, {0, -1, 1, 1, 0, 1, 1, 1, 0}), AgreementError);
}

} // namespace
} // namespace sb::agreement
