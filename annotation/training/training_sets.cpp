#include "annotation/training/training_sets.h"

#include "annotation/project_error.h"
#include "annotation/sqlite/statement.h"
#include "annotation/supervision/audit_trail.h"
#include "annotation/supervision/gold_standards.h"
#include "annotation/training/training_status_output.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <set>

namespace sb::annotation {

namespace {

std::string joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) {
        text += (text.empty() ? "" : "; ") + line;
    }
    return text;
}

constexpr const char* kSignOffColumns =
    "SELECT s.id, s.set_id, t.name, s.trainee_id, tr.name, s.supervisor_id, su.name, s.at_us, s.figures_json "
    "FROM signoffs s JOIN training_sets t ON t.id = s.set_id JOIN coders tr ON tr.id = s.trainee_id "
    "JOIN coders su ON su.id = s.supervisor_id ";

SignOff readSignOff(const sqlite::Statement& row) {
    SignOff s;
    s.id = row.columnInt(0);
    s.setId = row.columnInt(1);
    s.set = row.columnText(2);
    s.trainee = CoderId{row.columnInt(3)};
    s.traineeName = row.columnText(4);
    s.supervisor = CoderId{row.columnInt(5)};
    s.supervisorName = row.columnText(6);
    s.at = Microseconds{row.columnInt(7)};
    s.figuresJson = row.columnText(8);
    return s;
}

} // namespace

SignOffRefused::SignOffRefused(const std::string& message, std::vector<std::string> reasons)
    : std::runtime_error(message + (reasons.empty() ? "" : ": " + joined(reasons)))
    , reasons_(std::move(reasons)) {}

TrainingSets::TrainingSets(Project& project)
    : project_(project) {}

TrainingSet TrainingSets::read(std::int64_t id, std::string name, const std::string& criterionJson,
                               Microseconds createdAt) {
    ProjectStore& store = project_.store();
    TrainingSet set;
    set.id = id;
    set.name = std::move(name);
    set.criterion =
        parseCriterion(criterionJson, fmt::format("{}: training set '{}'", store.fileName(), set.name));
    set.createdAt = createdAt;
    auto sessions = store.database().prepare("SELECT s.name FROM training_set_sessions t JOIN sessions s ON "
                                             "s.id = t.session_id WHERE t.set_id = ?1 ORDER BY t.rowid");
    sessions.bind(1, id);
    while (sessions.step()) {
        set.sessions.push_back(sessions.columnText(0));
    }
    return set;
}

TrainingSet TrainingSets::define(const std::string& name, const std::vector<std::string>& sessionNames,
                                 const TrainingCriterion& criterion) {
    ProjectStore& store = project_.store();
    if (name.empty()) {
        throw EditRejected(fmt::format("{}: a training set needs a name", store.fileName()));
    }
    if (sessionNames.empty()) {
        throw EditRejected(
            fmt::format("{}: training set '{}' needs at least one session", store.fileName(), name));
    }
    std::vector<Session> sessions;
    std::set<std::string> seen;
    for (const std::string& s : sessionNames) {
        if (!seen.insert(s).second) {
            throw EditRejected(
                fmt::format("{}: training set '{}' lists session '{}' twice", store.fileName(), name, s));
        }
        sessions.push_back(store.sessionNamed(s));
    }
    validateCriterion(criterion, project_.scheme(), sessions.size(),
                      fmt::format("{}: training set '{}'", store.fileName(), name));
    if (find(name)) {
        throw EditRejected(
            fmt::format("{}: a training set named '{}' already exists", store.fileName(), name));
    }

    const auto label = store.auditLabel(fmt::format("Define training set '{}'", name));
    auto transaction = store.beginTransaction();
    const Microseconds now = store.now();
    auto insert = store.database().prepare(
        "INSERT INTO training_sets (name, criterion_json, created_at_us) VALUES (?1, ?2, ?3)");
    insert.bind(1, name).bind(2, toJson(criterion).dump()).bind(3, now.count()).run();
    const std::int64_t id = store.database().lastInsertRowId();
    auto member =
        store.database().prepare("INSERT INTO training_set_sessions (set_id, session_id) VALUES (?1, ?2)");
    for (const Session& s : sessions) {
        member.reset();
        member.bind(1, id).bind(2, s.id.value).run();
    }
    transaction.commit();
    return named(name);
}

std::vector<TrainingSet> TrainingSets::all() {
    std::vector<TrainingSet> sets;
    auto query = project_.store().database().prepare(
        "SELECT id, name, criterion_json, created_at_us FROM training_sets ORDER BY name");
    std::vector<std::tuple<std::int64_t, std::string, std::string, std::int64_t>> rows;
    while (query.step()) {
        rows.emplace_back(query.columnInt(0), query.columnText(1), query.columnText(2), query.columnInt(3));
    }
    for (auto& [id, name, criterion, at] : rows) {
        sets.push_back(read(id, name, criterion, Microseconds{at}));
    }
    return sets;
}

