#include "annotation/supervision/audit_trail.h"

#include "annotation/sqlite/statement.h"

#include <fmt/core.h>

namespace sb::annotation::supervision {

namespace {

constexpr const char* kColumns =
    "SELECT seq, at_us, actor_id, action, what, subject, session_id, before_json, "
    "after_json, hash FROM audit_log ";

AuditEntry readEntry(const sqlite::Statement& row) {
    AuditEntry e;
    e.seq = row.columnInt(0);
    e.at = Microseconds{row.columnInt(1)};
    if (const auto actor = row.columnOptionalInt(2)) {
        e.actor = CoderId{*actor};
    }
    e.action = row.columnText(3);
    e.what = row.columnText(4);
    e.subject = row.columnText(5);
    if (const auto session = row.columnOptionalInt(6)) {
        e.session = SessionId{*session};
    }
    e.before = row.columnOptionalText(7);
    e.after = row.columnOptionalText(8);
    e.hash = row.columnText(9);
    return e;
}

} // namespace

std::int64_t AuditTrail::record(std::optional<CoderId> actor, std::string_view action,
                                std::optional<SessionId> session, std::string_view subject,
                                std::optional<std::string> beforeJson, std::optional<std::string> afterJson) {
    auto transaction = store_.beginTransaction();
    auto& db = store_.database();
    // The same expressions as the triggers (annotation/project_schema.cpp), so every row of the
    // log is made one way.
    auto insert = db.prepare(
        "INSERT INTO audit_log (seq, at_us, actor_id, action, what, subject, session_id, before_json, "
        "after_json, hash) "
        "SELECT s, t, ?1, ?2, sb_audit_what(), ?3, ?4, ?5, ?6, "
        "sb_audit_chain((SELECT hash FROM audit_log WHERE seq = s - 1), s, t, ?1, ?2, sb_audit_what(), ?3, "
        "?4, "
        "?5, ?6) FROM (SELECT coalesce((SELECT max(seq) FROM audit_log), 0) + 1 AS s, "
        "CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER) * 1000 AS t)");
    const auto who = actor ? actor : store_.actor();
    who ? insert.bind(1, who->value) : insert.bindNull(1);
    insert.bind(2, action).bind(3, subject);
    session ? insert.bind(4, session->value) : insert.bindNull(4);
    insert.bind(5, beforeJson).bind(6, afterJson).run();
    const auto seq = db.lastInsertRowId();
    transaction.commit();
    return seq;
}

std::vector<AuditEntry> AuditTrail::entries(const AuditFilter& filter) {
    // Fixed SQL with optional conditions (a NULL parameter switches a condition off).
    std::string sql = std::string(kColumns) +
                      "WHERE (?1 IS NULL OR actor_id = ?1) AND (?2 IS NULL OR session_id = ?2) "
                      "AND (?3 IS NULL OR at_us >= ?3) AND (?4 IS NULL OR at_us < ?4) "
                      "AND (?5 IS NULL OR substr(action, 1, length(?5)) = ?5) ";
    sql += filter.newestFirst ? "ORDER BY seq DESC " : "ORDER BY seq ";
    sql += "LIMIT ?6";
    auto query = store_.database().prepare(sql);
    filter.actor ? query.bind(1, filter.actor->value) : query.bindNull(1);
    filter.session ? query.bind(2, filter.session->value) : query.bindNull(2);
    filter.from ? query.bind(3, filter.from->count()) : query.bindNull(3);
    filter.to ? query.bind(4, filter.to->count()) : query.bindNull(4);
    query.bind(5, filter.actionPrefix);
    query.bind(6, filter.limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(filter.limit));
    std::vector<AuditEntry> result;
    while (query.step()) {
        result.push_back(readEntry(query));
    }
    return result;
}

std::int64_t AuditTrail::count() {
    return store_.database().queryInt("SELECT count(*) FROM audit_log");
}

AuditVerification AuditTrail::verify() {
    AuditVerification result;
    auto query = store_.database().prepare(std::string(kColumns) + "ORDER BY seq");
    std::string previous;
    std::int64_t expectedSeq = 1;
    while (query.step()) {
        const auto row = readEntry(query);
        ++result.rows;
        if (row.seq != expectedSeq) {
            result.broken = AuditBreak{
                row.seq, row.seq > expectedSeq
                             ? fmt::format("audit row {} is missing (the log jumps from row {} to row {})",
                                           expectedSeq, expectedSeq - 1, row.seq)
                             : fmt::format("audit row {} is out of order", row.seq)};
            return result;
        }
        if (auditRowHash(previous, row) != row.hash) {
            result.broken = AuditBreak{
                row.seq, fmt::format("audit row {} ({}, {}) was altered: its hash does not match its content "
                                     "and the row before it",
                                     row.seq, row.action, row.subject)};
            return result;
        }
        previous = row.hash;
        ++expectedSeq;
    }
    result.headHash = previous;
    return result;
}

} // namespace sb::annotation::supervision
