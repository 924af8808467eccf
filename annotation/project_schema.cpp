#include "annotation/project_schema.h"

#include "annotation/project_error.h"
#include "annotation/sqlite/database.h"
#include "annotation/sqlite/transaction.h"

#include <fmt/core.h>

#include <array>
#include <string>

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

struct Migration {
    int toFormat;
    const char* const* statements;
    std::size_t count;
};

template <std::size_t N>
constexpr Migration migration(int toFormat, const char* const (&statements)[N]) {
    return {toFormat, statements, N};
}

constexpr std::array kMigrations = {
    migration(1, kFormat1),
    migration(2, kFormat2),
    migration(3, kFormat3),
    migration(4, kFormat4),
};
static_assert(kMigrations.back().toFormat == kProjectFormatVersion, "add a migration for the new format");

void refuseNewer(const sqlite::Database& database, int format) {
    throw ProjectVersionError(
        fmt::format("{}: the project was written by a newer SecureBase (project format {}); "
                    "this build reads project formats up to {}. Update SecureBase to open it.",
                    database.fileName(), format, kProjectFormatVersion));
}

} // namespace

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
    }
    // PRAGMA arguments cannot be bound; these are our own integer constants.
    database.execute(fmt::format("PRAGMA application_id = {}", kProjectApplicationId));
    database.execute(fmt::format("PRAGMA user_version = {}", kProjectFormatVersion));
    transaction.commit();
}

} // namespace sb::annotation
