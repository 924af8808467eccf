// ELAN import and export: hand-written EAF 2.7 and 3.0 files covering both tier mappings,
// unaligned slots, reference tiers, controlled vocabularies and media; every kind of bad
// input (the project unchanged after each); the export/import round trip; the real samples.

#include "annotation/annotation_commands.h"
#include "annotation/io/annotation_transfer.h"
#include "annotation/io/eaf_document.h"
#include "annotation/io/eaf_import.h"
#include "annotation/io/import_error.h"
#include "tests/interchange/interchange_support.h"

#include <gtest/gtest.h>

#include <sstream>

namespace sb::annotation {
namespace {

using io::EafImportOptions;
using io::TierMapping;
using test::errorOf;
using test::seconds;

// Coders as tiers (one by ANNOTATOR), participants as subjects, a 2.8+ vocabulary, two media.
const char* kCoderTiers = R"eaf(<?xml version="1.0" encoding="UTF-8"?>
<ANNOTATION_DOCUMENT AUTHOR="" DATE="2024-01-01T12:00:00+00:00" FORMAT="3.0" VERSION="3.0">
    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">
        <MEDIA_DESCRIPTOR MEDIA_URL="file:///elsewhere/clip.mp4" MIME_TYPE="video/mp4" RELATIVE_MEDIA_URL="./media/clip.mp4"/>
        <MEDIA_DESCRIPTOR MEDIA_URL="file:///abs/side%20cam.mp4" MIME_TYPE="video/mp4" TIME_ORIGIN="1500"/>
        <PROPERTY NAME="lastUsedAnnotationId">4</PROPERTY>
    </HEADER>
    <TIME_ORDER>
        <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="1000"/>
        <TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="2500"/>
        <TIME_SLOT TIME_SLOT_ID="ts3" TIME_VALUE="4000"/>
        <TIME_SLOT TIME_SLOT_ID="ts4" TIME_VALUE="4200"/>
        <TIME_SLOT TIME_SLOT_ID="ts5" TIME_VALUE="4201"/>
    </TIME_ORDER>
    <TIER LINGUISTIC_TYPE_REF="distress" PARTICIPANT="infant" TIER_ID="ana">
        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2">
            <ANNOTATION_VALUE>cry</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="ts2" TIME_SLOT_REF2="ts3">
            <ANNOTATION_VALUE>fuss</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="distress" PARTICIPANT="Infant" TIER_ID="ben">
        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a3" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts3">
            <ANNOTATION_VALUE>Calm</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
    </TIER>
    <TIER ANNOTATOR="ana" LINGUISTIC_TYPE_REF="plain" TIER_ID="ana points">
        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a4" TIME_SLOT_REF1="ts4" TIME_SLOT_REF2="ts5">
            <ANNOTATION_VALUE>touch</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="plain" TIER_ID="empty"/>
    <LINGUISTIC_TYPE CONTROLLED_VOCABULARY_REF="distress" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="distress" TIME_ALIGNABLE="true"/>
    <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="plain" TIME_ALIGNABLE="true"/>
    <LANGUAGE LANG_DEF="http://cdb.iso.org/lg/CDB-00130975-001" LANG_ID="und" LANG_LABEL="undetermined (und)"/>
    <CONTROLLED_VOCABULARY CV_ID="distress">
        <DESCRIPTION LANG_REF="und">Distress</DESCRIPTION>
        <CV_ENTRY_ML CVE_ID="c1"><CVE_VALUE DESCRIPTION="Crying" LANG_REF="und">cry</CVE_VALUE></CV_ENTRY_ML>
        <CV_ENTRY_ML CVE_ID="c2"><CVE_VALUE DESCRIPTION="Fussing" LANG_REF="und">fuss</CVE_VALUE></CV_ENTRY_ML>
        <CV_ENTRY_ML CVE_ID="c3"><CVE_VALUE DESCRIPTION="Calm" LANG_REF="und">calm</CVE_VALUE></CV_ENTRY_ML>
    </CONTROLLED_VOCABULARY>
</ANNOTATION_DOCUMENT>
)eaf";

// EAF 2.7: old-style CV, four unaligned slots in a Time_Subdivision chain (8000..11000 ->
// 8600, 9200, 9800, 10400 as ELAN places them), a Symbolic_Association and a
// Symbolic_Subdivision whose XML order differs from its PREVIOUS_ANNOTATION chain.
const char* kOldFile = R"eaf(<?xml version="1.0" encoding="UTF-8"?>
<ANNOTATION_DOCUMENT AUTHOR="" DATE="2011-01-01T12:00:00+01:00" FORMAT="2.7" VERSION="2.7">
    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>
    <TIME_ORDER>
        <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="8000"/>
        <TIME_SLOT TIME_SLOT_ID="ts2"/>
        <TIME_SLOT TIME_SLOT_ID="ts3"/>
        <TIME_SLOT TIME_SLOT_ID="ts4"/>
        <TIME_SLOT TIME_SLOT_ID="ts5"/>
        <TIME_SLOT TIME_SLOT_ID="ts6" TIME_VALUE="11000"/>
    </TIME_ORDER>
    <TIER DEFAULT_LOCALE="en" LINGUISTIC_TYPE_REF="utterance" TIER_ID="look">
        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts6">
            <ANNOTATION_VALUE>long &apos;look&apos;</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="phases" PARENT_REF="look" TIER_ID="parts">
        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2"><ANNOTATION_VALUE>p1</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a3" TIME_SLOT_REF1="ts2" TIME_SLOT_REF2="ts3"><ANNOTATION_VALUE>p2</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a4" TIME_SLOT_REF1="ts3" TIME_SLOT_REF2="ts4"><ANNOTATION_VALUE>p3</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a5" TIME_SLOT_REF1="ts4" TIME_SLOT_REF2="ts5"><ANNOTATION_VALUE>p2</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a6" TIME_SLOT_REF1="ts5" TIME_SLOT_REF2="ts6"><ANNOTATION_VALUE>p1</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="note" PARENT_REF="look" TIER_ID="gloss">
        <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="a7" ANNOTATION_REF="a1"><ANNOTATION_VALUE>a note</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="words" PARENT_REF="look" TIER_ID="words">
        <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="w3" ANNOTATION_REF="a1" PREVIOUS_ANNOTATION="w2"><ANNOTATION_VALUE>three</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>
        <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="w1" ANNOTATION_REF="a1"><ANNOTATION_VALUE>one</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>
        <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="w2" ANNOTATION_REF="a1" PREVIOUS_ANNOTATION="w1"><ANNOTATION_VALUE>two</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>
    </TIER>
    <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="utterance" TIME_ALIGNABLE="true"/>
    <LINGUISTIC_TYPE CONSTRAINTS="Time_Subdivision" CONTROLLED_VOCABULARY_REF="phase" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="phases" TIME_ALIGNABLE="true"/>
    <LINGUISTIC_TYPE CONSTRAINTS="Symbolic_Association" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="note" TIME_ALIGNABLE="false"/>
    <LINGUISTIC_TYPE CONSTRAINTS="Symbolic_Subdivision" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="words" TIME_ALIGNABLE="false"/>
    <LOCALE COUNTRY_CODE="US" LANGUAGE_CODE="en"/>
    <CONSTRAINT DESCRIPTION="Time subdivision" STEREOTYPE="Time_Subdivision"/>
    <CONTROLLED_VOCABULARY CV_ID="phase" DESCRIPTION="Look phases">
        <CV_ENTRY DESCRIPTION="first phase">p1</CV_ENTRY>
        <CV_ENTRY DESCRIPTION="second phase">p2</CV_ENTRY>
        <CV_ENTRY DESCRIPTION="third phase">p3</CV_ENTRY>
    </CONTROLLED_VOCABULARY>
</ANNOTATION_DOCUMENT>
)eaf";