std::optional<TrainingSet> TrainingSets::find(const std::string& name) {
    auto query = project_.store().database().prepare(
        "SELECT id, name, criterion_json, created_at_us FROM training_sets WHERE name = ?1");
    query.bind(1, name);
    if (!query.step()) {
        return std::nullopt;
    }
    const std::int64_t id = query.columnInt(0);
    const std::string criterion = query.columnText(2);
    const Microseconds at{query.columnInt(3)};
    return read(id, query.columnText(1), criterion, at);
}

TrainingSet TrainingSets::named(const std::string& name) {
    if (auto set = find(name)) {
        return std::move(*set);
    }
    std::string known;
    for (const TrainingSet& set : all()) {
        known += (known.empty() ? "" : ", ") + set.name;
    }
    throw NotFound(fmt::format("{}: no training set named '{}' ({})", project_.store().fileName(), name,
                               known.empty() ? "the project has none: define one with `training set`"
                                             : "sets: " + known));
}

std::optional<CoderId> TrainingSets::goldCoder(SessionId session) {
    const auto gold = supervision::GoldStandards(project_.store()).of(session);
    return gold ? std::optional<CoderId>(gold->coder) : std::nullopt;
}

GoldLookup TrainingSets::goldLookup() {
    return [this](SessionId session) { return goldCoder(session); };
}

TrainingStatus TrainingSets::status(const std::string& set, const std::string& trainee) {
    return trainingStatus(project_, named(set), trainee, goldLookup());
}

SignOff TrainingSets::signOff(const std::string& setName, const std::string& traineeName,
                              const std::string& supervisorName) {
    ProjectStore& store = project_.store();
    const TrainingSet set = named(setName);
    const Coder trainee = store.coderNamed(traineeName);
    const Coder supervisor = store.coderNamed(supervisorName);
    const std::string refused =
        fmt::format("{}: cannot sign off {} on training set '{}'", store.fileName(), trainee.name, set.name);
    if (supervisor.role != CoderRole::Supervisor) {
        throw SignOffRefused(refused,
                             {fmt::format("{} is not a supervisor of the project", supervisor.name)});
    }
    if (supervisor.id == trainee.id) {
        throw SignOffRefused(refused, {"a supervisor cannot sign themselves off"});
    }
    const TrainingStatus status = trainingStatus(project_, set, trainee.name, goldLookup());
    if (!status.met) {
        throw SignOffRefused(refused + " (the criterion is not met)", status.shortfalls());
    }

    const auto previousActor = store.actor();
    store.setActor(supervisor.id);
    struct RestoreActor {
        ProjectStore& store;
        std::optional<CoderId> actor;
        ~RestoreActor() { store.setActor(actor); }
    } restore{store, previousActor};
    const auto label =
        store.auditLabel(fmt::format("Sign off {} on training set '{}'", trainee.name, set.name));
    auto transaction = store.beginTransaction();
    auto insert = store.database().prepare("INSERT INTO signoffs (set_id, trainee_id, supervisor_id, at_us, "
                                           "figures_json) VALUES (?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, set.id)
        .bind(2, trainee.id.value)
        .bind(3, supervisor.id.value)
        .bind(4, store.now().count())
        .bind(5, toJson(status).dump())
        .run();
    const std::int64_t id = store.database().lastInsertRowId();
    // The row itself is audited by the table's trigger; this records the step, with what it rests on.
    nlohmann::json requirements = nlohmann::json::array();
    for (const RequirementResult& r : status.requirements) {
        requirements.push_back({{"description", r.description}, {"tapes_met", r.tapesMet}, {"met", r.met}});
    }
    nlohmann::json tapes = nlohmann::json::array();
    for (const TapeResult& t : status.tapes) {
        tapes.push_back(t.session);
    }
    supervision::AuditTrail(store).record(
        supervisor.id, "training.signoff", std::nullopt,
        nlohmann::json{{"signoff", id}, {"set", set.name}, {"trainee", trainee.name}}.dump(), std::nullopt,
        nlohmann::json{{"supervisor", supervisor.name}, {"tapes", tapes}, {"requirements", requirements}}
            .dump());
    transaction.commit();

    auto query = store.database().prepare(std::string(kSignOffColumns) + "WHERE s.id = ?1");
    query.bind(1, id);
    query.step();
    return readSignOff(query);
}

std::vector<SignOff> TrainingSets::signOffs(const std::string& traineeName, const std::string& set) {
    const Coder trainee = project_.store().coderNamed(traineeName);
    if (!set.empty()) {
        static_cast<void>(named(set)); // NotFound for an unknown set
    }
    auto query = project_.store().database().prepare(std::string(kSignOffColumns) +
                                                     "WHERE s.trainee_id = ?1 AND (?2 = '' OR t.name = ?2) "
                                                     "ORDER BY s.at_us, s.id");
    query.bind(1, trainee.id.value).bind(2, set);
    std::vector<SignOff> out;
    while (query.step()) {
        out.push_back(readSignOff(query));
    }
    return out;
}

} // namespace sb::annotation
