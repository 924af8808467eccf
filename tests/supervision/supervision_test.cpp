// Supervision core: a coding package holds no trace of other coders (every table and the raw
// bytes, free pages included); merging is idempotent and replaces the coder's work; altered,
// foreign, wrong-coder and wrong-scheme packages are refused with the project unchanged;
// feedback is never released before submission; reveals and review threads travel as they
// should; the audit trail records edits (with undo/redo) and its chain finds a deleted and an
// edited row.

#include "annotation/annotation_commands.h"
#include "annotation/io/annotation_format.h"
#include "annotation/io/annotation_transfer.h"
#include "annotation/note_commands.h"
#include "annotation/project_error.h"
#include "annotation/scoring_commands.h"
#include "annotation/supervision/audit_trail.h"
#include "annotation/supervision/coding_package.h"
#include "annotation/supervision/gold_standards.h"
#include "annotation/supervision/reveals.h"
#include "annotation/supervision/review_threads.h"
#include "annotation/supervision/supervision_error.h"
#include "tests/annotation/test_support.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <iterator>
#include <stdexcept>

namespace sb::annotation::supervision {
namespace {

using test::Fixture;
using test::seconds;

// ---- raw SQLite, as an outsider (or a tamperer) sees the file

class RawDb {
public:
    explicit RawDb(const std::filesystem::path& file) {
        if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
            throw std::runtime_error("cannot open " + file.string());
        }
    }
    ~RawDb() { sqlite3_close_v2(db_); }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;

    void exec(const std::string& sql) {
        char* error = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            const std::string message = error ? error : "?";
            sqlite3_free(error);
            throw std::runtime_error(sql + ": " + message);
        }
    }
    std::vector<std::vector<std::string>> rows(const std::string& sql) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
            throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
        }
        std::vector<std::vector<std::string>> result;
        while (sqlite3_step(statement) == SQLITE_ROW) {
            std::vector<std::string> row;
            for (int i = 0; i < sqlite3_column_count(statement); ++i) {
                const auto* text = sqlite3_column_text(statement, i);
                row.emplace_back(text ? reinterpret_cast<const char*>(text) : "<null>");
            }
            result.push_back(std::move(row));
        }
        sqlite3_finalize(statement);
        return result;
    }
    std::vector<std::string> tables() {
        std::vector<std::string> names;
        for (const auto& row : rows("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")) {
            names.push_back(row[0]);
        }
        return names;
    }
    // Every row of every table as text: what "nothing changed" compares.
    std::string dump() {
        std::string text;
        for (const auto& table : tables()) {
            text += "## " + table + "\n";
            for (const auto& row : rows("SELECT * FROM \"" + table + "\" ORDER BY rowid")) {
                for (const auto& field : row) {
                    text += field + "|";
                }
                text += "\n";
            }
        }
        return text;
    }

private:
    sqlite3* db_ = nullptr;
};

std::string fileBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// ---- a supervised project: ana (trainee), zed (another trainee), gil (master coder, gold),
// sue (supervisor); two sessions.

constexpr const char* kZedName = "zedekiah-blind";
constexpr const char* kZedComment = "ZED_PRIVATE_REMARK_7731";
constexpr const char* kZedNote = "ZED_PRIVATE_NOTE_4410";
constexpr const char* kGilName = "gilbertina-master";
constexpr const char* kGilComment = "GIL_GOLD_COMMENT_5120";
constexpr const char* kAnaComment = "ANA_OWN_COMMENT_9001";

class SupervisionTest : public ::testing::Test {
protected:
    void SetUp() override {
        f = test::makeFixture(dir / "main.sbproj");
        auto& store = f.project->store();
        s2 = store.addSession("S2", {{"s2.mp4", Microseconds{0}}});
        zed = store.addCoder(kZedName, CoderRole::Coder);
        gil = store.addCoder(kGilName, CoderRole::Coder);
        store.setActor(f.sue);
        auto add = [&](CoderId coder, SessionId session, const std::string& code, double from, double to,
                       const std::string& comment) {
            auto a = test::state(f, coder, code, from, to);
            a.session = session;
            a.comment = comment;
            store.setActor(coder);
            const auto id = f.project->history().push(std::make_unique<AddAnnotation>(a)).id();
            store.setActor(f.sue);
            return id;
        };
        anaFirst = add(f.ana, f.session, "cry", 1, 2, kAnaComment);
        add(f.ana, f.session, "fuss", 3, 4, "");
        add(f.ana, s2, "calm", 1, 5, "");
        zedFirst = add(zed, f.session, "cry", 1.5, 2.5, kZedComment);
        add(zed, s2, "cry", 1, 2, kZedComment);
        add(gil, f.session, "cry", 1, 2.5, kGilComment);
        add(gil, s2, "calm", 1, 4, kGilComment);
        SessionNote note;
        note.session = f.session;
        note.author = zed;
        note.at = seconds(2);
        note.text = kZedNote;
        f.project->history().push(std::make_unique<AddNote>(note));
        f.project->history().push(
            std::make_unique<SetJudgement>(f.session, zed, "notes", std::string(kZedComment)));
        f.project->history().push(std::make_unique<SetJudgement>(f.session, f.ana, "classification", "B"));
        f.project->history().clear();
    }

