// CSV import and export: RFC 4180 details, the modifiers encoding, every kind of bad row
// (reported as FILE:ROW and leaving the project unchanged) and the export/import round trip.

#include "annotation/annotation_commands.h"
#include "annotation/io/annotation_transfer.h"
#include "annotation/io/csv.h"
#include "annotation/io/import_error.h"
#include "annotation/io/modifier_text.h"
#include "tests/annotation/test_support.h"

#include <gtest/gtest.h>

#include <sstream>

namespace sb::annotation {
namespace {

using io::ImportError;
using test::point;
using test::seconds;
using test::state;

const io::AnnotationFormat& csv() {
    return *io::findFormat("csv");
}

std::vector<std::vector<std::string>> readAll(std::string_view text) {
    io::CsvReader reader(text, "t.csv");
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> fields;
    while (reader.next(fields)) {
        records.push_back(fields);
    }
    return records;
}

TEST(Csv, ReadsRfc4180) {
    const auto records = readAll("\xEF\xBB\xBF"
                                 "a,b,c\r\n"
                                 "\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n"
                                 ",,\n"
                                 "\n"
                                 "last,row,no newline");
    ASSERT_EQ(records.size(), 4U);
    EXPECT_EQ(records[0], (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(records[1], (std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"}));
    EXPECT_EQ(records[2], (std::vector<std::string>{"", "", ""}));
    EXPECT_EQ(records[3], (std::vector<std::string>{"last", "row", "no newline"}));
}

TEST(Csv, ReportsSyntaxErrorsWithTheRow) {
    const auto rowOf = [](std::string_view text) {
        try {
            readAll(text);
        } catch (const ImportError& e) {
            return e.row();
        }
        return -1;
    };
    EXPECT_EQ(rowOf("a\n\"open"), 2);
    EXPECT_EQ(rowOf("a\nb\n\"x\"y"), 3);
    EXPECT_EQ(rowOf("a\nb\"c"), 2);
    EXPECT_EQ(rowOf("a\n\xC3\x28"), 2);     // invalid UTF-8
    EXPECT_EQ(rowOf("a\n\xED\xA0\x80"), 2); // a surrogate
}

TEST(Csv, WritesQuotingOnlyWhatNeedsIt) {
    std::ostringstream out;
    io::writeCsvRecord(out, {"plain", "a,b", "q\"q", "line\nbreak", "ünï"});
    EXPECT_EQ(out.str(), "plain,\"a,b\",\"q\"\"q\",\"line\nbreak\",ünï\r\n");
    EXPECT_EQ(readAll(out.str())[0],
              (std::vector<std::string>{"plain", "a,b", "q\"q", "line\nbreak", "ünï"}));
}

TEST(ModifierText, EncodesAndDecodesWithEscapes) {
    const Modifiers modifiers = {{"intensity", "high"}, {"note", "a;b=c\\d"}};
    const auto text = io::encodeModifiers(modifiers);
    EXPECT_EQ(text, "intensity=high;note=a\\;b\\=c\\\\d");
    EXPECT_EQ(io::decodeModifiers(text), modifiers);
    EXPECT_EQ(io::decodeModifiers(""), Modifiers{});
    EXPECT_EQ(io::decodeModifiers("note="), (Modifiers{{"note", ""}}));
    std::string why;
    for (const char* bad : {"note", "=x", "a=1;a=2", "a=1;", "a=b=c", "a=x\\", "a=\\n"}) {
        EXPECT_FALSE(io::decodeModifiers(bad, &why)) << bad;
        EXPECT_FALSE(why.empty());
    }
}

class CsvImportTest : public ::testing::Test {
protected:
    void SetUp() override {
        f = test::makeFixture(dir / "p.sbproj");
        auto& history = f.project->history();
        history.push(std::make_unique<AddAnnotation>(state(f, f.ana, "cry", 100, 110)));
    }

    io::ImportSummary import(const std::string& body, std::optional<CoderId> coder, bool replace = false) {
        return io::importAnnotationText(*f.project, f.session, csv(), body, "in.csv", {coder, replace});
    }

    std::string exported(std::optional<CoderId> coder) {
        std::ostringstream out;
        io::exportAnnotations(*f.project, f.session, coder, csv(), out);
        return out.str();
    }

    // Imports `body` as ana's and expects "in.csv:ROW: ..." containing `reason`, with the
    // project unchanged.
    void expectRejected(const std::string& body, int row, const std::string& reason) {
        const auto before = exported(std::nullopt);
        const auto count = f.project->store().annotationCount(Viewer::wholeProject());
        try {
            import(body, f.ana);
            ADD_FAILURE() << "imported; expected row " << row << ": " << reason;
        } catch (const ImportError& e) {
            const std::string message = e.what();
            EXPECT_EQ(message.rfind("in.csv:" + std::to_string(row) + ": ", 0), 0U) << message;
            EXPECT_NE(message.find(reason), std::string::npos) << message;
        }
        EXPECT_EQ(f.project->store().annotationCount(Viewer::wholeProject()), count);
        EXPECT_EQ(exported(std::nullopt), before);
    }

    test::ScratchDir dir;
    test::Fixture f;
};

const std::string kHeader = "code,subject,start,end,modifiers,comment\n";
const std::string kGood = "look,,1,2,,\n";

TEST_F(CsvImportTest, EachBadRowRejectsTheWholeFile) {
    expectRejected(kHeader + kGood + "sneeze,infant,3,4,,\n", 3, "unknown code 'sneeze'");
    expectRejected(kHeader + kGood + "look,dog,3,4,,\n", 3, "unknown subject 'dog'");
    expectRejected(kHeader + kGood + kGood + "look,,5,4,,\n", 4, "must come after the start");
    expectRejected(kHeader + "touch,,5,6,,\n", 2, "point event and takes no end");
    expectRejected(kHeader + kGood + "cry,infant,5,,,\n", 3, "state and needs an end");
    expectRejected(
        kHeader + "cry,infant,10,20,,\nfuss,infant,30,40,,\ncalm,infant,15,25,,\n", 4,
        "'calm' (15–25 s) would overlap 'cry' (10–20 s): both are in exclusive group 'distress' for "
        "subject 'infant' (row 2)");
    expectRejected(kHeader + "cry,infant,105,108,,\n", 2, "already in the session");
    expectRejected(kHeader + kGood + "look,,1.5s,2,,\n", 3, "bad start '1.5s'");
    expectRejected(kHeader + kGood + "look,,1,2.1234567,,\n", 3, "more than 6 decimal places");
    expectRejected(kHeader + kGood + "look,,1,2,\n", 3, "expected 6 fields, found 5");
    expectRejected(kHeader + kGood + "look,,1,2,,,\n", 3, "expected 6 fields, found 7");
    expectRejected("code,subject,begin,end,modifiers,comment\n" + kGood, 1, "the header must be exactly");
    expectRejected(kHeader + "cry,infant,1,2,intensity=medium,\n", 2, "not a value of modifier 'intensity'");
    expectRejected(kHeader + "cry,infant,1,2,intensity,\n", 2, "bad modifiers 'intensity'");
    expectRejected(kHeader + kGood + "look,,1,2,,\"unclosed\n", 3, "never closed");
    expectRejected(kHeader + kGood + "look,,1,2,,caf\xE9\n", 3, "not valid UTF-8");
    expectRejected(kHeader + ",,1,2,,\n", 2, "empty code");
    expectRejected("coder," + kHeader + "zoe,look,,1,2,,\n", 2, "unknown coder 'zoe'");
    expectRejected("coder," + kHeader + "ben,look,,1,2,,\n", 2, "the row is by coder 'ben'");
}

TEST_F(CsvImportTest, EmptyFileAndMissingCoderAreReported) {
    EXPECT_THROW(import("", f.ana), ImportError);
    EXPECT_THROW(import(kHeader + kGood, std::nullopt), ImportError);
    EXPECT_THROW(io::importAnnotations(*f.project, f.session, csv(), dir / "missing.csv", {f.ana, false}),
                 ImportError);
}

TEST_F(CsvImportTest, ExportThenImportReproducesTheAnnotations) {
    auto& store = f.project->store();
    const std::string body = kHeader + "cry,infant,0.000001,1.5,intensity=high,\"comma, \"\"quote\"\"\n"
                                       "and newline\"\n"
                                       "fuss,infant,1.5,2.25,,ünïcødé ✓\n"
                                       "touch,,2,,count=3;note=a\\;b\\=c\\\\d,\n"
                                       "touch,mother,2,,,same start as the one before\n"
                                       "look,mother,2,86400.999999,,\n";
    EXPECT_EQ(import(body, f.ben).imported, 5U);
    AnnotationFilter bens{f.session};
    bens.coder = f.ben;
    const auto original = store.annotations(Viewer::wholeProject(), bens);
    const auto text = exported(f.ben);
    EXPECT_EQ(text.substr(0, kHeader.size() + 1), "code,subject,start,end,modifiers,comment\r\n");

    // Into a second session of the same project, and into a fresh project.
    const auto s2 = store.addSession("S2", {});
    io::importAnnotationText(*f.project, s2, csv(), text, "exported.csv", {f.ben, false});
    AnnotationFilter copy{s2};
    const auto copied = store.annotations(Viewer::wholeProject(), copy);
    ASSERT_EQ(copied.size(), original.size());
    for (std::size_t i = 0; i < original.size(); ++i) {
        EXPECT_TRUE(sameContent(copied[i], original[i])) << i;
        EXPECT_EQ(copied[i].coder, f.ben);
    }
    std::ostringstream again;
    io::exportAnnotations(*f.project, s2, f.ben, csv(), again);
    EXPECT_EQ(again.str(), text); // byte for byte
}

TEST_F(CsvImportTest, AllCodersExportNamesTheCoderAndImportsBack) {
    import(kHeader + "look,,1,2,,by ben\n", f.ben);
    const auto text = exported(std::nullopt);
    EXPECT_EQ(text, "coder,code,subject,start,end,modifiers,comment\r\n"
                    "ben,look,,1,2,,by ben\r\n"
                    "ana,cry,infant,100,110,,\r\n");
    const auto s2 = f.project->store().addSession("S2", {});
    io::importAnnotationText(*f.project, s2, csv(), text, "all.csv", {std::nullopt, false});
    EXPECT_EQ(f.project->store().annotationCount(Viewer::wholeProject(), s2, f.ana), 1);
    EXPECT_EQ(f.project->store().annotationCount(Viewer::wholeProject(), s2, f.ben), 1);
}

TEST_F(CsvImportTest, ReplaceSwapsOneCodersWork) {
    EXPECT_THROW(import(kHeader + "fuss,infant,105,120,,\n", f.ana), ImportError);
    import(kHeader + "look,,1,2,,\n", f.ben);
    const auto summary = import(kHeader + "fuss,infant,105,120,,\n", f.ana, true);
    EXPECT_EQ(summary.replaced, 1);
    EXPECT_EQ(summary.imported, 1U);
    EXPECT_EQ(exported(std::nullopt), "coder,code,subject,start,end,modifiers,comment\r\n"
                                      "ben,look,,1,2,,\r\n"
                                      "ana,fuss,infant,105,120,,\r\n");
}

} // namespace
} // namespace sb::annotation
