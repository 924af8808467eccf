// securebase-cli import/export and project create for the interchange formats, run as a
// script runs them: exit statuses 0 / 2 (usage) / 3 (bad input, naming the file), notes on
// stderr, and the project untouched by a failed import.

#include "tests/annotation/child_process.h"
#include "tests/interchange/interchange_support.h"

#include <gtest/gtest.h>

namespace sb::annotation {
namespace {

using test::run;
using test::RunResult;

class InterchangeCli : public ::testing::Test {
protected:
    void SetUp() override {
        project = (dir / "p.sbproj").string();
        const auto scheme = (dir / "scheme.json").string();
        test::writeFile(scheme, test::testSchemeJson());
        ASSERT_EQ(cli({"project", "create", project, "--scheme", scheme}).status, 0);
        ASSERT_EQ(cli({"session", "add", project, "--name", "S1", "--media", "a.mp4"}).status, 0);
        ASSERT_EQ(cli({"coder", "add", project, "--name", "ana"}).status, 0);
        csv = (dir / "a.csv").string();
        test::writeFile(csv, "code,subject,start,end,modifiers,comment\n"
                             "cry,infant,1.5,3.25,intensity=high,loud\n"
                             "touch,,4.2,,count=3,\n");
        ASSERT_EQ(
            cli({"import", project, "--session", "S1", "--coder", "ana", "--format", "csv", csv}).status, 0);
    }

    RunResult cli(std::vector<std::string> args) {
        args.insert(args.begin(), SB_CLI_PATH);
        return run(args);
    }

