#include "annotation/project_schema.h"

#include "annotation/project_error.h"
#include "annotation/sqlite/database.h"
#include "annotation/sqlite/transaction.h"

#include <fmt/core.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace sb::annotation {

namespace {

// Format 1: the first project file. Frozen: never edit a migration that has shipped; add one.
// STRICT tables make SQLite reject a value of the wrong type instead of storing it.
constexpr const char* kFormat1[] = {
    R"(CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT)",
    // The exact text of every scheme version annotations were made with, so editing a scheme
    // never re-labels old annotations.
    R"(CREATE TABLE scheme_versions (
        id             INTEGER PRIMARY KEY,
        scheme_id      TEXT NOT NULL,
        version        TEXT NOT NULL,
        content_sha256 TEXT NOT NULL UNIQUE,
        source_text    TEXT NOT NULL,
        added_at_us    INTEGER NOT NULL
    ) STRICT)",
    R"(CREATE TABLE coders (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL UNIQUE,
        role          TEXT NOT NULL CHECK (role IN ('coder', 'supervisor')),
        created_at_us INTEGER NOT NULL
    ) STRICT)",
    R"(CREATE TABLE sessions (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL UNIQUE,
        created_at_us INTEGER NOT NULL
    ) STRICT)",
    R"(CREATE TABLE media_files (
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        path       TEXT NOT NULL,
        offset_us  INTEGER NOT NULL,
        PRIMARY KEY (session_id, position)
    ) STRICT)",
    R"(CREATE TABLE annotations (
        id                INTEGER PRIMARY KEY,
        session_id        INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        coder_id          INTEGER NOT NULL REFERENCES coders (id),
        scheme_version_id INTEGER NOT NULL REFERENCES scheme_versions (id),
        code_id           TEXT NOT NULL,
        subject_id        TEXT,
        start_us          INTEGER NOT NULL,
        end_us            INTEGER CHECK (end_us IS NULL OR end_us > start_us),
        modifiers         TEXT NOT NULL DEFAULT '{}',
        comment           TEXT NOT NULL DEFAULT '',
        created_at_us     INTEGER NOT NULL,
        modified_at_us    INTEGER NOT NULL
    ) STRICT)",
    "CREATE INDEX annotations_by_time ON annotations (session_id, start_us)",
    R"(CREATE TABLE segment_instances (
        id                INTEGER PRIMARY KEY,
        session_id        INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        segment_id        TEXT NOT NULL,
        start_us          INTEGER NOT NULL,
        end_us            INTEGER CHECK (end_us IS NULL OR end_us > start_us),
        author_id         INTEGER NOT NULL REFERENCES coders (id),
        scheme_version_id INTEGER NOT NULL REFERENCES scheme_versions (id),
        modified_at_us    INTEGER NOT NULL
    ) STRICT)",
    "CREATE INDEX segment_instances_by_time ON segment_instances (session_id, start_us)",
    R"(CREATE TABLE scale_scores (
        segment_instance_id INTEGER NOT NULL REFERENCES segment_instances (id) ON DELETE CASCADE,
        scale_id            TEXT NOT NULL,
        target_subject_id   TEXT NOT NULL,
        coder_id            INTEGER NOT NULL REFERENCES coders (id),
        value               INTEGER NOT NULL,
        scheme_version_id   INTEGER NOT NULL REFERENCES scheme_versions (id),
        modified_at_us      INTEGER NOT NULL,
        PRIMARY KEY (segment_instance_id, scale_id, target_subject_id, coder_id)
    ) STRICT)",
    R"(CREATE TABLE judgements (
        session_id        INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        coder_id          INTEGER NOT NULL REFERENCES coders (id),
        judgement_id      TEXT NOT NULL,
        value             TEXT NOT NULL,
        scheme_version_id INTEGER NOT NULL REFERENCES scheme_versions (id),
        modified_at_us    INTEGER NOT NULL,
        PRIMARY KEY (session_id, coder_id, judgement_id)
    ) STRICT)",
};

