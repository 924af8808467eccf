#pragma once
// Time-unit kappa (Bakeman & Quera 2011, Sequential Analysis and Observational Methods; Bakeman,
// Quera & Gnisci 2009, Behav Res Methods 41:137–147): two coders' codes per time unit (see
// time_units.h for how units get codes), tallied into a table with the explicit category nil,
// and Cohen's kappa on it.
//
// With a tolerance of t units (t ≥ 0), a disagreement is forgiven when the other coder used the
// reference coder's code anywhere within ±t units (window inclusive, clipped to the session);
// a forgiven unit counts as agreement on the reference code. Two passes are summed (N = 2n):
//   pass 1, reference coder 1: unit k with codes (a, b) tallies (a, a) if a = b or a occurs in
//           coder 2's units k−t…k+t, else (a, b);
//   pass 2, reference coder 2: tallies (b, b) if b = a or b occurs in coder 1's window, else (a, b).
// nil is searched for like any code. Swapping the coders transposes the table (kappa is
// symmetric); t = 0 gives twice the plain table (the same kappa). The one-directional variants
// (one pass, N = n) are reported too; pass 1 alone is the literal published description.

#include "annotation/agreement/chance_corrected.h"
#include "annotation/agreement/confusion_matrix.h"
#include "annotation/agreement/time_units.h"
#include "annotation/agreement/timeline.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sb::agreement {

struct TimeUnitKappaOptions {
    Microseconds unit{1'000'000};
    int toleranceUnits = 0;
    std::optional<Microseconds> sessionLength;
};

// One code's figures, from the table collapsed to "this code" against "everything else".
struct CodeAgreement {
    std::string code; // nil included: agreement on absence
    std::int64_t unitsCoder1 = 0;
    std::int64_t unitsCoder2 = 0;
    std::int64_t unitsBoth = 0;
    std::optional<double> kappa;          // 2×2 kappa from the plain table
    std::optional<double> toleranceKappa; // 2×2 kappa from the two-pass tolerance table
};

// A run of consecutive units on which the coders disagree in the same way.
struct DisagreementSpan {
    std::int64_t firstUnit = 0;
    std::int64_t lastUnit = 0; // inclusive
    Microseconds start{0};     // firstUnit · u
    Microseconds end{0};       // (lastUnit + 1) · u
    std::string code1;
    std::string code2;
    bool forgivenForCoder1 = false; // coder 1's code occurs in coder 2's ±t window (pass 1)
    bool forgivenForCoder2 = false; // coder 2's code occurs in coder 1's ±t window (pass 2)
};

struct TimeUnitKappa {
    Microseconds unit{1'000'000};
    std::int64_t units = 0; // n
    int toleranceUnits = 0;

    ConfusionMatrix table; // one tally per unit; rows coder 1, columns coder 2; nil last
    std::optional<double> kappa;
    double percentAgreement = 0;
    double expectedAgreement = 0;

    ConfusionMatrix toleranceTable; // both passes, N = 2n
    std::optional<double> toleranceKappa;
    double tolerancePercentAgreement = 0;
    std::optional<double> toleranceKappaRefCoder1; // pass 1 alone
    std::optional<double> toleranceKappaRefCoder2; // pass 2 alone

    std::vector<CodeAgreement> perCode;
    std::vector<DisagreementSpan> disagreements;
};

[[nodiscard]] TimeUnitKappa timeUnitKappa(const CoderTimeline& coder1, const CoderTimeline& coder2,
                                          const TimeUnitKappaOptions& options = {});

// Two coders of an already unit-coded session (all pairs of several coders share one grid).
[[nodiscard]] TimeUnitKappa timeUnitKappa(const UnitCoding& coding, std::size_t coder1, std::size_t coder2,
                                          int toleranceUnits);

// Cohen's kappa of a table whose expected agreement may be 1: (p_o − p_e)/(1 − p_e) or none.
[[nodiscard]] ChanceCorrected tableKappa(const ConfusionMatrix& table);

} // namespace sb::agreement
