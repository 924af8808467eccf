#pragma once
// Where a trainee stands against a training set's criterion (docs/training.md, "Status"): each
// attempted tape with its figures against every requirement, pass or fail per requirement and
// overall, the attempts in time order (the trend), and the codes that hold the trainee back.
//
// Every figure comes from the agreement engine (session_agreement.h) run on the trainee and the
// tape's gold-standard coder, exactly as `agree` would compute it: time-unit kappas are the
// engine's stream kappas and per-code kappas (the tolerance kappa when the tolerance is above 0),
// scale distances are read from the engine's ratings table, judgements from its judgement table.
// Nothing here is a second implementation of a statistic. Derived figures (the overall mean over
// streams, the share of episodes within N points) are plain arithmetic on engine figures.
//
// A tape is *attempted* when the set holds it, it has a gold standard by someone other than the
// trainee, and the trainee has coded it (annotations, scale scores or judgements). Its time is the
// trainee's last edit there. A figure the engine leaves undefined (kappa when both coders coded
// one category throughout, so expected agreement is 1) counts as met: they agree completely.

#include "annotation/project.h"
#include "annotation/training/training_criterion.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sb::annotation {

// What the project knows of a training set; TrainingSets (training_sets.h) reads it from the file.
struct TrainingSet {
    std::int64_t id = 0;
    std::string name;
    TrainingCriterion criterion;
    std::vector<std::string> sessions; // names, in the order given
    Microseconds createdAt{0};
};

// The gold-standard coder of a session, if it has one.
using GoldLookup = std::function<std::optional<CoderId>(SessionId)>;

enum class RequirementKind { TimeUnitKappa, Scales, Judgement };

// One number against the requirement's threshold.
struct CriterionFigure {
    std::string label;           // "distress (infant)", "cry: distress (infant)", "ps", "classification"
    std::optional<double> value; // kappa, percent, or none (undefined, see above)
    bool met = false;
    std::string note; // why a value is missing, or the answers compared ("B1 / gold B3")
};

// One requirement on one tape.
struct RequirementOnTape {
    bool met = false;
    std::vector<CriterionFigure> figures;
    std::optional<std::string> problem; // the work is not there to compare ("the trainee has no annotations")
    // Scales: episodes gold scored, and how many the trainee scored within N points.
    std::size_t episodes = 0;
    std::size_t episodesWithin = 0;
    // Judgements: the answers.
    std::optional<std::string> traineeAnswer;
    std::optional<std::string> goldAnswer;
};

// One code's time-unit agreement on one tape (the engine's per-code 2×2 kappa).
struct CodeFigure {
    std::string session;
    std::string stream; // "distress (infant)"
    std::string code;
    std::optional<double> kappa;
    std::int64_t unitsTrainee = 0;
    std::int64_t unitsGold = 0;
    std::int64_t unitsBoth = 0;
};

struct TapeResult {
    std::string session;
    std::string goldCoder;
    Microseconds attemptedAt{0};          // the trainee's last edit on the tape
    std::vector<RequirementOnTape> parts; // one per requirement, in TrainingStatus::requirements order
    bool met = false;                     // every per-tape requirement met here
    std::vector<CodeFigure> codes;        // worst first
};

struct RequirementResult {
    RequirementKind kind = RequirementKind::TimeUnitKappa;
    std::string pointer;     // "/timeUnitKappa/0": where it is in the criterion JSON
    std::string description; // describe()'s line
    std::size_t tapesMet = 0;
    std::size_t tapesRequired = 0;
    bool met = false;
};

// A code across the attempted tapes: what holds the trainee back, worst mean first.
struct CodeAcrossTapes {
    std::string stream;
    std::string code;
    std::optional<double> meanKappa; // of the tapes where it is defined
    std::optional<double> lowestKappa;
    std::size_t tapes = 0; // tapes on which either coder used it
};

struct TrainingStatus {
    std::string file;
    std::string set;
    std::string trainee;
    std::string schemeId;
    std::string schemeVersion;
    TrainingCriterion criterion;
    std::vector<std::string> sessions;           // the set's sessions
    std::vector<std::string> withoutGold;        // set sessions with no gold standard yet
    std::vector<std::string> notAttempted;       // with gold, not coded by the trainee
    std::vector<RequirementResult> requirements; // kappa…, scales…, judgements…
    std::vector<TapeResult> tapes;               // attempted, oldest first: the trend
    std::vector<CodeAcrossTapes> holdingBack;    // worst first
    Microseconds codeUnit{1'000'000};            // settings of the per-code figures
    Microseconds codeTolerance{0};
    bool met = false;

    // Why the criterion is not met, one line per failing requirement; empty when met.
    [[nodiscard]] std::vector<std::string> shortfalls() const;
};

// Throws NotFound for an unknown trainee or set session, CriterionError when the criterion no
// longer fits the project's current scheme.
[[nodiscard]] TrainingStatus trainingStatus(Project& project, const TrainingSet& set,
                                            const std::string& trainee, const GoldLookup& gold);

[[nodiscard]] std::string_view kindName(RequirementKind kind); // "time-unit kappa", "scales", "judgement"

} // namespace sb::annotation