// Format 2: fast time-window queries. A window [from, to) must find states that started
// before `from` and are still running; with only a start index that is a scan back to the
// session start. Each session now records its longest state (kept by triggers, so it stays
// right whatever writes the rows), and the window query reads starts in
// [from - longest, to) through the index. It only grows: deleting the longest state leaves a
// bound that is still correct, just looser. Plus an index for per-coder queries (agreement,
// blind coding, exclusive-group checks).
constexpr const char* kFormat2[] = {
    "ALTER TABLE sessions ADD COLUMN longest_state_us INTEGER NOT NULL DEFAULT 0",
    R"(UPDATE sessions SET longest_state_us =
        (SELECT coalesce(max(end_us - start_us), 0) FROM annotations a WHERE a.session_id = sessions.id))",
    R"(CREATE TRIGGER annotations_longest_on_insert AFTER INSERT ON annotations
       WHEN NEW.end_us IS NOT NULL
       BEGIN
         UPDATE sessions SET longest_state_us = NEW.end_us - NEW.start_us
          WHERE id = NEW.session_id AND longest_state_us < NEW.end_us - NEW.start_us;
       END)",
    R"(CREATE TRIGGER annotations_longest_on_update AFTER UPDATE OF start_us, end_us, session_id ON annotations
       WHEN NEW.end_us IS NOT NULL
       BEGIN
         UPDATE sessions SET longest_state_us = NEW.end_us - NEW.start_us
          WHERE id = NEW.session_id AND longest_state_us < NEW.end_us - NEW.start_us;
       END)",
    "CREATE INDEX annotations_by_coder_time ON annotations (session_id, coder_id, start_us)",
};

// Format 3: timestamped notes on a session ("the infant freezes here"), each by one coder,
// listed beside the timeline; blind like annotations.
constexpr const char* kFormat3[] = {
    R"(CREATE TABLE session_notes (
        id             INTEGER PRIMARY KEY,
        session_id     INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        coder_id       INTEGER NOT NULL REFERENCES coders (id),
        at_us          INTEGER NOT NULL,
        text           TEXT NOT NULL,
        created_at_us  INTEGER NOT NULL,
        modified_at_us INTEGER NOT NULL
    ) STRICT)",
    "CREATE INDEX session_notes_by_time ON session_notes (session_id, at_us)",
};

// Format 4: documents the media tools keep per session (hand-drawn blur regions, analysis
// regions of interest), stored as JSON text keyed by a name. The annotation layer does not
// interpret them: codecs/ owns their meaning, and codecs knows nothing of annotations.
constexpr const char* kFormat4[] = {
    R"(CREATE TABLE session_documents (
        session_id     INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        name           TEXT NOT NULL,
        json           TEXT NOT NULL,
        modified_at_us INTEGER NOT NULL,
        PRIMARY KEY (session_id, name)
    ) STRICT)",
};

