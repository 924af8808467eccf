// `securebase-cli agree P.sbproj` and `securebase-cli report`, run as a script would, on the
// hand-built project of project_fixture.h: JSON figures, every exit status, and the report's
// HTML (parsed as XML, names escaped) and CSV (read back to the engine's numbers).

#include "annotation/agreement/report_writer.h"
#include "annotation/agreement/session_agreement.h"
#include "annotation/io/csv.h"
#include "tests/agreement/project_fixture.h"
#include "tests/cli/run_cli.h"

#include <QString>
#include <QXmlStreamReader>
#include <fmt/core.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <charconv>
#include <map>

namespace {

namespace an = sb::annotation;
using nlohmann::json;
using sb::agreement::test::makeProject;
using sb::agreement::test::ScratchDir;
using sb::test::runCli;
using sb::test::shellQuote;

std::string readText(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

class SessionAgreeCli : public ::testing::Test {
protected:
    void SetUp() override { makeProject(file_); }
    std::string project() const { return shellQuote(file_.string()); }
    std::string agree(const std::string& arguments) const { return "agree " + project() + " " + arguments; }

    ScratchDir dir_;
    std::filesystem::path file_ = dir_.path() / "p.sbproj";
};

TEST_F(SessionAgreeCli, TimeUnitJson) {
    const auto r = runCli(agree("--session S1 --coders ana,ben --method time-unit --group distress --json"));
    ASSERT_EQ(r.status, 0) << r.err;
    const json j = json::parse(r.out);
    EXPECT_EQ(j["session"], "S1");
    EXPECT_EQ(j["session_length"], 10.0);
    const json& pair = j["streams"][0]["pairs"][0];
    EXPECT_NEAR(pair["kappa"].get<double>(), 23.0 / 33.0, 1e-15);
    EXPECT_EQ(pair["percent_agreement"], 0.8);
    EXPECT_EQ(pair["confusion"]["counts"], json::parse("[[3,0,1],[0,2,0],[0,1,3]]"));
    ASSERT_EQ(pair["disagreements"].size(), 2U);
    EXPECT_EQ(pair["disagreements"][0]["start"], 3.0);
    EXPECT_EQ(pair["disagreements"][0]["end"], 4.0);
}

TEST_F(SessionAgreeCli, TextUnitsAndTolerance) {
    const auto r = runCli(agree("--session S1 --coders ana,ben --method time-unit --unit 0.5 --tolerance 1"));
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("unit 0.5 s, tolerance 1 s (2 units)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("3 to 4 s: ana cry, ben nil (forgiven by the tolerance)"), std::string::npos)
        << r.out;
}

TEST_F(SessionAgreeCli, EventAndThreeCoders) {
    auto r = runCli(agree("--session S1 --coders ana,ben,cal --method event --json"));
    ASSERT_EQ(r.status, 0) << r.err;
    json j = json::parse(r.out);
    ASSERT_EQ(j["streams"][0]["pairs"].size(), 3U);
    EXPECT_TRUE(j["streams"][0]["multi_coder"].contains("mean_pairwise_kappa"));
    r = runCli(agree("--session S1 --coders ana,ben,cal --method time-unit --json"));
    ASSERT_EQ(r.status, 0) << r.err;
    j = json::parse(r.out);
    EXPECT_TRUE(j["streams"][0]["multi_coder"]["krippendorff_alpha"].contains("value"));
}

TEST_F(SessionAgreeCli, ScalesAndJudgements) {
    auto r = runCli(agree("--session S1 --session S2 --session S3 --coders ana,ben --method scales --json"));
    ASSERT_EQ(r.status, 0) << r.err;
    json j = json::parse(r.out);
    EXPECT_EQ(j["scales"][0]["scale"], "proximity");
    EXPECT_TRUE(j["scales"][0]["icc"]["value"].is_number());
    r = runCli(agree("--session S1 --session S2 --session S3 --coders ana,ben --method judgements --json"));
    ASSERT_EQ(r.status, 0) << r.err;
    j = json::parse(r.out);
    EXPECT_EQ(j["judgements"][1]["level"], "main");
    EXPECT_NEAR(j["judgements"][1]["pairs"][0]["kappa"]["value"].get<double>(), 0.4, 1e-15);
    EXPECT_EQ(runCli(agree("--session S1 --session S2 --coders ana,ben --method judgements")).status, 0);
}

TEST_F(SessionAgreeCli, ExitStatuses) {
    // Usage: 2.
    EXPECT_EQ(runCli(agree("--session S1 --coders ana --method time-unit")).status, 2);
    EXPECT_EQ(runCli(agree("--session S1 --coders ana,ana --method time-unit")).status, 2);
    EXPECT_EQ(runCli(agree("--session S1 --coders ana,ben --method kappa")).status, 2);
    EXPECT_EQ(runCli(agree("--session S1 --coders ana,ben")).status, 2);
    EXPECT_EQ(runCli(agree("--coders ana,ben --method time-unit")).status, 2);
    EXPECT_EQ(runCli(agree("--session S1 --coders ana,ben --method time-unit --unit abc")).status, 2);
    EXPECT_EQ(runCli(agree("--session S1 --coders ana,ben --method time-unit --unit 0")).status, 2);
    EXPECT_EQ(runCli(agree("--session S1 --coders ana,ben --method time-unit --unit 1,5")).status, 2);
    EXPECT_EQ(runCli(agree("--session S1 --coders ana,ben --method time-unit --tolerance -1")).status, 2);
    EXPECT_EQ(runCli(agree("--session S1 --coders ana,ben --method time-unit --tolerance 1.5")).status, 2);
    EXPECT_EQ(runCli(agree("--session S1 --coders ana,ben --method event --unit 1")).status, 2);
    EXPECT_EQ(runCli(agree("--session S1 --coders ana,ben --method scales --group distress")).status, 2);
    EXPECT_EQ(runCli(agree("--session S1 --session S2 --coders ana,ben --method time-unit")).status, 2);
    EXPECT_EQ(runCli(agree("--session S1 --coders ana,ben --method time-unit --metric cohen")).status, 2);
    EXPECT_EQ(runCli("agree --session S1 --coders ana,ben --method time-unit").status, 2);
    // Bad input: 3, with the reason naming what is missing.
    auto r = runCli(agree("--session S9 --coders ana,ben --method time-unit"));
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("S9"), std::string::npos) << r.err;
    r = runCli(agree("--session S1 --coders ana,zed --method time-unit"));
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("zed"), std::string::npos) << r.err;
    r = runCli(agree("--session S1 --coders ana,ben --method time-unit --group nonesuch"));
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("nonesuch"), std::string::npos) << r.err;
    r = runCli(agree("--session S1 --coders ana,dan --method event"));
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("coder 'dan': the coder has no annotations"), std::string::npos) << r.err;
    EXPECT_EQ(runCli(agree("--session S1 --coders ana,cal --method scales")).status, 3);
    EXPECT_EQ(runCli("agree " + shellQuote((dir_.path() / "absent.sbproj").string()) +
                     " --session S1 --coders ana,ben --method time-unit")
                  .status,
              3);
}

