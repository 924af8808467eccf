// ProjectStore: opening and creating the file, settings, scheme versions, sessions, coders.
// Annotations and scores are in project_store_annotations.cpp and project_store_scoring.cpp.

#include "annotation/project_store.h"

#include "annotation/project_error.h"
#include "annotation/project_schema.h"
#include "annotation/sha256.h"
#include "annotation/sqlite/statement.h"

#include <fmt/core.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace sb::annotation {

namespace {

// Creates the file only if it does not exist ("x": O_EXCL), so two creators never both win
// and an existing project is never overwritten.
void createEmptyFileExclusively(const std::filesystem::path& file) {
    std::FILE* handle = std::fopen(file.c_str(), "wbx");
    if (handle == nullptr) {
        if (errno == EEXIST) {
            throw ProjectFileError(
                fmt::format("{}: already exists; refusing to overwrite it", file.string()));
        }
        throw ProjectFileError(fmt::format("{}: cannot create: {}", file.string(), std::strerror(errno)));
    }
    std::fclose(handle);
}

bool isUniqueViolation(const sqlite::ConstraintError& error) {
    return error.code() == SQLITE_CONSTRAINT_UNIQUE;
}

} // namespace

ProjectStore::ProjectStore(sqlite::Database database, Clock clock)
    : database_(std::move(database))
    , clock_(std::move(clock)) {
    registerAuditFunctions();
}

ProjectStore::ProjectStore(const std::filesystem::path& file, Access access, Clock clock)
    : database_(file, access)
    , clock_(std::move(clock)) {
    registerAuditFunctions();
    migrateProjectFile(database_, false);
}

ProjectStore ProjectStore::createEmpty(const std::filesystem::path& file, Clock clock) {
    createEmptyFileExclusively(file);
    try {
        ProjectStore store(sqlite::Database(file, Access::ReadWrite), std::move(clock));
        migrateProjectFile(store.database_, true);
        return store;
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(file, ignored);
        std::filesystem::remove(file.string() + "-wal", ignored);
        std::filesystem::remove(file.string() + "-shm", ignored);
        throw;
    }
}

ProjectStore ProjectStore::create(const std::filesystem::path& file, std::string_view schemeText,
                                  std::string_view schemeId, std::string_view schemeVersion, Clock clock) {
    createEmptyFileExclusively(file);
    try {
        ProjectStore store(sqlite::Database(file, Access::ReadWrite), std::move(clock));
        migrateProjectFile(store.database_, true);
        auto transaction = store.beginTransaction();
        store.setMeta("created_at_us", std::to_string(store.now().count()));
        store.setMeta("blind", "0");
        const auto version = store.addSchemeVersion(schemeText, schemeId, schemeVersion);
        store.setCurrentSchemeVersion(version);
        transaction.commit();
        return store;
    } catch (...) {
        // Nothing else can know of the file yet; leave no half-made project behind.
        std::error_code ignored;
        std::filesystem::remove(file, ignored);
        std::filesystem::remove(file.string() + "-wal", ignored);
        std::filesystem::remove(file.string() + "-shm", ignored);
        throw;
    }
}

int ProjectStore::formatVersion() {
    return projectFormatOf(database_);
}

std::string ProjectStore::meta(std::string_view key, std::string_view fallback) {
    auto query = database_.prepare("SELECT value FROM meta WHERE key = ?1");
    query.bind(1, key);
    return query.step() ? query.columnText(0) : std::string(fallback);
}

