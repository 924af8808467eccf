#pragma once
// RAII owner of one prepared statement. Values are always bound, never spliced into SQL.
// Parameter and column indexes follow SQLite: parameters from 1, columns from 0.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace sb::annotation::sqlite {

class Database;

class Statement {
public:
    Statement(const Database& database, std::string_view constantSql);

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bindNull(int index);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bindNull(index);
    }

    // Advances; true while there is a row to read.
    bool step();
    // Steps a statement that returns no rows.
    void run();
    // Ready to run again with new bindings.
    void reset();

    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] std::int64_t columnInt(int column) const;
    [[nodiscard]] std::string columnText(int column) const;
    [[nodiscard]] std::string_view columnTextView(int column) const; // valid until the next step
    [[nodiscard]] std::optional<std::int64_t> columnOptionalInt(int column) const;
    [[nodiscard]] std::optional<std::string> columnOptionalText(int column) const;

private:
    struct Finalizer {
        void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
    };
    const Database* database_;
    std::unique_ptr<sqlite3_stmt, Finalizer> statement_;
};

} // namespace sb::annotation::sqlite
