// The project store: creating and reopening files, sessions, coders, scheme versions,
// annotation round trips and the queries the timeline and agreement engine use.

#include "annotation/project_error.h"
#include "annotation/project_schema.h"
#include "annotation/seconds_text.h"
#include "annotation/sha256.h"
#include "annotation/sqlite/statement.h"
#include "tests/annotation/test_support.h"

#include <gtest/gtest.h>

namespace sb::annotation {
namespace {

using test::point;
using test::ScratchDir;
using test::seconds;
using test::state;

TEST(Sha256, MatchesFipsVectors) {
    EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(sha256Hex(std::string(1000000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(SecondsText, ParsesExactlyToMicroseconds) {
    EXPECT_EQ(parseSeconds("0"), Microseconds{0});
    EXPECT_EQ(parseSeconds("12"), Microseconds{12'000'000});
    EXPECT_EQ(parseSeconds("12.5"), Microseconds{12'500'000});
    EXPECT_EQ(parseSeconds("0.000001"), Microseconds{1});
    EXPECT_EQ(parseSeconds("4.1"), Microseconds{4'100'000}); // 4.1 is not exact in binary; here it is
    EXPECT_EQ(parseSeconds("-1.25"), Microseconds{-1'250'000});
    EXPECT_EQ(parseSeconds("3600.999999"), Microseconds{3'600'999'999});
    std::string why;
    for (const char* bad : {"", "-", ".5", "5.", "1e3", "+1", " 1", "1 ", "1,5", "abc", "1.2.3", "--1"}) {
        EXPECT_FALSE(parseSeconds(bad, &why)) << bad;
    }
    EXPECT_FALSE(parseSeconds("1.1234567", &why));
    EXPECT_NE(why.find("6 decimal"), std::string::npos);
    EXPECT_FALSE(parseSeconds("99999999999999999999", &why));
}

TEST(SecondsText, FormatsShortestExactText) {
    EXPECT_EQ(formatSeconds(Microseconds{0}), "0");
    EXPECT_EQ(formatSeconds(Microseconds{12'500'000}), "12.5");
    EXPECT_EQ(formatSeconds(Microseconds{1}), "0.000001");
    EXPECT_EQ(formatSeconds(Microseconds{-3'250'000}), "-3.25");
    for (std::int64_t us : {0LL, 1LL, 999'999LL, 1'000'000LL, 4'100'000LL, 86'400'123'456LL, -7LL}) {
        EXPECT_EQ(parseSeconds(formatSeconds(Microseconds{us})), Microseconds{us}) << us;
    }
}

TEST(ProjectStore, CreateRefusesToOverwrite) {
    ScratchDir dir;
    const auto file = dir / "p.sbproj";
    test::writeFile(file, "precious");
    EXPECT_THROW(Project::createFromSchemeText(file, test::testSchemeJson(), "s.json"), ProjectFileError);
    EXPECT_EQ(test::readFile(file), "precious");
}

TEST(ProjectStore, InvalidSchemeCreatesNoFile) {
    ScratchDir dir;
    const auto file = dir / "p.sbproj";
    EXPECT_THROW(Project::createFromSchemeText(file, "{\"id\": 3}", "bad.json"), std::runtime_error);
    EXPECT_FALSE(std::filesystem::exists(file));
}

TEST(ProjectStore, FileIsWalWithFormatAndApplicationId) {
    ScratchDir dir;
    const auto file = dir / "p.sbproj";
    { auto f = test::makeFixture(file); }
    sqlite::Database raw(file, sqlite::Database::Access::ReadOnly);
    EXPECT_EQ(raw.queryInt("PRAGMA user_version"), kProjectFormatVersion);
    EXPECT_EQ(raw.queryInt("PRAGMA application_id"), 0x53425052);
    auto mode = raw.prepare("PRAGMA journal_mode");
    ASSERT_TRUE(mode.step());
    EXPECT_EQ(mode.columnText(0), "wal");
}

TEST(ProjectStore, SessionsCodersAndSchemeSurviveReopening) {
    ScratchDir dir;
    const auto file = dir / "p.sbproj";
    { auto f = test::makeFixture(file); }
    Project project(file);
    auto& store = project.store();
    const auto sessions = store.sessions();
    ASSERT_EQ(sessions.size(), 1U);
    EXPECT_EQ(sessions[0].name, "S1");
    ASSERT_EQ(sessions[0].media.size(), 2U);
    EXPECT_EQ(sessions[0].media[1].path, "cam2.mp4");
    EXPECT_EQ(sessions[0].media[1].offset, Microseconds{-1'500'000});
    EXPECT_EQ(store.sessionNamed("S1").media, sessions[0].media);
    const auto coders = store.coders();
    ASSERT_EQ(coders.size(), 3U);
    EXPECT_EQ(coders[2].name, "sue");
    EXPECT_EQ(coders[2].role, CoderRole::Supervisor);
    EXPECT_EQ(project.scheme().id, "test-scheme");
    const auto versions = store.schemeVersions();
    ASSERT_EQ(versions.size(), 1U);
    EXPECT_EQ(versions[0].sourceText, test::testSchemeJson());
    EXPECT_EQ(versions[0].contentSha256, sha256Hex(test::testSchemeJson()));
    EXPECT_THROW(store.sessionNamed("nope"), NotFound);
    EXPECT_THROW(store.coderNamed("nope"), NotFound);
}

TEST(ProjectStore, DuplicateNamesAreRejected) {
    ScratchDir dir;
    auto f = test::makeFixture(dir / "p.sbproj");
    EXPECT_THROW(f.project->store().addSession("S1", {}), EditRejected);
    EXPECT_THROW(f.project->store().addCoder("ana", CoderRole::Supervisor), EditRejected);
    EXPECT_EQ(f.project->store().sessions().size(), 1U);
}

TEST(ProjectStore, SchemeVersionsAreKeptByContent) {
    ScratchDir dir;
    auto f = test::makeFixture(dir / "p.sbproj");
    auto& store = f.project->store();
    const auto first = store.currentSchemeVersion();
    EXPECT_EQ(store.addSchemeVersion(test::testSchemeJson(), "test-scheme", "1.0.0"), first);
    const auto second = store.addSchemeVersion(test::testSchemeJson("1.1.0"), "test-scheme", "1.1.0");
    EXPECT_NE(second, first);
    store.setCurrentSchemeVersion(second);
    EXPECT_EQ(f.project->schemes().current().version, "1.1.0");
    EXPECT_EQ(f.project->schemes().scheme(first).version, "1.0.0");
}

TEST(ProjectStore, AnnotationRoundTripsEveryField) {
    ScratchDir dir;
    const auto file = dir / "p.sbproj";
    Annotation written;
    {
        auto f = test::makeFixture(file);
        written = state(f, f.ana, "cry", 1.000001, 2.5);
        written.schemeVersion = f.project->store().currentSchemeVersion();
        written.modifiers = {{"intensity", "high"}};
        written.comment = "quote \" comma , newline\n ünïcödé";
        written.createdAt = Microseconds{1'700'000'000'000'000};
        written.modifiedAt = Microseconds{1'700'000'000'000'001};
        f.project->store().insertAnnotation(written);
        ASSERT_TRUE(written.id.stored());
    }
    Project project(file);
    const auto read = project.store().annotation(Viewer::wholeProject(), written.id);
    ASSERT_TRUE(read);
    EXPECT_EQ(*read, written);
}

class QueryTest : public ::testing::Test {
protected:
    void SetUp() override {
        f = test::makeFixture(dir / "p.sbproj");
        auto& store = f.project->store();
        const auto v = store.currentSchemeVersion();
        std::vector<Annotation> rows = {
            state(f, f.ana, "cry", 0, 100),                // long state running through everything
            state(f, f.ana, "look", 10, 20, std::nullopt), //
            point(f, f.ana, "touch", 15),                  //
            point(f, f.ana, "touch", 30),                  //
            state(f, f.ana, "look", 30, 40, "mother"),     //
            state(f, f.ben, "fuss", 12, 18),               //
            point(f, f.ben, "touch", 20),                  // exactly at a window's end: excluded
        };
        for (auto& row : rows) {
            row.schemeVersion = v;
        }
        store.insertAnnotations(rows);
    }
    std::vector<std::string> codesIn(const AnnotationFilter& filter) {
        std::vector<std::string> codes;
        for (const auto& a : f.project->store().annotations(Viewer::wholeProject(), filter)) {
            codes.push_back(a.code + "@" + formatSeconds(a.start));
        }
        return codes;
    }
    ScratchDir dir;
    test::Fixture f;
};

TEST_F(QueryTest, WindowFindsOverlappingStatesAndPointsInside) {
    AnnotationFilter filter{f.session};
    filter.from = seconds(14);
    filter.to = seconds(20);
    EXPECT_EQ(codesIn(filter), (std::vector<std::string>{"cry@0", "look@10", "fuss@12", "touch@15"}));
    filter.from = seconds(20); // look [10, 20) ends exactly here: not in [20, 25)
    filter.to = seconds(25);
    EXPECT_EQ(codesIn(filter), (std::vector<std::string>{"cry@0", "touch@20"}));
}

TEST_F(QueryTest, FiltersByCoderCodeAndSubject) {
    AnnotationFilter filter{f.session};
    filter.coder = f.ben;
    EXPECT_EQ(codesIn(filter), (std::vector<std::string>{"fuss@12", "touch@20"}));
    filter = AnnotationFilter{f.session};
    filter.code = "touch";
    EXPECT_EQ(codesIn(filter), (std::vector<std::string>{"touch@15", "touch@20", "touch@30"}));
    filter = AnnotationFilter{f.session};
    filter.subject = "mother";
    EXPECT_EQ(codesIn(filter), (std::vector<std::string>{"look@30"}));
    filter = AnnotationFilter{f.session};
    filter.coder = f.ana;
    filter.from = seconds(25);
    filter.to = seconds(35);
    EXPECT_EQ(codesIn(filter), (std::vector<std::string>{"cry@0", "touch@30", "look@30"}));
}

TEST_F(QueryTest, ActiveStatesAtTime) {
    auto& store = f.project->store();
    std::vector<std::string> codes;
    for (const auto& a : store.activeStates(Viewer::wholeProject(), f.session, seconds(15))) {
        codes.push_back(a.code);
    }
    EXPECT_EQ(codes, (std::vector<std::string>{"cry", "look", "fuss"}));
    EXPECT_EQ(store.activeStates(Viewer::wholeProject(), f.session, seconds(20), f.ana).size(),
              1U); // look ended
    EXPECT_EQ(store.activeStates(Viewer::wholeProject(), f.session, seconds(100)).size(), 0U);
}

TEST_F(QueryTest, DurationsAndCountsPerCode) {
    auto& store = f.project->store();
    const auto all = store.codeSummary(Viewer::wholeProject(), f.session);
    EXPECT_EQ(all, (std::vector<CodeSummary>{{"cry", 1, seconds(100)},
                                             {"fuss", 1, seconds(6)},
                                             {"look", 2, seconds(20)},
                                             {"touch", 3, Microseconds{0}}}));
    const auto ben = store.codeSummary(Viewer::wholeProject(), f.session, f.ben);
    EXPECT_EQ(ben, (std::vector<CodeSummary>{{"fuss", 1, seconds(6)}, {"touch", 1, Microseconds{0}}}));
    EXPECT_EQ(store.annotationCount(Viewer::wholeProject()), 7);
    EXPECT_EQ(store.annotationCount(Viewer::wholeProject(), f.session, f.ana), 5);
}

TEST_F(QueryTest, BlindProjectShowsCodersOnlyTheirOwnWork) {
    auto& store = f.project->store();
    EXPECT_EQ(store.annotations(Viewer::coder(f.ana), {f.session}).size(), 7U); // not blind yet
    store.setBlind(true);
    const auto own = store.annotations(Viewer::coder(f.ana), {f.session});
    EXPECT_EQ(own.size(), 5U);
    for (const auto& a : own) {
        EXPECT_EQ(a.coder, f.ana);
    }
    AnnotationFilter bens{f.session};
    bens.coder = f.ben;
    EXPECT_THROW((void)store.annotations(Viewer::coder(f.ana), bens), AccessDenied);
    EXPECT_EQ(store.annotations(Viewer::coder(f.sue), {f.session}).size(), 7U); // supervisor
    EXPECT_EQ(store.annotations(Viewer::wholeProject(), bens).size(), 2U);
    EXPECT_EQ(store.annotationCount(Viewer::coder(f.ben)), 2);
    EXPECT_EQ(store.activeStates(Viewer::coder(f.ben), f.session, seconds(15)).size(), 1U);
    const auto benFirst = store.annotations(Viewer::wholeProject(), bens).front().id;
    EXPECT_FALSE(store.annotation(Viewer::coder(f.ana), benFirst));
    EXPECT_THROW((void)store.codeSummary(Viewer::coder(f.ana), f.session, f.ben), AccessDenied);
}

TEST(SessionMedia, ALocatedFileReplacesTheListAndKeepsTheAnnotations) {
    test::ScratchDir dir;
    auto f = test::makeFixture(dir / "media.sbproj");
    auto& store = f.project->store();
    auto a = test::point(f, f.ana, "touch", 2.0);
    a.schemeVersion = store.currentSchemeVersion();
    store.insertAnnotation(a);
    const std::vector<MediaFile> located{{"/new/place/front.mp4", Microseconds{0}},
                                         {"side.mp4", Microseconds{-1'480'000}}};
    store.setSessionMedia(f.session, located);
    EXPECT_EQ(store.session(f.session).media, located);
    EXPECT_EQ(store.annotationCount(Viewer::wholeProject(), f.session), 1);
    EXPECT_THROW(store.setSessionMedia(SessionId{999}, located), NotFound);
    EXPECT_EQ(store.session(f.session).media, located); // the failed call changed nothing
}

} // namespace
} // namespace sb::annotation
