// Event alignment on hand-built sessions whose pairings can be worked out by hand
// (docs/agreement.md "Event alignment"; shared/notes/timeline-agreement.md §4).
//
// The expected-table kappa of the first session was checked with an independent IPF written in
// numpy in the development session (same seed, structural zero and stopping rule): 7/17.

#include "annotation/agreement/agreement_error.h"
#include "annotation/agreement/event_alignment.h"
#include "timeline_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <tuple>

namespace sb::agreement {
namespace {

using test::point;
using test::seconds;
using test::state;

// Coder 1: A [0, 5), B [10, 12), A [20, 21), point C at 30.
// Coder 2: A [1, 5) (onset 1 s later: pair), B [13, 14) (3 s later, no overlap: not alignable),
//          A [20.5, 21.5) (pair), point C at 31.5 (pair), D [40, 41) (nothing to pair with).
CoderTimeline sessionCoder1() {
    return {"c1", {state("A", 0, 5), state("B", 10, 12), state("A", 20, 21), point("C", 30)}};
}
CoderTimeline sessionCoder2() {
    // Deliberately out of time order: the alignment sorts, the pairings keep the input indices.
    return {
        "c2",
        {state("D", 40, 41), state("A", 1, 5), state("B", 13, 14), state("A", 20.5, 21.5), point("C", 31.5)}};
}

TEST(EventAlignment, PairsOmissionsAndCommissions) {
    const EventAlignment alignment = alignEvents(sessionCoder1(), sessionCoder2());
    ASSERT_EQ(alignment.pairings.size(), 6U);
    const auto& p = alignment.pairings;
    EXPECT_EQ(p[0].kind, PairingKind::Paired);
    EXPECT_EQ(*p[0].event1, 0U);
    EXPECT_EQ(*p[0].event2, 1U); // input index of A [1, 5)
    EXPECT_EQ(*p[0].onsetDifference, seconds(1));
    // Between two pairs, unpaired events of both coders: the backward traceback takes coder 1's
    // event first, so in time order coder 2's commission comes before coder 1's omission.
    EXPECT_EQ(p[1].kind, PairingKind::Commission);
    EXPECT_EQ(*p[1].event2, 2U);
    EXPECT_EQ(p[1].code1, "nil");
    EXPECT_EQ(p[1].code2, "B");
    EXPECT_EQ(p[2].kind, PairingKind::Omission);
    EXPECT_EQ(*p[2].event1, 1U);
    EXPECT_EQ(p[2].code2, "nil");
    EXPECT_EQ(p[3].kind, PairingKind::Paired);
    EXPECT_EQ(*p[3].onsetDifference, seconds(0.5));
    EXPECT_EQ(p[4].kind, PairingKind::Paired);
    EXPECT_EQ(p[4].code1, "C");
    EXPECT_EQ(p[5].kind, PairingKind::Commission);
    EXPECT_EQ(*p[5].event2, 0U);
}

TEST(EventAlignment, TableAndKappas) {
    const EventAlignment alignment = alignEvents(sessionCoder1(), sessionCoder2());
    EXPECT_EQ(alignment.table.labels, (std::vector<std::string>{"A", "B", "C", "D", "nil"}));
    // rows coder 1: A→A 2, B→nil 1, C→C 1; nil→B 1, nil→D 1; nil–nil 0.
    EXPECT_EQ(alignment.table.counts, (std::vector<double>{2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1,
                                                           0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0}));
    EXPECT_DOUBLE_EQ(alignment.observedAgreement, 0.5);
    // Cohen on the full table: p_e = (A 2·2 + B 1·1 + C 1·1 + D 0·1 + nil 2·1)/36 = 8/36, kappa = 5/14.
    EXPECT_NEAR(*alignment.kappaCohen, 5.0 / 14.0, 1e-15);
    // Cohen on the pairs only: A–A 2, C–C 1: perfect.
    EXPECT_NEAR(*alignment.kappaExclusive, 1.0, 1e-15);
    // Expected table fitted with nil–nil held at 0: p_e = 0.15, kappa = 7/17.
    EXPECT_TRUE(alignment.expectedTableConverged);
    EXPECT_NEAR(alignment.expectedAgreement, 0.15, 1e-12);
    EXPECT_NEAR(*alignment.kappa, 7.0 / 17.0, 1e-12);
}

TEST(EventAlignment, PrecisionRecallF1PerCode) {
    const EventAlignment alignment = alignEvents(sessionCoder1(), sessionCoder2());
    ASSERT_EQ(alignment.perCode.size(), 4U);
    const CodeDetection& a = alignment.perCode[0];
    EXPECT_EQ(a.code, "A");
    EXPECT_EQ(a.matched, 2);
    EXPECT_DOUBLE_EQ(*a.precision, 1.0);
    EXPECT_DOUBLE_EQ(*a.recall, 1.0);
    EXPECT_DOUBLE_EQ(*a.f1, 1.0);
    const CodeDetection& b = alignment.perCode[1];
    EXPECT_EQ(b.matched, 0);
    EXPECT_DOUBLE_EQ(*b.precision, 0.0);
    EXPECT_DOUBLE_EQ(*b.recall, 0.0);
    const CodeDetection& d = alignment.perCode[3];
    EXPECT_EQ(d.coder1Events, 0);
    EXPECT_EQ(d.coder2Events, 1);
    EXPECT_DOUBLE_EQ(*d.precision, 0.0);
    EXPECT_FALSE(d.recall); // coder 1 never used D
    EXPECT_DOUBLE_EQ(*d.f1, 0.0);
}

TEST(EventAlignment, DifferentCodesPairWhenAlignable) {
    const EventAlignment alignment = alignEvents({"a", {state("cry", 0, 2)}}, {"b", {state("fuss", 0.5, 2)}});
    ASSERT_EQ(alignment.pairings.size(), 1U);
    EXPECT_EQ(alignment.pairings[0].kind, PairingKind::Paired);
    EXPECT_EQ(alignment.table.at(0, 1), 1); // (cry, fuss)
}

TEST(EventAlignment, SameCodeBeatsNearerDifferentCode) {
    // Coder 1: X at 10. Coder 2: Y at 10 and X at 11.5, both alignable. Pairing X with X leaves
    // Y as a gap: (0, 1.5 s) + (1, 0) = (1, 1.5 s). Pairing X with Y leaves coder 2's X as a
    // gap: (1, 0) + (1, 0) = (2, 0). The primary cost decides: X pairs with X.
    const EventAlignment alignment =
        alignEvents({"a", {point("X", 10)}}, {"b", {point("Y", 10), point("X", 11.5)}});
    ASSERT_EQ(alignment.pairings.size(), 2U);
    EXPECT_EQ(alignment.pairings[0].kind, PairingKind::Commission);
    EXPECT_EQ(alignment.pairings[0].code2, "Y");
    EXPECT_EQ(alignment.pairings[1].kind, PairingKind::Paired);
    EXPECT_EQ(alignment.pairings[1].code2, "X");
}

TEST(EventAlignment, OnsetTiesPairTheLaterEvent) {
    // Coder 1: A at 10. Coder 2: A at 9 and A at 11, both 1 s away: equal cost, and the
    // traceback from the end takes the pair first, so A at 10 pairs with A at 11.
    const EventAlignment alignment =
        alignEvents({"a", {point("A", 10)}}, {"b", {point("A", 9), point("A", 11)}});
    ASSERT_EQ(alignment.pairings.size(), 2U);
    EXPECT_EQ(alignment.pairings[0].kind, PairingKind::Commission);
    EXPECT_EQ(*alignment.pairings[0].event2, 0U);
    EXPECT_EQ(alignment.pairings[1].kind, PairingKind::Paired);
    EXPECT_EQ(*alignment.pairings[1].event2, 1U);
}

TEST(EventAlignment, SecondaryCostPrefersTheNearerOnset) {
    const EventAlignment alignment =
        alignEvents({"a", {point("A", 10)}}, {"b", {point("A", 8.5), point("A", 10.2)}});
    EXPECT_EQ(*alignment.pairings[1].event2, 1U);
    EXPECT_EQ(*alignment.pairings[1].onsetDifference, seconds(0.2));
}

TEST(EventAlignment, OverlapShareAlignsDistantOnsets) {
    // Onsets 3 s apart (> 2 s), overlap 7 s of the longer 10 s = 70 %.
    const CoderTimeline a{"a", {state("A", 0, 10)}};
    const CoderTimeline b{"b", {state("A", 3, 10)}};
    EXPECT_EQ(alignEvents(a, b).pairings.size(), 1U); // 70 % ≥ 60 %
    EventAlignmentOptions strict;
    strict.minimumOverlap = {4, 5};
    EXPECT_EQ(alignEvents(a, b, strict).pairings.size(), 2U); // 70 % < 80 %: omission + commission
    strict.minimumOverlap = {7, 10};
    EXPECT_EQ(alignEvents(a, b, strict).pairings.size(), 1U); // exactly 70 %: alignable (≥)
    // Points align by onset only.
    EXPECT_EQ(alignEvents({"a", {point("A", 5)}}, {"b", {state("A", 0, 10)}}).pairings.size(), 2U);
    EXPECT_EQ(alignEvents({"a", {point("A", 5)}}, {"b", {state("A", 3.5, 10)}}).pairings.size(), 1U);
}

TEST(EventAlignment, OnsetToleranceIsInclusive) {
    const CoderTimeline a{"a", {point("A", 10)}};
    EXPECT_EQ(alignEvents(a, {"b", {point("A", 12)}}).pairings.size(), 1U);
    EXPECT_EQ(alignEvents(a, {"b", {TimelineEvent{"A", seconds(12) + Microseconds{1}, std::nullopt}}})
                  .pairings.size(),
              2U);
}

TEST(EventAlignment, PerfectAgreementSymmetryAndRelabelling) {
    const CoderTimeline a = sessionCoder1();
    const EventAlignment same = alignEvents(a, a);
    EXPECT_DOUBLE_EQ(*same.kappa, 1.0);
    EXPECT_DOUBLE_EQ(*same.kappaCohen, 1.0);
    const EventAlignment ab = alignEvents(sessionCoder1(), sessionCoder2());
    const EventAlignment ba = alignEvents(sessionCoder2(), sessionCoder1());
    EXPECT_NEAR(*ab.kappa, *ba.kappa, 1e-12);
    EXPECT_NEAR(*ab.kappaCohen, *ba.kappaCohen, 1e-15);
    CoderTimeline c1 = sessionCoder1();
    CoderTimeline c2 = sessionCoder2();
    for (CoderTimeline* coder : {&c1, &c2}) {
        for (TimelineEvent& event : coder->events) {
            event.code = "code-" + event.code;
        }
    }
    EXPECT_NEAR(*alignEvents(c1, c2).kappa, *ab.kappa, 1e-15);
}

// The rules of event_alignment.h written the plain way: the full cost table, every cell tried,
// no windows; the traceback with the same tie order. The windowed implementation must agree.
std::vector<std::pair<std::optional<std::size_t>, std::optional<std::size_t>>>
referenceAlignment(const CoderTimeline& c1, const CoderTimeline& c2, const EventAlignmentOptions& options) {
    const auto order = [](const CoderTimeline& c) {
        std::vector<std::size_t> idx(c.events.size());
        std::iota(idx.begin(), idx.end(), std::size_t{0});
        std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
            return std::tie(c.events[a].start, c.events[a].end, c.events[a].code) <
                   std::tie(c.events[b].start, c.events[b].end, c.events[b].code);
        });
        return idx;
    };
    const std::vector<std::size_t> a = order(c1);
    const std::vector<std::size_t> b = order(c2);
    const auto alignable = [&](const TimelineEvent& x, const TimelineEvent& y) {
        const long long onset = std::llabs((y.start - x.start).count());
        if (onset <= options.onsetTolerance.count()) {
            return true;
        }
        if (x.isPoint() || y.isPoint()) {
            return false;
        }
        const long long overlap = (std::min(*x.end, *y.end) - std::max(x.start, y.start)).count();
        const long long longer = std::max((*x.end - x.start).count(), (*y.end - y.start).count());
        return overlap > 0 && static_cast<long double>(overlap) * options.minimumOverlap.denominator >=
                                  static_cast<long double>(longer) * options.minimumOverlap.numerator;
    };
    using Cost = std::pair<long long, long long>;
    const std::size_t n1 = a.size();
    const std::size_t n2 = b.size();
    std::vector<std::vector<Cost>> d(n1 + 1, std::vector<Cost>(n2 + 1));
    for (std::size_t i = 0; i <= n1; ++i) {
        for (std::size_t j = 0; j <= n2; ++j) {
            if (i == 0 && j == 0) {
                continue;
            }
            Cost best{1LL << 60, 0};
            if (i > 0 && j > 0 && alignable(c1.events[a[i - 1]], c2.events[b[j - 1]])) {
                const TimelineEvent& x = c1.events[a[i - 1]];
                const TimelineEvent& y = c2.events[b[j - 1]];
                best = {d[i - 1][j - 1].first + (x.code == y.code ? 0 : 1),
                        d[i - 1][j - 1].second + std::llabs((y.start - x.start).count())};
            }
            if (i > 0) {
                best = std::min(best, Cost{d[i - 1][j].first + 1, d[i - 1][j].second});
            }
            if (j > 0) {
                best = std::min(best, Cost{d[i][j - 1].first + 1, d[i][j - 1].second});
            }
            d[i][j] = best;
        }
    }
    std::vector<std::pair<std::optional<std::size_t>, std::optional<std::size_t>>> columns;
    std::size_t i = n1;
    std::size_t j = n2;
    while (i > 0 || j > 0) {
        if (i > 0 && j > 0 && alignable(c1.events[a[i - 1]], c2.events[b[j - 1]])) {
            const TimelineEvent& x = c1.events[a[i - 1]];
            const TimelineEvent& y = c2.events[b[j - 1]];
            const Cost pair{d[i - 1][j - 1].first + (x.code == y.code ? 0 : 1),
                            d[i - 1][j - 1].second + std::llabs((y.start - x.start).count())};
            if (pair == d[i][j]) {
                columns.emplace_back(a[i - 1], b[j - 1]);
                --i;
                --j;
                continue;
            }
        }
        if (i > 0 && Cost{d[i - 1][j].first + 1, d[i - 1][j].second} == d[i][j]) {
            columns.emplace_back(a[i - 1], std::nullopt);
            --i;
        } else {
            columns.emplace_back(std::nullopt, b[j - 1]);
            --j;
        }
    }
    std::reverse(columns.begin(), columns.end());
    return columns;
}

