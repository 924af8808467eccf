// The project and transfer commands of securebase-cli, run as scripts run them: exit codes
// (0 ok, 2 usage, 3 bad input naming the file) and what ends up in the project.

#include "annotation/project_schema.h"
#include "tests/annotation/child_process.h"
#include "tests/annotation/test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sqlite3.h>

namespace sb::annotation {
namespace {

using test::run;
using test::RunResult;

const std::string kCli = SB_CLI_PATH;

class CliTest : public ::testing::Test {
protected:
    void SetUp() override {
        scheme = (dir / "scheme.json").string();
        project = (dir / "p.sbproj").string();
        test::writeFile(scheme, test::testSchemeJson());
    }

    RunResult cli(std::vector<std::string> args) {
        args.insert(args.begin(), kCli);
        return run(args);
    }

    // Creates the project with session S1 and coders ana, ben.
    void makeProject() {
        ASSERT_EQ(cli({"project", "create", project, "--scheme", scheme}).status, 0);
        ASSERT_EQ(
            cli({"session", "add", project, "--name", "S1", "--media", "a.mp4", "--media", "b.mp4@-2.5"})
                .status,
            0);
        ASSERT_EQ(cli({"coder", "add", project, "--name", "ana"}).status, 0);
        ASSERT_EQ(cli({"coder", "add", project, "--name", "ben", "--role", "supervisor"}).status, 0);
    }

    nlohmann::json info() {
        const auto result = cli({"project", "info", project, "--json"});
        EXPECT_EQ(result.status, 0) << result.err;
        return nlohmann::json::parse(result.out);
    }

    std::string csvFile(const std::string& name, const std::string& body) {
        const auto path = (dir / name).string();
        test::writeFile(path, body);
        return path;
    }