    std::string mainDump() { return RawDb(dir / "main.sbproj").dump(); }

    // The trainee codes in their package, as the workstation would.
    void codeInPackage(const std::filesystem::path& package, CoderId coder) {
        Project pkg(package);
        pkg.store().setActor(coder);
        auto extra = test::state(f, coder, "look", 10, 12, std::string("mother"));
        pkg.history().push(std::make_unique<AddAnnotation>(extra));
        pkg.history().push(std::make_unique<MoveAnnotation>(anaFirst, seconds(1.25)));
        auto doomed =
            pkg.history().push(std::make_unique<AddAnnotation>(test::point(f, coder, "touch", 7))).id();
        pkg.history().push(std::make_unique<RemoveAnnotation>(doomed));
    }

    void expectRefused(const std::filesystem::path& package, const std::string& why) {
        const auto before = mainDump();
        try {
            mergePackage(*f.project, package);
            FAIL() << "merged a package that should be refused (" << why << ")";
        } catch (const PackageRefused& e) {
            EXPECT_NE(std::string(e.what()).find(why), std::string::npos) << e.what();
        }
        EXPECT_EQ(mainDump(), before) << "a refused merge changed the project";
    }

    test::ScratchDir dir;
    Fixture f;
    SessionId s2;
    CoderId zed, gil;
    AnnotationId anaFirst, zedFirst;
};

TEST_F(SupervisionTest, CodingPackageHoldsNoTraceOfOtherCoders) {
    const auto file = dir / "ana.sbpkg";
    const auto summary = createCodingPackage(*f.project, {f.ana, {}}, file);
    EXPECT_EQ(summary.annotations, 3);
    EXPECT_EQ(summary.revealedAnnotations, 0);
    EXPECT_FALSE(std::filesystem::exists(file.string() + "-wal"));

    const std::vector<std::string> secrets = {kZedName, kZedComment, kZedNote, kGilName, kGilComment, "sue"};
    {
        RawDb raw(file);
        EXPECT_EQ(raw.rows("PRAGMA freelist_count")[0][0], "0");
        for (const auto& table : raw.tables()) {
            for (const auto& row : raw.rows("SELECT * FROM \"" + table + "\"")) {
                for (const auto& field : row) {
                    for (const auto& secret : secrets) {
                        EXPECT_EQ(field.find(secret), std::string::npos) << table << ": " << field;
                    }
                }
            }
        }
        EXPECT_TRUE(
            raw.rows("SELECT 1 FROM annotations WHERE coder_id <> " + std::to_string(f.ana.value)).empty());
        EXPECT_TRUE(
            raw.rows("SELECT 1 FROM annotations WHERE id = " + std::to_string(zedFirst.value)).empty());
        EXPECT_TRUE(raw.rows("SELECT 1 FROM session_notes").empty());
        EXPECT_TRUE(raw.rows("SELECT 1 FROM project_identity").empty()) << "the secret must stay home";
        EXPECT_EQ(raw.rows("SELECT count(*) FROM judgements")[0][0], "1");
    }
    const auto bytes = fileBytes(file);
    for (const auto& secret : secrets) {
        EXPECT_EQ(bytes.find(secret), std::string::npos) << secret << " is in the package's bytes";
    }
    EXPECT_NE(bytes.find(kAnaComment), std::string::npos) << "the coder's own work must be there";

    // The package opens as a project, and its store keeps it blind by content.
    Project pkg(file);
    EXPECT_EQ(pkg.store().annotationCount(Viewer::wholeProject()), 3);
    EXPECT_EQ(readPackageHeader(file).coderName, "ana");
}

