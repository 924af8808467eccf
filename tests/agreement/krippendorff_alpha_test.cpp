// Krippendorff's alpha against Krippendorff's own worked example and a second implementation.
//
// Second-implementation values: NLTK 3.8 (Debian python3-nltk), nltk.metrics.agreement.
// AnnotationTask.alpha() with binary_distance, interval_distance and the ratio distance
// ((a − b)/(a + b))², computed in the development session; not needed at run time.

#include "annotation/agreement/agreement_error.h"
#include "annotation/agreement/krippendorff_alpha.h"
#include "published_data.h"

#include <gtest/gtest.h>

namespace sb::agreement {
namespace {

TEST(KrippendorffAlpha, Krippendorff2011ReliabilityDataMatrix) {
    const RatingsTable data = test::krippendorffExample();
    const AlphaEstimate nominal = krippendorffAlpha(data, MeasurementLevel::Nominal);
    EXPECT_NEAR(*nominal.value, 0.743, 5e-4);
    EXPECT_NEAR(*nominal.value, 0.743421052631579, 1e-12); // NLTK
    EXPECT_DOUBLE_EQ(nominal.pairableValues, 40.0);        // Krippendorff: n = 40
    EXPECT_EQ(nominal.pairableUnits, 11U);                 // unit 12 has one value
    EXPECT_NEAR(*krippendorffAlpha(data, MeasurementLevel::Ordinal).value, 0.815, 5e-4);
    const AlphaEstimate interval = krippendorffAlpha(data, MeasurementLevel::Interval);
    EXPECT_NEAR(*interval.value, 0.849, 5e-4);
    EXPECT_NEAR(*interval.value, 0.849107142857143, 1e-12); // NLTK
    const AlphaEstimate ratio = krippendorffAlpha(data, MeasurementLevel::Ratio);
    EXPECT_NEAR(*ratio.value, 0.797, 5e-4);
    EXPECT_NEAR(*ratio.value, 0.797402774711612, 1e-12); // NLTK
}

// The computational example of the "Krippendorff's alpha" Wikipedia article (3 coders × 15
// units, missing values): nominal 0.691358, interval 0.810845, as asserted in the tests of the
// `krippendorff` Python package (pln-fing-udelar/fast-krippendorff).
TEST(KrippendorffAlpha, WikipediaComputationalExample) {
    const std::optional<std::string> _;
    const auto v = [](int x) { return std::optional<std::string>(std::to_string(x)); };
    const std::vector<std::vector<std::optional<std::string>>> coders = {
        {_, _, _, _, _, v(3), v(4), v(1), v(2), v(1), v(1), v(3), v(3), _, v(3)},
        {v(1), _, v(2), v(1), v(3), v(3), v(4), v(3), _, _, _, _, _, _, _},
        {_, _, v(2), v(1), v(3), v(4), v(4), _, v(2), v(1), v(1), v(3), v(3), _, v(4)}};
    std::vector<std::vector<std::optional<std::string>>> units(15);
    for (std::size_t u = 0; u < 15; ++u) {
        for (const auto& coder : coders) {
            units[u].push_back(coder[u]);
        }
    }
    const RatingsTable data = ratingsFromRows({"A", "B", "C"}, units);
    EXPECT_NEAR(*krippendorffAlpha(data, MeasurementLevel::Nominal).value, 0.691358, 5e-7);
    EXPECT_NEAR(*krippendorffAlpha(data, MeasurementLevel::Interval).value, 0.810845, 5e-7);
}

TEST(KrippendorffAlpha, PerfectAgreementIsOne) {
    const RatingsTable data =
        ratingsFromRows({"a", "b", "c"}, {{"1", "1", "1"}, {"2", "2", std::nullopt}, {"4", "4", "4"}});
    for (const MeasurementLevel level : {MeasurementLevel::Nominal, MeasurementLevel::Ordinal,
                                         MeasurementLevel::Interval, MeasurementLevel::Ratio}) {
        EXPECT_DOUBLE_EQ(*krippendorffAlpha(data, level).value, 1.0);
    }
}

TEST(KrippendorffAlpha, CoderOrderAndNominalLabelsDoNotMatter) {
    const RatingsTable data = test::krippendorffExample();
    RatingsTable reordered = data;
    std::reverse(reordered.coders.begin(), reordered.coders.end());
    for (std::size_t u = 0; u < reordered.units.size(); ++u) {
        std::reverse(reordered.values.begin() + static_cast<long>(u * 4),
                     reordered.values.begin() + static_cast<long>(u * 4 + 4));
    }
    RatingsTable relabelled = data;
    for (auto& value : relabelled.values) {
        if (value) {
            value = "category-" + std::string(1, static_cast<char>('e' - std::stoi(*value)));
        }
    }
    for (const MeasurementLevel level : {MeasurementLevel::Nominal, MeasurementLevel::Interval}) {
        EXPECT_NEAR(*krippendorffAlpha(reordered, level).value, *krippendorffAlpha(data, level).value, 1e-15);
    }
    EXPECT_NEAR(*krippendorffAlpha(relabelled, MeasurementLevel::Nominal).value,
                *krippendorffAlpha(data, MeasurementLevel::Nominal).value, 1e-15);
}

TEST(KrippendorffAlpha, DeclaredCategoryOrderForOrdinalText) {
    RatingsTable numbers = test::krippendorffExample();
    RatingsTable words = numbers;
    const char* names[] = {"", "very low", "low", "mid", "high", "very high"};
    for (auto& value : words.values) {
        if (value) {
            value = names[std::stoi(*value)];
        }
    }
    EXPECT_THROW((void)krippendorffAlpha(words, MeasurementLevel::Ordinal), AgreementError); // no order known
    words.categories = {"very low", "low", "mid", "high", "very high"};
    EXPECT_NEAR(*krippendorffAlpha(words, MeasurementLevel::Ordinal).value,
                *krippendorffAlpha(numbers, MeasurementLevel::Ordinal).value, 1e-15);
}

TEST(KrippendorffAlpha, NoVariationIsUndefined) {
    const AlphaEstimate alpha =
        krippendorffAlpha(ratingsFromRows({"a", "b"}, {{"x", "x"}, {"x", "x"}}), MeasurementLevel::Nominal);
    EXPECT_FALSE(alpha.value);
}

TEST(KrippendorffAlpha, InputsTheMethodCannotTake) {
    EXPECT_THROW((void)krippendorffAlpha(ratingsFromRows({"a"}, {{"1"}, {"2"}}), MeasurementLevel::Nominal),
                 AgreementError);
    const RatingsTable text = ratingsFromRows({"a", "b"}, {{"x", "y"}, {"y", "y"}});
    EXPECT_THROW((void)krippendorffAlpha(text, MeasurementLevel::Interval), AgreementError);
    EXPECT_THROW((void)krippendorffAlpha(text, MeasurementLevel::Ratio), AgreementError);
    const RatingsTable negative = ratingsFromRows({"a", "b"}, {{"-1", "2"}, {"2", "2"}});
    try {
        (void)krippendorffAlpha(negative, MeasurementLevel::Ratio);
        FAIL();
    } catch (const AgreementError& e) {
        EXPECT_NE(std::string(e.what()).find("≥ 0"), std::string::npos) << e.what();
    }
    EXPECT_NO_THROW((void)krippendorffAlpha(negative, MeasurementLevel::Interval));
    const RatingsTable unpaired = ratingsFromRows({"a", "b"}, {{"1", std::nullopt}, {std::nullopt, "2"}});
    EXPECT_THROW((void)krippendorffAlpha(unpaired, MeasurementLevel::Nominal), AgreementError);
    RatingsTable undeclared = ratingsFromRows({"a", "b"}, {{"1", "9"}});
    undeclared.categories = {"1", "2"};
    EXPECT_THROW((void)krippendorffAlpha(undeclared, MeasurementLevel::Nominal), AgreementError);
}

TEST(KrippendorffAlphaBootstrap, SeededAndAroundTheEstimate) {
    const RatingsTable data = test::krippendorffExample();
    BootstrapOptions options;
    options.replicates = 2000;
    options.seed = 7;
    const AlphaInterval a = krippendorffAlphaBootstrap(data, MeasurementLevel::Interval, options);
    const AlphaInterval b = krippendorffAlphaBootstrap(data, MeasurementLevel::Interval, options);
    EXPECT_EQ(*a.lower, *b.lower); // same seed, same interval, bit for bit
    EXPECT_EQ(*a.upper, *b.upper);
    EXPECT_EQ(a.replicates + a.undefinedReplicates, 2000);
    const double alpha = *krippendorffAlpha(data, MeasurementLevel::Interval).value;
    EXPECT_LT(*a.lower, alpha);
    EXPECT_GT(*a.upper, alpha);
    EXPECT_LE(*a.upper, 1.0);
    options.seed = 8;
    const AlphaInterval c = krippendorffAlphaBootstrap(data, MeasurementLevel::Interval, options);
    EXPECT_NE(*a.lower, *c.lower);
    options.replicates = 0;
    EXPECT_THROW((void)krippendorffAlphaBootstrap(data, MeasurementLevel::Interval, options), AgreementError);
}

} // namespace
} // namespace sb::agreement
