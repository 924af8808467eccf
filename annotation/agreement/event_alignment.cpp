#include "annotation/agreement/event_alignment.h"

#include "annotation/agreement/agreement_error.h"
#include "annotation/agreement/ipf.h"
#include "annotation/agreement/time_unit_kappa.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace sb::agreement {

namespace {

__extension__ using Int128 = __int128;

// One coder's events in alignment order, as flat arrays for the inner loop.
struct SortedEvents {
    std::vector<std::size_t> index; // position in the input
    std::vector<std::int64_t> start;
    std::vector<std::int64_t> stop;
    std::vector<int> code;
    [[nodiscard]] std::size_t size() const { return index.size(); }
    [[nodiscard]] std::int64_t duration(std::size_t i) const { return stop[i] - start[i]; }
};

SortedEvents sortEvents(const CoderTimeline& timeline, const std::map<std::string, int>& codes) {
    SortedEvents sorted;
    sorted.index.resize(timeline.events.size());
    std::iota(sorted.index.begin(), sorted.index.end(), std::size_t{0});
    std::stable_sort(sorted.index.begin(), sorted.index.end(), [&](std::size_t a, std::size_t b) {
        const TimelineEvent& x = timeline.events[a];
        const TimelineEvent& y = timeline.events[b];
        return std::tie(x.start, x.end, x.code) < std::tie(y.start, y.end, y.code);
    });
    for (const std::size_t i : sorted.index) {
        const TimelineEvent& event = timeline.events[i];
        sorted.start.push_back(event.start.count());
        sorted.stop.push_back(event.stop().count());
        sorted.code.push_back(codes.at(event.code));
    }
    return sorted;
}

// Lexicographic alignment cost.
struct Cost {
    std::int64_t primary = 0;
    std::int64_t secondary = 0;
    friend bool operator<(const Cost& a, const Cost& b) {
        return a.primary < b.primary || (a.primary == b.primary && a.secondary < b.secondary);
    }
};

enum Move : std::uint8_t { kPair = 0, kGapForCoder2 = 1, kGapForCoder1 = 2 };
// kGapForCoder2: coder 1's event against a gap (step back in coder 1 only);
// kGapForCoder1: coder 2's event against a gap.

class Traceback {
public:
    Traceback(std::size_t rows, std::size_t cols)
        : cols_(cols)
        , bits_((rows * cols + 3) / 4, 0) {}
    void set(std::size_t r, std::size_t c, Move move) {
        const std::size_t cell = r * cols_ + c;
        bits_[cell / 4] = static_cast<std::uint8_t>(bits_[cell / 4] | (move << (2 * (cell % 4))));
    }
    [[nodiscard]] Move get(std::size_t r, std::size_t c) const {
        const std::size_t cell = r * cols_ + c;
        return static_cast<Move>((bits_[cell / 4] >> (2 * (cell % 4))) & 3U);
    }

private:
    std::size_t cols_;
    std::vector<std::uint8_t> bits_;
};

} // namespace