class EafTest : public ::testing::Test {
protected:
    void SetUp() override { f = test::makeFixture(dir / "p.sbproj"); }

    std::filesystem::path file(const std::string& name, const std::string& text) {
        const auto path = dir / name;
        test::writeFile(path, text);
        return path;
    }

    // The error an import of `text` gives; the project must be unchanged by it.
    std::string importError(const std::string& text, EafImportOptions options = {}) {
        const auto path = file("bad.eaf", text);
        const auto before = test::snapshot(*f.project);
        const auto error = errorOf([&] { (void)io::importEaf(*f.project, path, options); });
        EXPECT_EQ(test::snapshot(*f.project), before) << error;
        EXPECT_NE(error.find("bad.eaf"), std::string::npos) << error;
        return error;
    }

    test::ScratchDir dir;
    test::Fixture f;
};

TEST_F(EafTest, CoderMappingReadsTiersVocabulariesParticipantsAndMedia) {
    const auto path = file("t.eaf", kCoderTiers);
    const auto summary = io::importEaf(*f.project, path, {});
    EXPECT_EQ(summary.session, "t");
    EXPECT_TRUE(summary.sessionCreated);
    EXPECT_EQ(summary.annotations, 4U);
    EXPECT_TRUE(summary.codersAdded.empty()); // ana and ben exist
    auto& store = f.project->store();
    const auto session = store.sessionNamed("t");
    ASSERT_EQ(session.media.size(), 2U);
    EXPECT_EQ(session.media[0].path, (dir.path() / "media/clip.mp4").string()); // RELATIVE_MEDIA_URL wins
    EXPECT_EQ(session.media[0].offset, Microseconds{0});
    EXPECT_EQ(session.media[1].path, "/abs/side cam.mp4");
    EXPECT_EQ(session.media[1].offset, seconds(-1.5)); // TIME_ORIGIN 1500 ms
    EXPECT_EQ(test::sessionCsv(*f.project, "t"), "coder,code,subject,start,end,modifiers,comment\r\n"
                                                 "ana,cry,infant,1,2.5,,\r\n"
                                                 "ben,calm,infant,1,4,,\r\n"
                                                 "ana,fuss,infant,2.5,4,,\r\n"
                                                 "ana,touch,,4.2,,,\r\n"); // a point code: its begin
}

