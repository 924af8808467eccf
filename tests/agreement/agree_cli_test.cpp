// `securebase-cli agree`, run as a script would: exit statuses (0 ok, 2 usage, 3 bad input),
// JSON on stdout, FILE:ROW: reason on stderr.

#include "tests/cli/run_cli.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

using nlohmann::json;
using sb::test::runCli;
using sb::test::shellQuote;

class AgreeCli : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("sb-agree-cli-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    std::string write(const std::string& name, const std::string& text) {
        const auto path = dir_ / name;
        std::ofstream(path, std::ios::binary) << text;
        return shellQuote(path.string());
    }

    // Cohen's (1968) 200 units: 88 14 18 / 10 40 10 / 2 6 12.
    std::string cohenFile() {
        const int counts[3][3] = {{88, 14, 18}, {10, 40, 10}, {2, 6, 12}};
        std::string text = "unit,coder,value\r\n";
        int unit = 0;
        for (int r = 0; r < 3; ++r) {
            for (int c = 0; c < 3; ++c) {
                for (int i = 0; i < counts[r][c]; ++i) {
                    ++unit;
                    text += std::to_string(unit) + ",A," + std::to_string(r + 1) + "\r\n";
                    text += std::to_string(unit) + ",B," + std::to_string(c + 1) + "\r\n";
                }
            }
        }
        return write("cohen.csv", text);
    }

    // Krippendorff's (2011) 4 observers × 12 units; missing judgements as empty values or absent rows.
    std::string krippendorffFile() {
        const char* rows[4] = {"1 2 3 3 2 1 4 1 2 . . .", "1 2 3 3 2 2 4 1 2 5 . 3",
                               ". 3 3 3 2 3 4 2 2 5 1 .", "1 2 3 3 2 4 4 1 2 5 1 ."};
        std::string text = "unit,coder,value\n";
        for (int c = 0; c < 4; ++c) {
            for (int u = 0; u < 12; ++u) {
                const char v = rows[c][2 * u];
                if (v != '.') {
                    text += "u" + std::to_string(u + 1) + "," + std::string(1, static_cast<char>('A' + c)) +
                            "," + v + "\n";
                } else if (c == 0) {
                    text += "u" + std::to_string(u + 1) + ",A,\n"; // an explicit empty value
                }
            }
        }
        return write("kripp.csv", text);
    }

    std::filesystem::path dir_;
};

TEST_F(AgreeCli, CohenJson) {
    const auto r = runCli("agree --ratings " + cohenFile() + " --metric cohen --json");
    ASSERT_EQ(r.status, 0) << r.err;
    const json j = json::parse(r.out);
    EXPECT_EQ(j["metric"], "cohen");
    EXPECT_NEAR(j["value"].get<double>(), 29.0 / 59.0, 1e-12);
    EXPECT_NEAR(j["standard_error"].get<double>(), 0.051001815576078, 1e-12);
    EXPECT_NEAR(j["ci"]["lower"].get<double>(), 0.391563702053547, 1e-12);
    EXPECT_EQ(j["units"], 200);
}

TEST_F(AgreeCli, EveryMetricAnswers) {
    const std::string file = cohenFile();
    for (const char* metric : {"percent", "cohen", "weighted-cohen", "scott", "fleiss", "krippendorff",
                               "gwet-ac1", "pabak", "icc"}) {
        SCOPED_TRACE(metric);
        const auto r = runCli("agree --ratings " + file + " --metric " + metric + " --json");
        ASSERT_EQ(r.status, 0) << r.err;
        const json j = json::parse(r.out);
        EXPECT_EQ(j["metric"], metric);
        EXPECT_TRUE(j.contains("value"));
        const auto text = runCli("agree --ratings " + file + " --metric " + metric);
        EXPECT_EQ(text.status, 0) << text.err;
        EXPECT_FALSE(text.out.empty());
    }
}

TEST_F(AgreeCli, WeightedAndKrippendorffLevels) {
    auto r = runCli("agree --ratings " + cohenFile() + " --metric weighted-cohen --weights quadratic --json");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NEAR(json::parse(r.out)["value"].get<double>(), 0.454545454545455, 1e-12);
    const std::string kripp = krippendorffFile();
    r = runCli("agree --ratings " + kripp + " --metric krippendorff --json");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NEAR(json::parse(r.out)["value"].get<double>(), 0.743421052631579, 1e-12);
    r = runCli("agree --ratings " + kripp + " --metric krippendorff --level interval --json");
    EXPECT_NEAR(json::parse(r.out)["value"].get<double>(), 0.849107142857143, 1e-12);
    r = runCli("agree --ratings " + kripp +
               " --metric krippendorff --level ordinal --bootstrap 200 --seed 3 --json");
    ASSERT_EQ(r.status, 0) << r.err;
    const json j = json::parse(r.out);
    EXPECT_LT(j["ci"]["lower"].get<double>(), j["value"].get<double>());
    EXPECT_EQ(j["ci"]["seed"], 3);
}

