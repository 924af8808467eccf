#pragma once
// The criterion of a training set: what a trainee's coding must reach against the gold standard
// before a supervisor may sign them off (docs/training.md, "The criterion"). It is data chosen by
// the supervisor and stored as JSON in the project (training_sets.criterion_json), never code, so
// a lab sets its own bar without a new build.
//
// Three kinds of requirement, any number of each, all of which must be met:
//  - time-unit kappa ≥ k per exclusive group, per code or overall, with a unit and a tolerance,
//    on at least `tapes` tapes (default every tape of the set);
//  - scale scores within N points of gold on at least P % of the scored episodes of a tape, on
//    at least `tapes` tapes;
//  - the same session judgement (an A/B/C/D classification) as gold on at least m tapes.
//
// parseCriterion reports every problem at once, each with the line, the JSON pointer and what is
// wrong; validateCriterion checks the ids against a scheme and the tape counts against a set.

#include "annotation/time.h"
#include "schemes/coding_scheme.h"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sb::annotation {

// A criterion that cannot be used: every diagnostic as "source:line: /pointer: message".
class CriterionError : public std::runtime_error {
public:
    explicit CriterionError(std::vector<std::string> diagnostics);
    [[nodiscard]] const std::vector<std::string>& diagnostics() const { return diagnostics_; }

private:
    std::vector<std::string> diagnostics_;
};

struct KappaRequirement {
    enum class Per { Group, Code, Overall };
    Per per = Per::Group;
    // Groups or codes the requirement is about; empty: every group (code) coded on the tape.
    // Overall: the mean of the stream kappas of the tape, ids unused.
    std::vector<std::string> ids;
    double minimum = 0.8;
    Microseconds unit{1'000'000};
    Microseconds tolerance{0}; // ± window, a whole number of units
    std::optional<int> tapes;  // tapes on which it must hold; none: every tape of the set
};

struct ScaleRequirement {
    std::vector<std::string> scales; // empty: every scale of the scheme
    bool perScale = false;           // each scale on its own must reach the share, not the scales pooled
    int within = 0;                  // |trainee − gold| ≤ within
    double minimumPercent = 80;      // of the episodes gold scored on the tape
    std::optional<int> tapes;
};

struct JudgementRequirement {
    std::string judgement;  // a category judgement with one answer ("classification")
    bool mainLevel = false; // compare main categories (B for B3) rather than the options chosen
    int atLeast = 1;        // tapes with the same answer as gold
    std::optional<int> of;  // when given, the number of tapes the set must have
};

struct TrainingCriterion {
    std::vector<KappaRequirement> kappa;
    std::vector<ScaleRequirement> scales;
    std::vector<JudgementRequirement> judgements;
};

[[nodiscard]] std::string_view perName(KappaRequirement::Per per); // "group", "code", "overall"

// Parses criterion JSON. `source` names it in diagnostics (a file name, or "training set 'X'").
// Throws CriterionError listing every problem.
[[nodiscard]] TrainingCriterion parseCriterion(std::string_view json, std::string_view source);

// The canonical JSON (every default written out): what the project stores, and what
// parseCriterion reads back to an equal criterion.
[[nodiscard]] nlohmann::json toJson(const TrainingCriterion& criterion);

// Checks the criterion against a scheme (groups, codes, scales and judgements exist; a judgement
// is a single-answer category judgement; a main level needs parent categories) and against a set
// of `tapes` sessions (no part asks for more tapes than the set has; `of` equals it). Throws
// CriterionError naming `source`, and the line in `text` when the criterion was parsed from it.
void validateCriterion(const TrainingCriterion& criterion, const schemes::CodingScheme& scheme,
                       std::size_t tapes, std::string_view source, std::string_view text = {});

// One line per requirement in plain English, for status output and certificates:
// "time-unit kappa ≥ 0.8 per group (distress) with 1 s units and ±2 s tolerance, on every tape".
[[nodiscard]] std::vector<std::string> describe(const TrainingCriterion& criterion);

} // namespace sb::annotation