TEST_F(SupervisionTest, MergeReplacesTheCodersWorkAndIsIdempotent) {
    const auto file = dir / "ana.sbpkg";
    createCodingPackage(*f.project, {f.ana, {f.session}}, file);
    codeInPackage(file, f.ana);

    const auto result = mergePackage(*f.project, file);
    EXPECT_FALSE(result.alreadyMerged);
    EXPECT_EQ(result.sessions, 1);
    auto& store = f.project->store();
    const auto ana = store.annotations(Viewer::wholeProject(), {.session = f.session, .coder = f.ana});
    ASSERT_EQ(ana.size(), 3U); // cry (moved), fuss, look; the touch was added and deleted
    EXPECT_EQ(ana[0].id, anaFirst) << "an annotation that came from the project keeps its id";
    EXPECT_EQ(ana[0].start, seconds(1.25));
    EXPECT_EQ(ana[2].code, "look");
    EXPECT_EQ(store.annotationCount(Viewer::wholeProject(), f.session, zed), 1) << "others untouched";
    EXPECT_TRUE(submitted(store, f.session, f.ana));
    EXPECT_FALSE(submitted(store, s2, f.ana));

    const auto before = mainDump();
    const auto again = mergePackage(*f.project, file);
    EXPECT_TRUE(again.alreadyMerged);
    EXPECT_EQ(mainDump(), before) << "merging the same package twice changed the project";
}

TEST_F(SupervisionTest, AByteEditedPackageIsRefused) {
    const auto file = dir / "ana.sbpkg";
    createCodingPackage(*f.project, {f.ana, {}}, file);
    auto bytes = fileBytes(file);
    const auto at = bytes.find(kAnaComment);
    ASSERT_NE(at, std::string::npos);
    bytes[at] = 'X';
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
    expectRefused(file, "refused");
}

TEST_F(SupervisionTest, ARowEditedWithSqliteIsRefused) {
    const auto file = dir / "ana.sbpkg";
    createCodingPackage(*f.project, {f.ana, {}}, file);
    {
        RawDb raw(file);
        // Another tool has no audit functions: the tamperer must drop the triggers first.
        EXPECT_THROW(raw.exec("UPDATE annotations SET comment = 'forged' WHERE id = " +
                              std::to_string(anaFirst.value)),
                     std::runtime_error);
        raw.exec("DROP TRIGGER audit_annotations_update");
        raw.exec("UPDATE annotations SET comment = 'forged' WHERE id = " + std::to_string(anaFirst.value));
    }
    expectRefused(file, "altered outside SecureBase");
}

TEST_F(SupervisionTest, AHeaderClaimingAnotherCoderIsRefused) {
    const auto file = dir / "ana.sbpkg";
    createCodingPackage(*f.project, {f.ana, {}}, file);
    {
        RawDb raw(file);
        raw.exec("DROP TRIGGER audit_meta_update");
        raw.exec("UPDATE meta SET value = '" + std::to_string(zed.value) +
                 "' WHERE key = 'package.coder_id'");
        raw.exec("UPDATE meta SET value = '" + std::string(kZedName) + "' WHERE key = 'package.coder_name'");
    }
    expectRefused(file, "HMAC");
}

TEST_F(SupervisionTest, WorkSlippedInUnderAnotherCoderIsRefused) {
    const auto file = dir / "ana.sbpkg";
    createCodingPackage(*f.project, {f.ana, {}}, file);
    {
        RawDb raw(file);
        for (const char* trigger : {"audit_annotations_update", "package_readonly_annotations_UPDATE"}) {
            raw.exec(std::string("DROP TRIGGER ") + trigger);
        }
        // Foreign keys are off in a plain sqlite3 connection: no coder row needed for the forgery.
        raw.exec("UPDATE annotations SET coder_id = " + std::to_string(zed.value));
    }
    expectRefused(file, "refused");
}

TEST_F(SupervisionTest, APackageOfAnotherProjectIsRefused) {
    auto other = test::makeFixture(dir / "other.sbproj");
    other.project->store().addSession("S2", {});
    const auto file = dir / "foreign.sbpkg";
    createCodingPackage(*other.project, {other.ana, {}}, file);
    expectRefused(file, "another project");
    // Even when the project has made packages of its own (it then has an identity).
    createCodingPackage(*f.project, {f.ana, {}}, dir / "own.sbpkg");
    expectRefused(file, "another project");
}

TEST_F(SupervisionTest, APackageMadeWithAnotherSchemeVersionIsRefused) {
    const auto file = dir / "ana.sbpkg";
    createCodingPackage(*f.project, {f.ana, {}}, file);
    auto& store = f.project->store();
    const auto v2 = store.addSchemeVersion(test::testSchemeJson("2.0.0"), "test", "2.0.0");
    store.setCurrentSchemeVersion(v2);
    expectRefused(file, "another scheme version");
}

