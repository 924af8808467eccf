// BORIS import: hand-written 7.x and 4.0 projects covering the ethogram (keys, types,
// categories, modifier kinds, exclusions), subjects, media per player with offsets, 5- and
// 6-field events, START/STOP pairing and modifiers; every kind of bad input (the project
// unchanged); the real BORIS test projects, including the IRR pair's kappa.

#include "annotation/io/boris_import.h"
#include "tests/interchange/interchange_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace sb::annotation {
namespace {

using io::BorisImportOptions;
using test::errorOf;
using test::seconds;

// For the annotation tests' scheme: cry/fuss/calm exclude each other (the group distress).
const char* kProject = R"json({
 "project_format_version": "7.0",
 "project_name": "lab study",
 "time_format": "s",
 "subjects_conf": {"1": {"key": "m", "name": "mother", "description": ""},
                   "0": {"key": "i", "name": "infant", "description": "the baby"}},
 "behaviors_conf": {
  "0": {"type": "State event", "key": "c", "code": "cry", "description": "Crying", "category": "distress",
        "modifiers": {"0": {"name": "intensity", "type": 0, "values": ["low (l)", "high (h)"]}},
        "excluded": "fuss,calm", "coding map": ""},
  "1": {"type": "State event", "key": "f", "code": "fuss", "description": "", "category": "distress",
        "modifiers": {}, "excluded": "cry,calm", "coding map": ""},
  "2": {"type": "State event", "key": "k", "code": "calm", "description": "", "category": "",
        "modifiers": "", "excluded": "cry,fuss", "coding map": ""},
  "3": {"type": "State event", "key": "l", "code": "look", "description": "", "category": "",
        "modifiers": {}, "excluded": "", "coding map": ""},
  "4": {"type": "Point event", "key": "t", "code": "touch", "description": "", "category": "",
        "modifiers": {"0": {"name": "note", "type": 1, "values": ["a", "b"]},
                      "1": {"name": "count", "type": 2, "values": []}},
        "excluded": "", "coding map": ""}
 },
 "observations": {
  "obs 1": {"type": "MEDIA", "date": "2024-01-01T10:00:00", "description": "", "time offset": 0.0,
            "file": {"1": ["clip1.mp4", "clip2.mp4"], "2": ["side.mp4"], "3": []},
            "media_info": {"length": {"clip1.mp4": 60.0, "clip2.mp4": 30.0}, "offset": {"1": 0.0, "2": 1.5}},
            "events": [[1.5, "infant", "cry", "high", "loud", 37],
                       [2.0, "mother", "look", "", "", 50],
                       [3.25, "infant", "cry", "high", "at door", 81],
                       [3.25, "infant", "fuss", "", "", 81],
                       [4.2, "", "touch", "a,b|3", "tap", 105],
                       [5.0, "infant", "fuss", "", "", 125],
                       [6.0, "mother", "look", "", "", 150]]},
  "obs 2": {"type": "LIVE", "date": "2024-01-02T10:00:00", "description": "", "time offset": 0.0, "file": [],
            "observation time interval": [0, 10],
            "events": [[1.0, "infant", "calm", "", ""], [2.0, "infant", "calm", "", ""],
                       [2.5, "infant", "look", "", ""], [3.0, "", "touch", "None|None", ""]]}
 },
 "independent_variables": {}
})json";