TEST_F(EafTest, ReadsUnalignedSlotsAndReferenceTiersAsElanPlacesThem) {
    const auto document = io::readEaf(kOldFile, "old.eaf");
    EXPECT_EQ(document.format, "2.7");
    ASSERT_EQ(document.tiers.size(), 4U);
    const auto& parts = document.tiers[1].annotations;
    ASSERT_EQ(parts.size(), 5U);
    const std::int64_t expected[] = {8000, 8600, 9200, 9800, 10400, 11000};
    for (std::size_t i = 0; i < parts.size(); ++i) {
        EXPECT_EQ(parts[i].start, Microseconds{expected[i] * 1000}) << i;
        EXPECT_EQ(parts[i].end, Microseconds{expected[i + 1] * 1000}) << i;
    }
    const auto& gloss = document.tiers[2].annotations;
    EXPECT_EQ(gloss[0].start, seconds(8));
    EXPECT_EQ(gloss[0].end, seconds(11));
    const auto& words = document.tiers[3].annotations; // sorted by time once resolved
    ASSERT_EQ(words.size(), 3U);
    EXPECT_EQ(words[0].value, "one");
    EXPECT_EQ(words[1].value, "two");
    EXPECT_EQ(words[2].value, "three");
    EXPECT_EQ(words[1].start, seconds(9));
    EXPECT_EQ(words[1].end, seconds(10));
    EXPECT_EQ(document.tiers[0].annotations[0].value, "long 'look'");
    ASSERT_EQ(document.vocabularies.size(), 1U);
    EXPECT_EQ(document.vocabularies[0].entries[1].id, "cveid1"); // made up, as pympi does
    EXPECT_EQ(document.vocabularies[0].entries[1].value, "p2");
    EXPECT_EQ(document.vocabularies[0].entries[1].description, "second phase");
}

