// Files SecureBase writes are read by R, SPSS, ELAN and scripts anywhere, so they keep ASCII
// digits, '.' decimals and ISO dates whatever the user's locale. These tests run the command
// line under a Persian glibc locale (generated at test time into a private LOCPATH with
// localedef, so no root is needed) and check every export, and carry a Persian comment with
// Latin letters, digits and a ZWNJ through the store, CSV and ELAN byte for byte.

#include "tests/annotation/test_support.h"
#include "tests/cli/run_cli.h"

#include "annotation/project.h"

#include <gtest/gtest.h>

#include <clocale>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <regex>
#include <string>

namespace fs = std::filesystem;
using namespace sb;
using annotation::test::readFile;
using annotation::test::writeFile;

namespace {

// "مادرِ Lily در 3:05 بازمی‌گردد؛ 2 بار اعتراض" — Persian with Latin letters, ASCII digits,
// a ZWNJ (in بازمی‌گردد) and Persian punctuation.
const std::string kComment = "مادرِ Lily در 3:05 بازمی\u200cگردد؛ 2 بار اعتراض، سپس آرام می\u200cشود";

// Characters a locale-formatted number would bring in: Arabic-Indic and Persian digits, the
// Arabic decimal and thousands separators.
bool hasLocaleDigits(const std::string& utf8, std::string* where) {
    static const std::regex digits("\xD9[\xA0-\xAC]|\xDB[\xB0-\xB9]"); // U+0660–066C, U+06F0–06F9
    std::smatch match;
    if (!std::regex_search(utf8, match, digits))
        return false;
    const auto at = static_cast<std::size_t>(match.position(0));
    *where = utf8.substr(at >= 40 ? at - 40 : 0, 80);
    return true;
}

class PersianLocale : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        locales_ = fs::temp_directory_path() / ("sb-locales-" + std::to_string(::getpid()));
        fs::create_directories(locales_);
        // glibc looks for "fa_IR.UTF-8" under its normalised name fa_IR.utf8.
        const std::string command = "localedef -i fa_IR -f UTF-8 " +
                                    test::shellQuote((locales_ / "fa_IR.utf8").string()) + " >/dev/null 2>&1";
        localedefStatus_ = std::system(command.c_str());
    }
    static void TearDownTestSuite() { fs::remove_all(locales_); }

    void SetUp() override {
        ASSERT_EQ(localedefStatus_, 0) << "localedef -i fa_IR -f UTF-8 failed (Debian package `locales`)";
        // Every CLI run below inherits this environment, as a Persian user's shell would give it.
        ::setenv("LOCPATH", locales_.c_str(), 1);
        ::setenv("LANG", "fa_IR.UTF-8", 1);
        ::setenv("LC_ALL", "fa_IR.UTF-8", 1);
        dir_ = fs::temp_directory_path() / ("sb-i18n-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override {
        ::unsetenv("LC_ALL");
        ::unsetenv("LANG");
        ::unsetenv("LOCPATH");
        fs::remove_all(dir_);
    }

    test::CliResult run(const std::string& arguments) { return test::runCli(arguments); }
    std::string q(const fs::path& p) const { return test::shellQuote(p.string()); }

    // A project with the bundled generic scheme, one session, two coders who coded it with
    // fractional times and the Persian comment.
    fs::path makeProject() {
        const fs::path project = dir_ / "p.sbproj";
        EXPECT_EQ(run("project create " + q(project) + " --scheme " +
                      q(SB_SOURCE_DIR "/samples/schemes/generic.json"))
                      .status,
                  0);
        EXPECT_EQ(run("session add " + q(project) + " --name S1").status, 0);
        EXPECT_EQ(run("coder add " + q(project) + " --name ana").status, 0);
        EXPECT_EQ(run("coder add " + q(project) + " --name سارا").status, 0);
        writeFile(dir_ / "ana.csv", "code,subject,start,end,modifiers,comment\n"
                                    "looking,child,1.5,4.25,," +
                                        kComment +
                                        "\n"
                                        "smiling,child,2.125,,,\n"
                                        "crying,adult,5.5,7.75,,\n");
        writeFile(dir_ / "sara.csv", "code,subject,start,end,modifiers,comment\n"
                                     "looking,child,1.25,4.5,,\n"
                                     "smiling,child,2.5,,,\n"
                                     "crying,adult,6,8.125,,\n");
        const auto a =
            run("import " + q(project) + " --session S1 --coder ana --format csv " + q(dir_ / "ana.csv"));
        EXPECT_EQ(a.status, 0) << a.err;
        const auto s =
            run("import " + q(project) + " --session S1 --coder سارا --format csv " + q(dir_ / "sara.csv"));
        EXPECT_EQ(s.status, 0) << s.err;
        return project;
    }

    static inline fs::path locales_;
    static inline int localedefStatus_ = -1;
    fs::path dir_;
};

