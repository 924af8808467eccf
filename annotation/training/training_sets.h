#pragma once
// Training sets and sign-offs in the project file (format 5: training_sets,
// training_set_sessions, signoffs; docs/training.md). A set is a list of sessions and the
// criterion chosen for them, stored as the criterion's canonical JSON so it stays data. A
// sign-off records who signed whom off on which set, when, with the figures the supervisor saw
// (the status JSON at that moment), so a certificate shows exactly what was signed.
//
// Writes go through the store's audited tables: the format-5 triggers record each row in the
// audit trail under the store's acting coder.

#include "annotation/project.h"
#include "annotation/training/training_status.h"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace sb::annotation {

struct SignOff {
    std::int64_t id = 0;
    std::int64_t setId = 0;
    std::string set;
    CoderId trainee;
    std::string traineeName;
    CoderId supervisor;
    std::string supervisorName;
    Microseconds at{0};
    std::string figuresJson; // toJson(TrainingStatus) when signed
};

// A sign-off the criterion or the roles do not allow; what() gives every reason.
class SignOffRefused : public std::runtime_error {
public:
    SignOffRefused(const std::string& message, std::vector<std::string> reasons);
    [[nodiscard]] const std::vector<std::string>& reasons() const { return reasons_; }

private:
    std::vector<std::string> reasons_;
};

class TrainingSets {
public:
    explicit TrainingSets(Project& project);

    // Defines a set. The criterion is validated against the current scheme and the number of
    // sessions (CriterionError); a taken name, an empty or repeated session list is EditRejected;
    // an unknown session is NotFound. Nothing is written unless all is well.
    TrainingSet define(const std::string& name, const std::vector<std::string>& sessions,
                       const TrainingCriterion& criterion);

    [[nodiscard]] std::vector<TrainingSet> all();
    [[nodiscard]] std::optional<TrainingSet> find(const std::string& name);
    [[nodiscard]] TrainingSet named(const std::string& name); // NotFound names the file and the set

    // The gold-standard coder of a session (gold_standards), for trainingStatus().
    [[nodiscard]] std::optional<CoderId> goldCoder(SessionId session);
    [[nodiscard]] GoldLookup goldLookup();

    // The trainee's status on a set.
    [[nodiscard]] TrainingStatus status(const std::string& set, const std::string& trainee);

    // Signs `trainee` off on `set` as `supervisor` (a coder with the supervisor role, not the
    // trainee) when the criterion is met; else SignOffRefused with the shortfalls. The audit
    // trail records it under the supervisor.
    SignOff signOff(const std::string& set, const std::string& trainee, const std::string& supervisor);

    // Sign-offs of a trainee (every set when `set` is empty), oldest first.
    [[nodiscard]] std::vector<SignOff> signOffs(const std::string& trainee, const std::string& set = "");

private:
    [[nodiscard]] TrainingSet read(std::int64_t id, std::string name, const std::string& criterionJson,
                                   Microseconds createdAt);

    Project& project_;
};

} // namespace sb::annotation