// A pre-7.0 project: "time offset second player", upper-case keys, an exclusion that is not a
// clique (p excludes q, q excludes r, p and r do not) and one that is (x, y).
const char* kOldProject = R"json({
 "project_format_version": "4.0",
 "project_name": "",
 "subjects_conf": {"0": {"key": "1", "name": "Pup A", "description": ""}},
 "behaviors_conf": {
  "0": {"type": "State event", "key": "P", "code": "p", "description": "", "category": "", "modifiers": {}, "excluded": "q", "coding map": ""},
  "1": {"type": "State event", "key": "Q", "code": "q", "description": "", "category": "", "modifiers": {}, "excluded": "r", "coding map": ""},
  "2": {"type": "State event", "key": "R", "code": "r", "description": "", "category": "", "modifiers": {}, "excluded": "", "coding map": ""},
  "3": {"type": "State event", "key": "p", "code": "x", "description": "", "category": "play", "modifiers": {}, "excluded": "y", "coding map": ""},
  "4": {"type": "State event", "key": "Y", "code": "y", "description": "", "category": "", "modifiers": {}, "excluded": "x", "coding map": ""},
  "5": {"type": "Point event", "key": "Z", "code": "sniff nose", "description": "", "category": "", "modifiers": {"0": {"name": "side", "type": 0, "values": ["left (l)", "right"]}}, "excluded": "", "coding map": ""}
 },
 "observations": {
  "o": {"type": "MEDIA", "file": {"1": ["v1.mp4"], "2": ["v2.mp4"]}, "time offset second player": -20.0,
        "media_info": {"length": {"v1.mp4": 100.0}},
        "events": [[1.0, "Pup A", "x", "", ""], [2.0, "Pup A", "x", "", ""], [2.0, "Pup A", "y", "", ""],
                   [2.5, "", "sniff nose", "left", ""], [3.0, "Pup A", "y", "", ""]]}
 },
 "independent_variables": {"0": {"label": "age"}}
})json";

class BorisTest : public ::testing::Test {
protected:
    void SetUp() override { f = test::makeFixture(dir / "p.sbproj"); }

    std::filesystem::path file(const std::string& name, const std::string& text) {
        const auto path = dir / name;
        test::writeFile(path, text);
        return path;
    }

    static BorisImportOptions ana() {
        BorisImportOptions options;
        options.coder = "ana";
        return options;
    }

    std::string importError(const std::string& text, BorisImportOptions options = ana()) {
        const auto path = file("bad.boris", text);
        const auto before = test::snapshot(*f.project);
        const auto error = errorOf([&] { (void)io::importBoris(*f.project, path, options); });
        EXPECT_EQ(test::snapshot(*f.project), before) << error;
        EXPECT_NE(error.find("bad.boris"), std::string::npos) << error;
        return error;
    }

    static std::string replaced(std::string text, const std::string& from, const std::string& to) {
        const auto at = text.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        return text.replace(at, from.size(), to);
    }

    test::ScratchDir dir;
    test::Fixture f;
};

TEST_F(BorisTest, ObservationsBecomeSessionsWithPairedStatesModifiersAndMedia) {
    auto options = ana();
    options.closeUnpaired = true;
    const auto summary = io::importBoris(*f.project, file("lab.boris", kProject), options);
    ASSERT_EQ(summary.observations.size(), 2U);
    EXPECT_EQ(summary.observations[0].events, 7U);
    EXPECT_EQ(summary.observations[0].annotations, 4U);
    EXPECT_EQ(summary.observations[1].closed, 1U);
    EXPECT_EQ(summary.annotations, 7U);
    EXPECT_EQ(test::sessionCsv(*f.project, "obs 1"),
              "coder,code,subject,start,end,modifiers,comment\r\n"
              "ana,cry,infant,1.5,3.25,intensity=high,loud; at door\r\n"
              "ana,look,mother,2,6,,\r\n"
              "ana,fuss,infant,3.25,5,,\r\n"
              "ana,touch,,4.2,,\"count=3;note=a,b\",tap\r\n");
    EXPECT_EQ(test::sessionCsv(*f.project, "obs 2"),
              "coder,code,subject,start,end,modifiers,comment\r\n"
              "ana,calm,infant,1,2,,\r\n"
              "ana,look,infant,2.5,10,,\r\n" // closed at the interval's end
              "ana,touch,,3,,,\r\n");
    const auto media = f.project->store().sessionNamed("obs 1").media;
    ASSERT_EQ(media.size(), 3U);
    EXPECT_EQ(media[0].path, (dir.path() / "clip1.mp4").string());
    EXPECT_EQ(media[1].offset, seconds(60)); // queued after clip1 on player 1
    EXPECT_EQ(media[2].path, (dir.path() / "side.mp4").string());
    EXPECT_EQ(media[2].offset, seconds(1.5)); // player 2's offset
    EXPECT_TRUE(f.project->store().sessionNamed("obs 2").media.empty());
}