TEST_F(EafTest, CodeMappingMakesTierNamesCodesAndValuesComments) {
    const auto path = file("old.eaf", kOldFile);
    EafImportOptions options;
    options.mapping = TierMapping::Code;
    options.coder = "ana";
    options.tiers = {"look"};
    options.session = "S1";
    const auto summary = io::importEaf(*f.project, path, options);
    EXPECT_FALSE(summary.sessionCreated);
    EXPECT_EQ(test::sessionCsv(*f.project, "S1"), "coder,code,subject,start,end,modifiers,comment\r\n"
                                                  "ana,look,,8,11,,long 'look'\r\n");
}

TEST_F(EafTest, UnknownCodesAreListedOrAddedAsANewSchemeVersion) {
    EafImportOptions options;
    options.mapping = TierMapping::Code;
    options.coder = "ana";
    const auto error = importError(kOldFile, options);
    EXPECT_NE(error.find("3 codes are not in scheme test-scheme 1.0.0: 'parts'"), std::string::npos) << error;
    EXPECT_NE(error.find("'gloss'"), std::string::npos) << error;
    EXPECT_NE(error.find("'words'"), std::string::npos) << error;
    EXPECT_NE(error.find("--add-codes"), std::string::npos) << error;

    options.addCodes = true;
    const auto before = f.project->store().currentSchemeVersion();
    const auto summary = io::importEaf(*f.project, file("old.eaf", kOldFile), options);
    EXPECT_EQ(summary.annotations, 10U);
    EXPECT_EQ(summary.codesAdded, (std::vector<std::string>{"parts", "gloss", "words"}));
    EXPECT_NE(f.project->store().currentSchemeVersion(), before);
    EXPECT_EQ(f.project->scheme().version, "1.0.0+codes.1");
    EXPECT_NE(f.project->scheme().code("words"), nullptr);
    EXPECT_NE(f.project->scheme().group("distress"), nullptr); // the rest of the scheme is kept
}

TEST_F(EafTest, CreatesAProjectWhoseSchemeComesFromTheVocabularies) {
    io::EafImportSummary summary;
    auto project = io::createProjectFromEaf(dir / "new.sbproj", file("t.eaf", kCoderTiers), {}, &summary);
    const auto& scheme = project->scheme();
    EXPECT_EQ(scheme.id, "t");
    ASSERT_EQ(scheme.groups.size(), 1U); // the vocabulary is a group
    EXPECT_EQ(scheme.groups[0].codeIds, (std::vector<std::string>{"cry", "fuss", "calm"}));
    EXPECT_EQ(scheme.code("cry")->description.text, "Crying");
    EXPECT_NE(scheme.code("Calm"), nullptr); // a value outside the vocabulary
    EXPECT_NE(scheme.subject("infant"), nullptr);
    EXPECT_NE(scheme.subject("Infant"), nullptr);
    EXPECT_EQ(summary.annotations, 4U);
    EXPECT_EQ(summary.codersAdded, (std::vector<std::string>{"ana", "ben"}));

    // A failed creation leaves no file behind.
    const auto broken = file("broken.eaf", "<ANNOTATION_DOCUMENT FORMAT=\"3.0\"><TIER TIER_ID=\"x\"");
    EXPECT_FALSE(errorOf([&] { (void)io::createProjectFromEaf(dir / "none.sbproj", broken, {}); }).empty());
    EXPECT_FALSE(std::filesystem::exists(dir / "none.sbproj"));
    std::string zero = kCoderTiers;
    zero.replace(zero.find("TIME_SLOT_REF2=\"ts2\""), 20, "TIME_SLOT_REF2=\"ts1\"");
    const auto zeroFile = file("zero.eaf", zero);
    EXPECT_NE(errorOf([&] {
                  (void)io::createProjectFromEaf(dir / "none.sbproj", zeroFile, {});
              }).find("takes no time"),
              std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(dir / "none.sbproj"));
}

