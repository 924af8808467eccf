#pragma once
// The project file's schema: a format number in PRAGMA user_version and an ordered list of
// migrations, each taking the file from format N-1 to N inside one transaction. A new file
// is made by running every migration from 0, so the upgrade path is exercised on every
// project ever created, not only on old ones.

#include <cstdint>
#include <string_view>
#include <vector>

namespace sb::annotation {

namespace sqlite {
class Database;
}

// "SBPR" in PRAGMA application_id: tells our files from any other SQLite database.
inline constexpr std::int32_t kProjectApplicationId = 0x53425052;

// The newest format this build reads and writes (docs/project-file.md lists them all).
inline constexpr int kProjectFormatVersion = 5;

// Brings a file up to kProjectFormatVersion. `fresh` is set when the file was just created
// empty by us. Throws ProjectVersionError for a file from a newer build, ProjectFileError for
// a database that is not a project. Safe against another process doing the same at once: the
// check is repeated under the write lock.
void migrateProjectFile(sqlite::Database& database, bool fresh);

// A table whose every row change the audit trail records (format 5): the columns of a row's
// JSON image (json_object in this order) and of its key (json_array). Package checks replay
// the audit log against these.
struct AuditedTableSpec {
    std::string_view name;
    std::string_view columns;    // comma-separated
    std::string_view keyColumns; // comma-separated
};
[[nodiscard]] std::vector<AuditedTableSpec> auditedTables();

// The format recorded in the file (0 for an empty or foreign database).
[[nodiscard]] int projectFormatOf(sqlite::Database& database);

} // namespace sb::annotation
