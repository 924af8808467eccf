// Tidy TSV (both ways), the wide per-unit table, the summary, SDIS and BORIS's events table:
// exact expected text for a small session, and the same bytes whatever the C++ locale.

#include "annotation/annotation_commands.h"
#include "annotation/io/annotation_transfer.h"
#include "annotation/io/import_error.h"
#include "tests/interchange/interchange_support.h"

#include <gtest/gtest.h>

#include <locale>
#include <sstream>

namespace sb::annotation {
namespace {

class TablesTest : public ::testing::Test {
protected:
    void SetUp() override {
        f = test::makeFixture(dir / "p.sbproj");
        auto& history = f.project->history();
        auto cry = test::state(f, f.ana, "cry", 1.5, 3.25);
        cry.modifiers = {{"intensity", "high"}};
        cry.comment = "loud\tat door";
        history.push(std::make_unique<AddAnnotation>(cry));
        history.push(std::make_unique<AddAnnotation>(test::state(f, f.ana, "fuss", 3.25, 5)));
        history.push(std::make_unique<AddAnnotation>(test::state(f, f.ana, "look", 2, 6, "mother")));
        auto touch = test::point(f, f.ana, "touch", 4.2);
        touch.modifiers = {{"count", "3"}};
        history.push(std::make_unique<AddAnnotation>(touch));
        history.push(std::make_unique<AddAnnotation>(test::state(f, f.ben, "calm", 0, 2.5)));
        history.push(std::make_unique<AddAnnotation>(test::state(f, f.ben, "cry", 2.5, 4.000001)));
    }

    std::string exported(const std::string& format, Microseconds unit = Microseconds{1'000'000},
                         std::optional<CoderId> coder = std::nullopt) {
        std::ostringstream out;
        io::ExportRequest request;
        request.unit = unit;
        request.coder = coder;
        (void)io::exportSessions(*f.project, *io::findFormat(format), request, out);
        return out.str();
    }

