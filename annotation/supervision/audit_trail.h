#pragma once
// The audit trail of a project: who changed what, when, with the row before and after (JSON).
//
// Rows are appended by SQLite triggers on every audited table (so no code path that writes
// through a ProjectStore can forget to record) and by record() for steps that are more than a
// row change (a merge, a reveal, a sign-off). Triggers refuse UPDATE and DELETE on audit_log;
// each row carries hash_n = SHA-256(hash_{n-1} || canonical row n) (auditRowHash in
// project_store.h), so verify() finds a row deleted or altered by someone who bypassed the
// triggers. Limits: removing the newest rows (truncation) leaves a valid chain; anyone who
// rewrites every later hash too cannot be detected without a key (docs/supervision.md).

#include "annotation/ids.h"
#include "annotation/project_store.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sb::annotation::supervision {

using AuditEntry = AuditRow; // project_store.h

struct AuditFilter {
    std::optional<CoderId> actor = std::nullopt;            // who acted (none: anyone)
    std::optional<SessionId> session = std::nullopt;        // rows about this session
    std::optional<Microseconds> from = std::nullopt;        // at >= from (wall clock)
    std::optional<Microseconds> to = std::nullopt;          // at < to
    std::optional<std::string> actionPrefix = std::nullopt; // "annotations." or "package."
    std::size_t limit = 0;                                  // 0: every row
    bool newestFirst = false;
};

// The first row at which the chain does not hold.
struct AuditBreak {
    std::int64_t seq = 0; // the row found broken (for a deleted row: the row after the gap)
    std::string reason;   // "row 17 was altered (hash mismatch)", "row 17 is missing (…)"
};

struct AuditVerification {
    std::int64_t rows = 0;            // rows checked
    std::optional<AuditBreak> broken; // none: the chain is intact
    std::string headHash;             // hash of the last row ("" for an empty log)
};

class AuditTrail {
public:
    explicit AuditTrail(ProjectStore& store)
        : store_(store) {}

    // Appends one row for a step that is more than a row change. `actor` none = the store's
    // actor. before/after are JSON text (or none). Joins the caller's transaction if one is open.
    std::int64_t record(std::optional<CoderId> actor, std::string_view action,
                        std::optional<SessionId> session, std::string_view subject,
                        std::optional<std::string> beforeJson, std::optional<std::string> afterJson);

    [[nodiscard]] std::vector<AuditEntry> entries(const AuditFilter& filter = {});
    [[nodiscard]] std::int64_t count();
    // Walks every row in order, recomputing each hash.
    [[nodiscard]] AuditVerification verify();

private:
    ProjectStore& store_;
};

} // namespace sb::annotation::supervision