TEST_F(EafTest, ExportThenImportGivesTheSameAnnotations) {
    auto& history = f.project->history();
    auto cry = test::state(f, f.ana, "cry", 1.5, 3.25);
    cry.modifiers = {{"intensity", "high"}};
    cry.comment = "loud, at \"door\" <ok> & more";
    history.push(std::make_unique<AddAnnotation>(cry));
    history.push(std::make_unique<AddAnnotation>(test::state(f, f.ana, "fuss", 3.25, 5)));
    history.push(std::make_unique<AddAnnotation>(test::state(f, f.ana, "look", 2, 6, "mother")));
    history.push(std::make_unique<AddAnnotation>(test::state(f, f.ana, "look", 2.5, 7, std::nullopt)));
    auto touch = test::point(f, f.ben, "touch", 4.2);
    touch.modifiers = {{"note", "a;b=c"}, {"count", "3"}};
    history.push(std::make_unique<AddAnnotation>(touch));
    history.push(std::make_unique<AddAnnotation>(test::state(f, f.ben, "calm", 0, 2.5)));

    std::ostringstream eaf;
    io::exportAnnotations(*f.project, f.session, std::nullopt, *io::findFormat("eaf"), eaf);
    const auto text = eaf.str();
    EXPECT_NE(text.find("<TIER ANNOTATOR=\"ana\" LINGUISTIC_TYPE_REF=\"securebase-distress\" "
                        "PARTICIPANT=\"infant\" TIER_ID=\"ana:distress@infant\">"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("TIER_ID=\"ana:distress@infant#modifiers\""), std::string::npos);
    EXPECT_NE(text.find("<CVE_VALUE DESCRIPTION=\"Cry\" LANG_REF=\"und\">cry</CVE_VALUE>"),
              std::string::npos);
    EXPECT_NE(text.find("TIME_ORIGIN=\"1500\""), std::string::npos); // cam2 at -1.5 s
    EXPECT_NE(text.find("TIME_VALUE=\"4201\""), std::string::npos);  // the point lasts 1 ms

    EafImportOptions options;
    options.session = "S2";
    const auto summary = io::importEafText(*f.project, text, "export.eaf", dir.path(), options);
    EXPECT_EQ(summary.annotations, 6U);
    EXPECT_EQ(test::sessionCsv(*f.project, "S2"), test::sessionCsv(*f.project, "S1"));

    // Exporting the imported session gives the same document apart from the media and date.
    std::ostringstream again;
    io::exportAnnotations(*f.project, f.project->store().sessionNamed("S2").id, std::nullopt,
                          *io::findFormat("eaf"), again);
    const auto tiers = [](const std::string& t) { return t.substr(t.find("<TIME_ORDER>")); };
    EXPECT_EQ(tiers(again.str()), tiers(text));
}

TEST_F(EafTest, MalformedXmlIsReportedWithLineAndColumn) {
    const auto error = importError("<?xml version=\"1.0\"?>\n<ANNOTATION_DOCUMENT FORMAT=\"3.0\">\n<HEADER>\n"
                                   "<TIER TIER_ID=\"x\" LINGUISTIC_TYPE_REF=\"t\">\n</HEADER>\n");
    EXPECT_NE(error.find("bad.eaf:5: malformed XML at column"), std::string::npos) << error;
}

TEST_F(EafTest, OtherFilesAreNotTakenForEaf) {
    EXPECT_NE(importError("{\"behaviors_conf\": {}}").find("bad.eaf:1: malformed XML"), std::string::npos);
    EXPECT_NE(importError("").find("not an XML file"), std::string::npos);
    const auto error = importError("<?xml version=\"1.0\"?>\n<html><body/></html>");
    EXPECT_NE(error.find("bad.eaf:2: not an ELAN file: the root element is <html>"), std::string::npos)
        << error;
}

TEST_F(EafTest, DoctypesAndEntityTricksAreRefused) {
    const std::string laughs =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
        " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n]>\n"
        "<ANNOTATION_DOCUMENT FORMAT=\"3.0\"><TIER TIER_ID=\"&lol3;\"/></ANNOTATION_DOCUMENT>";
    EXPECT_NE(importError(laughs).find("a DOCTYPE (with its entity declarations) is not allowed"),
              std::string::npos);
    const std::string external =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY xxe SYSTEM "
        "\"file:///etc/passwd\">]>\n<ANNOTATION_DOCUMENT>&xxe;</ANNOTATION_DOCUMENT>";
    EXPECT_NE(importError(external).find("DOCTYPE"), std::string::npos);
    const std::string undeclared =
        "<?xml version=\"1.0\"?>\n<ANNOTATION_DOCUMENT>&xxe;</ANNOTATION_DOCUMENT>";
    const auto error = importError(undeclared);
    EXPECT_NE(error.find("bad.eaf:2:"), std::string::npos) << error;
    EXPECT_NE(error.find("xxe"), std::string::npos) << error;
}

TEST_F(EafTest, BadTimesAndReferencesNameTheLine) {
    std::string text = kCoderTiers;
    auto broken = text;
    broken.replace(broken.find("TIME_VALUE=\"2500\""), 17, "TIME_VALUE=\"-5\"");
    EXPECT_NE(importError(broken).find("bad.eaf:10: TIME_VALUE '-5' is not a whole, non-negative number"),
              std::string::npos);
    broken = text;
    broken.replace(broken.find("TIME_VALUE=\"2500\""), 17, "TIME_VALUE=\"2.5\"");
    EXPECT_NE(importError(broken).find("TIME_VALUE '2.5'"), std::string::npos);
    broken = text;
    broken.replace(broken.find("TIME_SLOT_REF2=\"ts2\""), 20, "TIME_SLOT_REF2=\"ts9\"");
    EXPECT_NE(importError(broken).find("bad.eaf:16: annotation 'a1' names the time slot 'ts9'"),
              std::string::npos);
    broken = text;
    broken.replace(broken.find("TIME_SLOT_REF1=\"ts2\""), 20, "TIME_SLOT_REF1=\"ts5\"");
    EXPECT_NE(importError(broken).find("annotation 'a2' ends (4000 ms) before it begins (4201 ms)"),
              std::string::npos);
    broken = text;
    broken.replace(broken.find("LINGUISTIC_TYPE_REF=\"plain\" TIER_ID=\"empty\""), 27,
                   "LINGUISTIC_TYPE_REF=\"nope\"");
    EXPECT_NE(importError(broken).find("names the linguistic type 'nope'"), std::string::npos);
}

TEST_F(EafTest, RuleBreakingAnnotationsAreRefused) {
    std::string text = kCoderTiers;
    // Two tiers of ana for the infant whose states of one exclusive group overlap.
    auto overlap = text;
    overlap.replace(overlap.find("TIER_ID=\"ben\""), 13, "ANNOTATOR=\"ana\" TIER_ID=\"ben\"");
    const auto error = importError(overlap);
    EXPECT_NE(error.find("both are in exclusive group 'distress'"), std::string::npos) << error;
    auto zero = text;
    zero.replace(zero.find("TIME_SLOT_REF2=\"ts2\""), 20, "TIME_SLOT_REF2=\"ts1\"");
    EXPECT_NE(importError(zero).find("bad.eaf:16: annotation 'a1' on tier 'ana' takes no time"),
              std::string::npos);
    auto empty = text;
    empty.replace(empty.find("<ANNOTATION_VALUE>fuss"), 22, "<ANNOTATION_VALUE>");
    EXPECT_NE(importError(empty).find("has an empty value"), std::string::npos);
    auto unknown = text;
    unknown.replace(unknown.find(">fuss<"), 6, ">walk<");
    EXPECT_NE(importError(unknown).find("1 code is not in scheme test-scheme 1.0.0: 'walk' (line 18)"),
              std::string::npos);
    EafImportOptions tiers;
    tiers.tiers = {"carol"};
    EXPECT_NE(importError(text, tiers).find("no tier 'carol' (the file has 'ana', 'ben'"), std::string::npos);
}

TEST_F(EafTest, MediaOutsideTheMediaRootAreRefused) {
    EafImportOptions options;
    options.mediaRoot = dir.path();
    std::string text = kCoderTiers;
    // The absolute second file lies outside the root.
    EXPECT_NE(importError(text, options)
                  .find("bad.eaf:5: MEDIA_DESCRIPTOR: the media file '/abs/side cam.mp4' is "
                        "outside the media root"),
              std::string::npos);
    auto climbing = text;
    climbing.replace(climbing.find("./media/clip.mp4"), 16, "../../../../etc/clip.mp4");
    climbing.replace(climbing.find("file:///abs/side%20cam.mp4"), 26, "media/side.mp4");
    EXPECT_NE(importError(climbing, options).find("'../../../../etc/clip.mp4' is outside the media root"),
              std::string::npos);
    auto remote = text;
    remote.replace(remote.find("file:///abs/side%20cam.mp4"), 26, "http://example.org/x.mp4");
    EXPECT_NE(importError(remote).find("'http://example.org/x.mp4' is not a local file"), std::string::npos);

    auto inside = text;
    inside.replace(inside.find("file:///abs/side%20cam.mp4"), 26, "media/side.mp4");
    const auto summary = io::importEaf(*f.project, file("ok.eaf", inside), options);
    EXPECT_EQ(summary.media, 2U);
}

// Every real ELAN file in the shared samples imports with the code mapping (they are
// linguistic transcriptions: tiers are kinds, values are text).
TEST(EafSamples, EveryRealFileImports) {
    const std::pair<const char*, std::size_t> files[] = {{"eaf/example.eaf", 315},
                                                         {"eaf/turkish.eaf", 340},
                                                         {"eaf/fto.eaf", 13},
                                                         {"eaf/tci20130903CDv-02.eaf", 271},
                                                         {"eaf/eaf_any_tier.eaf", 455}};
    if (!test::sample(files[0].first)) {
        GTEST_SKIP() << "no ../shared/interop-samples";
    }
    test::ScratchDir dir;
    for (const auto& [name, count] : files) {
        const auto path = test::sample(name);
        ASSERT_TRUE(path) << name;
        EafImportOptions options;
        options.mapping = TierMapping::Code;
        options.coder = "lab";
        io::EafImportSummary summary;
        const auto project =
            io::createProjectFromEaf(dir / (path->stem().string() + ".sbproj"), *path, options, &summary);
        EXPECT_EQ(summary.annotations, count) << name;
    }
    // The 2.8 file's video is offset by TIME_ORIGIN 545 ms.
    const auto tci = io::readEaf(test::readFile(*test::sample("eaf/tci20130903CDv-02.eaf")), "tci.eaf");
    EXPECT_EQ(tci.format, "2.8");
    EXPECT_EQ(tci.media[1].timeOriginMs, 545);
    // The 2.3 demo has one unaligned slot; every annotation still ends after it begins.
    const auto example = io::readEaf(test::readFile(*test::sample("eaf/example.eaf")), "example.eaf");
    for (const auto& tier : example.tiers) {
        for (const auto& a : tier.annotations) {
            EXPECT_LE(a.start, a.end) << tier.id << " " << a.id;
        }
    }
    // fto (written by pympi) also imports one coder per tier.
    auto coders = io::createProjectFromEaf(dir / "fto-coders.sbproj", *test::sample("eaf/fto.eaf"), {});
    EXPECT_EQ(coders->store().annotationCount(Viewer::wholeProject()), 13);
}

} // namespace
} // namespace sb::annotation
