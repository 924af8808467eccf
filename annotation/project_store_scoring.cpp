// ProjectStore: segment instances, scale scores and session judgements.

#include "annotation/project_error.h"
#include "annotation/project_store.h"
#include "annotation/sqlite/statement.h"

#include <fmt/core.h>

namespace sb::annotation {

namespace {

std::optional<std::int64_t> optionalId(std::optional<CoderId> id) {
    return id ? std::optional<std::int64_t>(id->value) : std::nullopt;
}

void bindInstance(sqlite::Statement& statement, const SegmentInstance& s) {
    statement.bind(1, s.session.value).bind(2, s.segment).bind(3, s.start.count());
    if (s.end) {
        statement.bind(4, s.end->count());
    } else {
        statement.bindNull(4);
    }
    statement.bind(5, s.author.value).bind(6, s.schemeVersion.value).bind(7, s.modifiedAt.count());
}

SegmentInstance readInstance(const sqlite::Statement& row) {
    SegmentInstance s;
    s.id = SegmentInstanceId{row.columnInt(0)};
    s.session = SessionId{row.columnInt(1)};
    s.segment = row.columnText(2);
    s.start = Microseconds{row.columnInt(3)};
    if (!row.isNull(4)) {
        s.end = Microseconds{row.columnInt(4)};
    }
    s.author = CoderId{row.columnInt(5)};
    s.schemeVersion = SchemeVersionId{row.columnInt(6)};
    s.modifiedAt = Microseconds{row.columnInt(7)};
    return s;
}

constexpr std::string_view kInstanceColumns =
    "SELECT id, session_id, segment_id, start_us, end_us, author_id, "
    "scheme_version_id, modified_at_us FROM segment_instances ";

ScaleScore readScore(const sqlite::Statement& row) {
    return {SegmentInstanceId{row.columnInt(0)},
            row.columnText(1),
            row.columnText(2),
            CoderId{row.columnInt(3)},
            static_cast<int>(row.columnInt(4)),
            SchemeVersionId{row.columnInt(5)},
            Microseconds{row.columnInt(6)}};
}

constexpr std::string_view kScoreColumns = "SELECT s.segment_instance_id, s.scale_id, s.target_subject_id, "
                                           "s.coder_id, s.value, s.scheme_version_id, s.modified_at_us "
                                           "FROM scale_scores s ";

SessionJudgement readJudgement(const sqlite::Statement& row) {
    return {SessionId{row.columnInt(0)}, CoderId{row.columnInt(1)},         row.columnText(2),
            row.columnText(3),           SchemeVersionId{row.columnInt(4)}, Microseconds{row.columnInt(5)}};
}

constexpr std::string_view kJudgementColumns =
    "SELECT session_id, coder_id, judgement_id, value, scheme_version_id, modified_at_us FROM judgements ";

std::string sql(std::string_view head, std::string_view tail) {
    return std::string(head).append(tail);
}

} // namespace

// ---- segment instances

void ProjectStore::insertSegmentInstance(SegmentInstance& instance) {
    auto insert =
        database_.prepare("INSERT INTO segment_instances (session_id, segment_id, start_us, end_us, "
                          "author_id, scheme_version_id, modified_at_us, id) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    bindInstance(insert, instance);
    if (instance.id.stored()) {
        insert.bind(8, instance.id.value);
    } else {
        insert.bindNull(8);
    }
    insert.run();
    instance.id = SegmentInstanceId{database_.lastInsertRowId()};
}

void ProjectStore::updateSegmentInstance(const SegmentInstance& instance) {
    auto update =
        database_.prepare("UPDATE segment_instances SET session_id = ?1, segment_id = ?2, start_us = ?3, "
                          "end_us = ?4, author_id = ?5, scheme_version_id = ?6, modified_at_us = ?7 "
                          "WHERE id = ?8");
    bindInstance(update, instance);
    update.bind(8, instance.id.value).run();
    if (database_.changes() != 1) {
        throw NotFound(fmt::format("{}: no segment instance {}", fileName(), instance.id.value));
    }
}

void ProjectStore::removeSegmentInstance(SegmentInstanceId id) {
    auto remove = database_.prepare("DELETE FROM segment_instances WHERE id = ?1");
    remove.bind(1, id.value).run();
    if (database_.changes() != 1) {
        throw NotFound(fmt::format("{}: no segment instance {}", fileName(), id.value));
    }
}

std::optional<SegmentInstance> ProjectStore::segmentInstance(SegmentInstanceId id) {
    auto query = database_.prepare(sql(kInstanceColumns, "WHERE id = ?1"));
    query.bind(1, id.value);
    if (!query.step()) {
        return std::nullopt;
    }
    return readInstance(query);
}

std::vector<SegmentInstance> ProjectStore::segmentInstances(SessionId session) {
    auto query = database_.prepare(sql(kInstanceColumns, "WHERE session_id = ?1 ORDER BY start_us, id"));
    query.bind(1, session.value);
    std::vector<SegmentInstance> result;
    while (query.step()) {
        result.push_back(readInstance(query));
    }
    return result;
}

// ---- scale scores

void ProjectStore::putScaleScore(const ScaleScore& score) {
    auto put = database_.prepare(
        "INSERT INTO scale_scores (segment_instance_id, scale_id, target_subject_id, coder_id, value, "
        "scheme_version_id, modified_at_us) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
        "ON CONFLICT (segment_instance_id, scale_id, target_subject_id, coder_id) DO UPDATE SET "
        "value = excluded.value, scheme_version_id = excluded.scheme_version_id, "
        "modified_at_us = excluded.modified_at_us");
    put.bind(1, score.segmentInstance.value)
        .bind(2, score.scale)
        .bind(3, score.targetSubject)
        .bind(4, score.coder.value)
        .bind(5, score.value)
        .bind(6, score.schemeVersion.value)
        .bind(7, score.modifiedAt.count())
        .run();
}

void ProjectStore::removeScaleScore(SegmentInstanceId instance, std::string_view scale,
                                    std::string_view targetSubject, CoderId coder) {
    auto remove =
        database_.prepare("DELETE FROM scale_scores WHERE segment_instance_id = ?1 AND scale_id = ?2 "
                          "AND target_subject_id = ?3 AND coder_id = ?4");
    remove.bind(1, instance.value).bind(2, scale).bind(3, targetSubject).bind(4, coder.value).run();
}

std::optional<ScaleScore> ProjectStore::scaleScore(const Viewer& viewer, SegmentInstanceId instance,
                                                   std::string_view scale, std::string_view targetSubject,
                                                   CoderId coder) {
    (void)visibleOnly(viewer, coder);
    auto query = database_.prepare(sql(kScoreColumns, "WHERE segment_instance_id = ?1 AND scale_id = ?2 "
                                                      "AND target_subject_id = ?3 AND coder_id = ?4"));
    query.bind(1, instance.value).bind(2, scale).bind(3, targetSubject).bind(4, coder.value);
    if (!query.step()) {
        return std::nullopt;
    }
    return readScore(query);
}

std::vector<ScaleScore> ProjectStore::scaleScores(const Viewer& viewer, SessionId session,
                                                  std::optional<CoderId> coder) {
    const auto only = visibleOnly(viewer, coder);
    auto query =
        database_.prepare(sql(kScoreColumns, "JOIN segment_instances i ON i.id = s.segment_instance_id "
                                             "WHERE i.session_id = ?1 AND (?2 IS NULL OR s.coder_id = ?2) "
                                             "ORDER BY i.start_us, i.id, s.scale_id, s.target_subject_id, "
                                             "s.coder_id"));
    query.bind(1, session.value).bind(2, optionalId(only ? only : coder));
    std::vector<ScaleScore> result;
    while (query.step()) {
        result.push_back(readScore(query));
    }
    return result;
}

// ---- judgements

void ProjectStore::putJudgement(const SessionJudgement& judgement) {
    auto put = database_.prepare(
        "INSERT INTO judgements (session_id, coder_id, judgement_id, value, scheme_version_id, "
        "modified_at_us) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (session_id, coder_id, judgement_id) DO UPDATE SET "
        "value = excluded.value, scheme_version_id = excluded.scheme_version_id, "
        "modified_at_us = excluded.modified_at_us");
    put.bind(1, judgement.session.value)
        .bind(2, judgement.coder.value)
        .bind(3, judgement.judgement)
        .bind(4, judgement.value)
        .bind(5, judgement.schemeVersion.value)
        .bind(6, judgement.modifiedAt.count())
        .run();
}

void ProjectStore::removeJudgement(SessionId session, CoderId coder, std::string_view judgement) {
    auto remove = database_.prepare(
        "DELETE FROM judgements WHERE session_id = ?1 AND coder_id = ?2 AND judgement_id = ?3");
    remove.bind(1, session.value).bind(2, coder.value).bind(3, judgement).run();
}

std::optional<SessionJudgement> ProjectStore::judgement(const Viewer& viewer, SessionId session,
                                                        CoderId coder, std::string_view judgement) {
    (void)visibleOnly(viewer, coder);
    auto query = database_.prepare(
        sql(kJudgementColumns, "WHERE session_id = ?1 AND coder_id = ?2 AND judgement_id = ?3"));
    query.bind(1, session.value).bind(2, coder.value).bind(3, judgement);
    if (!query.step()) {
        return std::nullopt;
    }
    return readJudgement(query);
}

std::vector<SessionJudgement> ProjectStore::judgements(const Viewer& viewer, SessionId session,
                                                       std::optional<CoderId> coder) {
    const auto only = visibleOnly(viewer, coder);
    auto query = database_.prepare(
        sql(kJudgementColumns,
            "WHERE session_id = ?1 AND (?2 IS NULL OR coder_id = ?2) ORDER BY coder_id, judgement_id"));
    query.bind(1, session.value).bind(2, optionalId(only ? only : coder));
    std::vector<SessionJudgement> result;
    while (query.step()) {
        result.push_back(readJudgement(query));
    }
    return result;
}

} // namespace sb::annotation
