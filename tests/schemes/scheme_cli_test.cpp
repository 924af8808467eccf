// `securebase-cli scheme validate`, run as a user runs it: exit statuses (cli_support.h),
// diagnostics on stderr, summaries on stdout.

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

struct CliRun {
    int status = -1;
    std::string out;
    std::string err;
};

std::string slurp(const std::filesystem::path& file) {
    std::ifstream stream(file);
    std::stringstream text;
    text << stream.rdbuf();
    return text.str();
}

class SchemeValidateCommand : public testing::Test {
protected:
    void SetUp() override {
        dir_ =
            std::filesystem::path(testing::TempDir()) /
            ("sb-scheme-cli-" + std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    std::string write(const std::string& name, const std::string& text) {
        const auto path = dir_ / name;
        std::ofstream(path) << text;
        return path.string();
    }

    // Runs from the scratch directory so diagnostics name files as given.
    CliRun invoke(const std::string& arguments) {
        const auto out = dir_ / "stdout.txt";
        const auto err = dir_ / "stderr.txt";
        const std::string command = "cd '" + dir_.string() + "' && '" SECUREBASE_CLI "' " + arguments +
                                    " >'" + out.string() + "' 2>'" + err.string() + "'";
        const int raw = std::system(command.c_str());
        CliRun result;
        result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
        result.out = slurp(out);
        result.err = slurp(err);
        return result;
    }

    std::filesystem::path dir_;
};

const std::string kSamples = std::string(SECUREBASE_SOURCE_DIR) + "/samples/schemes/";

TEST_F(SchemeValidateCommand, BundledSchemesAreValid) {
    const CliRun result =
        invoke("scheme validate '" + kSamples + "strange-situation.json' '" + kSamples +
               "therapy-process.json' '" + kSamples + "generic.json' '" + kSamples + "eft-couples.json'");
    EXPECT_EQ(result.status, 0);
    EXPECT_EQ(result.err, "");
    EXPECT_EQ(result.out, kSamples +
                              "strange-situation.json: valid: strange-situation 1.0.0, 17 codes, 4 subjects, "
                              "8 segments, 6 scales, 4 judgements\n" +
                              kSamples +
                              "therapy-process.json: valid: therapy-process 1.0.0, 14 codes, 2 subjects, "
                              "0 segments, 6 scales, 2 judgements\n" +
                              kSamples +
                              "generic.json: valid: generic 1.0.0, 5 codes, 2 subjects, 0 segments, "
                              "1 scale, 1 judgement\n" +
                              kSamples +
                              "eft-couples.json: valid: eft-couples 1.0.0, 18 codes, 3 subjects, 0 segments, "
                              "1 scale, 2 judgements\n");
}

TEST_F(SchemeValidateCommand, WarningsAloneStillExitZero) {
    write("newer.json", "{\"formatVersion\": 1, \"id\": \"n\", \"name\": \"N\", \"version\": \"2\",\n"
                        " \"licence\": \"CC-BY\"}");
    const CliRun result = invoke("scheme validate newer.json");
    EXPECT_EQ(result.status, 0);
    EXPECT_EQ(result.err, "newer.json:2: warning: /licence: unknown field \"licence\" is ignored\n");
    EXPECT_EQ(result.out,
              "newer.json: valid: n 2, 0 codes, 0 subjects, 0 segments, 0 scales, 0 judgements, 1 warning\n");
}

TEST_F(SchemeValidateCommand, AnErrorInAnyFileExitsThree) {
    write("good.json", "{\"formatVersion\": 1, \"id\": \"g\", \"name\": \"G\", \"version\": \"1\"}");
    write("bad.json", "{\"formatVersion\": 1, \"id\": \"b\", \"name\": \"B\", \"version\": \"1\",\n"
                      " \"codes\": [{\"id\": \"x\", \"label\": \"X\", \"kind\": \"state\", \"key\": \"p\"},\n"
                      "           {\"id\": \"y\", \"label\": \"Y\", \"kind\": \"blob\", \"key\": \"P\"}],\n"
                      " \"typo\": 1}");
    const CliRun result = invoke("scheme validate good.json bad.json");
    EXPECT_EQ(result.status, 3);
    EXPECT_EQ(
        result.err,
        "bad.json:3: error: /codes/1/kind: unknown kind \"blob\": expected one of \"state\", \"point\"\n"
        "bad.json:3: error: /codes/1/key: key \"P\" is bound twice (also /codes/0/key)\n"
        "bad.json:4: warning: /typo: unknown field \"typo\" is ignored\n");
    EXPECT_EQ(result.out, "good.json: valid: g 1, 0 codes, 0 subjects, 0 segments, 0 scales, 0 judgements\n"
                          "bad.json: invalid: 2 errors, 1 warning\n");
}

TEST_F(SchemeValidateCommand, MalformedAndMissingFilesExitThree) {
    write("broken.json", "{\n  \"id\": \"x\"\n  \"name\": \"y\"\n}");
    const CliRun result = invoke("scheme validate --quiet broken.json missing.json");
    EXPECT_EQ(result.status, 3);
    EXPECT_EQ(result.err,
              "broken.json:3: error: malformed JSON at column 8: syntax error while parsing object - "
              "unexpected string literal; expected '}'\n"
              "missing.json: error: cannot read: No such file or directory\n");
    EXPECT_EQ(result.out, "");
}

TEST_F(SchemeValidateCommand, UsageErrorsExitTwo) {
    EXPECT_EQ(invoke("scheme validate").status, 2);
    EXPECT_EQ(invoke("scheme").status, 2);
    EXPECT_EQ(invoke("scheme check x.json").status, 2);
}

} // namespace
