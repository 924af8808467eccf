// Project-file formats: an older file is migrated on open, a newer one is refused with a
// message naming the file and both formats, and other databases are not taken for projects.

#include "annotation/project.h"
#include "annotation/project_error.h"
#include "annotation/project_schema.h"
#include "annotation/sqlite/statement.h"
#include "tests/annotation/test_support.h"

#include <fmt/core.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

namespace sb::annotation {
namespace {

using test::ScratchDir;
using test::seconds;

// Raw SQL through the C API, so the test does not trust the code it checks.
void rawSql(const std::filesystem::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    const std::string message = error != nullptr ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << message;
}

// Format 1 as it shipped: no longest_state_us, no per-coder index, no triggers.
const char* kFormat1File = R"(
PRAGMA application_id = 1396854866; -- "SBPR"
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE scheme_versions (id INTEGER PRIMARY KEY, scheme_id TEXT NOT NULL, version TEXT NOT NULL,
  content_sha256 TEXT NOT NULL UNIQUE, source_text TEXT NOT NULL, added_at_us INTEGER NOT NULL) STRICT;
CREATE TABLE coders (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('coder', 'supervisor')), created_at_us INTEGER NOT NULL) STRICT;
CREATE TABLE sessions (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at_us INTEGER NOT NULL) STRICT;
CREATE TABLE media_files (session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  position INTEGER NOT NULL, path TEXT NOT NULL, offset_us INTEGER NOT NULL, PRIMARY KEY (session_id, position)) STRICT;
CREATE TABLE annotations (id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  coder_id INTEGER NOT NULL REFERENCES coders (id),
  scheme_version_id INTEGER NOT NULL REFERENCES scheme_versions (id),
  code_id TEXT NOT NULL, subject_id TEXT, start_us INTEGER NOT NULL,
  end_us INTEGER CHECK (end_us IS NULL OR end_us > start_us),
  modifiers TEXT NOT NULL DEFAULT '{}', comment TEXT NOT NULL DEFAULT '',
  created_at_us INTEGER NOT NULL, modified_at_us INTEGER NOT NULL) STRICT;
CREATE INDEX annotations_by_time ON annotations (session_id, start_us);
CREATE TABLE segment_instances (id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE, segment_id TEXT NOT NULL,
  start_us INTEGER NOT NULL, end_us INTEGER CHECK (end_us IS NULL OR end_us > start_us),
  author_id INTEGER NOT NULL REFERENCES coders (id),
  scheme_version_id INTEGER NOT NULL REFERENCES scheme_versions (id), modified_at_us INTEGER NOT NULL) STRICT;
CREATE INDEX segment_instances_by_time ON segment_instances (session_id, start_us);
CREATE TABLE scale_scores (segment_instance_id INTEGER NOT NULL REFERENCES segment_instances (id) ON DELETE CASCADE,
  scale_id TEXT NOT NULL, target_subject_id TEXT NOT NULL, coder_id INTEGER NOT NULL REFERENCES coders (id),
  value INTEGER NOT NULL, scheme_version_id INTEGER NOT NULL REFERENCES scheme_versions (id),
  modified_at_us INTEGER NOT NULL, PRIMARY KEY (segment_instance_id, scale_id, target_subject_id, coder_id)) STRICT;
CREATE TABLE judgements (session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  coder_id INTEGER NOT NULL REFERENCES coders (id), judgement_id TEXT NOT NULL, value TEXT NOT NULL,
  scheme_version_id INTEGER NOT NULL REFERENCES scheme_versions (id), modified_at_us INTEGER NOT NULL,
  PRIMARY KEY (session_id, coder_id, judgement_id)) STRICT;
PRAGMA user_version = 1;
)";