void ProjectStore::setMeta(std::string_view key, std::string_view value) {
    auto statement = database_.prepare("INSERT INTO meta (key, value) VALUES (?1, ?2) "
                                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    statement.bind(1, key).bind(2, value).run();
}

bool ProjectStore::blind() {
    return meta("blind", "0") == "1";
}

void ProjectStore::setBlind(bool blind) {
    setMeta("blind", blind ? "1" : "0");
}

std::optional<CoderId> ProjectStore::visibleOnly(const Viewer& viewer, std::optional<CoderId> asked) {
    if (viewer.isWholeProject() || !blind()) {
        return std::nullopt;
    }
    const auto who = coder(viewer.coderId());
    if (who.role == CoderRole::Supervisor) {
        return std::nullopt;
    }
    if (asked && *asked != who.id) {
        throw AccessDenied(fmt::format(
            "{}: the project is blind: coder '{}' may not see another coder's work", fileName(), who.name));
    }
    return who.id;
}

// ---- scheme versions

SchemeVersionId ProjectStore::addSchemeVersion(std::string_view sourceText, std::string_view schemeId,
                                               std::string_view version) {
    const auto hash = sha256Hex(sourceText);
    auto transaction = beginTransaction();
    auto existing = database_.prepare("SELECT id FROM scheme_versions WHERE content_sha256 = ?1");
    existing.bind(1, hash);
    if (existing.step()) {
        return SchemeVersionId{existing.columnInt(0)};
    }
    auto insert =
        database_.prepare("INSERT INTO scheme_versions (scheme_id, version, content_sha256, source_text, "
                          "added_at_us) VALUES (?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, schemeId).bind(2, version).bind(3, hash).bind(4, sourceText).bind(5, now().count()).run();
    const SchemeVersionId id{database_.lastInsertRowId()};
    transaction.commit();
    return id;
}

namespace {
SchemeVersionRecord readSchemeVersion(const sqlite::Statement& row) {
    return {SchemeVersionId{row.columnInt(0)},
            row.columnText(1),
            row.columnText(2),
            row.columnText(3),
            row.columnText(4),
            Microseconds{row.columnInt(5)}};
}
constexpr const char* kSchemeVersionColumns =
    "SELECT id, scheme_id, version, content_sha256, source_text, added_at_us FROM scheme_versions ";
} // namespace

SchemeVersionRecord ProjectStore::schemeVersion(SchemeVersionId id) {
    auto query = database_.prepare(std::string(kSchemeVersionColumns) + "WHERE id = ?1");
    query.bind(1, id.value);
    if (!query.step()) {
        throw NotFound(fmt::format("{}: no scheme version {}", fileName(), id.value));
    }
    return readSchemeVersion(query);
}

std::vector<SchemeVersionRecord> ProjectStore::schemeVersions() {
    auto query = database_.prepare(std::string(kSchemeVersionColumns) + "ORDER BY id");
    std::vector<SchemeVersionRecord> result;
    while (query.step()) {
        result.push_back(readSchemeVersion(query));
    }
    return result;
}

SchemeVersionId ProjectStore::currentSchemeVersion() {
    const auto text = meta("current_scheme_version", "");
    if (text.empty()) {
        throw ProjectFileError(fmt::format("{}: the project names no current scheme version", fileName()));
    }
    return SchemeVersionId{std::stoll(text)};
}

void ProjectStore::setCurrentSchemeVersion(SchemeVersionId id) {
    (void)schemeVersion(id); // must exist
    setMeta("current_scheme_version", std::to_string(id.value));
}

// ---- sessions

SessionId ProjectStore::addSession(std::string_view name, const std::vector<MediaFile>& media) {
    if (name.empty()) {
        throw EditRejected(fmt::format("{}: a session needs a name", fileName()));
    }
    auto transaction = beginTransaction();
    auto insert = database_.prepare("INSERT INTO sessions (name, created_at_us) VALUES (?1, ?2)");
    try {
        insert.bind(1, name).bind(2, now().count()).run();
    } catch (const sqlite::ConstraintError& e) {
        if (isUniqueViolation(e)) {
            throw EditRejected(fmt::format("{}: a session named '{}' already exists", fileName(), name));
        }
        throw;
    }
    const SessionId id{database_.lastInsertRowId()};
    writeSessionMedia(id, media);
    transaction.commit();
    return id;
}

void ProjectStore::writeSessionMedia(SessionId session, const std::vector<MediaFile>& media) {
    auto insertMedia = database_.prepare(
        "INSERT INTO media_files (session_id, position, path, offset_us) VALUES (?1, ?2, ?3, ?4)");
    for (std::size_t i = 0; i < media.size(); ++i) {
        insertMedia.bind(1, session.value)
            .bind(2, static_cast<std::int64_t>(i))
            .bind(3, media[i].path)
            .bind(4, media[i].offset.count())
            .run();
        insertMedia.reset();
    }
}

void ProjectStore::setSessionMedia(SessionId session, const std::vector<MediaFile>& media) {
    auto transaction = beginTransaction();
    static_cast<void>(this->session(session)); // NotFound for a session that is not there
    database_.prepare("DELETE FROM media_files WHERE session_id = ?1").bind(1, session.value).run();
    writeSessionMedia(session, media);
    transaction.commit();
}

namespace {
constexpr const char* kSessionColumns = "SELECT id, name, created_at_us FROM sessions ";
}

std::vector<Session> ProjectStore::sessions() {
    std::vector<Session> result;
    auto query = database_.prepare(std::string(kSessionColumns) + "ORDER BY id");
    while (query.step()) {
        result.push_back(
            {SessionId{query.columnInt(0)}, query.columnText(1), {}, Microseconds{query.columnInt(2)}});
    }
    auto media = database_.prepare(
        "SELECT session_id, path, offset_us FROM media_files ORDER BY session_id, position");
    while (media.step()) {
        const SessionId owner{media.columnInt(0)};
        for (auto& session : result) {
            if (session.id == owner) {
                session.media.push_back({media.columnText(1), Microseconds{media.columnInt(2)}});
            }
        }
    }
    return result;
}

Session ProjectStore::session(SessionId id) {
    auto query = database_.prepare(std::string(kSessionColumns) + "WHERE id = ?1");
    query.bind(1, id.value);
    if (!query.step()) {
        throw NotFound(fmt::format("{}: no session {}", fileName(), id.value));
    }
    Session result{id, query.columnText(1), {}, Microseconds{query.columnInt(2)}};
    auto media =
        database_.prepare("SELECT path, offset_us FROM media_files WHERE session_id = ?1 ORDER BY position");
    media.bind(1, id.value);
    while (media.step()) {
        result.media.push_back({media.columnText(0), Microseconds{media.columnInt(1)}});
    }
    return result;
}

std::optional<Session> ProjectStore::findSession(std::string_view name) {
    auto query = database_.prepare("SELECT id FROM sessions WHERE name = ?1");
    query.bind(1, name);
    if (!query.step()) {
        return std::nullopt;
    }
    return session(SessionId{query.columnInt(0)});
}

Session ProjectStore::sessionNamed(std::string_view name) {
    if (auto found = findSession(name)) {
        return *found;
    }
    throw NotFound(fmt::format("{}: no session named '{}'", fileName(), name));
}

// ---- coders

CoderId ProjectStore::addCoder(std::string_view name, CoderRole role) {
    if (name.empty()) {
        throw EditRejected(fmt::format("{}: a coder needs a name", fileName()));
    }
    auto insert = database_.prepare("INSERT INTO coders (name, role, created_at_us) VALUES (?1, ?2, ?3)");
    try {
        insert.bind(1, name).bind(2, toString(role)).bind(3, now().count()).run();
    } catch (const sqlite::ConstraintError& e) {
        if (isUniqueViolation(e)) {
            throw EditRejected(fmt::format("{}: a coder named '{}' already exists", fileName(), name));
        }
        throw;
    }
    return CoderId{database_.lastInsertRowId()};
}

namespace {
constexpr const char* kCoderColumns = "SELECT id, name, role, created_at_us FROM coders ";
Coder readCoder(const sqlite::Statement& row) {
    return {CoderId{row.columnInt(0)}, row.columnText(1),
            parseCoderRole(row.columnTextView(2)).value_or(CoderRole::Coder), Microseconds{row.columnInt(3)}};
}
} // namespace

std::vector<Coder> ProjectStore::coders() {
    std::vector<Coder> result;
    auto query = database_.prepare(std::string(kCoderColumns) + "ORDER BY id");
    while (query.step()) {
        result.push_back(readCoder(query));
    }
    return result;
}

Coder ProjectStore::coder(CoderId id) {
    auto query = database_.prepare(std::string(kCoderColumns) + "WHERE id = ?1");
    query.bind(1, id.value);
    if (!query.step()) {
        throw NotFound(fmt::format("{}: no coder {}", fileName(), id.value));
    }
    return readCoder(query);
}

std::optional<Coder> ProjectStore::findCoder(std::string_view name) {
    auto query = database_.prepare(std::string(kCoderColumns) + "WHERE name = ?1");
    query.bind(1, name);
    if (!query.step()) {
        return std::nullopt;
    }
    return readCoder(query);
}

Coder ProjectStore::coderNamed(std::string_view name) {
    if (auto found = findCoder(name)) {
        return *found;
    }
    throw NotFound(fmt::format("{}: no coder named '{}'", fileName(), name));
}

} // namespace sb::annotation
