// Several coders on one session: all pairs on one grid, their mean kappa and alpha over the units.

#include "annotation/agreement/agreement_error.h"
#include "annotation/agreement/multi_coder_agreement.h"
#include "timeline_support.h"

#include <gtest/gtest.h>

namespace sb::agreement {
namespace {

using test::point;
using test::seconds;
using test::state;

std::vector<CoderTimeline> threeCoders() {
    return {{"ana", {state("groom", 1.0, 3.4), point("bark", 5.7)}},
            {"ben", {state("groom", 1.6, 3.6)}},
            {"cai", {state("groom", 1.0, 3.0), state("play", 4, 6)}}};
}

TEST(MultiCoderAgreement, AllPairsOnOneGrid) {
    const MultiCoderAgreement all = multiCoderAgreement(threeCoders(), {seconds(1), 1, std::nullopt});
    EXPECT_EQ(all.coders, (std::vector<std::string>{"ana", "ben", "cai"}));
    EXPECT_EQ(all.units, 6);
    ASSERT_EQ(all.pairs.size(), 3U);
    EXPECT_EQ(all.pairs[0].coder1, 0U);
    EXPECT_EQ(all.pairs[0].coder2, 1U);
    EXPECT_EQ(all.pairs[2].coder1, 1U);
    EXPECT_EQ(all.pairs[2].coder2, 2U);
    // Every pair's figures equal the two-coder computation on the same session length.
    for (const PairwiseTimeUnitKappa& pair : all.pairs) {
        const TimeUnitKappa alone = timeUnitKappa(threeCoders()[pair.coder1], threeCoders()[pair.coder2],
                                                  {seconds(1), 1, seconds(6)});
        EXPECT_DOUBLE_EQ(*pair.agreement.kappa, *alone.kappa);
        EXPECT_DOUBLE_EQ(*pair.agreement.toleranceKappa, *alone.toleranceKappa);
    }
    // ana–ben is the note's example: 0.1 (5/6 with tolerance).
    EXPECT_NEAR(*all.pairs[0].agreement.kappa, 0.1, 1e-15);
    const double mean =
        (*all.pairs[0].agreement.kappa + *all.pairs[1].agreement.kappa + *all.pairs[2].agreement.kappa) / 3;
    EXPECT_NEAR(*all.meanPairwiseKappa, mean, 1e-15);
}

TEST(MultiCoderAgreement, AlphaOverTheUnitCodes) {
    const MultiCoderAgreement all = multiCoderAgreement(threeCoders(), {});
    // Units (u = 1 s): ana  nil groom groom nil  nil  bark
    //                  ben  nil nil   groom groom nil  nil
    //                  cai  nil groom groom nil  play play
    const RatingsTable table = ratingsFromRows({"ana", "ben", "cai"}, {{"nil", "nil", "nil"},
                                                                       {"groom", "nil", "groom"},
                                                                       {"groom", "groom", "groom"},
                                                                       {"nil", "groom", "nil"},
                                                                       {"nil", "nil", "play"},
                                                                       {"bark", "nil", "play"}});
    const AlphaEstimate expected = krippendorffAlpha(table, MeasurementLevel::Nominal);
    EXPECT_NEAR(*all.alpha.value, *expected.value, 1e-15);
    EXPECT_DOUBLE_EQ(all.alpha.pairableValues, 18.0);
}

TEST(MultiCoderAgreement, NeedsTwoCoders) {
    EXPECT_THROW((void)multiCoderAgreement({{"solo", {state("x", 0, 1)}}}), AgreementError);
}

} // namespace
} // namespace sb::agreement