TEST_F(BorisTest, ANewProjectTakesTheEthogram) {
    io::BorisImportSummary summary;
    BorisImportOptions options;
    options.coder = "pup watcher";
    auto project =
        io::createProjectFromBoris(dir / "new.sbproj", file("old.boris", kOldProject), options, &summary);
    const auto& scheme = project->scheme();
    EXPECT_EQ(scheme.id, "old");
    ASSERT_EQ(scheme.codes.size(), 6U);
    EXPECT_EQ(scheme.code("p")->key, "P");
    EXPECT_EQ(scheme.code("x")->key, ""); // "p" is taken by p's "P"
    EXPECT_EQ(scheme.code("x")->description.text, "(BORIS category: play)");
    EXPECT_EQ(scheme.code("sniff_nose")->label.text, "sniff nose");
    EXPECT_EQ(scheme.code("sniff_nose")->kind, schemes::CodeKind::Point);
    ASSERT_EQ(scheme.modifiers.size(), 1U);
    EXPECT_EQ(scheme.modifiers[0].values[0].label.text, "left"); // without its shortcut
    ASSERT_EQ(scheme.groups.size(), 1U);                         // x and y; p, q, r are not a clique
    EXPECT_EQ(scheme.groups[0].codeIds, (std::vector<std::string>{"x", "y"}));
    EXPECT_EQ(scheme.subject("Pup_A")->label.text, "Pup A");
    const auto notes = summary.notes;
    EXPECT_TRUE(std::any_of(notes.begin(), notes.end(), [](const std::string& n) {
        return n.find("'p', 'q', 'r'") != std::string::npos;
    }));
    EXPECT_TRUE(std::any_of(notes.begin(), notes.end(),
                            [](const std::string& n) { return n.find("key 'p'") != std::string::npos; }));
    const auto media = project->store().sessionNamed("o").media;
    ASSERT_EQ(media.size(), 2U);
    EXPECT_EQ(media[1].offset, seconds(-20)); // "time offset second player"
    EXPECT_EQ(test::sessionCsv(*project, "o"), "coder,code,subject,start,end,modifiers,comment\r\n"
                                               "pup watcher,x,Pup_A,1,2,,\r\n"
                                               "pup watcher,y,Pup_A,2,3,,\r\n"
                                               "pup watcher,sniff_nose,,2.5,,side=left,\r\n");
}

TEST_F(BorisTest, UnpairedStatesNameTheObservationAndEvent) {
    const auto error = importError(kProject);
    EXPECT_NE(
        error.find("bad.boris: observation 'obs 2', event index 2: the state 'look' of 'infant' starts at "
                   "2.5 s and never stops"),
        std::string::npos)
        << error;
    EXPECT_NE(error.find("--close-unpaired"), std::string::npos);
}

TEST_F(BorisTest, BadTimesAndEventsAreRefused) {
    auto error = importError(replaced(kProject, "[1.0, \"infant\", \"calm\"", "[-1.0, \"infant\", \"calm\""));
    EXPECT_NE(error.find("observation 'obs 2', event index 0: the time -1 s is negative"), std::string::npos)
        << error;
    error = importError(replaced(kProject, "[5.0, \"infant\", \"fuss\"", "[0.5, \"infant\", \"fuss\""));
    EXPECT_NE(
        error.find(
            "observation 'obs 1', event index 5: the time 0.5 s is before the previous event's (4.2 s)"),
        std::string::npos)
        << error;
    error = importError(replaced(kProject, "[2.0, \"mother\", \"look\", \"\", \"\", 50]",
                                 "[2.0, \"mother\", \"look\", \"\"]"));
    EXPECT_NE(error.find("observation 'obs 1', event index 1: an event is a list of at least 5 fields"),
              std::string::npos)
        << error;
    error = importError(
        replaced(replaced(kProject, "\"cry\", \"high\", \"loud\"", "\"cry\", \"loudest\", \"loud\""),
                 "\"cry\", \"high\", \"at door\"", "\"cry\", \"loudest\", \"at door\""));
    EXPECT_NE(error.find("event index 0: 'loudest' is not a value of modifier set 'intensity'"),
              std::string::npos)
        << error;
    error = importError(replaced(kProject, "\"a,b|3\"", "\"a,b|3|x\""));
    EXPECT_NE(error.find("event index 4: the modifiers 'a,b|3|x' name 3 sets, but behaviour 'touch' has 2"),
              std::string::npos)
        << error;
    error = importError(replaced(kProject, "[6.0, \"mother\", \"look\"", "[6.0, \"mother\", \"walk\""));
    EXPECT_NE(error.find("behaviours not in scheme test-scheme 1.0.0: 'walk'"), std::string::npos) << error;
    error = importError(replaced(kProject, "[6.0, \"mother\", \"look\"", "[6.0, \"father\", \"look\""));
    EXPECT_NE(error.find("subjects not in scheme test-scheme 1.0.0: 'father'"), std::string::npos) << error;
    auto options = ana();
    options.observations = {"obs 3"};
    error = importError(kProject, options);
    EXPECT_NE(error.find("no observation 'obs 3' (the file has 'obs 1', 'obs 2')"), std::string::npos)
        << error;
}