// The generated locale is real: under it the C library writes dates in Persian
// digits (glibc's fa_IR keeps '.' as its decimal point; Qt's fa locale uses '٫'), so the checks
// below can fail.
TEST_F(PersianLocale, TheLocaleReallyWritesPersianDigits) {
    const std::string before = std::setlocale(LC_ALL, nullptr);
    ASSERT_NE(std::setlocale(LC_ALL, "fa_IR.UTF-8"), nullptr);
    std::tm day{};
    day.tm_year = 2026 - 1900;
    day.tm_mon = 10;
    day.tm_mday = 23;
    char buffer[64];
    const std::size_t length = std::strftime(buffer, sizeof buffer, "%x", &day); // the locale's date
    const std::string formatted(buffer, length);
    std::setlocale(LC_ALL, before.c_str());
    std::string where;
    EXPECT_TRUE(hasLocaleDigits(formatted, &where));
}

TEST_F(PersianLocale, ExportsKeepAsciiDigitsAndDotDecimals) {
    const fs::path project = makeProject();
    struct Export {
        std::string format;
        std::string file;
    };
    for (const Export& e : {Export{"csv", "out.csv"}, Export{"tsv", "out.tsv"}, Export{"eaf", "out.eaf"},
                            Export{"wide", "wide.csv"}, Export{"summary", "summary.csv"},
                            Export{"sdis", "out.sds"}, Export{"boris-events", "boris.tsv"}}) {
        const auto r = run("export " + q(project) + " --format " + e.format + " --session S1 -o " +
                           q(dir_ / e.file) + (e.format == "wide" ? " --unit 0.5" : ""));
        ASSERT_EQ(r.status, 0) << e.format << ": " << r.err;
        const std::string text = readFile(dir_ / e.file);
        std::string where;
        EXPECT_FALSE(hasLocaleDigits(text, &where)) << e.format << ": …" << where << "…";
    }
    // Fractional seconds are written with a '.' (tidy CSV and TSV).
    const std::string csv = readFile(dir_ / "out.csv");
    EXPECT_NE(csv.find(",1.5,4.25,"), std::string::npos) << csv;
    EXPECT_NE(csv.find(",2.125,"), std::string::npos) << csv;
    const std::string tsv = readFile(dir_ / "out.tsv");
    EXPECT_NE(tsv.find("1.5"), std::string::npos) << tsv;
    EXPECT_NE(tsv.find("4.25"), std::string::npos) << tsv;

    // JSON from the command line: project info and agreement.
    for (const std::string& command :
         {"project info " + q(project) + " --json",
          "agree " + q(project) + " --session S1 --coders ana,سارا --method time-unit --unit 0.5 --json",
          "agree " + q(project) + " --session S1 --coders ana,سارا --method event --tolerance 0.5 --json"}) {
        const auto r = run(command);
        ASSERT_EQ(r.status, 0) << command << ": " << r.err;
        std::string where;
        EXPECT_FALSE(hasLocaleDigits(r.out, &where)) << command << ": …" << where << "…";
        EXPECT_TRUE(std::regex_search(r.out, std::regex("[0-9]\\.[0-9]"))) << command;
    }

    // The reliability report: HTML and its CSV tables.
    const auto report =
        run("report " + q(project) + " --session S1 --coders ana,سارا --out " + q(dir_ / "report"));
    ASSERT_EQ(report.status, 0) << report.err;
    int files = 0;
    for (const auto& entry : fs::directory_iterator(dir_ / "report")) {
        ++files;
        const std::string text = readFile(entry.path());
        std::string where;
        EXPECT_FALSE(hasLocaleDigits(text, &where)) << entry.path() << ": …" << where << "…";
        if (entry.path().extension() == ".html") {
            EXPECT_NE(text.find("<meta charset=\"utf-8\"/>"), std::string::npos);
            EXPECT_NE(text.find("dir=\"ltr\""), std::string::npos);
            EXPECT_NE(text.find("<bdi>سارا</bdi>"),
                      std::string::npos); // a Persian name isolated in English prose
        }
    }
    EXPECT_GE(files, 2);
}