// Format 5: supervision and training (docs/supervision.md). Roles and gold standards,
// training sets and sign-offs (annotation/training/), review threads anchored to a time range,
// reveals, coding packages and their merges, submissions, feedback releases, and the audit
// trail: an append-only, hash-chained log of every change (kFormat5AuditedTables below).
constexpr const char* kFormat5[] = {
    // The project's identity and the secret that keys package HMACs. One row, made when first
    // needed; never copied into a package and never audited (the audit log is readable).
    R"(CREATE TABLE project_identity (
        id             INTEGER PRIMARY KEY CHECK (id = 1),
        project_uuid   TEXT NOT NULL,
        package_secret TEXT NOT NULL,
        created_at_us  INTEGER NOT NULL
    ) STRICT)",
    R"(CREATE TABLE training_sets (
        id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, criterion_json TEXT NOT NULL,
        created_at_us INTEGER NOT NULL
    ) STRICT)",
    R"(CREATE TABLE training_set_sessions (
        set_id INTEGER NOT NULL REFERENCES training_sets (id) ON DELETE CASCADE,
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        PRIMARY KEY (set_id, session_id)
    ) STRICT)",
    R"(CREATE TABLE signoffs (
        id INTEGER PRIMARY KEY, set_id INTEGER NOT NULL REFERENCES training_sets (id),
        trainee_id INTEGER NOT NULL REFERENCES coders (id),
        supervisor_id INTEGER NOT NULL REFERENCES coders (id),
        at_us INTEGER NOT NULL, figures_json TEXT NOT NULL
    ) STRICT)",
    R"(CREATE TABLE gold_standards (
        session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
        coder_id INTEGER NOT NULL REFERENCES coders (id),
        set_at_us INTEGER NOT NULL
    ) STRICT)",
    // A comment thread about a trainee's coding of [start_us, end_us) of a session.
    R"(CREATE TABLE review_threads (
        id             INTEGER PRIMARY KEY,
        session_id     INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        trainee_id     INTEGER NOT NULL REFERENCES coders (id),
        start_us       INTEGER NOT NULL,
        end_us         INTEGER NOT NULL CHECK (end_us > start_us),
        resolved       INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
        created_by     INTEGER NOT NULL REFERENCES coders (id),
        created_at_us  INTEGER NOT NULL,
        released_at_us INTEGER
    ) STRICT)",
    "CREATE INDEX review_threads_by_session ON review_threads (session_id, start_us)",
    R"(CREATE TABLE thread_messages (
        id        INTEGER PRIMARY KEY,
        thread_id INTEGER NOT NULL REFERENCES review_threads (id) ON DELETE CASCADE,
        author_id INTEGER NOT NULL REFERENCES coders (id),
        text      TEXT NOT NULL CHECK (text <> ''),
        at_us     INTEGER NOT NULL
    ) STRICT)",
    "CREATE INDEX thread_messages_by_thread ON thread_messages (thread_id, at_us)",
    // owner's work shown to viewer in viewer's next package; session NULL = every session.
    R"(CREATE TABLE reveals (
        id             INTEGER PRIMARY KEY,
        viewer_id      INTEGER NOT NULL REFERENCES coders (id),
        owner_id       INTEGER NOT NULL REFERENCES coders (id) CHECK (owner_id <> viewer_id),
        session_id     INTEGER REFERENCES sessions (id) ON DELETE CASCADE,
        revealed_at_us INTEGER NOT NULL
    ) STRICT)",
    // Packages made by this project (the main project's record; the package file carries its
    // own header in meta).
    R"(CREATE TABLE packages (
        id            TEXT PRIMARY KEY,
        coder_id      INTEGER NOT NULL REFERENCES coders (id),
        kind          TEXT NOT NULL CHECK (kind IN ('coding', 'feedback')),
        scheme_sha256 TEXT NOT NULL,
        sessions_json TEXT NOT NULL,
        created_at_us INTEGER NOT NULL
    ) STRICT)",
    R"(CREATE TABLE package_merges (
        id             INTEGER PRIMARY KEY,
        package_id     TEXT NOT NULL REFERENCES packages (id),
        content_sha256 TEXT NOT NULL,
        merged_at_us   INTEGER NOT NULL,
        UNIQUE (package_id, content_sha256)
    ) STRICT)",
    R"(CREATE TABLE submissions (
        session_id      INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        coder_id        INTEGER NOT NULL REFERENCES coders (id),
        package_id      TEXT NOT NULL REFERENCES packages (id),
        package_created_at_us INTEGER NOT NULL,
        submitted_at_us INTEGER NOT NULL,
        PRIMARY KEY (session_id, coder_id)
    ) STRICT)",
    R"(CREATE TABLE feedback_releases (
        id             INTEGER PRIMARY KEY,
        session_id     INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        trainee_id     INTEGER NOT NULL REFERENCES coders (id),
        package_id     TEXT NOT NULL REFERENCES packages (id),
        released_at_us INTEGER NOT NULL
    ) STRICT)",
    // The audit trail. hash = SHA-256(previous row's hash || canonical row), computed by the
    // connection function sb_audit_chain (annotation/project_store_audit.cpp), which the
    // verifier recomputes. Rows are written by triggers on every audited table (below) and by
    // AuditTrail::record; at_us is SQLite's 'now', stable within one statement.
    R"(CREATE TABLE audit_log (
        seq         INTEGER PRIMARY KEY,
        at_us       INTEGER NOT NULL,
        actor_id    INTEGER,
        action      TEXT NOT NULL,
        what        TEXT NOT NULL,
        subject     TEXT NOT NULL,
        session_id  INTEGER,
        before_json TEXT,
        after_json  TEXT,
        hash        TEXT NOT NULL
    ) STRICT)",
    "CREATE INDEX audit_log_by_session ON audit_log (session_id, at_us)",
    "CREATE INDEX audit_log_by_actor ON audit_log (actor_id, at_us)",
    R"(CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: rows cannot be changed'); END)",
    R"(CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: rows cannot be deleted'); END)",
};

// The tables whose every row change the audit trail records, with the columns of a row's
// JSON image, its key and the session it belongs to (an expression over the row, `R.`).
// Frozen with format 5: a later format that adds a table adds its own triggers.
struct AuditedTable {
    const char* name;
    const char* columns;      // comma-separated
    const char* keyColumns;   // comma-separated
    const char* session;      // SQL over R. (the row), or NULL
    const char* updateOf;     // columns whose update is recorded; nullptr = all
};