TEST_F(BorisTest, OverlappingStatesOfAnExclusiveGroupAreRefused) {
    // fuss starts before cry stops (BORIS would have stopped cry): the group forbids it.
    auto options = ana();
    options.observations = {"obs 1"};
    const auto error =
        importError(replaced(replaced(kProject, "[3.25, \"infant\", \"fuss\", \"\", \"\", 81],", ""),
                             "[3.25, \"infant\", \"cry\", \"high\", \"at door\", 81],",
                             "[3.0, \"infant\", \"fuss\", \"\", \"\", 75], [3.25, \"infant\", "
                             "\"cry\", \"high\", \"at door\", 81],"),
                    options);
    EXPECT_NE(error.find("bad.boris: observation 'obs 1', event index"), std::string::npos) << error;
    EXPECT_NE(error.find("both are in exclusive group 'distress'"), std::string::npos) << error;
}

TEST_F(BorisTest, MalformedAndForeignFilesAreRefused) {
    auto error = importError("{\n \"project_format_version\": \"7.0\",\n \"observations\": {,}\n}");
    EXPECT_NE(error.find("bad.boris:3: malformed JSON at column"), std::string::npos) << error;
    error = importError("<?xml version=\"1.0\"?>\n<ANNOTATION_DOCUMENT/>");
    EXPECT_NE(error.find("bad.boris:1: malformed JSON at column 1"), std::string::npos) << error;
    error = importError("{\"formatVersion\": 1, \"codes\": []}");
    EXPECT_NE(error.find("not a BORIS project"), std::string::npos) << error;
    error = importError(replaced(kProject, "\"project_format_version\": \"7.0\",", ""));
    EXPECT_NE(error.find("no project_format_version"), std::string::npos) << error;
}

TEST_F(BorisTest, MediaOutsideTheMediaRootAreRefused) {
    auto options = ana();
    options.closeUnpaired = true;
    options.mediaRoot = dir.path() / "media";
    auto error = importError(kProject, options);
    EXPECT_NE(
        error.find("observation 'obs 1', player 1: the media file 'clip1.mp4' is outside the media root"),
        std::string::npos)
        << error;
    options.mediaRoot = dir.path();
    error = importError(replaced(kProject, "\"side.mp4\"", "\"../../side.mp4\""), options);
    EXPECT_NE(error.find("'../../side.mp4' is outside the media root"), std::string::npos) << error;
}

// ---- the real BORIS test projects

// BORIS's own time-slice kappa (irr.py cohen_kappa) for state behaviour `code` at step 1 s,
// over the subjects no focal, subject1, subject2: the check that pairing matches BORIS.
double borisKappa(const std::vector<Annotation>& a, const std::vector<Annotation>& b,
                  const std::string& code) {
    Microseconds first = Microseconds::max();
    Microseconds last{0};
    for (const auto* list : {&a, &b}) {
        for (const auto& x : *list) {
            if (x.code == code) {
                first = std::min(first, x.start);
                last = std::max(last, x.end.value_or(x.start));
            }
        }
    }
    const std::vector<std::optional<std::string>> subjects = {std::nullopt, "subject1", "subject2"};
    std::map<std::pair<std::string, std::string>, double> cells;
    std::map<std::string, double> rows, columns;
    double n = 0;
    const auto label = [&](const std::vector<Annotation>& list, Microseconds t,
                           const std::optional<std::string>& s) {
        std::string text;
        for (const auto& x : list) {
            if (x.code == code && x.subject == s && x.start <= t && t <= *x.end) {
                text += "[" + s.value_or("") + "," + code + "]";
            }
        }
        return text;
    };
    for (Microseconds t = first; t <= last; t += Microseconds{1'000'000}) {
        for (const auto& s : subjects) {
            const auto x = label(a, t, s);
            const auto y = label(b, t, s);
            cells[{x, y}] += 1;
            rows[x] += 1;
            columns[y] += 1;
            n += 1;
        }
    }
    double agree = 0;
    double expected = 0;
    for (const auto& [key, count] : cells) {
        agree += key.first == key.second ? count : 0;
    }
    for (const auto& [key, count] : rows) {
        expected += count * (columns.contains(key) ? columns.at(key) : 0) / n;
    }
    return (agree - expected) / (n - expected);
}

