#include "annotation/sqlite/statement.h"

#include "annotation/sqlite/database.h"

#include <string>

namespace sb::annotation::sqlite {

Statement::Statement(const Database& database, std::string_view constantSql)
    : database_(&database) {
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v2(database.handle(), constantSql.data(),
                                      static_cast<int>(constantSql.size()), &raw, nullptr);
    statement_.reset(raw);
    if (rc != SQLITE_OK) {
        database.fail(rc, "prepare");
    }
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (const int rc = sqlite3_bind_int64(statement_.get(), index, value); rc != SQLITE_OK) {
        database_->fail(rc, "bind");
    }
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    // SQLITE_TRANSIENT: SQLite copies the text, so callers may pass temporaries.
    if (const int rc = sqlite3_bind_text64(statement_.get(), index, value.data(), value.size(),
                                           SQLITE_TRANSIENT, SQLITE_UTF8);
        rc != SQLITE_OK) {
        database_->fail(rc, "bind");
    }
    return *this;
}

Statement& Statement::bindNull(int index) {
    if (const int rc = sqlite3_bind_null(statement_.get(), index); rc != SQLITE_OK) {
        database_->fail(rc, "bind");
    }
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(statement_.get());
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    // Keep the message, then reset: a statement left mid-step would keep the transaction's
    // read lock and make the caller's rollback fail.
    const std::string message = sqlite3_errmsg(database_->handle());
    sqlite3_reset(statement_.get());
    database_->fail(rc, "step", message.c_str());
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(statement_.get());
    sqlite3_clear_bindings(statement_.get());
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(statement_.get(), column) == SQLITE_NULL;
}

std::int64_t Statement::columnInt(int column) const {
    return sqlite3_column_int64(statement_.get(), column);
}

std::string_view Statement::columnTextView(int column) const {
    const auto* text = sqlite3_column_text(statement_.get(), column);
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement_.get(), column));
    return text == nullptr ? std::string_view{} : std::string_view(reinterpret_cast<const char*>(text), size);
}

std::string Statement::columnText(int column) const {
    return std::string(columnTextView(column));
}

std::optional<std::int64_t> Statement::columnOptionalInt(int column) const {
    if (isNull(column)) {
        return std::nullopt;
    }
    return columnInt(column);
}

std::optional<std::string> Statement::columnOptionalText(int column) const {
    if (isNull(column)) {
        return std::nullopt;
    }
    return columnText(column);
}

} // namespace sb::annotation::sqlite