    test::ScratchDir dir;
    std::string scheme;
    std::string project;
};

TEST_F(CliTest, CreateRefusesToOverwriteAndRejectsBadSchemes) {
    EXPECT_EQ(cli({"project", "create", project, "--scheme", scheme}).status, 0);
    const auto before = test::readFile(project);
    const auto again = cli({"project", "create", project, "--scheme", scheme});
    EXPECT_EQ(again.status, 2);
    EXPECT_NE(again.err.find(project), std::string::npos) << again.err;
    EXPECT_EQ(test::readFile(project), before);

    const auto badScheme = csvFile("bad.json", "{\"formatVersion\": 1}");
    const auto other = (dir / "q.sbproj").string();
    const auto invalid = cli({"project", "create", other, "--scheme", badScheme});
    EXPECT_EQ(invalid.status, 3);
    EXPECT_NE(invalid.err.find("bad.json"), std::string::npos) << invalid.err;
    EXPECT_FALSE(std::filesystem::exists(other));
    EXPECT_EQ(cli({"project", "create", other, "--scheme", (dir / "none.json").string()}).status, 3);
    EXPECT_EQ(cli({"project", "create", other}).status, 2);
    EXPECT_FALSE(std::filesystem::exists(other));
}

TEST_F(CliTest, SessionsAndCodersAppearInInfo) {
    makeProject();
    const auto document = info();
    EXPECT_EQ(document["format"], kProjectFormatVersion);
    EXPECT_EQ(document["scheme"]["id"], "test-scheme");
    ASSERT_EQ(document["sessions"].size(), 1U);
    EXPECT_EQ(document["sessions"][0]["name"], "S1");
    EXPECT_EQ(document["sessions"][0]["media"][1]["path"], "b.mp4");
    EXPECT_EQ(document["sessions"][0]["media"][1]["offset"], "-2.5");
    ASSERT_EQ(document["coders"].size(), 2U);
    EXPECT_EQ(document["coders"][1]["role"], "supervisor");
    const auto text = cli({"project", "info", project});
    EXPECT_EQ(text.status, 0);
    EXPECT_NE(text.out.find("ana (coder)"), std::string::npos) << text.out;
}

TEST_F(CliTest, BadArgumentsAndConflictsHaveTheirExitCodes) {
    makeProject();
    EXPECT_EQ(cli({"session", "add", project, "--name", "S1"}).status, 3); // duplicate
    EXPECT_EQ(cli({"session", "add", project, "--name", "S2", "--media", "a.mp4@1.2.3"}).status, 2);
    EXPECT_EQ(cli({"session", "add", project}).status, 2);
    EXPECT_EQ(cli({"coder", "add", project, "--name", "ana"}).status, 3); // duplicate
    EXPECT_EQ(cli({"coder", "add", project, "--name", "cy", "--role", "boss"}).status, 2);
    const auto missing = cli({"coder", "add", (dir / "nope.sbproj").string(), "--name", "x"});
    EXPECT_EQ(missing.status, 3);
    EXPECT_NE(missing.err.find("nope.sbproj"), std::string::npos) << missing.err;
    EXPECT_EQ(info()["sessions"].size(), 1U);
    EXPECT_EQ(info()["coders"].size(), 2U);
    // A session whose media path has an '@' that is not an offset.
    EXPECT_EQ(cli({"session", "add", project, "--name", "S3", "--media", "me@home.mp4"}).status, 0);
    EXPECT_EQ(info()["sessions"][1]["media"][0]["path"], "me@home.mp4");
}

TEST_F(CliTest, ImportExportRoundTrip) {
    makeProject();
    const std::string body = "code,subject,start,end,modifiers,comment\r\n"
                             "cry,infant,1.5,3,intensity=low,\"a, b\"\r\n"
                             "touch,,2,,note=x\\;y,\r\n";
    const auto input = csvFile("in.csv", body);
    const auto imported =
        cli({"import", project, "--session", "S1", "--coder", "ana", "--format", "csv", input});
    EXPECT_EQ(imported.status, 0) << imported.err;
    EXPECT_EQ(info()["annotations"], 2);

    const auto exported = cli({"export", project, "--session", "S1", "--coder", "ana", "--format", "csv"});
    EXPECT_EQ(exported.status, 0) << exported.err;
    EXPECT_EQ(exported.out, "code,subject,start,end,modifiers,comment\r\n"
                            "cry,infant,1.5,3,intensity=low,\"a, b\"\r\n"
                            "touch,,2,,note=x\\;y,\r\n");

    const auto output = (dir / "out.csv").string();
    EXPECT_EQ(
        cli({"export", project, "--session", "S1", "--coder", "ana", "--format", "csv", "-o", output}).status,
        0);
    EXPECT_EQ(test::readFile(output), exported.out);
    ASSERT_EQ(cli({"session", "add", project, "--name", "S2"}).status, 0);
    EXPECT_EQ(cli({"import", project, "--session", "S2", "--coder", "ana", "--format", "csv", output}).status,
              0);
    EXPECT_EQ(cli({"export", project, "--session", "S2", "--coder", "ana", "--format", "csv"}).out,
              exported.out);

    const auto all = cli({"export", project, "--session", "S1", "--format", "csv"});
    EXPECT_EQ(all.out.substr(0, all.out.find('\n') + 1),
              "coder,code,subject,start,end,modifiers,comment\r\n");
}

TEST_F(CliTest, BadImportIsReportedWithItsRowAndChangesNothing) {
    makeProject();
    const auto bad = csvFile("bad.csv", "code,subject,start,end,modifiers,comment\n"
                                        "look,,1,2,,\n"
                                        "look,,5,4,,\n");
    const auto result = cli({"import", project, "--session", "S1", "--coder", "ana", "--format", "csv", bad});
    EXPECT_EQ(result.status, 3);
    EXPECT_NE(result.err.find(bad + ":3: "), std::string::npos) << result.err;
    EXPECT_EQ(info()["annotations"], 0);

    EXPECT_EQ(cli({"import", project, "--session", "S1", "--coder", "ana", "--format", "xml", bad}).status,
              2);
    EXPECT_EQ(cli({"import", project, "--session", "S1", "--coder", "ana", bad}).status, 2);
    EXPECT_EQ(cli({"import", project, "--session", "S9", "--coder", "ana", "--format", "csv", bad}).status,
              3);
    EXPECT_EQ(cli({"import", project, "--session", "S1", "--coder", "zed", "--format", "csv", bad}).status,
              3);
    const auto missing = cli({"import", project, "--session", "S1", "--coder", "ana", "--format", "csv",
                              (dir / "missing.csv").string()});
    EXPECT_EQ(missing.status, 3);
    EXPECT_NE(missing.err.find("missing.csv"), std::string::npos);
    EXPECT_EQ(cli({"export", project, "--session", "S9", "--format", "csv"}).status, 3);
}

TEST_F(CliTest, NewerProjectFileIsRefusedWithBothFormats) {
    makeProject();
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(project.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 9", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    const auto result = cli({"project", "info", project});
    EXPECT_EQ(result.status, 3);
    EXPECT_NE(result.err.find(project), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("format 9"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("up to " + std::to_string(kProjectFormatVersion)), std::string::npos)
        << result.err;
}

} // namespace
} // namespace sb::annotation