TEST(SessionAgreeCliBlind, BlindProjectsStillCompute) {
    ScratchDir dir;
    const auto file = dir.path() / "blind.sbproj";
    {
        auto f = makeProject(file);
        f.project->store().setBlind(true);
    }
    const auto r = runCli("agree " + shellQuote(file.string()) +
                          " --session S1 --coders ana,ben --method time-unit --group distress --json");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NEAR(json::parse(r.out)["streams"][0]["pairs"][0]["kappa"].get<double>(), 23.0 / 33.0, 1e-15);
}

// ---- the report

// Every element closed in order and the document well-formed XML; returns the text content.
std::string parseXhtml(const std::string& html, int* svgCount) {
    QXmlStreamReader xml(QString::fromStdString(html));
    std::string text;
    *svgCount = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QStringLiteral("svg")) {
            ++*svgCount;
        }
        if (xml.isStartElement() && xml.name() == QStringLiteral("script")) {
            ADD_FAILURE() << "a <script> element in the report";
        }
        if (xml.isCharacters()) {
            text += xml.text().toString().toStdString();
        }
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString() << " at line " << xml.lineNumber();
    return text;
}

double parseDouble(const std::string& text) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    EXPECT_TRUE(error == std::errc() && end == text.data() + text.size()) << text;
    return value;
}

