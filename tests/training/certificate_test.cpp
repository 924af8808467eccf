// The reliability certificate documents: the HTML holds every fact and figure, escapes names and
// isolates them for bidirectional text (Persian names inside English sentences); the PDF is a
// valid PDF with the same text (pdftotext), Persian included. Runs with QT_QPA_PLATFORM=offscreen.

#include "app/reports/certificate_document.h"
#include "tests/training/training_fixture.h"

#include <QGuiApplication>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace {

namespace an = sb::annotation;
using sb::training::test::ScratchDir;

std::string shellQuote(const std::string& text) {
    std::string quoted = "'";
    for (const char ch : text) {
        quoted += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
    }
    return quoted + "'";
}

std::string readAll(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

an::Certificate persianCertificate() {
    an::Certificate c;
    c.project = "clinic.sbproj";
    c.set = "SSP <basics>";
    c.trainee = "سارا رضایی";
    c.supervisor = "Dr. Ahmadi";
    c.schemeId = "strange-situation";
    c.schemeVersion = "1.0.0";
    c.signedAt = an::Microseconds{1'795'000'000'000'000}; // 2026-11-18T…Z
    c.signOffId = 7;
    c.requirements = {
        {"time-unit kappa \u2265 0.8 per exclusive group (distress) with 1 s units and \u00b12 s "
         "tolerance, on every tape",
         2, 2, true},
        {"the same classification as gold on at least 1 of 2 tapes", 2, 1, true}};
    c.tapes = {
        {1, "جلسه ۱", "Mina", "2026-11-01T10:00:00Z", {"distress (infant) 0.852", "B1 (gold B1)"}, true},
        {2, "S2", "Mina", "2026-11-05T10:00:00Z", {"distress (infant) 0.917", "A1 (gold A1)"}, true}};
    return c;
}

TEST(Certificate, HtmlHoldsTheFactsEscapedAndIsolated) {
    const QString html = sb::reports::certificateHtml(persianCertificate(), {});
    const std::string text = html.toStdString();
    EXPECT_NE(text.find("<bdi dir=\"auto\">سارا رضایی</bdi>"), std::string::npos);
    EXPECT_NE(text.find("<bdi dir=\"auto\">SSP &lt;basics&gt;</bdi>"), std::string::npos);
    EXPECT_EQ(text.find("<basics>"), std::string::npos);
    EXPECT_NE(text.find("strange-situation"), std::string::npos);
    EXPECT_NE(text.find("1.0.0"), std::string::npos);
    EXPECT_NE(text.find("distress (infant) 0.852"), std::string::npos);
    EXPECT_NE(text.find("2026-11-18"), std::string::npos);
    EXPECT_NE(text.find("dir=\"ltr\""), std::string::npos);
    EXPECT_EQ(text.find("Solar Hijri"), std::string::npos);

    const std::string rtl = sb::reports::certificateHtml(persianCertificate(), {true, true}).toStdString();
    EXPECT_NE(rtl.find("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"fa\" dir=\"rtl\">"),
              std::string::npos);
    EXPECT_NE(rtl.find("Solar Hijri"), std::string::npos);
    EXPECT_NE(rtl.find("۱۴۰۵"), std::string::npos) << rtl; // the Jalali year of 2026-11-18, Persian digits
}

TEST(Certificate, PdfIsAValidPdfWithTheText) {
    ScratchDir dir;
    const auto files = sb::reports::writeCertificate(persianCertificate(), {true, false}, dir.path() / "out");
    EXPECT_EQ(files.html.filename().string(), "certificate-سارا-رضایی-SSP--basics-.html");
    const std::string pdf = readAll(files.pdf);
    ASSERT_GT(pdf.size(), 1000U);
    EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
    EXPECT_NE(pdf.find("%%EOF"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(files.pdf.string() + ".part"));
    const auto text = dir.path() / "c.txt";
    ASSERT_EQ(std::system(
                  ("pdftotext -enc UTF-8 " + shellQuote(files.pdf.string()) + " " + shellQuote(text.string()))
                      .c_str()),
              0);
    const std::string words = readAll(text);
    EXPECT_NE(words.find("Reliability certi"), std::string::npos) << words;
    EXPECT_NE(words.find("Dr. Ahmadi"), std::string::npos) << words;
    EXPECT_NE(words.find("0.852"), std::string::npos) << words;
    EXPECT_NE(words.find("strange-situation"), std::string::npos) << words;
    // Persian is shaped: the PDF's text is the contextual forms of the letters (initial seen,
    // final alef: \uFEB3\uFE8E), not the isolated letters laid side by side. ("fi" may come
    // back as a ligature, hence "certi" above.)
    EXPECT_NE(words.find("\uFEB3\uFE8E\u0631\u0627"), std::string::npos) << words;
}

TEST(Certificate, AnUnwritableDirectoryIsAnErrorNamingIt) {
    ScratchDir dir;
    const auto blocker = dir.path() / "file";
    std::ofstream(blocker) << "x";
    try {
        static_cast<void>(sb::reports::writeCertificate(persianCertificate(), {}, blocker / "sub"));
        FAIL();
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(blocker.string()), std::string::npos) << e.what();
    }
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication application(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
