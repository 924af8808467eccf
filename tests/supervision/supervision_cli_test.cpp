// The supervision commands of securebase-cli, run as scripts run them: package create / merge /
// feedback / check, gold set / list, reveal, thread add / reply / resolve / list, audit verify /
// log. Exit codes 0 ok, 2 usage, 3 refused or bad input (with the reason on stderr).

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

class SupervisionCliTest : public ::testing::Test {
protected:
    void SetUp() override {
        scheme = (dir / "scheme.json").string();
        project = (dir / "p.sbproj").string();
        test::writeFile(scheme, test::testSchemeJson());
        ASSERT_EQ(cli({"project", "create", project, "--scheme", scheme}).status, 0);
        ASSERT_EQ(cli({"session", "add", project, "--name", "S1", "--media", "a.mp4"}).status, 0);
        ASSERT_EQ(cli({"session", "add", project, "--name", "S2", "--media", "b.mp4"}).status, 0);
        ASSERT_EQ(cli({"coder", "add", project, "--name", "ana"}).status, 0);
        ASSERT_EQ(cli({"coder", "add", project, "--name", "otto-hidden"}).status, 0);
        ASSERT_EQ(cli({"coder", "add", project, "--name", "sue", "--role", "supervisor"}).status, 0);
        const auto csv = (dir / "otto.csv").string();
        test::writeFile(csv, "code,subject,start,end,modifiers,comment\ncry,infant,1,2,,OTTO_SECRET_NOTE\n");
        ASSERT_EQ(
            cli({"import", project, "--session", "S1", "--coder", "otto-hidden", "--format", "csv", csv})
                .status,
            0);
        const auto anaCsv = (dir / "ana.csv").string();
        test::writeFile(anaCsv, "code,subject,start,end,modifiers,comment\nfuss,infant,3,4,,mine\n");
        ASSERT_EQ(
            cli({"import", project, "--session", "S1", "--coder", "ana", "--format", "csv", anaCsv}).status,
            0);
    }

    RunResult cli(std::vector<std::string> args) {
        args.insert(args.begin(), kCli);
        return run(args);
    }

    nlohmann::json json(std::vector<std::string> args) {
        const auto result = cli(std::move(args));
        EXPECT_EQ(result.status, 0) << result.err;
        return nlohmann::json::parse(result.out);
    }

    test::ScratchDir dir;
    std::string scheme;
    std::string project;
};

TEST_F(SupervisionCliTest, PackageCreateMergeAndFeedback) {
    const auto pkg = (dir / "ana.sbpkg").string();
    const auto made =
        json({"package", "create", project, "--coder", "ana", "--sessions", "S1", "-o", pkg, "--json"});
    EXPECT_EQ(made["coder"], "ana");
    EXPECT_EQ(made["kind"], "coding");
    EXPECT_EQ(made["sessions"], nlohmann::json::array({"S1"}));
    EXPECT_EQ(made["annotations"], 1);
    const auto bytes = test::readFile(pkg);
    EXPECT_EQ(bytes.find("otto-hidden"), std::string::npos);
    EXPECT_EQ(bytes.find("OTTO_SECRET_NOTE"), std::string::npos);

    // Never overwrites.
    EXPECT_EQ(cli({"package", "create", project, "--coder", "ana", "-o", pkg}).status, 2);
    // Feedback before submission: refused, exit 3, nothing written.
    const auto early =
        cli({"package", "feedback", project, "--coder", "ana", "-o", (dir / "early.sbpkg").string()});
    EXPECT_EQ(early.status, 3);
    EXPECT_NE(early.err.find("submit"), std::string::npos) << early.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "early.sbpkg"));

    EXPECT_EQ(json({"package", "check", project, pkg, "--json"})["ok"], true);
    const auto merged = json({"package", "merge", project, pkg, "--json"});
    EXPECT_EQ(merged["already_merged"], false);
    EXPECT_EQ(merged["sessions_merged"], 1);
    EXPECT_EQ(merged["annotations"], 1);
    EXPECT_EQ(json({"package", "merge", project, pkg, "--json"})["already_merged"], true);

    const auto thread = json({"thread", "add", project, "--session", "S1", "--trainee", "ana", "--from", "3",
                              "--to", "4.5", "--text", "Fuss or cry?", "--json"});
    EXPECT_EQ(thread["start"], "3");
    EXPECT_EQ(thread["end"], "4.5");
    EXPECT_EQ(thread["messages"][0]["author"], "sue");
    ASSERT_EQ(cli({"gold", "set", project, "--session", "S1", "--coder", "otto-hidden"}).status, 0);
    const auto gold = json({"gold", "list", project, "--json"});
    ASSERT_EQ(gold.size(), 1U);
    EXPECT_EQ(gold[0]["coder"], "otto-hidden");

    const auto feedback = (dir / "ana-feedback.sbpkg").string();
    const auto released = json({"package", "feedback", project, "--coder", "ana", "-o", feedback, "--json"});
    EXPECT_EQ(released["kind"], "feedback");
    EXPECT_EQ(released["threads"], 1);
    EXPECT_EQ(released["others_annotations"], 1);
    EXPECT_EQ(test::readFile(feedback).find("otto-hidden"), std::string::npos);
    const auto threads = json({"thread", "list", project, "--trainee", "ana", "--json"});
    EXPECT_EQ(threads[0]["released"], true);

    EXPECT_EQ(cli({"thread", "reply", project, "--thread", std::to_string(thread["id"].get<int>()), "--text",
                   "cry, I think", "--as", "ana"})
                  .status,
              0);
    EXPECT_EQ(cli({"thread", "resolve", project, "--thread", std::to_string(thread["id"].get<int>())}).status,
              0);
    const auto after = json({"thread", "list", project, "--json"});
    EXPECT_EQ(after[0]["resolved"], true);
    EXPECT_EQ(after[0]["messages"].size(), 2U);
    EXPECT_EQ(after[0]["messages"][1]["author"], "ana");
}