TEST(SessionReport, HtmlAndCsv) {
    ScratchDir dir;
    const auto file = dir.path() / "p.sbproj";
    makeProject(file, "<script>");
    const auto out = dir.path() / "report out";
    const auto r =
        runCli("report " + shellQuote(file.string()) + " --session S1 --out " + shellQuote(out.string()));
    ASSERT_EQ(r.status, 0) << r.err;

    // The engine's value, through the library, for what the files must show.
    an::Project project(file, an::ProjectStore::Access::ReadOnly);
    an::TimelineRequest request;
    request.session = "S1";
    request.coders = {"<script>", "ben"};
    request.group = "distress";
    const double kappa = *an::timelineAgreement(project, request).streams[0].pairs[0].timeUnit->kappa;

    const std::string html = readText(out / an::kReportHtml);
    ASSERT_FALSE(html.empty());
    EXPECT_EQ(html.find("<script>"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
    EXPECT_EQ(html.find("http://www.w3.org/1999/xhtml\""), html.find("http://www.w3.org/"))
        << "the report refers to no external file but its namespaces";
    EXPECT_EQ(html.find("<link"), std::string::npos);
    EXPECT_EQ(html.find("src="), std::string::npos);
    EXPECT_NE(html.find(fmt::format("{:.4f}", kappa)), std::string::npos);
    EXPECT_NE(html.find(fmt::format("data-value=\"{}\"", an::decimalText(kappa))), std::string::npos);
    int svgs = 0;
    const std::string text = parseXhtml(html, &svgs);
    EXPECT_NE(text.find("<script> × ben"), std::string::npos); // the name, unescaped by the parser
    // Three streams (distress, look, touch), two coders with annotations (dan has none, cal is a third):
    // three pairs each, three figures per pair.
    EXPECT_EQ(svgs, 3 * 3 * 3);

    // agreement.csv reads back to the engine's kappa.
    const std::string csvText = readText(out / an::kAgreementCsv);
    an::io::CsvReader csv(csvText, "agreement.csv");
    std::vector<std::string> fields;
    ASSERT_TRUE(csv.next(fields));
    EXPECT_EQ(fields, (std::vector<std::string>{"session", "stream", "subject", "method", "coder1", "coder2",
                                                "code", "statistic", "value"}));
    bool found = false;
    int rows = 0;
    while (csv.next(fields)) {
        ++rows;
        ASSERT_EQ(fields.size(), 9U);
        for (const char c : fields[8]) {
            EXPECT_TRUE((c >= '0' && c <= '9') || c == '.' || c == '-') << fields[8];
        }
        if (fields[0] == "S1" && fields[1] == "distress" && fields[3] == "time-unit" &&
            fields[4] == "<script>" && fields[5] == "ben" && fields[6].empty() && fields[7] == "kappa") {
            EXPECT_EQ(parseDouble(fields[8]), kappa);
            found = true;
        }
    }
    EXPECT_TRUE(found);
    EXPECT_GT(rows, 50);

    // disagreements.csv: the two runs of the distress stream for <script> × ben.
    const std::string spans = readText(out / an::kDisagreementsCsv);
    EXPECT_NE(spans.find("S1,distress,infant,<script>,ben,3,4,cry,nil,0,0"), std::string::npos) << spans;
    EXPECT_NE(spans.find("S1,distress,infant,<script>,ben,5,6,nil,fuss,0,0"), std::string::npos) << spans;
    EXPECT_NE(readText(out / an::kConfusionCsv).find("S1,distress,infant,time-unit,<script>,ben,cry,nil,1"),
              std::string::npos);
}

TEST(SessionReport, ExitStatuses) {
    ScratchDir dir;
    const auto file = dir.path() / "p.sbproj";
    makeProject(file);
    const std::string p = shellQuote(file.string());
    const std::string out = " --out " + shellQuote((dir.path() / "out").string());
    EXPECT_EQ(runCli("report " + p).status, 2);                             // no --out
    EXPECT_EQ(runCli("report " + p + " --coders ana" + out).status, 2);     // one coder
    EXPECT_EQ(runCli("report " + p + " --unit x" + out).status, 2);         // bad number
    EXPECT_EQ(runCli("report " + p + " --tolerance 0.5" + out).status, 2);  // not whole units
    EXPECT_EQ(runCli("report " + p + " --session S9" + out).status, 3);     // unknown session
    EXPECT_EQ(runCli("report " + p + " --coders ana,zed" + out).status, 3); // unknown coder
    EXPECT_EQ(runCli("report " + p + " --coders ana,dan" + out).status, 3); // dan has not coded S1
    std::ofstream(dir.path() / "plain") << "a file";
    EXPECT_EQ(runCli("report " + p + " --out " + shellQuote((dir.path() / "plain").string())).status, 3);
    // S2 and S3 have no annotations: listed as skipped, not an error.
    const auto r = runCli("report " + p + out);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("1 session(s) compared, 2 skipped"), std::string::npos) << r.out;
}

} // namespace