TEST_F(AgreeCli, IccForms) {
    const std::string file =
        write("sf.csv", "unit,coder,value\n"
                        "1,J1,9\n1,J2,2\n1,J3,5\n1,J4,8\n2,J1,6\n2,J2,1\n2,J3,3\n2,J4,2\n"
                        "3,J1,8\n3,J2,4\n3,J3,6\n3,J4,8\n4,J1,7\n4,J2,1\n4,J3,2\n4,J4,6\n"
                        "5,J1,10\n5,J2,5\n5,J3,6\n5,J4,9\n6,J1,6\n6,J2,2\n6,J3,4\n6,J4,7\n");
    const auto r = runCli("agree --ratings " + file + " --metric icc --json");
    ASSERT_EQ(r.status, 0) << r.err;
    const json j = json::parse(r.out);
    EXPECT_EQ(j["metric"], "icc");
    for (const char* form : {"ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k"}) {
        ASSERT_TRUE(j["forms"].contains(form)) << form;
        EXPECT_TRUE(j["forms"][form]["ci"].contains("lower"));
        EXPECT_TRUE(j["forms"][form]["ci"].contains("upper"));
    }
    EXPECT_NEAR(j["forms"]["ICC3k"]["value"].get<double>(), 0.909315542377069, 1e-12);
    EXPECT_NEAR(j["forms"]["ICC2"]["ci"]["lower"].get<double>(), 0.018786513374712, 1e-9);
    EXPECT_NEAR(j["value"].get<double>(), 0.289763779527559, 1e-12); // ICC(2,1)
}

TEST_F(AgreeCli, QuotedFieldsAndBlankValues) {
    const std::string file =
        write("q.csv", "unit,coder,value\n\"a,1\",x,\"secure, B3\"\n\"a,1\",y,\"secure, B3\"\n"
                       "b,x,\"said \"\"no\"\"\"\nb,y,\"said \"\"no\"\"\"\nc,x,avoidant\nc,y,\n");
    const auto r = runCli("agree --ratings " + file + " --metric percent --json");
    ASSERT_EQ(r.status, 0) << r.err;
    const json j = json::parse(r.out);
    EXPECT_DOUBLE_EQ(j["value"].get<double>(), 1.0);
    EXPECT_EQ(j["units"], 2); // unit c has one judgement
}

TEST_F(AgreeCli, BadRowsNameFileAndRow) {
    struct Case {
        const char* text;
        const char* row;
        const char* words;
    };
    const Case cases[] = {
        {"unit,coder,value\n1,a,2\n1,b\n", ":3:", "expected 3 fields"},
        {"unit,coder,value\n1,a,2\n1,a,3\n", ":3:", "more than once"},
        {"unit,coder,value\n,a,2\n", ":2:", "unit is empty"},
        {"unit,coder,value\n1,,2\n", ":2:", "coder is empty"},
        {"unit,rater,value\n1,a,2\n", ":1:", "header"},
        {"unit,coder,value\n1,a,\"2\n", ":2:", "never closed"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.text);
        const std::string file = write("bad.csv", c.text);
        const auto r = runCli("agree --ratings " + file + " --metric percent");
        EXPECT_EQ(r.status, 3);
        EXPECT_NE(r.err.find("bad.csv" + std::string(c.row)), std::string::npos) << r.err;
        EXPECT_NE(r.err.find(c.words), std::string::npos) << r.err;
    }
    EXPECT_EQ(runCli("agree --ratings " + write("empty.csv", "") + " --metric percent").status, 3);
    EXPECT_EQ(
        runCli("agree --ratings " + write("header.csv", "unit,coder,value\n") + " --metric percent").status,
        3);
    EXPECT_EQ(
        runCli("agree --ratings " + shellQuote((dir_ / "absent.csv").string()) + " --metric percent").status,
        3);
}

TEST_F(AgreeCli, InputsAMetricCannotTakeExitThree) {
    const std::string three =
        write("three.csv", "unit,coder,value\n1,a,x\n1,b,x\n1,c,y\n2,a,y\n2,b,y\n2,c,y\n");
    auto r = runCli("agree --ratings " + three + " --metric cohen");
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("exactly 2 coders"), std::string::npos) << r.err;
    EXPECT_EQ(runCli("agree --ratings " + three + " --metric icc").status, 3); // text
    EXPECT_EQ(runCli("agree --ratings " + three + " --metric krippendorff --level interval").status, 3);
    EXPECT_EQ(runCli("agree --ratings " + three + " --metric weighted-cohen").status, 3);
    const std::string one = write("one.csv", "unit,coder,value\n1,a,1\n2,a,2\n");
    EXPECT_EQ(runCli("agree --ratings " + one + " --metric krippendorff").status, 3);
    const std::string gaps = write("gaps.csv", "unit,coder,value\n1,a,1\n1,b,2\n1,c,2\n2,a,1\n2,b,1\n");
    r = runCli("agree --ratings " + gaps + " --metric fleiss");
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("same number of judgements"), std::string::npos) << r.err;
    EXPECT_EQ(runCli("agree --ratings " + gaps + " --metric icc").status, 3); // missing value
    const std::string negative = write("neg.csv", "unit,coder,value\n1,a,-1\n1,b,2\n2,a,3\n2,b,3\n");
    EXPECT_EQ(runCli("agree --ratings " + negative + " --metric krippendorff --level ratio").status, 3);
    EXPECT_EQ(runCli("agree --ratings " + negative + " --metric krippendorff --level interval").status, 0);
}

TEST_F(AgreeCli, UsageErrorsExitTwo) {
    const std::string file = cohenFile();
    EXPECT_EQ(runCli("agree --ratings " + file).status, 2);                     // no --metric
    EXPECT_EQ(runCli("agree --metric cohen").status, 2);                        // no --ratings
    EXPECT_EQ(runCli("agree --ratings " + file + " --metric kappa").status, 2); // unknown metric
    EXPECT_EQ(runCli("agree --ratings " + file + " --metric krippendorff --level nice").status, 2);
    EXPECT_EQ(runCli("agree --ratings " + file + " --metric cohen --level interval").status, 2);
    EXPECT_EQ(runCli("agree --ratings " + file + " --metric cohen --weights linear").status, 2);
    EXPECT_EQ(runCli("agree --ratings " + file + " --metric cohen --bootstrap 10").status, 2);
}

} // namespace
