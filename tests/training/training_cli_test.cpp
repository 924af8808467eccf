// `securebase-cli training set|status|signoff` and `certificate`, run as a user would: exit
// statuses, stderr naming the problem, the status JSON (whose figures equal the engine's), and a
// certificate whose HTML holds the figures and whose PDF is a real PDF with the text in it
// (read back with poppler's pdftotext).

#include "annotation/agreement/session_agreement.h"
#include "tests/cli/run_cli.h"
#include "tests/training/training_fixture.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace {

namespace an = sb::annotation;
using sb::test::runCli;
using sb::test::shellQuote;
using sb::training::test::makeTrainingProject;
using sb::training::test::ScratchDir;

std::string readAll(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write(const std::filesystem::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
}

class TrainingCliTest : public ::testing::Test {
protected:
    void SetUp() override {
        project = dir.path() / "p.sbproj";
        makeTrainingProject(project);
        criterion = dir.path() / "criterion.json";
        write(criterion, R"({
  "timeUnitKappa": [{"per": "group", "groups": ["distress"], "minimum": 0.3, "unit": 1, "tolerance": 1}],
  "scales": [{"scales": ["proximity"], "within": 1, "minimumPercent": 80}],
  "judgements": [{"judgement": "classification", "level": "main", "atLeast": 2, "of": 3}]
})");
    }
    std::string p() const { return shellQuote(project.string()); }

    ScratchDir dir;
    std::filesystem::path project;
    std::filesystem::path criterion;
};

TEST_F(TrainingCliTest, DefineASet) {
    const auto ok = runCli("training set " + p() + " --name basics --sessions S1,S2,S3 --criterion " +
                           shellQuote(criterion.string()));
    EXPECT_EQ(ok.status, 0) << ok.err;
    EXPECT_NE(ok.out.find("training set 'basics' with 3 session(s)"), std::string::npos) << ok.out;
    const auto again = runCli("training set " + p() + " --name basics --sessions S1,S2,S3 --criterion " +
                              shellQuote(criterion.string()));
    EXPECT_EQ(again.status, 3);
    EXPECT_NE(again.err.find("already exists"), std::string::npos) << again.err;
}

TEST_F(TrainingCliTest, BadCriteriaExit3NamingLineAndPointer) {
    const auto bad = dir.path() / "bad.json";
    write(bad, "{\n  \"timeUnitKappa\": [{\"per\": \"group\", \"minimum\": 7}]\n}\n");
    const auto r =
        runCli("training set " + p() + " --name x --sessions S1 --criterion " + shellQuote(bad.string()));
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find(bad.string() + ":2: /timeUnitKappa/0/minimum: 7 is out of range"), std::string::npos)
        << r.err;

    write(bad, R"({"timeUnitKappa": [{"per": "group", "groups": ["attachment"], "minimum": 0.7}]})");
    const auto unknown =
        runCli("training set " + p() + " --name x --sessions S1 --criterion " + shellQuote(bad.string()));
    EXPECT_EQ(unknown.status, 3);
    EXPECT_NE(unknown.err.find("/timeUnitKappa/0/groups/0: no exclusive group 'attachment'"),
              std::string::npos)
        << unknown.err;
    const auto missing =
        runCli("training set " + p() + " --name x --sessions S1 --criterion /nonexistent.json");
    EXPECT_EQ(missing.status, 3);
    EXPECT_EQ(
        runCli("training set " + p() + " --name x --criterion " + shellQuote(criterion.string())).status, 2);
}

TEST_F(TrainingCliTest, StatusJsonCarriesTheEnginesFigures) {
    ASSERT_EQ(runCli("training set " + p() + " --name basics --sessions S1,S2,S3 --criterion " +
                     shellQuote(criterion.string()))
                  .status,
              0);
    const auto r = runCli("training status " + p() + " --coder ben --json");
    ASSERT_EQ(r.status, 0) << r.err;
    const auto json = nlohmann::json::parse(r.out);
    EXPECT_EQ(json["trainee"], "ben");
    ASSERT_EQ(json["sets"].size(), 1U);
    const auto& set = json["sets"][0];
    EXPECT_EQ(set["set"], "basics");
    EXPECT_TRUE(set["met"].get<bool>()) << r.out;
    ASSERT_EQ(set["tapes"].size(), 3U);
    EXPECT_EQ(set["requirements"].size(), 3U);

    an::Project opened(project, an::ProjectStore::Access::ReadOnly);
    for (const auto& tape : set["tapes"]) {
        an::TimelineRequest request;
        request.session = tape["session"].get<std::string>();
        request.coders = {"ana", "ben"};
        request.tolerance = an::Microseconds{1'000'000};
        const auto direct = an::timelineAgreement(opened, request);
        for (const auto& s : direct.streams) {
            if (s.stream.name() == "distress (infant)") {
                EXPECT_EQ(tape["requirements"][0]["figures"][0]["value"].get<double>(),
                          *s.pairs.front().timeUnit->toleranceKappa);
            }
        }
        EXPECT_TRUE(tape.contains("per_code"));
        EXPECT_EQ(tape["gold_coder"], "ana");
    }
    EXPECT_FALSE(set["holding_back"].empty());

    const auto text = runCli("training status " + p() + " --coder ben");
    EXPECT_EQ(text.status, 0);
    EXPECT_NE(text.out.find("criterion MET"), std::string::npos) << text.out;
    EXPECT_EQ(runCli("training status " + p() + " --coder nobody").status, 3);
    EXPECT_EQ(runCli("training status " + p() + " --coder ben --set nope").status, 3);
    EXPECT_EQ(runCli("training status " + p()).status, 2);
}

