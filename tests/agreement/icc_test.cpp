// The six Shrout & Fleiss intraclass correlations and their intervals.
//
// Second-implementation values, computed in the development session (not needed at run time):
//  - an independent script: exact ANOVA in Python fractions, the six formulas and McGraw & Wong's
//    intervals with scipy 1.10's scipy.stats.f.ppf (Debian python3-scipy);
//  - R psych::ICC (Debian r-cran-psych), which agrees to about 1e-6 only: its aov() sums of
//    squares for this table are off in the sixth digit (BMS 11.24169 instead of 11.241667).

#include "annotation/agreement/agreement_error.h"
#include "annotation/agreement/icc.h"
#include "published_data.h"

#include <gtest/gtest.h>

namespace sb::agreement {
namespace {

struct Expected {
    IccForm form;
    double printed; // Shrout & Fleiss (1979), two decimals
    double value;   // exact ANOVA + scipy F quantiles
    double lower;
    double upper;
    double psych; // psych::ICC
};

TEST(Icc, ShroutFleiss1979Table2) {
    const IccResult icc = intraclassCorrelation(test::shroutFleiss());
    EXPECT_EQ(icc.targets, 6U);
    EXPECT_EQ(icc.judges, 4U);
    // The mean squares of Shrout & Fleiss's analysis of variance of the example.
    EXPECT_NEAR(icc.msBetweenTargets, 11.24, 5e-3);
    EXPECT_NEAR(icc.msWithinTargets, 6.26, 5e-3);
    EXPECT_NEAR(icc.msJudges, 32.49, 5e-3);
    EXPECT_NEAR(icc.msError, 1.02, 5e-3);
    const Expected expected[] = {
        {IccForm::Icc1, 0.17, 0.165741768405475, -0.132932324874751, 0.722560062328121, 0.165742286184985},
        {IccForm::Icc2, 0.29, 0.289763779527559, 0.018786513374712, 0.761084369648953, 0.289764193710260},
        {IccForm::Icc3, 0.71, 0.714840714840715, 0.342464765033925, 0.945858259955360, 0.714841511511933},
        {IccForm::Icc1k, 0.44, 0.442797133679269, -0.884442155238120, 0.912415420340775, 0.442798057590153},
        {IccForm::Icc2k, 0.62, 0.620050547598989, 0.071136815302503, 0.927232040167722, 0.620051021729246},
        {IccForm::Icc3k, 0.91, 0.909315542377069, 0.675674713816305, 0.985891678169062, 0.909315864654189},
    };
    for (const Expected& e : expected) {
        SCOPED_TRACE(std::string(iccName(e.form)));
        const IccEstimate& got = icc[e.form];
        EXPECT_NEAR(*got.value, e.printed, 5e-3);
        EXPECT_NEAR(*got.value, e.value, 1e-12);
        EXPECT_NEAR(*got.ciLower, e.lower, 1e-9);
        EXPECT_NEAR(*got.ciUpper, e.upper, 1e-9);
        EXPECT_NEAR(*got.value, e.psych, 2e-6);
    }
    EXPECT_NEAR(icc[IccForm::Icc1].f, 1.794678492239468, 1e-12);
    EXPECT_NEAR(icc[IccForm::Icc3].f, 11.027247956403270, 1e-12);
    EXPECT_NEAR(icc[IccForm::Icc2].df2, 4.785143862212763, 1e-9); // Satterthwaite's v
}

TEST(Icc, PerfectAgreementIsOne) {
    const RatingsTable same =
        ratingsFromRows({"a", "b", "c"}, {{"1", "1", "1"}, {"4", "4", "4"}, {"2.5", "2.5", "2.5"}});
    const IccResult icc = intraclassCorrelation(same);
    for (const IccEstimate& form : icc.forms) {
        SCOPED_TRACE(std::string(iccName(form.form)));
        EXPECT_DOUBLE_EQ(*form.value, 1.0);
        EXPECT_DOUBLE_EQ(*form.ciLower, 1.0);
        EXPECT_DOUBLE_EQ(*form.ciUpper, 1.0);
    }
}

TEST(Icc, JudgeOrderDoesNotMatter) {
    const RatingsTable data = test::shroutFleiss();
    RatingsTable reversed = data;
    for (std::size_t u = 0; u < reversed.units.size(); ++u) {
        std::reverse(reversed.values.begin() + static_cast<long>(u * 4),
                     reversed.values.begin() + static_cast<long>(u * 4 + 4));
    }
    const IccResult a = intraclassCorrelation(data);
    const IccResult b = intraclassCorrelation(reversed);
    for (std::size_t i = 0; i < 6; ++i) {
        EXPECT_NEAR(*a.forms[i].value, *b.forms[i].value, 1e-14);
        EXPECT_NEAR(*a.forms[i].ciLower, *b.forms[i].ciLower, 1e-12);
    }
}

TEST(Icc, InputsTheMethodCannotTake) {
    const auto message = [](const RatingsTable& data) {
        try {
            (void)intraclassCorrelation(data);
        } catch (const AgreementError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_NE(message(ratingsFromRows({"a", "b"}, {{"1", "2"}, {"3", std::nullopt}}))
                  .find("no rating from coder 'b'"),
              std::string::npos);
    EXPECT_NE(
        message(ratingsFromRows({"a", "b"}, {{"1", "2"}, {"3", "high"}})).find("'high' is not a number"),
        std::string::npos);
    EXPECT_NE(message(ratingsFromRows({"a"}, {{"1"}, {"3"}})).find("at least 2 coders"), std::string::npos);
    EXPECT_NE(message(ratingsFromRows({"a", "b"}, {{"1", "2"}})).find("at least 2 targets"),
              std::string::npos);
    EXPECT_THROW((void)intraclassCorrelation(test::shroutFleiss(), 1.5), AgreementError);
}

} // namespace
} // namespace sb::agreement
