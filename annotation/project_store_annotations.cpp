// ProjectStore: annotation rows and the queries over them.

#include "annotation/project_error.h"
#include "annotation/project_store.h"
#include "annotation/sqlite/statement.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <limits>

namespace sb::annotation {

namespace {

// Modifiers live in one JSON object column: read with every annotation and never queried
// by value, so a side table would only add a join to the hot window query.
std::string modifiersToJson(const Modifiers& modifiers) {
    if (modifiers.empty()) {
        return "{}";
    }
    return nlohmann::json(modifiers).dump();
}

Modifiers modifiersFromJson(std::string_view text, const std::string& fileName, std::int64_t id) {
    if (text == "{}") {
        return {};
    }
    try {
        return nlohmann::json::parse(text).get<Modifiers>();
    } catch (const nlohmann::json::exception& e) {
        throw ProjectFileError(
            fmt::format("{}: annotation {} has damaged modifiers: {}", fileName, id, e.what()));
    }
}

constexpr std::string_view kColumns =
    "SELECT id, session_id, coder_id, scheme_version_id, code_id, subject_id, "
    "start_us, end_us, modifiers, comment, created_at_us, modified_at_us "
    "FROM annotations ";

Annotation readAnnotation(const sqlite::Statement& row, const std::string& fileName) {
    Annotation a;
    a.id = AnnotationId{row.columnInt(0)};
    a.session = SessionId{row.columnInt(1)};
    a.coder = CoderId{row.columnInt(2)};
    a.schemeVersion = SchemeVersionId{row.columnInt(3)};
    a.code = row.columnText(4);
    a.subject = row.columnOptionalText(5);
    a.start = Microseconds{row.columnInt(6)};
    if (!row.isNull(7)) {
        a.end = Microseconds{row.columnInt(7)};
    }
    a.modifiers = modifiersFromJson(row.columnTextView(8), fileName, a.id.value);
    a.comment = row.columnText(9);
    a.createdAt = Microseconds{row.columnInt(10)};
    a.modifiedAt = Microseconds{row.columnInt(11)};
    return a;
}

std::string sql(std::string_view tail) {
    return std::string(kColumns) + std::string(tail);
}

void bindAnnotation(sqlite::Statement& statement, const Annotation& a) {
    statement.bind(1, a.session.value)
        .bind(2, a.coder.value)
        .bind(3, a.schemeVersion.value)
        .bind(4, a.code)
        .bind(5, a.subject)
        .bind(6, a.start.count());
    if (a.end) {
        statement.bind(7, a.end->count());
    } else {
        statement.bindNull(7);
    }
    statement.bind(8, modifiersToJson(a.modifiers))
        .bind(9, a.comment)
        .bind(10, a.createdAt.count())
        .bind(11, a.modifiedAt.count());
}

constexpr std::string_view kInsert = "INSERT INTO annotations (session_id, coder_id, scheme_version_id, "
                                     "code_id, subject_id, start_us, end_us, "
                                     "modifiers, comment, created_at_us, modified_at_us, id) VALUES (?1, ?2, "
                                     "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

// Far enough from the int64 limits that subtracting the longest state cannot overflow.
constexpr std::int64_t kEarliest = std::numeric_limits<std::int64_t>::min() / 4;
constexpr std::int64_t kLatest = std::numeric_limits<std::int64_t>::max() / 4;

} // namespace

void ProjectStore::insertAnnotation(Annotation& annotation) {
    auto insert = database_.prepare(kInsert);
    bindAnnotation(insert, annotation);
    if (annotation.id.stored()) {
        insert.bind(12, annotation.id.value);
    } else {
        insert.bindNull(12);
    }
    insert.run();
    annotation.id = AnnotationId{database_.lastInsertRowId()};
}

void ProjectStore::insertAnnotations(std::vector<Annotation>& annotations) {
    auto transaction = beginTransaction();
    auto insert = database_.prepare(kInsert);
    for (auto& annotation : annotations) {
        bindAnnotation(insert, annotation);
        if (annotation.id.stored()) {
            insert.bind(12, annotation.id.value);
        } else {
            insert.bindNull(12);
        }
        insert.run();
        insert.reset();
        annotation.id = AnnotationId{database_.lastInsertRowId()};
    }
    transaction.commit();
}

void ProjectStore::updateAnnotation(const Annotation& annotation) {
    auto update = database_.prepare(
        "UPDATE annotations SET session_id = ?1, coder_id = ?2, scheme_version_id = ?3, code_id = ?4, "
        "subject_id = ?5, "
        "start_us = ?6, end_us = ?7, modifiers = ?8, comment = ?9, created_at_us = ?10, modified_at_us = ?11 "
        "WHERE id = ?12");
    bindAnnotation(update, annotation);
    update.bind(12, annotation.id.value).run();
    if (database_.changes() != 1) {
        throw NotFound(fmt::format("{}: no annotation {}", fileName(), annotation.id.value));
    }
}

void ProjectStore::removeAnnotation(AnnotationId id) {
    auto remove = database_.prepare("DELETE FROM annotations WHERE id = ?1");
    remove.bind(1, id.value).run();
    if (database_.changes() != 1) {
        throw NotFound(fmt::format("{}: no annotation {}", fileName(), id.value));
    }
}

std::int64_t ProjectStore::removeAnnotations(SessionId session, CoderId coder) {
    auto remove = database_.prepare("DELETE FROM annotations WHERE session_id = ?1 AND coder_id = ?2");
    remove.bind(1, session.value).bind(2, coder.value).run();
    return database_.changes();
}

std::optional<Annotation> ProjectStore::annotation(const Viewer& viewer, AnnotationId id) {
    const auto only = visibleOnly(viewer, std::nullopt);
    auto query = database_.prepare(sql("WHERE id = ?1 AND (?2 IS NULL OR coder_id = ?2)"));
    query.bind(1, id.value);
    query.bind(2, only ? std::optional<std::int64_t>(only->value) : std::nullopt);
    if (!query.step()) {
        return std::nullopt;
    }
    return readAnnotation(query, fileName());
}

std::vector<Annotation> ProjectStore::annotations(const Viewer& viewer, const AnnotationFilter& filter) {
    const auto only = visibleOnly(viewer, filter.coder);
    const auto coder = only ? only : filter.coder;

    auto longest = database_.prepare("SELECT longest_state_us FROM sessions WHERE id = ?1");
    longest.bind(1, filter.session.value);
    const std::int64_t longestState = longest.step() ? longest.columnInt(0) : 0;
    const std::int64_t from = filter.from ? filter.from->count() : kEarliest;
    const std::int64_t to = filter.to ? filter.to->count() : kLatest;

    // Two constant texts rather than "?2 IS NULL OR coder_id = ?2", so that SQLite can use
    // the (session, coder, start) index when a coder is given. Starts are bounded below by
    // from - longest state (see format 2 in project_schema.cpp), which keeps the scan to
    // the window.
    constexpr std::string_view kWhere =
        "AND start_us >= ?3 AND start_us < ?4 "
        "AND (end_us > ?5 OR (end_us IS NULL AND start_us >= ?5)) "
        "AND (?6 IS NULL OR code_id = ?6) AND (?7 IS NULL OR subject_id = ?7) "
        "ORDER BY start_us, id";
    auto query = coder ? database_.prepare(sql("WHERE session_id = ?1 AND coder_id = ?2 ").append(kWhere))
                       : database_.prepare(sql("WHERE session_id = ?1 AND ?2 IS NULL ").append(kWhere));
    query.bind(1, filter.session.value);
    query.bind(2, coder ? std::optional<std::int64_t>(coder->value) : std::nullopt);
    query.bind(3, filter.from ? from - longestState : kEarliest);
    query.bind(4, to);
    query.bind(5, from);
    query.bind(6, filter.code);
    query.bind(7, filter.subject);
    std::vector<Annotation> result;
    while (query.step()) {
        result.push_back(readAnnotation(query, fileName()));
    }
    return result;
}

std::vector<Annotation> ProjectStore::activeStates(const Viewer& viewer, SessionId session, Microseconds t,
                                                   std::optional<CoderId> coder) {
    // A state [start, end) runs at t when start <= t < end: the window [t, t + 1µs) minus the
    // point events in it.
    AnnotationFilter filter{session, coder, std::nullopt, std::nullopt, t, t + Microseconds{1}};
    auto inWindow = annotations(viewer, filter);
    std::erase_if(inWindow, [](const Annotation& a) { return a.isPoint(); });
    return inWindow;
}

std::vector<CodeSummary> ProjectStore::codeSummary(const Viewer& viewer, SessionId session,
                                                   std::optional<CoderId> coder) {
    const auto only = visibleOnly(viewer, coder);
    auto query =
        database_.prepare("SELECT code_id, count(*), sum(coalesce(end_us - start_us, 0)) FROM annotations "
                          "WHERE session_id = ?1 AND (?2 IS NULL OR coder_id = ?2) "
                          "GROUP BY code_id ORDER BY code_id");
    const auto who = only ? only : coder;
    query.bind(1, session.value);
    query.bind(2, who ? std::optional<std::int64_t>(who->value) : std::nullopt);
    std::vector<CodeSummary> result;
    while (query.step()) {
        result.push_back({query.columnText(0), query.columnInt(1), Microseconds{query.columnInt(2)}});
    }
    return result;
}

std::int64_t ProjectStore::annotationCount(const Viewer& viewer, std::optional<SessionId> session,
                                           std::optional<CoderId> coder) {
    const auto only = visibleOnly(viewer, coder);
    const auto who = only ? only : coder;
    auto query = database_.prepare("SELECT count(*) FROM annotations "
                                   "WHERE (?1 IS NULL OR session_id = ?1) AND (?2 IS NULL OR coder_id = ?2)");
    query.bind(1, session ? std::optional<std::int64_t>(session->value) : std::nullopt);
    query.bind(2, who ? std::optional<std::int64_t>(who->value) : std::nullopt);
    query.step();
    return query.columnInt(0);
}

} // namespace sb::annotation