TEST_F(TrainingCliTest, SignOffAndCertificate) {
    const auto hard = dir.path() / "hard.json";
    write(hard, R"({"judgements": [{"judgement": "classification", "atLeast": 3}]})");
    ASSERT_EQ(runCli("training set " + p() + " --name hard --sessions S1,S2,S3 --criterion " +
                     shellQuote(hard.string()))
                  .status,
              0);
    const auto out = dir.path() / "certificates";

    // No sign-off, criterion not met: no certificate, and stderr says why.
    const auto early = runCli("certificate " + p() + " --coder ben --out " + shellQuote(out.string()));
    EXPECT_EQ(early.status, 3);
    EXPECT_NE(early.err.find("needs a supervisor's sign-off"), std::string::npos) << early.err;
    EXPECT_NE(early.err.find("the criterion is not met"), std::string::npos) << early.err;
    EXPECT_FALSE(std::filesystem::exists(out));

    const auto refused = runCli("training signoff " + p() + " --coder ben --set hard --supervisor sue");
    EXPECT_EQ(refused.status, 3);
    EXPECT_NE(refused.err.find("met on 1 tape, 3 required"), std::string::npos) << refused.err;

    ASSERT_EQ(runCli("training set " + p() + " --name basics --sessions S1,S2,S3 --criterion " +
                     shellQuote(criterion.string()))
                  .status,
              0);
    const auto waiting =
        runCli("certificate " + p() + " --coder ben --set basics --out " + shellQuote(out.string()));
    EXPECT_EQ(waiting.status, 3);
    EXPECT_NE(waiting.err.find("the criterion is met; sign off with"), std::string::npos) << waiting.err;

    EXPECT_EQ(runCli("training signoff " + p() + " --coder ben --set basics --supervisor ana").status, 3);
    const auto signed_ = runCli("training signoff " + p() + " --coder ben --set basics --supervisor sue");
    ASSERT_EQ(signed_.status, 0) << signed_.err;

    const auto made = runCli("certificate " + p() + " --coder ben --out " + shellQuote(out.string()));
    ASSERT_EQ(made.status, 0) << made.err;
    const auto html = readAll(out / "certificate-ben-basics.html");
    const auto pdf = readAll(out / "certificate-ben-basics.pdf");
    EXPECT_NE(html.find("<bdi dir=\"auto\">ben</bdi>"), std::string::npos);
    EXPECT_NE(html.find("<bdi dir=\"auto\">sue</bdi>"), std::string::npos);
    EXPECT_NE(html.find("agreement-test"), std::string::npos);
    EXPECT_NE(html.find("time-unit kappa \u2265 0.3 per exclusive group (distress)"), std::string::npos);

    // The figures: each tape's distress kappa as the status shows it, to three decimals.
    const auto status =
        nlohmann::json::parse(runCli("training status " + p() + " --coder ben --set basics --json").out);
    for (const auto& tape : status["sets"][0]["tapes"]) {
        char figure[32];
        std::snprintf(figure, sizeof figure, "%.3f",
                      tape["requirements"][0]["figures"][0]["value"].get<double>());
        EXPECT_NE(html.find(std::string("distress (infant) ") + figure), std::string::npos) << figure;
    }
    EXPECT_EQ(status["sets"][0]["signoffs"].size(), 1U);

    ASSERT_GT(pdf.size(), 1000U);
    EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
    EXPECT_NE(pdf.find("%%EOF"), std::string::npos);
    const auto text = dir.path() / "certificate.txt";
    ASSERT_EQ(
        std::system(("pdftotext -enc UTF-8 " + shellQuote((out / "certificate-ben-basics.pdf").string()) +
                     " " + shellQuote(text.string()))
                        .c_str()),
        0);
    const std::string words = readAll(text);
    EXPECT_NE(words.find("Reliability certi"), std::string::npos) << words;
    EXPECT_NE(words.find("agreement-test"), std::string::npos) << words;
    EXPECT_NE(words.find("sue"), std::string::npos) << words;
    EXPECT_NE(words.find("S3"), std::string::npos) << words;
    EXPECT_EQ(runCli("certificate " + p() + " --coder ben").status, 2);
}

} // namespace
