#include "annotation/sqlite/database.h"

#include "annotation/sqlite/statement.h"

#include <fmt/core.h>

namespace sb::annotation::sqlite {

Database::Database(const std::filesystem::path& file, Access access, std::chrono::milliseconds busyTimeout)
    : fileName_(file.string())
    , access_(access) {
    if (!std::filesystem::exists(file)) {
        throw ProjectFileError(fmt::format("{}: no such file", fileName_));
    }
    // NOMUTEX: a connection is used by one thread at a time (the GUI thread or a worker that
    // opens its own); FULLMUTEX would only add locking cost.
    const int flags = (access == Access::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                      SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(fileName_.c_str(), &raw, flags, nullptr);
    db_.reset(raw); // even on failure SQLite may hand back a handle that must be closed
    if (rc != SQLITE_OK) {
        fail(rc, "open");
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, static_cast<int>(busyTimeout.count()));
    execute("PRAGMA foreign_keys = ON");
    execute("PRAGMA synchronous = FULL");
    if (access == Access::ReadWrite) {
        // journal_mode is persistent in the file; setting it again is cheap and also repairs a
        // file someone switched back to a rollback journal.
        auto mode = prepare("PRAGMA journal_mode = WAL");
        if (mode.step() && mode.columnText(0) != "wal") {
            throw ProjectFileError(fmt::format("{}: cannot switch the file to WAL mode (got '{}')", fileName_,
                                               mode.columnText(0)));
        }
    }
}

void Database::execute(std::string_view constantSql) {
    auto statement = prepare(constantSql);
    while (statement.step()) {
    }
}

Statement Database::prepare(std::string_view constantSql) {
    return Statement(*this, constantSql);
}

std::int64_t Database::queryInt(std::string_view constantSql) {
    auto statement = prepare(constantSql);
    if (!statement.step()) {
        throw ProjectFileError(fmt::format("{}: query returned no row: {}", fileName_, constantSql));
    }
    return statement.columnInt(0);
}

void Database::setBusyTimeout(std::chrono::milliseconds timeout) {
    sqlite3_busy_timeout(db_.get(), static_cast<int>(timeout.count()));
}

std::int64_t Database::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(db_.get());
}

int Database::changes() const {
    return sqlite3_changes(db_.get());
}

bool Database::inTransaction() const {
    return sqlite3_get_autocommit(db_.get()) == 0;
}

void Database::fail(int rc, std::string_view doing, const char* detail) const {
    if (detail == nullptr) {
        detail = db_ ? sqlite3_errmsg(db_.get()) : sqlite3_errstr(rc);
    }
    const int primary = rc & 0xff;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
        throw ProjectBusyError(fmt::format("{}: the project is busy: another program is writing to it "
                                           "(try again when it has finished) [{}: {}]",
                                           fileName_, doing, detail));
    }
    if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT) {
        throw ProjectFileError(fmt::format("{}: not a SecureBase project, or the file is damaged ({}: {})",
                                           fileName_, doing, detail));
    }
    if (primary == SQLITE_CONSTRAINT) {
        throw ConstraintError(fmt::format("{}: {}: {}", fileName_, doing, detail), rc);
    }
    throw ProjectFileError(fmt::format("{}: {}: {}", fileName_, doing, detail));
}

} // namespace sb::annotation::sqlite