EventAlignment alignEvents(const CoderTimeline& coder1, const CoderTimeline& coder2,
                           const EventAlignmentOptions& options) {
    validateTimeline(coder1);
    validateTimeline(coder2);
    const std::int64_t tolerance = options.onsetTolerance.count();
    const std::int64_t num = options.minimumOverlap.numerator;
    const std::int64_t den = options.minimumOverlap.denominator;
    if (tolerance < 0) {
        throw AgreementError("the onset tolerance must not be negative");
    }
    if (num <= 0 || den <= 0 || num > den) {
        throw AgreementError("the minimum overlap must be a share above 0 and at most 1");
    }

    std::map<std::string, int> codes;
    for (const CoderTimeline* coder : {&coder1, &coder2}) {
        for (const TimelineEvent& event : coder->events) {
            codes.try_emplace(event.code, 0);
        }
    }
    std::vector<std::string> labels;
    for (auto& [code, index] : codes) {
        index = static_cast<int>(labels.size());
        labels.push_back(code);
    }
    labels.emplace_back(kNil);
    const std::size_t nil = labels.size() - 1;

    const SortedEvents a = sortEvents(coder1, codes);
    const SortedEvents b = sortEvents(coder2, codes);
    const std::size_t n1 = a.size();
    const std::size_t n2 = b.size();
    if (static_cast<double>(n1 + 1) * static_cast<double>(n2 + 1) > 4e9) {
        throw AgreementError("too many events to align: " + std::to_string(n1) + " × " + std::to_string(n2));
    }

    const auto alignable = [&](std::size_t i, std::size_t j) {
        const std::int64_t onset = b.start[j] - a.start[i];
        if (onset <= tolerance && -onset <= tolerance) {
            return true;
        }
        const std::int64_t d1 = a.duration(i);
        const std::int64_t d2 = b.duration(j);
        if (d1 == 0 || d2 == 0) {
            return false;
        }
        const std::int64_t overlap = std::min(a.stop[i], b.stop[j]) - std::max(a.start[i], b.start[j]);
        return overlap > 0 && Int128{overlap} * den >= Int128{num} * std::max(d1, d2);
    };

    // Needleman–Wunsch over the full (n1+1) × (n2+1) grid; only two rows of costs are kept, the
    // choices in 2 bits a cell. Pairs are tried only within each row's window of coder-2 onsets
    // that could be alignable: [s − tolerance, s + tolerance] by onset, and, for a state, onsets
    // in [s − d(1−p)/p, e) by overlap (a pair overlapping by p of the longer one cannot start
    // earlier than that).
    Traceback trace(n1 + 1, n2 + 1);
    std::vector<Cost> previous(n2 + 1);
    std::vector<Cost> current(n2 + 1);
    for (std::size_t j = 1; j <= n2; ++j) {
        previous[j] = {static_cast<std::int64_t>(j), 0};
        trace.set(0, j, kGapForCoder1);
    }
    for (std::size_t i = 1; i <= n1; ++i) {
        const std::size_t ai = i - 1;
        std::int64_t lowest = a.start[ai] - tolerance;
        std::int64_t highest = a.start[ai] + tolerance;
        const std::int64_t d1 = a.duration(ai);
        if (d1 > 0) {
            const Int128 reach = (Int128{d1} * (den - num) + num - 1) / num;
            lowest = std::min(lowest, static_cast<std::int64_t>(Int128{a.start[ai]} - reach));
            highest = std::max(highest, a.stop[ai] - 1);
        }
        const auto from = static_cast<std::size_t>(std::lower_bound(b.start.begin(), b.start.end(), lowest) -
                                                   b.start.begin());
        const auto to = static_cast<std::size_t>(std::upper_bound(b.start.begin(), b.start.end(), highest) -
                                                 b.start.begin());
        current[0] = {static_cast<std::int64_t>(i), 0};
        trace.set(i, 0, kGapForCoder2);
        for (std::size_t j = 1; j <= n2; ++j) {
            const std::size_t bj = j - 1;
            Cost best{previous[j].primary + 1, previous[j].secondary};
            Move move = kGapForCoder2;
            const Cost left{current[j - 1].primary + 1, current[j - 1].secondary};
            if (left < best) {
                best = left;
                move = kGapForCoder1;
            }
            if (bj >= from && bj < to && alignable(ai, bj)) {
                const std::int64_t onset = b.start[bj] - a.start[ai];
                const Cost pair{previous[j - 1].primary + (a.code[ai] == b.code[bj] ? 0 : 1),
                                previous[j - 1].secondary + (onset < 0 ? -onset : onset)};
                if (!(best < pair)) { // ties go to the pair
                    best = pair;
                    move = kPair;
                }
            }
            current[j] = best;
            trace.set(i, j, move);
        }
        std::swap(previous, current);
    }

    EventAlignment result;
    std::size_t i = n1;
    std::size_t j = n2;
    while (i > 0 || j > 0) {
        const Move move = trace.get(i, j);
        EventPairing pairing;
        if (move == kPair) {
            pairing.kind = PairingKind::Paired;
            pairing.event1 = a.index[i - 1];
            pairing.event2 = b.index[j - 1];
            pairing.code1 = labels[static_cast<std::size_t>(a.code[i - 1])];
            pairing.code2 = labels[static_cast<std::size_t>(b.code[j - 1])];
            pairing.onsetDifference = Microseconds{b.start[j - 1] - a.start[i - 1]};
            --i;
            --j;
        } else if (move == kGapForCoder2) {
            pairing.kind = PairingKind::Omission;
            pairing.event1 = a.index[i - 1];
            pairing.code1 = labels[static_cast<std::size_t>(a.code[i - 1])];
            pairing.code2 = std::string(kNil);
            --i;
        } else {
            pairing.kind = PairingKind::Commission;
            pairing.event2 = b.index[j - 1];
            pairing.code1 = std::string(kNil);
            pairing.code2 = labels[static_cast<std::size_t>(b.code[j - 1])];
            --j;
        }
        result.pairings.push_back(std::move(pairing));
    }
    std::reverse(result.pairings.begin(), result.pairings.end());

    // The tally and its kappas.
    result.table = ConfusionMatrix(labels);
    for (const EventPairing& pairing : result.pairings) {
        const std::size_t row = pairing.event1 ? static_cast<std::size_t>(codes.at(pairing.code1)) : nil;
        const std::size_t col = pairing.event2 ? static_cast<std::size_t>(codes.at(pairing.code2)) : nil;
        result.table.at(row, col) += 1;
    }
    const double n = result.table.total();
    if (n > 0) {
        result.observedAgreement = result.table.diagonal() / n;
        const FittedTable fitted = fitWithStructuralZero(result.table, nil, nil);
        result.expectedTableConverged = fitted.converged;
        double expectedDiagonal = 0;
        for (std::size_t c = 0; c < nil; ++c) {
            expectedDiagonal += fitted.expected.at(c, c);
        }
        result.expectedAgreement = expectedDiagonal / n;
        result.kappa = chanceCorrect(result.observedAgreement, result.expectedAgreement);
        result.kappaCohen = tableKappa(result.table).value;
        ConfusionMatrix pairsOnly(std::vector<std::string>(labels.begin(), labels.end() - 1));
        for (std::size_t r = 0; r < nil; ++r) {
            for (std::size_t c = 0; c < nil; ++c) {
                pairsOnly.at(r, c) = result.table.at(r, c);
            }
        }
        result.kappaExclusive = tableKappa(pairsOnly).value;
    }

    const std::vector<double> rows = result.table.rowTotals();
    const std::vector<double> cols = result.table.columnTotals();
    for (std::size_t c = 0; c < nil; ++c) {
        CodeDetection detection;
        detection.code = labels[c];
        detection.matched = static_cast<std::int64_t>(result.table.at(c, c));
        detection.coder1Events = static_cast<std::int64_t>(rows[c]);
        detection.coder2Events = static_cast<std::int64_t>(cols[c]);
        const auto m = static_cast<double>(detection.matched);
        if (detection.coder2Events > 0) {
            detection.precision = m / static_cast<double>(detection.coder2Events);
        }
        if (detection.coder1Events > 0) {
            detection.recall = m / static_cast<double>(detection.coder1Events);
        }
        detection.f1 = 2 * m / static_cast<double>(detection.coder1Events + detection.coder2Events);
        result.perCode.push_back(std::move(detection));
    }
    return result;
}

} // namespace sb::agreement