    test::ScratchDir dir;
    test::Fixture f;
};

TEST_F(TablesTest, TsvIsTheCsvColumnsTabSeparatedBothWays) {
    const auto tsv = exported("tsv");
    EXPECT_EQ(tsv, "coder\tcode\tsubject\tstart\tend\tmodifiers\tcomment\r\n"
                   "ben\tcalm\tinfant\t0\t2.5\t\t\r\n"
                   "ana\tcry\tinfant\t1.5\t3.25\tintensity=high\t\"loud\tat door\"\r\n"
                   "ana\tlook\tmother\t2\t6\t\t\r\n"
                   "ben\tcry\tinfant\t2.5\t4.000001\t\t\r\n"
                   "ana\tfuss\tinfant\t3.25\t5\t\t\r\n"
                   "ana\ttouch\t\t4.2\t\tcount=3\t\r\n");
    auto& store = f.project->store();
    const auto s2 = store.addSession("S2", {});
    const auto summary = io::importAnnotationText(*f.project, s2, *io::findFormat("tsv"), tsv, "t.tsv", {});
    EXPECT_EQ(summary.imported, 6U);
    EXPECT_EQ(test::sessionCsv(*f.project, "S2"), test::sessionCsv(*f.project, "S1"));
    const auto error = test::errorOf([&] {
        (void)io::importAnnotationText(*f.project, s2, *io::findFormat("tsv"), "code,subject\r\n", "b.tsv",
                                       {});
    });
    EXPECT_NE(error.find("b.tsv:1: the header must be exactly"), std::string::npos) << error;
}

TEST_F(TablesTest, WideHoldsTheCodeActiveAtEachUnitsStart) {
    EXPECT_EQ(exported("wide", Microseconds{1'000'000}),
              "session,time,ana:distress@infant,ana:look@mother,ben:distress@infant\r\n"
              "S1,0,,,calm\r\n"
              "S1,1,,,calm\r\n"
              "S1,2,cry,look,calm\r\n"
              "S1,3,cry,look,cry\r\n"
              "S1,4,fuss,look,cry\r\n" // ben's cry ends 1 µs after 4: still active at 4
              "S1,5,,look,\r\n");
    EXPECT_EQ(exported("wide", Microseconds{2'500'000}, f.ana), "session,time,distress@infant,look@mother\r\n"
                                                                "S1,0,,\r\n"
                                                                "S1,2.5,cry,look\r\n"
                                                                "S1,5,,look\r\n");
}

TEST_F(TablesTest, SummaryCountsDurationsAndLatencies) {
    EXPECT_EQ(exported("summary"), "session,coder,code,kind,count,total_duration,mean_duration,latency\r\n"
                                   "S1,ana,cry,state,1,1.75,1.75,1.5\r\n"
                                   "S1,ana,fuss,state,1,1.75,1.75,3.25\r\n"
                                   "S1,ana,calm,state,0,0,,\r\n"
                                   "S1,ana,look,state,1,4,4,2\r\n"
                                   "S1,ana,touch,point,1,,,4.2\r\n"
                                   "S1,ben,cry,state,1,1.500001,1.500001,2.5\r\n"
                                   "S1,ben,fuss,state,0,0,,\r\n"
                                   "S1,ben,calm,state,1,2.5,2.5,0\r\n"
                                   "S1,ben,look,state,0,0,,\r\n"
                                   "S1,ben,touch,point,0,,,\r\n");
}

TEST_F(TablesTest, SdisIsTimedEventDataPerSessionAndCoder) {
    EXPECT_EQ(exported("sdis"),
              "% SDIS timed-event data written by SecureBase: one session per recording and coder,\n"
              "% times in seconds from the session start\n"
              "Timed infant_calm infant_cry infant_fuss mother_look touch ;\n"
              "\n"
              "<S1 ana>\n"
              ",0 infant_cry,1.5-3.25 mother_look,2-6 infant_fuss,3.25-5 touch,4.2 ,6.001/\n"
              "\n"
              "<S1 ben>\n"
              ",0 infant_calm,0-2.5 infant_cry,2.5-4 ,4.001/\n");
}

TEST_F(TablesTest, BorisEventsIsTheAggregatedTable) {
    const auto text = exported("boris-events", Microseconds{1'000'000}, f.ana);
    std::istringstream lines(text);
    std::string header;
    std::getline(lines, header);
    EXPECT_EQ(header,
              "Observation id\tObservation date\tDescription\tMedia file\tTotal length\tFPS\tSubject\t"
              "Behavior\tBehavioral category\tModifiers\tBehavior type\tStart (s)\tStop (s)\tDuration (s)\t"
              "Comment start\tComment stop\r");
    EXPECT_NE(
        text.find("\tcam1.mp4\tNA\tNA\tinfant\tcry\t\thigh\tSTATE\t1.5\t3.25\t1.75\t\"loud\tat door\"\t\r\n"),
        std::string::npos)
        << text;
    EXPECT_NE(text.find("\t\ttouch\t\tNone|3\tPOINT\t4.2\t4.2\tNA\t\t\r\n"), std::string::npos) << text;
}

// A locale whose decimal point is ',' and that groups thousands, as a German system's is.
struct CommaDecimal : std::numpunct<char> {
    char do_decimal_point() const override { return ','; }
    char do_thousands_sep() const override { return '.'; }
    std::string do_grouping() const override { return "\3"; }
};

TEST_F(TablesTest, NumbersAreTheSameWhateverTheLocale) {
    std::vector<std::string> before;
    for (const auto* format : {"wide", "summary", "sdis", "tsv", "boris-events", "eaf"}) {
        before.push_back(exported(format));
    }
    const auto previous = std::locale::global(std::locale(std::locale::classic(), new CommaDecimal));
    std::size_t i = 0;
    for (const auto* format : {"wide", "summary", "sdis", "tsv", "boris-events", "eaf"}) {
        EXPECT_EQ(exported(format), before[i++]) << format;
    }
    std::locale::global(previous);
}

TEST_F(TablesTest, OneSessionFormatsRefuseSeveral) {
    f.project->store().addSession("S2", {});
    const auto error = test::errorOf([&] { (void)exported("tsv"); });
    EXPECT_NE(error.find("the tsv format holds one session"), std::string::npos) << error;
    EXPECT_EQ(exported("summary").find("S2"), std::string::npos); // nobody coded S2: no rows
}

} // namespace
} // namespace sb::annotation
