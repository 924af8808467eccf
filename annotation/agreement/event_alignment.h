#pragma once
// Event-based agreement: the two coders' events aligned by dynamic programming (Needleman–Wunsch
// global alignment, as GSEQ does after Quera, Bakeman & Gnisci 2007), unpaired events tallied
// against nil, and kappa with an expected table that respects the structural zero nil–nil.
// The rules (docs/agreement.md, "Event alignment"):
//
//  - Each coder's events are sorted by (start, end, code); a point ends where it starts.
//  - Two events are alignable iff their onsets differ by at most `onsetTolerance`, or both
//    have a duration and overlap / max(duration) ≥ `minimumOverlap` (Holle & Rein 2015 use 60 %
//    of the longer annotation). Points align by onset only.
//  - The alignment minimises a lexicographic cost (primary, secondary): a pair of the same code
//    costs (0, |Δonset|), a pair of different codes (1, |Δonset|), an event against a gap (1, 0).
//    A pair must be alignable, whatever its codes.
//  - Ties in the traceback from (n1, n2): pair first, then coder 1's event against a gap, then
//    coder 2's event against a gap. All costs are integers, so ties are exact.
//  - Tally, one count per alignment column: a pair → (code1, code2); coder 1's event alone →
//    (code1, nil), an omission by coder 2; coder 2's event alone → (nil, code2), a commission.
//    nil–nil cannot occur.

#include "annotation/agreement/confusion_matrix.h"
#include "annotation/agreement/timeline.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sb::agreement {

// numerator / denominator, kept as integers so that overlap shares compare exactly.
struct Fraction {
    std::int64_t numerator = 3;
    std::int64_t denominator = 5;
};

struct EventAlignmentOptions {
    Microseconds onsetTolerance{2'000'000};
    Fraction minimumOverlap{3, 5}; // 0 < share ≤ 1
};

enum class PairingKind {
    Paired,     // an event of each coder, same code or not
    Omission,   // coder 1's event, nothing of coder 2's
    Commission, // coder 2's event, nothing of coder 1's
};

struct EventPairing {
    PairingKind kind = PairingKind::Paired;
    std::optional<std::size_t> event1; // index into coder 1's events as given
    std::optional<std::size_t> event2; // index into coder 2's events as given
    std::string code1;                 // "nil" for a gap
    std::string code2;
    std::optional<Microseconds> onsetDifference; // coder 2's start − coder 1's, for pairs
};

// Detection of one code, coder 1 taken as the reference.
struct CodeDetection {
    std::string code;
    std::int64_t matched = 0;      // paired with an event of the same code
    std::int64_t coder1Events = 0; // all of coder 1's events of this code
    std::int64_t coder2Events = 0;
    std::optional<double> precision; // matched / coder2Events
    std::optional<double> recall;    // matched / coder1Events
    std::optional<double> f1;        // 2 matched / (coder1Events + coder2Events)
};

struct EventAlignment {
    std::vector<EventPairing> pairings; // in alignment (time) order
    ConfusionMatrix table;              // codes in byte order, then nil; rows coder 1
    double observedAgreement = 0;       // trace / N
    // Headline: p_e from the expected table fitted to the margins with nil–nil held at 0
    // (ipf.h), p_e = fitted diagonal / N, not clipped at 0.
    std::optional<double> kappa;
    double expectedAgreement = 0;
    bool expectedTableConverged = true;
    std::optional<double> kappaCohen;     // Cohen on the full table, nil an ordinary category
    std::optional<double> kappaExclusive; // Cohen on the pairs only (nil row and column dropped)
    std::vector<CodeDetection> perCode;
};

// Throws AgreementError for invalid events (timeline.h), a negative tolerance, an overlap share
// outside (0, 1], or more than 4·10⁹ alignment cells (n1 · n2; the traceback keeps 2 bits each).
[[nodiscard]] EventAlignment alignEvents(const CoderTimeline& coder1, const CoderTimeline& coder2,
                                         const EventAlignmentOptions& options = {});

} // namespace sb::agreement