TEST(EventAlignment, AgreesWithAPlainFullTableDp) {
    std::mt19937_64 random(42);
    std::uniform_int_distribution<long long> time(0, 60'000'000);
    std::uniform_int_distribution<long long> length(0, 8'000'000);
    std::uniform_int_distribution<int> code(0, 2);
    std::uniform_int_distribution<int> count(0, 25);
    for (int trial = 0; trial < 300; ++trial) {
        CoderTimeline c1{"a", {}};
        CoderTimeline c2{"b", {}};
        for (CoderTimeline* c : {&c1, &c2}) {
            const int n = count(random);
            for (int k = 0; k < n; ++k) {
                const Microseconds start{time(random)};
                const long long d = length(random) < 2'000'000 ? 0 : length(random);
                // whole seconds now and then, so that exact onset and overlap ties occur
                const Microseconds s =
                    trial % 2 == 0 ? Microseconds{start.count() / 1'000'000 * 1'000'000} : start;
                c->events.push_back(
                    {"c" + std::to_string(code(random)), s,
                     d == 0 ? std::nullopt : std::optional<Microseconds>(s + Microseconds{d})});
            }
        }
        EventAlignmentOptions options;
        if (trial % 3 == 1) {
            options.minimumOverlap = {1, 4};
            options.onsetTolerance = Microseconds{500'000};
        }
        const EventAlignment got = alignEvents(c1, c2, options);
        const auto expected = referenceAlignment(c1, c2, options);
        ASSERT_EQ(got.pairings.size(), expected.size()) << "trial " << trial;
        for (std::size_t k = 0; k < expected.size(); ++k) {
            EXPECT_EQ(got.pairings[k].event1, expected[k].first) << "trial " << trial << " column " << k;
            EXPECT_EQ(got.pairings[k].event2, expected[k].second) << "trial " << trial << " column " << k;
        }
    }
}

TEST(EventAlignment, EmptyAndInvalid) {
    const EventAlignment empty = alignEvents({"a", {}}, {"b", {}});
    EXPECT_TRUE(empty.pairings.empty());
    EXPECT_FALSE(empty.kappa);
    const EventAlignment oneSided = alignEvents({"a", {point("A", 1)}}, {"b", {}});
    ASSERT_EQ(oneSided.pairings.size(), 1U);
    EXPECT_EQ(oneSided.pairings[0].kind, PairingKind::Omission);
    EventAlignmentOptions bad;
    bad.onsetTolerance = Microseconds{-1};
    EXPECT_THROW((void)alignEvents({"a", {}}, {"b", {}}, bad), AgreementError);
    bad = {};
    bad.minimumOverlap = {0, 5};
    EXPECT_THROW((void)alignEvents({"a", {}}, {"b", {}}, bad), AgreementError);
    bad.minimumOverlap = {6, 5};
    EXPECT_THROW((void)alignEvents({"a", {}}, {"b", {}}, bad), AgreementError);
    EXPECT_THROW((void)alignEvents({"a", {state("nil", 0, 1)}}, {"b", {}}), AgreementError);
    EXPECT_THROW((void)alignEvents({"a", {state("A", 3, 1)}}, {"b", {}}), AgreementError);
}

} // namespace
} // namespace sb::agreement
