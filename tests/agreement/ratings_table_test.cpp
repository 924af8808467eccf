// The ratings table and how its labels become categories.

#include "annotation/agreement/agreement_error.h"
#include "annotation/agreement/coded_ratings.h"
#include "annotation/agreement/ratings_table.h"

#include <gtest/gtest.h>

namespace sb::agreement {
namespace {

TEST(RatingsTable, BuilderCollectsJudgementsInFirstSeenOrder) {
    RatingsTableBuilder builder;
    builder.add("u2", "bo", "3");
    builder.add("u1", "al", "1");
    builder.add("u1", "bo", std::nullopt);
    const RatingsTable table = std::move(builder).build();
    EXPECT_EQ(table.units, (std::vector<std::string>{"u2", "u1"}));
    EXPECT_EQ(table.coders, (std::vector<std::string>{"bo", "al"}));
    EXPECT_EQ(table.value(0, 0), "3");
    EXPECT_FALSE(table.value(0, 1)); // absent: missing
    EXPECT_EQ(table.value(1, 1), "1");
    EXPECT_FALSE(table.value(1, 0)); // given as empty: missing
}

TEST(RatingsTable, DuplicateJudgementThrows) {
    RatingsTableBuilder builder;
    builder.add("u1", "al", "1");
    EXPECT_THROW(builder.add("u1", "al", "2"), AgreementError);
}

TEST(CodedRatings, NumbersAreOrderedByValueAndMergedBySpelling) {
    const CodedRatings coded =
        codeRatings(ratingsFromRows({"a", "b"}, {{"10", "2"}, {"2.0", "1e1"}, {"-0", "0"}}));
    EXPECT_TRUE(coded.numeric);
    EXPECT_TRUE(coded.ordered);
    EXPECT_EQ(coded.scores, (std::vector<double>{0, 2, 10}));
    EXPECT_EQ(coded.at(0, 0), coded.at(1, 1)); // "10" and "1e1"
    EXPECT_EQ(coded.at(0, 1), coded.at(1, 0)); // "2" and "2.0"
    EXPECT_EQ(coded.at(2, 0), coded.at(2, 1)); // "-0" and "0"
}

TEST(CodedRatings, TextIsNominalInByteOrder) {
    const CodedRatings coded =
        codeRatings(ratingsFromRows({"a", "b"}, {{"secure", "avoidant"}, {"2", "secure"}}));
    EXPECT_FALSE(coded.numeric);
    EXPECT_FALSE(coded.ordered);
    EXPECT_EQ(coded.labels, (std::vector<std::string>{"2", "avoidant", "secure"}));
}

TEST(CodedRatings, DeclaredCategoriesKeepTheirOrderAndUnusedOnes) {
    RatingsTable table = ratingsFromRows({"a", "b"}, {{"high", "low"}});
    table.categories = {"low", "mid", "high"};
    const CodedRatings coded = codeRatings(table);
    EXPECT_TRUE(coded.ordered);
    EXPECT_FALSE(coded.numeric);
    EXPECT_EQ(coded.categoryCount(), 3U);
    EXPECT_EQ(coded.at(0, 0), 2);
    table.categories = {"low", "low"};
    EXPECT_THROW((void)codeRatings(table), AgreementError);
    table.categories = {"low", "mid"};
    EXPECT_THROW((void)codeRatings(table), AgreementError); // "high" is not declared
}

TEST(CodedRatings, ParseNumberIsStrict) {
    EXPECT_EQ(parseNumber(" 2.5 "), 2.5);
    EXPECT_EQ(parseNumber("-3"), -3.0);
    EXPECT_FALSE(parseNumber("2,5"));
    EXPECT_FALSE(parseNumber("nan"));
    EXPECT_FALSE(parseNumber("inf"));
    EXPECT_FALSE(parseNumber("3 apples"));
    EXPECT_FALSE(parseNumber(""));
}

TEST(RatingsTable, RowsMustMatchTheCoders) {
    EXPECT_THROW((void)ratingsFromRows({"a", "b"}, {{"1"}}), AgreementError);
}

} // namespace
} // namespace sb::agreement