constexpr AuditedTable kFormat5AuditedTables[] = {
    {"meta", "key,value", "key", "NULL", nullptr},
    {"scheme_versions", "id,scheme_id,version,content_sha256,source_text,added_at_us", "id", "NULL", nullptr},
    {"coders", "id,name,role,created_at_us", "id", "NULL", nullptr},
    // longest_state_us is bookkeeping kept by triggers on annotations: not a change of its own.
    {"sessions", "id,name,created_at_us", "id", "R.id", "name,created_at_us"},
    {"media_files", "session_id,position,path,offset_us", "session_id,position", "R.session_id", nullptr},
    {"annotations",
     "id,session_id,coder_id,scheme_version_id,code_id,subject_id,start_us,end_us,modifiers,comment,"
     "created_at_us,modified_at_us",
     "id", "R.session_id", nullptr},
    {"segment_instances", "id,session_id,segment_id,start_us,end_us,author_id,scheme_version_id,modified_at_us",
     "id", "R.session_id", nullptr},
    {"scale_scores",
     "segment_instance_id,scale_id,target_subject_id,coder_id,value,scheme_version_id,modified_at_us",
     "segment_instance_id,scale_id,target_subject_id,coder_id",
     "(SELECT session_id FROM segment_instances WHERE id = R.segment_instance_id)", nullptr},
    {"judgements", "session_id,coder_id,judgement_id,value,scheme_version_id,modified_at_us",
     "session_id,coder_id,judgement_id", "R.session_id", nullptr},
    {"session_notes", "id,session_id,coder_id,at_us,text,created_at_us,modified_at_us", "id", "R.session_id",
     nullptr},
    {"session_documents", "session_id,name,json,modified_at_us", "session_id,name", "R.session_id", nullptr},
    {"training_sets", "id,name,criterion_json,created_at_us", "id", "NULL", nullptr},
    {"training_set_sessions", "set_id,session_id", "set_id,session_id", "R.session_id", nullptr},
    {"signoffs", "id,set_id,trainee_id,supervisor_id,at_us,figures_json", "id", "NULL", nullptr},
    {"gold_standards", "session_id,coder_id,set_at_us", "session_id", "R.session_id", nullptr},
    {"review_threads",
     "id,session_id,trainee_id,start_us,end_us,resolved,created_by,created_at_us,released_at_us", "id",
     "R.session_id", nullptr},
    {"thread_messages", "id,thread_id,author_id,text,at_us", "id",
     "(SELECT session_id FROM review_threads WHERE id = R.thread_id)", nullptr},
    {"reveals", "id,viewer_id,owner_id,session_id,revealed_at_us", "id", "R.session_id", nullptr},
    {"packages", "id,coder_id,kind,scheme_sha256,sessions_json,created_at_us", "id", "NULL", nullptr},
    {"package_merges", "id,package_id,content_sha256,merged_at_us", "id", "NULL", nullptr},
    {"submissions", "session_id,coder_id,package_id,package_created_at_us,submitted_at_us",
     "session_id,coder_id", "R.session_id", nullptr},
    {"feedback_releases", "id,session_id,trainee_id,package_id,released_at_us", "id", "R.session_id", nullptr},
};

std::vector<std::string> splitColumns(std::string_view list) {
    std::vector<std::string> result;
    std::size_t start = 0;
    while (start <= list.size()) {
        const auto comma = list.find(',', start);
        const auto end = comma == std::string_view::npos ? list.size() : comma;
        result.emplace_back(list.substr(start, end - start));
        start = end + 1;
    }
    return result;
}

// "json_object('a', R.a, 'b', R.b)" with R replaced by the trigger's OLD or NEW.
std::string rowImage(const AuditedTable& table, std::string_view row) {
    std::string result = "json_object(";
    bool first = true;
    for (const auto& column : splitColumns(table.columns)) {
        result += fmt::format("{}'{}', {}.{}", first ? "" : ", ", column, row, column);
        first = false;
    }
    return result + ")";
}

std::string rowKey(const AuditedTable& table, std::string_view row) {
    std::string result = "json_array(";
    bool first = true;
    for (const auto& column : splitColumns(table.keyColumns)) {
        result += fmt::format("{}{}.{}", first ? "" : ", ", row, column);
        first = false;
    }
    return result + ")";
}

std::string replaceRow(std::string text, std::string_view row) {
    for (auto at = text.find("R."); at != std::string::npos; at = text.find("R.", at + row.size())) {
        text.replace(at, 2, std::string(row) + ".");
    }
    return text;
}