TEST_F(SupervisionTest, AnOlderPackageCannotUndoANewerMerge) {
    const auto older = dir / "older.sbpkg";
    const auto newer = dir / "newer.sbpkg";
    createCodingPackage(*f.project, {f.ana, {f.session}}, older);
    createCodingPackage(*f.project, {f.ana, {f.session}}, newer);
    codeInPackage(newer, f.ana);
    mergePackage(*f.project, newer);
    expectRefused(older, "superseded");
}

TEST_F(SupervisionTest, RevealedWorkComesReadOnly) {
    Reveals(f.project->store()).reveal(f.ana, zed, f.session);
    const auto file = dir / "ana.sbpkg";
    const auto summary = createCodingPackage(*f.project, {f.ana, {}}, file);
    EXPECT_EQ(summary.revealedAnnotations, 1); // zed's S1 annotation only: S2 was not revealed
    Project pkg(file);
    EXPECT_EQ(pkg.store().annotationCount(Viewer::wholeProject(), f.session, zed), 1);
    EXPECT_EQ(pkg.store().annotationCount(Viewer::wholeProject(), s2, zed), 0);
    EXPECT_EQ(pkg.store().annotationCount(Viewer::coder(f.ana), f.session), 3)
        << "the coder sees revealed work";
    ASSERT_TRUE(packageHeaderOf(pkg.store()));
    EXPECT_EQ(packageHeaderOf(pkg.store())->coder, f.ana);
    EXPECT_FALSE(packageHeaderOf(f.project->store()));
    EXPECT_THROW(pkg.history().push(std::make_unique<RemoveAnnotation>(zedFirst)), ProjectFileError);
    // Merging takes only ana's work.
    mergePackage(*f.project, file);
    EXPECT_EQ(f.project->store().annotationCount(Viewer::wholeProject(), f.session, zed), 1);
}

TEST_F(SupervisionTest, FeedbackOnlyAfterSubmissionWithGoldAndThreads) {
    auto& store = f.project->store();
    GoldStandards(store).set(f.session, gil);
    ReviewThreads threads(store);
    const auto thread = threads.open(f.session, f.ana, seconds(1), seconds(2), f.sue, "Why cry here?");

    const auto before = mainDump();
    EXPECT_THROW(createFeedbackPackage(*f.project, {f.ana, {}}, dir / "early.sbpkg"), PackageRefused);
    EXPECT_THROW(createFeedbackPackage(*f.project, {f.ana, {f.session}}, dir / "early.sbpkg"),
                 PackageRefused);
    EXPECT_FALSE(std::filesystem::exists(dir / "early.sbpkg"));
    EXPECT_EQ(mainDump(), before);
    EXPECT_FALSE(threads.thread(thread)->releasedAt);

    const auto coding = dir / "ana.sbpkg";
    createCodingPackage(*f.project, {f.ana, {f.session}}, coding);
    mergePackage(*f.project, coding);
    EXPECT_THROW(createFeedbackPackage(*f.project, {f.ana, {s2}}, dir / "s2.sbpkg"), PackageRefused);

    const auto feedback = dir / "ana-feedback.sbpkg";
    const auto summary = createFeedbackPackage(*f.project, {f.ana, {}}, feedback);
    EXPECT_EQ(summary.threads, 1);
    EXPECT_EQ(summary.revealedAnnotations, 1); // the gold standard's
    EXPECT_TRUE(threads.thread(thread)->releasedAt);
    const auto bytes = fileBytes(feedback);
    EXPECT_EQ(bytes.find(kGilName), std::string::npos) << "the gold coder is not named";
    EXPECT_EQ(bytes.find(kZedComment), std::string::npos);
    EXPECT_EQ(bytes.find("sue"), std::string::npos);

    // The trainee answers in the package; the answer comes home once.
    {
        Project pkg(feedback);
        pkg.store().setActor(f.ana);
        EXPECT_EQ(pkg.store().findCoder("gold standard")->id, gil);
        ReviewThreads(pkg.store()).reply(thread, f.ana, "I heard crying off camera");
    }
    const auto merged = mergePackage(*f.project, feedback);
    EXPECT_EQ(merged.threadReplies, 1);
    EXPECT_EQ(threads.thread(thread)->messages.size(), 2U);
    EXPECT_TRUE(mergePackage(*f.project, feedback).alreadyMerged);
    EXPECT_EQ(threads.thread(thread)->messages.size(), 2U);
    threads.setResolved(thread, true);
    EXPECT_TRUE(threads.thread(thread)->resolved);
}