TEST(BorisSamples, TheRealProjectsImport) {
    const auto head = test::sample("boris/olivierfriard_BORIS_HEAD/tests/files/test.boris");
    if (!head) {
        GTEST_SKIP() << "no ../shared/interop-samples";
    }
    test::ScratchDir dir;
    BorisImportOptions options;
    options.coder = "olivier";
    // 7.0: one observation has unpaired states (BORIS refuses to analyse it too).
    const auto error =
        errorOf([&] { (void)io::createProjectFromBoris(dir / "strict.sbproj", *head, options); });
    EXPECT_NE(error.find("observation 'live not paired', event index"), std::string::npos) << error;
    EXPECT_FALSE(std::filesystem::exists(dir / "strict.sbproj"));

    options.closeUnpaired = true;
    io::BorisImportSummary summary;
    auto project = io::createProjectFromBoris(dir / "head.sbproj", *head, options, &summary);
    EXPECT_EQ(summary.observations.size(), 12U);
    EXPECT_EQ(summary.annotations, 92U);
    std::size_t events = 0;
    std::size_t closed = 0;
    for (const auto& o : summary.observations) {
        events += o.events;
        closed += o.closed;
    }
    EXPECT_EQ(events, 133U);
    EXPECT_EQ(closed, 1U);
    EXPECT_EQ(project->scheme().codes.size(), 5U);
    EXPECT_EQ(project->scheme().subjects.size(), 2U);
    const auto offsets = project->store().sessionNamed("offset neg").media;
    ASSERT_EQ(offsets.size(), 2U);
    EXPECT_EQ(offsets[1].offset, seconds(-20));

    // The IRR pair of tests/test_irr.py: kappa 0.988 for s at 1 s.
    auto& store = project->store();
    const auto everyone = Viewer::wholeProject();
    const auto first = store.annotations(everyone, {store.sessionNamed("observation #2").id});
    const auto copy = store.annotations(everyone, {store.sessionNamed("observation #2 (copy)").id});
    EXPECT_EQ(first.size(), 18U);
    EXPECT_EQ(copy.size(), 18U);
    EXPECT_NEAR(borisKappa(first, copy, "s"), 0.988, 0.0005);

    // 4.0 (BORIS 6): "time offset second player".
    const auto old = test::sample("boris/olivierfriard_BORIS_6d1b54b/test.boris");
    ASSERT_TRUE(old);
    auto oldProject = io::createProjectFromBoris(dir / "old.sbproj", *old, options, &summary);
    EXPECT_EQ(summary.observations.size(), 9U);
    EXPECT_EQ(summary.annotations, 51U);
    EXPECT_EQ(oldProject->store().sessionNamed("offset positif").media[1].offset, seconds(20));

    // Modifier values with shortcuts and stray spaces.
    const auto spaces = test::sample("boris/olivierfriard_BORIS_HEAD/tests/files/"
                                     "test_with_leading_trailing_spaces_in_modifiers.boris");
    ASSERT_TRUE(spaces);
    auto spaced = io::createProjectFromBoris(dir / "spaces.sbproj", *spaces, options, &summary);
    EXPECT_EQ(test::sessionCsv(*spaced, "test1 live"), "coder,code,subject,start,end,modifiers,comment\r\n"
                                                       "olivier,p,,4.151,,test_1=a;test_2=c,\r\n"
                                                       "olivier,p,,12.663,,test_1=a,\r\n"
                                                       "olivier,p,,20.135,,test_2=111,\r\n"
                                                       "olivier,p,,26.007,,test_2=c,\r\n");
}

} // namespace
} // namespace sb::annotation