TEST_F(PersianLocale, APersianCommentRoundTripsThroughStoreCsvAndElan) {
    const fs::path project = makeProject();
    // The store holds the very bytes.
    {
        annotation::Project p(project.string(), annotation::ProjectStore::Access::ReadOnly);
        annotation::AnnotationFilter filter;
        filter.session = p.store().sessionNamed("S1").id;
        bool found = false;
        for (const auto& a : p.store().annotations(annotation::Viewer::wholeProject(), filter))
            if (a.code == "looking" && a.coder == p.store().coderNamed("ana").id) {
                EXPECT_EQ(a.comment, kComment);
                found = true;
            }
        EXPECT_TRUE(found);
    }
    // CSV out: the comment field is byte for byte what went in (it needs no quoting: "،" is not
    // a comma), and the file imports again with the same bytes.
    const auto csv =
        run("export " + q(project) + " --session S1 --coder ana --format csv -o " + q(dir_ / "back.csv"));
    ASSERT_EQ(csv.status, 0) << csv.err;
    const std::string backCsv = readFile(dir_ / "back.csv");
    const std::size_t at = backCsv.find("," + kComment);
    ASSERT_NE(at, std::string::npos) << backCsv;
    const char after = backCsv[at + 1 + kComment.size()];
    EXPECT_TRUE(after == '\r' || after == '\n') << backCsv; // the whole field, unquoted
    ASSERT_EQ(run("session add " + q(project) + " --name S2").status, 0);
    const auto back =
        run("import " + q(project) + " --session S2 --coder ana --format csv " + q(dir_ / "back.csv"));
    ASSERT_EQ(back.status, 0) << back.err;
    {
        annotation::Project p(project.string(), annotation::ProjectStore::Access::ReadOnly);
        annotation::AnnotationFilter filter;
        filter.session = p.store().sessionNamed("S2").id;
        const auto again = p.store().annotations(annotation::Viewer::wholeProject(), filter);
        ASSERT_EQ(again.size(), 3u);
        EXPECT_EQ(again.front().comment, kComment);
    }

    // ELAN out and into a new project made from it: the comment comes back unchanged.
    const auto eaf = run("export " + q(project) + " --format eaf --session S1 -o " + q(dir_ / "s1.eaf"));
    ASSERT_EQ(eaf.status, 0) << eaf.err;
    EXPECT_NE(readFile(dir_ / "s1.eaf").find(kComment), std::string::npos);
    const fs::path again = dir_ / "again.sbproj";
    const auto made =
        run("project create " + q(again) + " --from-eaf " + q(dir_ / "s1.eaf") + " --tier-mapping coder");
    ASSERT_EQ(made.status, 0) << made.err;
    annotation::Project p(again.string(), annotation::ProjectStore::Access::ReadOnly);
    int withComment = 0;
    for (const auto& session : p.store().sessions()) {
        annotation::AnnotationFilter filter;
        filter.session = session.id;
        for (const auto& a : p.store().annotations(annotation::Viewer::wholeProject(), filter))
            if (!a.comment.empty()) {
                EXPECT_EQ(a.comment, kComment);
                ++withComment;
            }
    }
    EXPECT_EQ(withComment, 1);
}

} // namespace