    test::ScratchDir dir;
    std::string project;
    std::string csv;
};

TEST_F(InterchangeCli, EafExportImportRoundTrip) {
    const auto eaf = (dir / "s1.eaf").string();
    auto result = cli({"export", project, "--session", "S1", "--format", "eaf", "-o", eaf});
    ASSERT_EQ(result.status, 0) << result.err;
    EXPECT_NE(result.err.find("rounded to whole milliseconds"), std::string::npos) << result.err;
    result = cli({"import", project, "--format", "eaf", "--tier-mapping", "coder", "--session", "S2", eaf});
    ASSERT_EQ(result.status, 0) << result.err;
    EXPECT_NE(result.out.find("imported 2 annotations into new session 'S2'"), std::string::npos)
        << result.out;
    const auto s1 = cli({"export", project, "--session", "S1", "--format", "csv"});
    const auto s2 = cli({"export", project, "--session", "S2", "--format", "csv"});
    EXPECT_EQ(s1.out, s2.out);
    const auto created = (dir / "from-eaf.sbproj").string();
    result = cli({"project", "create", created, "--from-eaf", eaf, "--tier-mapping", "coder"});
    EXPECT_EQ(result.status, 0) << result.err;
}

TEST_F(InterchangeCli, UsageErrorsExitTwo) {
    const auto eaf = (dir / "s1.eaf").string();
    ASSERT_EQ(cli({"export", project, "--session", "S1", "--format", "eaf", "-o", eaf}).status, 0);
    EXPECT_EQ(cli({"import", project, "--format", "eaf", eaf}).status, 2); // no --tier-mapping
    EXPECT_EQ(cli({"import", project, "--format", "eaf", "--tier-mapping", "code", eaf}).status,
              2); // no --coder
    EXPECT_EQ(cli({"import", project, "--format", "eaf", "--tier-mapping", "tiers", eaf}).status, 2);
    EXPECT_EQ(cli({"import", project, "--format", "boris", eaf}).status, 2);                 // no --coder
    EXPECT_EQ(cli({"import", project, "--format", "csv", "--coder", "ana", csv}).status, 2); // no --session
    EXPECT_EQ(cli({"import", project, "--format", "wide", "--session", "S1", csv}).status, 2);
    EXPECT_EQ(
        cli({"import", project, "--format", "csv", "--session", "S1", "--tier-mapping", "coder", csv}).status,
        2);
    EXPECT_EQ(cli({"export", project, "--format", "csv"}).status, 2); // csv: one session
    EXPECT_EQ(cli({"export", project, "--format", "wide", "--unit", "0"}).status, 2);
    EXPECT_EQ(cli({"export", project, "--format", "wide", "--unit", "1,5"}).status, 2);
    EXPECT_EQ(cli({"export", project, "--format", "xlsx", "--session", "S1"}).status, 2);
    const auto other = (dir / "q.sbproj").string();
    EXPECT_EQ(cli({"project", "create", other, "--from-eaf", eaf}).status, 2);
    EXPECT_EQ(cli({"project", "create", other, "--from-eaf", eaf, "--scheme", eaf, "--tier-mapping", "coder"})
                  .status,
              2);
    EXPECT_EQ(cli({"project", "create", other, "--from-boris", eaf}).status, 2);
    EXPECT_FALSE(std::filesystem::exists(other));
}

TEST_F(InterchangeCli, BadInputExitsThreeNamingTheFileAndLeavesTheProject) {
    const auto eaf = (dir / "bad.eaf").string();
    test::writeFile(eaf,
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e \"e\">]>\n<ANNOTATION_DOCUMENT/>\n");
    auto result = cli({"import", project, "--format", "eaf", "--tier-mapping", "coder", eaf});
    EXPECT_EQ(result.status, 3);
    EXPECT_NE(result.err.find("bad.eaf:2: a DOCTYPE"), std::string::npos) << result.err;
    const auto boris = (dir / "bad.boris").string();
    test::writeFile(boris, "{\"behaviors_conf\": {}, \n\"observations\": [}");
    result = cli({"import", project, "--format", "boris", "--coder", "ana", boris});
    EXPECT_EQ(result.status, 3);
    EXPECT_NE(result.err.find("bad.boris:2: malformed JSON"), std::string::npos) << result.err;
    const auto created = (dir / "new.sbproj").string();
    result = cli({"project", "create", created, "--from-boris", boris, "--coder", "ana"});
    EXPECT_EQ(result.status, 3);
    EXPECT_FALSE(std::filesystem::exists(created));
    EXPECT_EQ(cli({"project", "info", project}).status, 0);
    EXPECT_EQ(cli({"export", project, "--session", "S1", "--coder", "ana", "--format", "csv"}).out,
              "code,subject,start,end,modifiers,comment\r\n"
              "cry,infant,1.5,3.25,intensity=high,loud\r\n"
              "touch,,4.2,,count=3,\r\n");
}

TEST_F(InterchangeCli, TablesSayWhatTheyDrop) {
    const auto result = cli({"export", project, "--format", "sdis"});
    ASSERT_EQ(result.status, 0) << result.err;
    EXPECT_NE(result.out.find("<S1 ana>\n,0 infant_cry,1.5-3.25 touch,4.2 ,4.201/"), std::string::npos)
        << result.out;
    EXPECT_NE(result.err.find(
                  "--format sdis does not hold modifiers or comments: 2 annotations with modifiers and 1 "
                  "with comments lose them"),
              std::string::npos)
        << result.err;
    const auto wide = cli({"export", project, "--format", "wide", "--unit", "0.5", "--session", "S1"});
    EXPECT_EQ(wide.status, 0) << wide.err;
    EXPECT_NE(wide.out.find("S1,1.5,cry\r\n"), std::string::npos) << wide.out;
    EXPECT_EQ(cli({"export", project, "--format", "summary", "-o", (dir / "s.csv").string()}).status, 0);
    EXPECT_EQ(cli({"export", project, "--format", "boris-events", "--session", "S1"}).status, 0);
}

TEST_F(InterchangeCli, BorisProjectsCreateProjects) {
    const auto sample = test::sample("boris/olivierfriard_BORIS_HEAD/tests/files/test.boris");
    if (!sample) {
        GTEST_SKIP() << "no ../shared/interop-samples";
    }
    const auto created = (dir / "boris.sbproj").string();
    auto result = cli({"project", "create", created, "--from-boris", sample->string(), "--coder", "olivier"});
    EXPECT_EQ(result.status, 3);
    EXPECT_NE(result.err.find("observation 'live not paired', event index"), std::string::npos) << result.err;
    result = cli({"project", "create", created, "--from-boris", sample->string(), "--coder", "olivier",
                  "--close-unpaired"});
    EXPECT_EQ(result.status, 0) << result.err;
    EXPECT_NE(result.out.find("12 sessions, 92 annotations"), std::string::npos) << result.out;
    result = cli({"import", created, "--format", "boris", "--coder", "second", "--observation",
                  "observation #2", sample->string()});
    EXPECT_EQ(result.status, 0) << result.err;
    EXPECT_NE(result.out.find("existing session 'observation #2': 28 events, 18 annotations"),
              std::string::npos)
        << result.out;
}

} // namespace
} // namespace sb::annotation