TEST_F(SupervisionTest, GoldStandardIsOnePerSession) {
    GoldStandards gold(f.project->store());
    EXPECT_FALSE(gold.of(f.session));
    gold.set(f.session, gil);
    gold.set(f.session, zed);
    ASSERT_TRUE(gold.of(f.session));
    EXPECT_EQ(gold.of(f.session)->coder, zed);
    EXPECT_EQ(gold.all().size(), 1U);
    gold.clear(f.session);
    EXPECT_FALSE(gold.of(f.session));
}

TEST_F(SupervisionTest, AuditRecordsEditsUndoRedoWithActor) {
    auto& store = f.project->store();
    AuditTrail trail(store);
    const auto start = trail.count();
    store.setActor(f.ana);
    auto& command =
        f.project->history().push(std::make_unique<AddAnnotation>(test::state(f, f.ana, "cry", 20, 21)));
    f.project->history().undo();
    f.project->history().redo();
    const auto rows = trail.entries({.actor = f.ana, .session = f.session, .actionPrefix = "annotations."});
    ASSERT_GE(rows.size(), 3U);
    const auto& last = rows.back();
    EXPECT_EQ(last.action, "annotations.insert");
    EXPECT_EQ(last.what.rfind("Redo ", 0), 0U) << last.what;
    EXPECT_EQ(last.subject, "[" + std::to_string(command.id().value) + "]");
    EXPECT_NE(last.after->find("\"cry\""), std::string::npos);
    EXPECT_EQ(rows[rows.size() - 2].action, "annotations.delete");
    EXPECT_EQ(rows[rows.size() - 2].what.rfind("Undo ", 0), 0U);
    EXPECT_TRUE(rows[rows.size() - 2].before);
    EXPECT_GT(trail.count(), start);
    const auto own =
        trail.record(f.sue, "signoff", f.session, "trainee ana", std::nullopt, R"({"kappa":0.8})");
    EXPECT_EQ(trail.entries({.limit = 1, .newestFirst = true})[0].seq, own);
    EXPECT_FALSE(trail.verify().broken);
}

TEST_F(SupervisionTest, AuditNamesTheImportedFile) {
    auto& store = f.project->store();
    AuditTrail trail(store);
    store.setActor(f.sue);
    io::importAnnotationText(*f.project, f.session, *io::findFormat("csv"),
                             "code,subject,start,end,modifiers,comment\nlook,,1,2,,\n", "ana-week3.csv",
                             {f.ana, false});
    const auto rows = trail.entries({.actionPrefix = "annotations.", .limit = 1, .newestFirst = true});
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0].action, "annotations.insert");
    EXPECT_EQ(rows[0].what, "Import ana-week3.csv");
    EXPECT_EQ(rows[0].actor, f.sue);
}

TEST_F(SupervisionTest, AuditRowsCannotBeChangedThroughSqlite) {
    RawDb raw(dir / "main.sbproj");
    EXPECT_THROW(raw.exec("DELETE FROM audit_log WHERE seq = 2"), std::runtime_error);
    EXPECT_THROW(raw.exec("UPDATE audit_log SET what = 'x' WHERE seq = 2"), std::runtime_error);
}

TEST_F(SupervisionTest, AuditChainFindsADeletedRow) {
    AuditTrail trail(f.project->store());
    ASSERT_GT(trail.count(), 10);
    ASSERT_FALSE(trail.verify().broken);
    {
        RawDb raw(dir / "main.sbproj");
        raw.exec("DROP TRIGGER audit_log_no_delete");
        raw.exec("DELETE FROM audit_log WHERE seq = 5");
    }
    const auto result = trail.verify();
    ASSERT_TRUE(result.broken);
    EXPECT_EQ(result.broken->seq, 6);
    EXPECT_NE(result.broken->reason.find("row 5 is missing"), std::string::npos) << result.broken->reason;
}

TEST_F(SupervisionTest, AuditChainFindsAnEditedRow) {
    AuditTrail trail(f.project->store());
    {
        RawDb raw(dir / "main.sbproj");
        raw.exec("DROP TRIGGER audit_log_no_update");
        raw.exec("UPDATE audit_log SET what = what || ' (edited)' WHERE seq = 7");
    }
    const auto result = trail.verify();
    ASSERT_TRUE(result.broken);
    EXPECT_EQ(result.broken->seq, 7);
    EXPECT_NE(result.broken->reason.find("altered"), std::string::npos);
}

} // namespace
} // namespace sb::annotation::supervision
