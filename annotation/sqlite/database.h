#pragma once
// RAII owner of one SQLite connection, opened the way every project file is used: WAL,
// synchronous=FULL (a committed edit survives a power cut, not only a killed process), a busy
// timeout so a second process waits for a writer instead of failing at once, foreign keys on.
// SQL text passed here is always a constant of ours; data goes through Statement::bind.

#include "annotation/project_error.h"

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace sb::annotation::sqlite {

class Statement;

// A row broke a UNIQUE, CHECK or FOREIGN KEY rule; code() is SQLite's extended result code.
class ConstraintError : public ProjectFileError {
public:
    ConstraintError(const std::string& message, int code)
        : ProjectFileError(message)
        , code_(code) {}
    [[nodiscard]] int code() const { return code_; }

private:
    int code_;
};

class Database {
public:
    enum class Access { ReadWrite, ReadOnly };

    // The file must exist (a project is created empty by ProjectStore with O_EXCL first, so
    // that creating never overwrites).
    Database(const std::filesystem::path& file, Access access,
             std::chrono::milliseconds busyTimeout = std::chrono::milliseconds(5000));

    Database(Database&&) noexcept = default;
    Database& operator=(Database&&) noexcept = default;

    [[nodiscard]] sqlite3* handle() const { return db_.get(); }
    [[nodiscard]] const std::string& fileName() const { return fileName_; }
    [[nodiscard]] bool readOnly() const { return access_ == Access::ReadOnly; }
    // How long a statement waits for another connection's lock before failing as busy.
    void setBusyTimeout(std::chrono::milliseconds timeout);

    // Runs constant SQL (DDL, PRAGMA) that returns no data we need.
    void execute(std::string_view constantSql);
    [[nodiscard]] Statement prepare(std::string_view constantSql);
    // First column of the first row of a constant query, as an integer.
    [[nodiscard]] std::int64_t queryInt(std::string_view constantSql);

    [[nodiscard]] std::int64_t lastInsertRowId() const;
    [[nodiscard]] int changes() const;
    [[nodiscard]] bool inTransaction() const;

    // Throws the exception matching the extended result code `rc` (busy → ProjectBusyError,
    // a constraint → ConstraintError, else ProjectFileError), naming the file and what we were
    // doing. `detail` defaults to the connection's last error message.
    [[noreturn]] void fail(int rc, std::string_view doing, const char* detail = nullptr) const;

private:
    struct Closer {
        void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
    };
    std::unique_ptr<sqlite3, Closer> db_;
    std::string fileName_;
    Access access_;
};

} // namespace sb::annotation::sqlite