TEST_F(SupervisionCliTest, RefusedPackagesExitThreeAndChangeNothing) {
    const auto pkg = (dir / "ana.sbpkg").string();
    ASSERT_EQ(cli({"package", "create", project, "--coder", "ana", "-o", pkg}).status, 0);
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(pkg.c_str(), &db), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(
                      db, "DROP TRIGGER audit_annotations_update; UPDATE annotations SET comment = 'forged'",
                      nullptr, nullptr, nullptr),
                  SQLITE_OK);
        sqlite3_close(db);
    }
    const auto before = json({"project", "info", project, "--json"});
    const auto refused = cli({"package", "merge", project, pkg});
    EXPECT_EQ(refused.status, 3);
    EXPECT_NE(refused.err.find("altered outside SecureBase"), std::string::npos) << refused.err;
    EXPECT_EQ(json({"project", "info", project, "--json"}), before);
    EXPECT_EQ(cli({"package", "check", project, pkg}).status, 3);
    EXPECT_EQ(cli({"package", "merge", project, (dir / "missing.sbpkg").string()}).status, 3);
}

TEST_F(SupervisionCliTest, RevealPutsWorkInTheNextPackage) {
    ASSERT_EQ(cli({"reveal", project, "--viewer", "ana", "--owner", "otto-hidden", "--session", "S1"}).status,
              0);
    const auto made =
        json({"package", "create", project, "--coder", "ana", "-o", (dir / "a.sbpkg").string(), "--json"});
    EXPECT_EQ(made["others_annotations"], 1);
    ASSERT_EQ(
        cli({"reveal", project, "--viewer", "ana", "--owner", "otto-hidden", "--session", "S1", "--withdraw"})
            .status,
        0);
    const auto blind =
        json({"package", "create", project, "--coder", "ana", "-o", (dir / "b.sbpkg").string(), "--json"});
    EXPECT_EQ(blind["others_annotations"], 0);
    EXPECT_EQ(cli({"reveal", project, "--viewer", "ana", "--owner", "nobody"}).status, 3);
}

TEST_F(SupervisionCliTest, AuditVerifyAndLog) {
    const auto ok = json({"audit", "verify", project, "--json"});
    EXPECT_EQ(ok["intact"], true);
    EXPECT_GT(ok["rows"].get<int>(), 5);
    const auto log = json({"audit", "log", project, "--session", "S1", "--json"});
    ASSERT_FALSE(log.empty());
    bool sawImport = false;
    for (const auto& row : log) {
        if (row["action"] == "annotations.insert" && row["after"]["comment"] == "mine") {
            sawImport = true;
            // An import is recorded under the first supervisor unless --as says who, with its file.
            EXPECT_EQ(row["actor"], "sue");
            EXPECT_EQ(row["what"], "Import " + (dir / "ana.csv").string());
        }
    }
    EXPECT_TRUE(sawImport);
    const auto more = (dir / "more.csv").string();
    test::writeFile(more, "code,subject,start,end,modifiers,comment\ncry,infant,5,6,,again\n");
    ASSERT_EQ(
        cli({"import", project, "--session", "S1", "--coder", "ana", "--format", "csv", "--as", "ana", more})
            .status,
        0);
    const auto byAna = json({"audit", "log", project, "--coder", "ana", "--json"});
    ASSERT_FALSE(byAna.empty());
    EXPECT_EQ(byAna.back()["after"]["comment"], "again");
    EXPECT_EQ(cli({"import", project, "--session", "S1", "--format", "csv", "--as", "nobody", more}).status,
              3);
    EXPECT_EQ(json({"audit", "log", project, "--limit", "2", "--json"}).size(), 2U);
    ASSERT_EQ(cli({"gold", "set", project, "--session", "S1", "--coder", "ana", "--as", "sue"}).status, 0);
    const auto bySue = json({"audit", "log", project, "--coder", "sue", "--json"});
    ASSERT_FALSE(bySue.empty());
    EXPECT_EQ(bySue.back()["action"], "gold_standards.insert");

    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(project.c_str(), &db), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(db, "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 3",
                               nullptr, nullptr, nullptr),
                  SQLITE_OK);
        sqlite3_close(db);
    }
    const auto broken = cli({"audit", "verify", project});
    EXPECT_EQ(broken.status, 3);
    EXPECT_NE(broken.err.find("broken at row 4"), std::string::npos) << broken.err;
    const auto brokenJson = cli({"audit", "verify", project, "--json"});
    EXPECT_EQ(brokenJson.status, 3);
    EXPECT_EQ(nlohmann::json::parse(brokenJson.out)["broken_row"], 4);
}

TEST_F(SupervisionCliTest, UsageErrorsExitTwo) {
    EXPECT_EQ(cli({"package", "create", project, "--coder", "ana"}).status, 2); // no -o
    EXPECT_EQ(cli({"package", "merge", project}).status, 2);                    // no package
    EXPECT_EQ(cli({"gold", "set", project, "--session", "S1"}).status, 2);      // no --coder
    EXPECT_EQ(cli({"audit", "verify"}).status, 2);                              // no project
    EXPECT_EQ(cli({"thread", "add", project, "--session", "S1", "--trainee", "ana", "--from", "5", "--to",
                   "4", "--text", "x"})
                  .status,
              2);
    EXPECT_EQ(
        cli({"package", "create", project, "--coder", "nobody", "-o", (dir / "x.sbpkg").string()}).status, 3);
}

} // namespace
} // namespace sb::annotation