// One trigger per table and operation. Each expression is stable within one statement
// (SQLite's 'now', the connection's actor, the max seq), so writing the values twice (once
// as columns, once into the chain hash) gives the same values.
std::string auditTrigger(const AuditedTable& table, std::string_view operation) {
    const bool hasOld = operation != "insert";
    const bool hasNew = operation != "delete";
    const std::string_view row = hasNew ? "NEW" : "OLD";
    const std::string seq = "(coalesce((SELECT max(seq) FROM audit_log), 0) + 1)";
    const std::string at = "(CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER) * 1000)";
    const std::string action = fmt::format("'{}.{}'", table.name, operation);
    const std::string key = rowKey(table, row);
    const std::string session = replaceRow(table.session, row);
    const std::string before = hasOld ? rowImage(table, "OLD") : "NULL";
    const std::string after = hasNew ? rowImage(table, "NEW") : "NULL";
    std::string event = operation == "insert" ? "INSERT" : operation == "update" ? "UPDATE" : "DELETE";
    if (operation == "update" && table.updateOf != nullptr) {
        event += fmt::format(" OF {}", table.updateOf);
    }
    return fmt::format(
        "CREATE TRIGGER audit_{0}_{1} AFTER {2} ON {0} BEGIN "
        "INSERT INTO audit_log (seq, at_us, actor_id, action, what, subject, session_id, before_json, "
        "after_json, hash) VALUES ({3}, {4}, sb_audit_actor(), {5}, sb_audit_what(), {6}, {7}, {8}, {9}, "
        "sb_audit_chain((SELECT hash FROM audit_log WHERE seq = {3} - 1), {3}, {4}, sb_audit_actor(), {5}, "
        "sb_audit_what(), {6}, {7}, {8}, {9})); END",
        table.name, operation, event, seq, at, action, key, session, before, after);
}

void addAuditTriggers(sqlite::Database& database) {
    for (const auto& table : kFormat5AuditedTables) {
        for (const char* operation : {"insert", "update", "delete"}) {
            database.execute(auditTrigger(table, operation));
        }
    }
}

struct Migration {
    int toFormat;
    const char* const* statements;
    std::size_t count;
    void (*more)(sqlite::Database&) = nullptr; // statements generated from a table (format 5)
};

template <std::size_t N>
constexpr Migration migration(int toFormat, const char* const (&statements)[N],
                              void (*more)(sqlite::Database&) = nullptr) {
    return {toFormat, statements, N, more};
}

constexpr std::array kMigrations = {
    migration(1, kFormat1),
    migration(2, kFormat2),
    migration(3, kFormat3),
    migration(4, kFormat4),
    migration(5, kFormat5, addAuditTriggers),
};
static_assert(kMigrations.back().toFormat == kProjectFormatVersion, "add a migration for the new format");

void refuseNewer(const sqlite::Database& database, int format) {
    throw ProjectVersionError(
        fmt::format("{}: the project was written by a newer SecureBase (project format {}); "
                    "this build reads project formats up to {}. Update SecureBase to open it.",
                    database.fileName(), format, kProjectFormatVersion));
}

} // namespace

std::vector<AuditedTableSpec> auditedTables() {
    std::vector<AuditedTableSpec> result;
    for (const auto& table : kFormat5AuditedTables) {
        result.push_back({table.name, table.columns, table.keyColumns});
    }
    return result;
}

int projectFormatOf(sqlite::Database& database) {
    return static_cast<int>(database.queryInt("PRAGMA user_version"));
}

void migrateProjectFile(sqlite::Database& database, bool fresh) {
    const auto checkIdentity = [&](int format) {
        const auto applicationId = database.queryInt("PRAGMA application_id");
        if (format == 0 && !fresh) {
            throw ProjectFileError(fmt::format("{}: not a SecureBase project (no project format recorded)",
                                               database.fileName()));
        }
        if (format != 0 && applicationId != kProjectApplicationId) {
            throw ProjectFileError(fmt::format(
                "{}: not a SecureBase project (an SQLite database of another program)", database.fileName()));
        }
        if (format > kProjectFormatVersion) {
            refuseNewer(database, format);
        }
    };

    int format = projectFormatOf(database);
    checkIdentity(format);
    if (format == kProjectFormatVersion) {
        return;
    }
    if (database.readOnly()) {
        throw ProjectVersionError(fmt::format("{}: the project uses the older project format {} and must be "
                                              "upgraded to format {}; open it once for writing",
                                              database.fileName(), format, kProjectFormatVersion));
    }

    sqlite::Transaction transaction(database);
    format = projectFormatOf(database); // another process may have migrated while we waited
    checkIdentity(format);
    for (const auto& step : kMigrations) {
        if (step.toFormat <= format) {
            continue;
        }
        for (std::size_t i = 0; i < step.count; ++i) {
            database.execute(step.statements[i]);
        }
        if (step.more != nullptr) {
            step.more(database);
        }
    }
    // PRAGMA arguments cannot be bound; these are our own integer constants.
    database.execute(fmt::format("PRAGMA application_id = {}", kProjectApplicationId));
    database.execute(fmt::format("PRAGMA user_version = {}", kProjectFormatVersion));
    transaction.commit();
}

} // namespace sb::annotation
