// Time-unit kappa on hand-built sessions whose units can be counted by hand
// (docs/agreement.md "Time units"; shared/notes/timeline-agreement.md §1–3).

#include "annotation/agreement/agreement_error.h"
#include "annotation/agreement/time_unit_kappa.h"
#include "timeline_support.h"

#include <gtest/gtest.h>

namespace sb::agreement {
namespace {

using test::point;
using test::seconds;
using test::state;

std::vector<std::string> unitCodes(const UnitCoding& coding, std::size_t coder) {
    std::vector<std::string> codes;
    for (const int c : coding.codes[coder]) {
        codes.push_back(coding.categories[static_cast<std::size_t>(c)]);
    }
    return codes;
}

// The worked example of the reference note (§3): u = 1 s, t = 1.
// Coder 1: groom [1.0, 3.4), a point bark at 5.7. Coder 2: groom [1.6, 3.6).
// Units: c1 = nil groom groom nil nil bark; c2 = nil nil groom groom nil nil.
CoderTimeline noteCoder1() {
    return {"c1", {state("groom", 1.0, 3.4), point("bark", 5.7)}};
}
CoderTimeline noteCoder2() {
    return {"c2", {state("groom", 1.6, 3.6)}};
}

TEST(TimeUnits, MidpointRuleAndPoints) {
    const UnitCoding coding = codeUnits({noteCoder1(), noteCoder2()}, {});
    EXPECT_EQ(coding.unitCount, 6); // T = 5.7 s (the point), ceil(5.7) = 6
    EXPECT_EQ(unitCodes(coding, 0),
              (std::vector<std::string>{"nil", "groom", "groom", "nil", "nil", "bark"}));
    EXPECT_EQ(unitCodes(coding, 1), (std::vector<std::string>{"nil", "nil", "groom", "groom", "nil", "nil"}));
    EXPECT_EQ(coding.categories, (std::vector<std::string>{"bark", "groom", "nil"}));
}

TEST(TimeUnits, BoundariesAreExact) {
    // [0.5, 1.5) holds the midpoint 0.5 of unit 0 (s ≤ mid) and 1.5 of unit 1 is excluded (mid < e).
    UnitCoding coding = codeUnits({{"a", {state("x", 0.5, 1.5)}}}, {seconds(1), seconds(3)});
    EXPECT_EQ(unitCodes(coding, 0), (std::vector<std::string>{"x", "nil", "nil"}));
    // A state that contains no midpoint is not seen at this unit size.
    coding = codeUnits({{"a", {state("x", 0.6, 1.4)}}}, {seconds(1), seconds(2)});
    EXPECT_EQ(unitCodes(coding, 0), (std::vector<std::string>{"nil", "nil"}));
    // On the grid, the midpoint rule is the majority rule: [1, 3) is units 1 and 2.
    coding = codeUnits({{"a", {state("x", 1, 3)}}}, {seconds(1), seconds(4)});
    EXPECT_EQ(unitCodes(coding, 0), (std::vector<std::string>{"nil", "x", "x", "nil"}));
    // 0.1 s units, microsecond times: 72,000 units for two hours, no floating point drift.
    coding = codeUnits({{"a", {state("x", 7199.95, 7200)}}}, {Microseconds{100'000}, std::nullopt});
    EXPECT_EQ(coding.unitCount, 72'000);
    EXPECT_EQ(coding.codes[0].back(), 0);
    EXPECT_EQ(coding.codes[0][71'998], coding.nil());
}

TEST(TimeUnits, PointExactlyAtTheEndGetsItsOwnUnit) {
    const UnitCoding coding = codeUnits({{"a", {state("x", 0, 2), point("p", 2)}}}, {});
    EXPECT_EQ(coding.unitCount, 3);
    EXPECT_EQ(unitCodes(coding, 0), (std::vector<std::string>{"x", "x", "p"}));
    const UnitCoding notOnGrid = codeUnits({{"a", {state("x", 0, 2.5), point("p", 2.5)}}}, {});
    EXPECT_EQ(notOnGrid.unitCount, 3); // ceil(2.5); the point's unit floor(2.5) = 2 exists already
}

TEST(TimeUnits, PrecedenceWithinAUnit) {
    // Latest start wins; on equal starts a point beats a state; then the smallest code.
    const UnitCoding coding = codeUnits({{"a", {state("long", 0, 10), state("later", 3, 4)}},
                                         {"b", {state("s", 2, 3), point("p", 2.2)}},
                                         {"c", {state("zeta", 5, 6), state("alpha", 5, 6)}}},
                                        {});
    EXPECT_EQ(unitCodes(coding, 0)[3], "later");
    EXPECT_EQ(unitCodes(coding, 0)[4], "long");
    EXPECT_EQ(unitCodes(coding, 1)[2], "p"); // the state starts at 2.0, the point at 2.2: the point is later
    const UnitCoding tie = codeUnits({{"b", {state("s", 2, 3), point("p", 2)}}}, {});
    EXPECT_EQ(unitCodes(tie, 0)[2], "p");
    EXPECT_EQ(unitCodes(coding, 2)[5], "alpha");
}

TEST(TimeUnitKappa, NoteExamplePlainKappa) {
    const TimeUnitKappa k = timeUnitKappa(noteCoder1(), noteCoder2(), {seconds(1), 1, std::nullopt});
    EXPECT_EQ(k.units, 6);
    EXPECT_DOUBLE_EQ(k.percentAgreement, 0.5);
    EXPECT_NEAR(k.expectedAgreement, 4.0 / 9.0, 1e-15);
    EXPECT_NEAR(*k.kappa, 0.1, 1e-15);
    // Table: rows c1, columns c2, labels bark, groom, nil.
    EXPECT_EQ(k.table.labels, (std::vector<std::string>{"bark", "groom", "nil"}));
    EXPECT_EQ(k.table.counts, (std::vector<double>{0, 0, 1, 0, 1, 1, 0, 1, 2}));
}

TEST(TimeUnitKappa, NoteExampleWithTolerance) {
    const TimeUnitKappa k = timeUnitKappa(noteCoder1(), noteCoder2(), {seconds(1), 1, std::nullopt});
    // Two passes: bark→nil 1, groom→groom 4, nil→nil 7; N = 12, kappa = 5/6.
    EXPECT_EQ(k.toleranceTable.counts, (std::vector<double>{0, 0, 1, 0, 4, 0, 0, 0, 7}));
    EXPECT_NEAR(*k.toleranceKappa, 5.0 / 6.0, 1e-15);
    EXPECT_NEAR(k.tolerancePercentAgreement, 11.0 / 12.0, 1e-15);
    EXPECT_NEAR(*k.toleranceKappaRefCoder1, 0.7, 1e-15);
    EXPECT_NEAR(*k.toleranceKappaRefCoder2, 1.0, 1e-15);
}

TEST(TimeUnitKappa, DisagreementsAndPerCode) {
    const TimeUnitKappa k = timeUnitKappa(noteCoder1(), noteCoder2(), {seconds(1), 1, std::nullopt});
    ASSERT_EQ(k.disagreements.size(), 3U);
    EXPECT_EQ(k.disagreements[0].firstUnit, 1);
    EXPECT_EQ(k.disagreements[0].start, seconds(1));
    EXPECT_EQ(k.disagreements[0].end, seconds(2));
    EXPECT_EQ(k.disagreements[0].code1, "groom");
    EXPECT_EQ(k.disagreements[0].code2, "nil");
    EXPECT_TRUE(k.disagreements[0].forgivenForCoder1); // groom at unit 2 of coder 2
    EXPECT_TRUE(k.disagreements[0].forgivenForCoder2); // nil at unit 0 of coder 1
    EXPECT_EQ(k.disagreements[2].code1, "bark");
    EXPECT_FALSE(k.disagreements[2].forgivenForCoder1);
    EXPECT_TRUE(k.disagreements[2].forgivenForCoder2);
    ASSERT_EQ(k.perCode.size(), 3U);
    const CodeAgreement& groom = k.perCode[1];
    EXPECT_EQ(groom.code, "groom");
    EXPECT_EQ(groom.unitsCoder1, 2);
    EXPECT_EQ(groom.unitsCoder2, 2);
    EXPECT_EQ(groom.unitsBoth, 1);
    // 2×2 groom vs other: (1,1,1,3), p_o = 4/6, p_e = (2·2 + 4·4)/36 = 20/36, kappa = 0.25.
    EXPECT_NEAR(*groom.kappa, 0.25, 1e-15);
    EXPECT_NEAR(*groom.toleranceKappa, 1.0, 1e-15);
}

TEST(TimeUnitKappa, RunsOfDisagreementMerge) {
    const TimeUnitKappa k = timeUnitKappa({"a", {state("x", 0, 5)}}, {"b", {state("y", 0, 5)}}, {});
    ASSERT_EQ(k.disagreements.size(), 1U);
    EXPECT_EQ(k.disagreements[0].firstUnit, 0);
    EXPECT_EQ(k.disagreements[0].lastUnit, 4);
    EXPECT_EQ(k.disagreements[0].end, seconds(5));
}

TEST(TimeUnitKappa, ZeroToleranceDoublesThePlainTable) {
    const TimeUnitKappa k = timeUnitKappa(noteCoder1(), noteCoder2(), {seconds(1), 0, std::nullopt});
    for (std::size_t i = 0; i < k.table.counts.size(); ++i) {
        EXPECT_EQ(k.toleranceTable.counts[i], 2 * k.table.counts[i]);
    }
    EXPECT_NEAR(*k.toleranceKappa, *k.kappa, 1e-15);
}

TEST(TimeUnitKappa, SwappingCodersTransposesTheTable) {
    const TimeUnitKappa ab = timeUnitKappa(noteCoder1(), noteCoder2(), {seconds(1), 1, std::nullopt});
    const TimeUnitKappa ba = timeUnitKappa(noteCoder2(), noteCoder1(), {seconds(1), 1, std::nullopt});
    for (std::size_t r = 0; r < 3; ++r) {
        for (std::size_t c = 0; c < 3; ++c) {
            EXPECT_EQ(ab.table.at(r, c), ba.table.at(c, r));
            EXPECT_EQ(ab.toleranceTable.at(r, c), ba.toleranceTable.at(c, r));
        }
    }
    EXPECT_DOUBLE_EQ(*ab.kappa, *ba.kappa);
    EXPECT_DOUBLE_EQ(*ab.toleranceKappa, *ba.toleranceKappa);
    EXPECT_DOUBLE_EQ(*ab.toleranceKappaRefCoder1, *ba.toleranceKappaRefCoder2);
}

TEST(TimeUnitKappa, PerfectAgreementAndRelabelling) {
    const CoderTimeline a{"a", {state("cry", 0, 3), state("play", 4, 9), point("look", 9.5)}};
    EXPECT_DOUBLE_EQ(*timeUnitKappa(a, a).kappa, 1.0);
    CoderTimeline b = noteCoder1();
    CoderTimeline c = noteCoder2();
    const double before = *timeUnitKappa(b, c).kappa;
    for (CoderTimeline* coder : {&b, &c}) {
        for (TimelineEvent& event : coder->events) {
            event.code = event.code == "groom" ? "allogroom" : "vocalise";
        }
    }
    EXPECT_DOUBLE_EQ(*timeUnitKappa(b, c).kappa, before);
}

TEST(TimeUnitKappa, SessionLengthAddsNilUnits) {
    const TimeUnitKappa k = timeUnitKappa(noteCoder1(), noteCoder2(), {seconds(1), 0, seconds(10)});
    EXPECT_EQ(k.units, 10);
    EXPECT_EQ(k.table.at(2, 2), 6); // nil–nil: units 0, 4 and 6…9
}

TEST(TimeUnitKappa, InvalidInputs) {
    const auto fails = [](const CoderTimeline& a, const TimeUnitKappaOptions& options, const char* words) {
        try {
            (void)timeUnitKappa(a, noteCoder2(), options);
        } catch (const AgreementError& e) {
            EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
            return;
        }
        ADD_FAILURE() << "no error for " << words;
    };
    fails({"a", {state("nil", 0, 1)}}, {}, "reserved");
    fails({"a", {state("", 0, 1)}}, {}, "empty");
    fails({"a", {state("x", 2, 1)}}, {}, "end after it starts");
    fails({"a", {state("x", 1, 1)}}, {}, "end after it starts");
    fails({"a", {TimelineEvent{"x", Microseconds{-1}, std::nullopt}}}, {}, "before the session");
    fails({"a", {state("x", 0, 20)}}, {seconds(1), 0, seconds(10)}, "after the end of the session");
    fails({"a", {}}, {Microseconds{0}, 0, std::nullopt}, "unit must be positive");
    fails({"a", {}}, {seconds(1), -1, std::nullopt}, "tolerance");
}

TEST(TimeUnitKappa, NothingCodedIsUndefined) {
    const TimeUnitKappa k = timeUnitKappa({"a", {}}, {"b", {}}, {seconds(1), 0, seconds(5)});
    EXPECT_EQ(k.units, 5);
    EXPECT_DOUBLE_EQ(k.percentAgreement, 1.0);
    EXPECT_FALSE(k.kappa); // only nil: p_e = 1
}

} // namespace
} // namespace sb::agreement