TEST(Migration, Format1FileIsMigratedOnOpen) {
    ScratchDir dir;
    const auto file = dir / "old.sbproj";
    rawSql(file, kFormat1File);
    std::string insert =
        "INSERT INTO meta VALUES ('current_scheme_version', '1'), ('blind', '0');"
        "INSERT INTO scheme_versions VALUES (1, 'test-scheme', '1.0.0', 'x', ?, 0);"
        "INSERT INTO coders VALUES (1, 'ana', 'coder', 0);"
        "INSERT INTO sessions VALUES (1, 'S1', 0), (2, 'S2', 0);"
        "INSERT INTO annotations (session_id, coder_id, scheme_version_id, code_id, subject_id, "
        "  start_us, end_us, created_at_us, modified_at_us) VALUES "
        "  (1, 1, 1, 'cry', 'infant', 0, 500000000, 0, 0),"
        "  (1, 1, 1, 'touch', NULL, 7000000, NULL, 0, 0),"
        "  (2, 1, 1, 'look', NULL, 1000000, 3000000, 0, 0);";
    // The scheme text is data: quote it the SQL way for this one raw statement.
    std::string quoted = "'";
    for (const char c : test::testSchemeJson()) {
        quoted += c == '\'' ? std::string("''") : std::string(1, c);
    }
    quoted += "'";
    insert.replace(insert.find('?'), 1, quoted);
    rawSql(file, insert);

    Project project(file);
    auto& store = project.store();
    EXPECT_EQ(store.formatVersion(), kProjectFormatVersion); // through every migration
    EXPECT_EQ(store.database().queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'session_notes'"),
              1);
    EXPECT_EQ(store.database().queryInt("SELECT longest_state_us FROM sessions WHERE id = 1"), 500'000'000);
    EXPECT_EQ(store.database().queryInt("SELECT longest_state_us FROM sessions WHERE id = 2"), 2'000'000);
    EXPECT_EQ(
        store.database().queryInt(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'annotations_by_coder_time'"),
        1);
    // The long state that began before the window is found through the migrated bound.
    AnnotationFilter window{SessionId{1}};
    window.from = seconds(400);
    window.to = seconds(410);
    const auto found = store.annotations(Viewer::wholeProject(), window);
    ASSERT_EQ(found.size(), 1U);
    EXPECT_EQ(found[0].code, "cry");
    EXPECT_EQ(project.scheme().id, "test-scheme");
    // Triggers now keep the bound up to date.
    Annotation longer;
    longer.session = SessionId{2};
    longer.coder = CoderId{1};
    longer.schemeVersion = SchemeVersionId{1};
    longer.code = "look";
    longer.start = seconds(10);
    longer.end = seconds(70);
    store.insertAnnotation(longer);
    EXPECT_EQ(store.database().queryInt("SELECT longest_state_us FROM sessions WHERE id = 2"), 60'000'000);
    auto check = store.database().prepare("PRAGMA integrity_check");
    ASSERT_TRUE(check.step());
    EXPECT_EQ(check.columnText(0), "ok");
}

TEST(Migration, ReadOnlyOpenOfAnOlderFileAsksForAnUpgrade) {
    ScratchDir dir;
    const auto file = dir / "old.sbproj";
    rawSql(file, kFormat1File);
    try {
        ProjectStore store(file, ProjectStore::Access::ReadOnly);
        FAIL() << "opened";
    } catch (const ProjectVersionError& e) {
        EXPECT_NE(std::string(e.what()).find("older project format 1"), std::string::npos) << e.what();
    }
}

TEST(Migration, NewerFileIsRefusedNamingFileAndBothFormats) {
    ScratchDir dir;
    const auto file = dir / "future.sbproj";
    { test::makeFixture(file); }
    rawSql(file, "PRAGMA user_version = 7");
    try {
        Project project(file);
        FAIL() << "opened a newer file";
    } catch (const ProjectVersionError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find(file.string()), std::string::npos) << message;
        EXPECT_NE(message.find("format 7"), std::string::npos) << message;
        EXPECT_NE(message.find(fmt::format("up to {}", kProjectFormatVersion)), std::string::npos) << message;
    }
    // Refusing did not touch it.
    sqlite::Database raw(file, sqlite::Database::Access::ReadOnly);
    EXPECT_EQ(raw.queryInt("PRAGMA user_version"), 7);
}

TEST(Migration, OtherFilesAreNotTakenForProjects) {
    ScratchDir dir;
    const auto foreign = dir / "other.sqlite";
    rawSql(foreign, "CREATE TABLE t (x); PRAGMA user_version = 2;");
    EXPECT_THROW(Project{foreign}, ProjectFileError);
    const auto empty = dir / "empty.sbproj";
    test::writeFile(empty, "");
    EXPECT_THROW(Project{empty}, ProjectFileError);
    const auto text = dir / "notes.sbproj";
    test::writeFile(text, std::string(4096, 'x'));
    try {
        Project project(text);
        FAIL() << "opened a text file";
    } catch (const ProjectFileError& e) {
        EXPECT_NE(std::string(e.what()).find("not a SecureBase project"), std::string::npos) << e.what();
    }
    EXPECT_THROW(Project{dir / "missing.sbproj"}, ProjectFileError);
}

} // namespace
} // namespace sb::annotation
