// One test per kind of error the loader reports, each asserting file, line, path and message.

#include "tests/schemes/scheme_test_support.h"

#include <gtest/gtest.h>

namespace sb::schemes {
namespace {

using test::diagnosticsOf;
using test::Lines;
using test::withHeader;

TEST(SchemeErrors, MalformedJsonNamesLineAndColumn) {
    const auto result = loadSchemeText("{\n  \"id\": \"x\",\n  \"codes\": [}\n}", "s.json");
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(
        test::diagnosticsOf("{\n  \"id\": \"x\",\n  \"codes\": [}\n}"),
        (Lines{"s.json:3: error: malformed JSON at column 13: syntax error while parsing value - unexpected "
               "'}'; expected '[', '{', or a literal"}));
}

TEST(SchemeErrors, EmptyAndNonObjectDocuments) {
    EXPECT_EQ(diagnosticsOf(""),
              (Lines{"s.json:1: error: malformed JSON at column 1: syntax error while parsing "
                     "value - unexpected end of input; expected '[', '{', or a literal"}));
    EXPECT_EQ(diagnosticsOf("\n[1, 2]"), (Lines{"s.json:2: error: expected an object, found array"}));
}

TEST(SchemeErrors, MissingRequiredFields) {
    EXPECT_EQ(diagnosticsOf("{\n  \"codes\": [\n    {\"id\": \"cry\"}\n  ]\n}"),
              (Lines{
                  "s.json:1: error: missing required field \"formatVersion\"",
                  "s.json:1: error: missing required field \"id\"",
                  "s.json:1: error: missing required field \"name\"",
                  "s.json:1: error: missing required field \"version\"",
                  "s.json:3: error: /codes/0: missing required field \"label\"",
                  "s.json:3: error: /codes/0: missing required field \"kind\"",
              }));
}

TEST(SchemeErrors, WrongTypes) {
    EXPECT_EQ(diagnosticsOf(withHeader(R"(  "sources": "Ainsworth 1978",
  "codes": [
    {"id": 7, "label": ["Crying"], "kind": "state"},
    {"id": "look", "label": "Look", "kind": "point", "subjects": "infant"}
  ],
  "groups": [{"id": "g", "label": "G", "codes": [], "exhaustive": "yes"}],
  "scales": [{"id": "s", "label": "S", "min": 1.5, "max": 7, "anchors": [{"value": 1, "label": "none"}]}])")),
              (Lines{
                  "s.json:3: error: /sources: expected an array, found string",
                  "s.json:5: error: /codes/0/id: expected a string, found number",
                  "s.json:5: error: /codes/0/label: expected a string or an object of translations "
                  "({\"en\": \"…\", \"fa\": \"…\"}), found array",
                  "s.json:6: error: /codes/1/subjects: expected an array, found string",
                  "s.json:8: error: /groups/0/codes: an exclusive group needs at least one code",
                  "s.json:8: error: /groups/0/exhaustive: expected true or false, found string",
                  "s.json:9: error: /scales/0/min: expected an integer, found number",
              }));
}

TEST(SchemeErrors, DuplicateIdsWithinEachKind) {
    // The same id for a code and a subject is fine: they are different kinds.
    EXPECT_EQ(diagnosticsOf(withHeader(
                  R"(  "subjects": [{"id": "cry", "label": "Crier"}, {"id": "cry", "label": "Again"}],
  "codes": [
    {"id": "cry", "label": "Crying", "kind": "state"},
    {"id": "cry", "label": "Crying again", "kind": "state"}
  ],
  "modifiers": [{"id": "m", "label": "M", "kind": "choice",
                 "values": [{"id": "a", "label": "A"}, {"id": "a", "label": "A2"}]}])")),
              (Lines{
                  "s.json:3: error: /subjects/1/id: duplicate subject id \"cry\" (first at /subjects/0)",
                  "s.json:6: error: /codes/1/id: duplicate code id \"cry\" (first at /codes/0)",
                  "s.json:9: error: /modifiers/0/values/1/id: duplicate value id \"a\" (first at "
                  "/modifiers/0/values/0)",
              }));
}

TEST(SchemeErrors, AKeyBoundTwiceAcrossCodesAndSubjects) {
    EXPECT_EQ(diagnosticsOf(withHeader(R"(  "subjects": [{"id": "infant", "label": "Infant", "key": "i"}],
  "codes": [
    {"id": "a", "label": "A", "kind": "state", "key": "shift+p"},
    {"id": "b", "label": "B", "kind": "state", "key": "P"},
    {"id": "c", "label": "C", "kind": "state", "key": "Shift+P"},
    {"id": "d", "label": "D", "kind": "point", "key": "I"}
  ])")),
              (Lines{
                  "s.json:7: error: /codes/2/key: key \"Shift+P\" is bound twice (also /codes/0/key)",
                  "s.json:8: error: /codes/3/key: key \"I\" is bound twice (also /subjects/0/key)",
              }));
}

TEST(SchemeErrors, ModifierValueKeysNeedOnlyBeUniqueInTheirSet) {
    EXPECT_EQ(diagnosticsOf(withHeader(
                  R"(  "codes": [{"id": "a", "label": "A", "kind": "point", "key": "x", "modifiers": ["m"]}],
  "modifiers": [
    {"id": "m", "label": "M", "kind": "choice", "values": [
      {"id": "one", "label": "One", "key": "x"},
      {"id": "two", "label": "Two", "key": "X"}
    ]},
    {"id": "n", "label": "N", "kind": "choice", "values": [{"id": "one", "label": "One", "key": "x"}]}
  ])")),
              (Lines{"s.json:7: error: /modifiers/0/values/1/key: key \"X\" is bound twice (also "
                     "/modifiers/0/values/0/key)"}));
}

TEST(SchemeErrors, AKeyThatIsNotAKey) {
    EXPECT_EQ(diagnosticsOf(withHeader(R"(  "codes": [{"id": "a", "label": "A", "kind": "state",
             "key": "Hyper+Q"}])")),
              (Lines{"s.json:4: error: /codes/0/key: \"Hyper+Q\" is not a key binding: write e.g. \"p\", "
                     "\"Shift+P\", \"F2\" or \"Ctrl+Space\""}));
}

TEST(SchemeErrors, UnknownIdsAnywhere) {
    EXPECT_EQ(
        diagnosticsOf(withHeader(R"(  "subjects": [{"id": "infant", "label": "Infant"}],
  "modifiers": [{"id": "target", "label": "Target", "kind": "text"}],
  "codes": [{"id": "cry", "label": "Crying", "kind": "state",
             "subjects": ["infant", "baby"], "modifiers": ["target", "intensity"]}],
  "groups": [{"id": "g", "label": "G", "codes": ["cry", "fuss"]}],
  "segments": [{"id": "ep1", "label": "Episode 1", "present": ["infant", "mother"]}],
  "scales": [{"id": "ps", "label": "PS", "min": 1, "max": 7, "anchors": [{"value": 1, "label": "none"}],
              "appliesTo": [{"segments": ["ep1", "ep9"], "target": "stranger"}]}],
  "judgements": [
    {"id": "cls", "label": "Classification", "kind": "category",
     "options": [{"id": "B", "label": "B"}, {"id": "B3", "label": "B3", "parent": "b"}]},
    {"id": "alt", "label": "Alternative", "kind": "text",
     "requiredWhen": {"judgement": "cls", "options": ["D"]}},
    {"id": "alt2", "label": "Other", "kind": "text",
     "requiredWhen": {"judgement": "classification", "options": ["D"]}}
  ])")),
        (Lines{
            "s.json:6: error: /codes/0/modifiers/1: unknown modifier \"intensity\"",
            "s.json:6: error: /codes/0/subjects/1: unknown subject \"baby\"",
            "s.json:7: error: /groups/0/codes/1: unknown code \"fuss\"",
            "s.json:8: error: /segments/0/present/1: unknown subject \"mother\"",
            "s.json:10: error: /scales/0/appliesTo/0/segments/1: unknown segment \"ep9\"",
            "s.json:10: error: /scales/0/appliesTo/0/target: unknown subject \"stranger\"",
            "s.json:13: error: /judgements/0/options/1/parent: unknown parent option \"b\"",
            "s.json:15: error: /judgements/1/requiredWhen/options/0: unknown option of \"cls\" \"D\"",
            "s.json:17: error: /judgements/2/requiredWhen/judgement: unknown judgement \"classification\"",
        }));
}

TEST(SchemeErrors, ACodeInTwoExclusiveGroups) {
    EXPECT_EQ(
        diagnosticsOf(withHeader(R"(  "codes": [{"id": "cry", "label": "Crying", "kind": "state"},
            {"id": "play", "label": "Playing", "kind": "state"}],
  "groups": [
    {"id": "distress", "label": "Distress", "codes": ["cry"]},
    {"id": "activity", "label": "Activity", "codes": ["play", "cry", "play"]}
  ])")),
        (Lines{
            "s.json:7: error: /groups/1/codes/1: code \"cry\" is already in exclusive group \"distress\" "
            "(/groups/0)",
            "s.json:7: error: /groups/1/codes/2: code \"play\" is listed twice in this group",
        }));
}

TEST(SchemeErrors, APointCodeInAnExclusiveGroup) {
    EXPECT_EQ(
        diagnosticsOf(withHeader(R"(  "codes": [{"id": "cry", "label": "Crying", "kind": "state"},
            {"id": "smile", "label": "Smile", "kind": "point"}],
  "groups": [{"id": "affect", "label": "Affect",
              "codes": ["cry", "smile"]}])")),
        (Lines{"s.json:6: error: /groups/0/codes/1: point code \"smile\" cannot be in an exclusive group: "
               "groups hold state codes only (use a choice modifier for kinds of point)"}));
}

TEST(SchemeErrors, ScaleAnchorsAndRange) {
    EXPECT_EQ(
        diagnosticsOf(withHeader(R"(  "scales": [
    {"id": "none", "label": "No anchors", "min": 1, "max": 7},
    {"id": "empty", "label": "Empty", "min": 1, "max": 7, "anchors": []},
    {"id": "out", "label": "Outside", "min": 1, "max": 7, "anchors": [
      {"value": 0, "label": "below"},
      {"value": 3, "label": "mid"},
      {"value": 3, "description": "mid again"},
      {"value": 8, "label": "above"},
      {"value": 5}
    ]},
    {"id": "flat", "label": "Flat", "min": 5, "max": 5, "anchors": [{"value": 5, "label": "five"}]},
    {"id": "upside", "label": "Upside down", "min": 7,
     "max": 1, "anchors": [{"value": 3, "label": "three"}]}
  ])")),
        (Lines{
            "s.json:4: error: /scales/0: missing required field \"anchors\"",
            "s.json:5: error: /scales/1/anchors: a rating needs at least one anchor",
            "s.json:7: error: /scales/2/anchors/0/value: anchor 0 is outside 1..7",
            "s.json:9: error: /scales/2/anchors/2/value: anchor 3 is given twice (also /scales/2/anchors/1)",
            "s.json:10: error: /scales/2/anchors/3/value: anchor 8 is outside 1..7",
            "s.json:11: error: /scales/2/anchors/4: an anchor needs a label or a description",
            "s.json:13: error: /scales/3/max: max 5 must be greater than min 5",
            "s.json:15: error: /scales/4/max: max 1 must be greater than min 7",
        }));
}

TEST(SchemeErrors, RatingJudgementsFollowTheScaleRules) {
    EXPECT_EQ(diagnosticsOf(withHeader(
                  R"(  "judgements": [{"id": "d", "label": "D rating", "kind": "rating", "min": 1, "max": 9,
    "anchors": [{"value": 10, "label": "ten"}], "options": []}])")),
              (Lines{
                  "s.json:4: error: /judgements/0/anchors/0/value: anchor 10 is outside 1..9",
                  "s.json:4: error: /judgements/0/options: \"options\" is only for \"category\" judgements",
              }));
}

TEST(SchemeErrors, AColourThatDoesNotParse) {
    EXPECT_EQ(
        diagnosticsOf(withHeader(R"(  "subjects": [{"id": "infant", "label": "Infant", "colour": "#12345"}],
  "codes": [{"id": "cry", "label": "Crying", "kind": "state",
             "colour": "bluish"}])")),
        (Lines{
            "s.json:3: error: /subjects/0/colour: \"#12345\" is not a colour: write \"#rrggbb\", \"#rgb\" or "
            "a CSS colour name",
            "s.json:5: error: /codes/0/colour: \"bluish\" is not a colour: write \"#rrggbb\", \"#rgb\" or a "
            "CSS colour name",
        }));
}

TEST(SchemeErrors, IdsThatAreNotAsciiIdentifiers) {
    EXPECT_EQ(
        diagnosticsOf(
            "{\n  \"formatVersion\": 1, \"id\": \"my scheme\", \"name\": \"T\", \"version\": \"1\",\n"
            "  \"codes\": [{\"id\": \"gr\xC3\xA9\", \"label\": \"x\", \"kind\": \"state\"}],\n"
            "  \"groups\": [{\"id\": \"g\", \"label\": \"G\", \"codes\": [\"a b\"]}]\n}"),
        (Lines{
            "s.json:2: error: /id: \"my scheme\" is not an id: use ASCII letters, digits, '_', '.' or '-'",
            "s.json:3: error: /codes/0/id: \"gr\xC3\xA9\" is not an id: use ASCII letters, digits, '_', '.' "
            "or '-'",
            "s.json:4: error: /groups/0/codes/0: \"a b\" is not an id: use ASCII letters, digits, '_', '.' "
            "or "
            "'-'",
            "s.json:4: error: /groups/0/codes/0: unknown code \"a b\"",
        }));
}

TEST(SchemeErrors, TranslationLanguagesMustBeLanguageTags) {
    EXPECT_EQ(
        diagnosticsOf(withHeader(R"(  "languages": ["en", "farsi"],
  "codes": [{"id": "cry", "kind": "state",
             "label": {"en": "Crying", "farsi": "x", "en_US": "Crying"}}])")),
        (Lines{
            "s.json:3: error: /languages/1: \"farsi\" is not a language tag: write e.g. \"en\", \"fa\" or "
            "\"pt-BR\"",
            "s.json:5: error: /codes/0/label/en_US: \"en_US\" is not a language tag: write e.g. \"en\", "
            "\"fa\" or \"pt-BR\"",
            "s.json:5: error: /codes/0/label/farsi: \"farsi\" is not a language tag: write e.g. \"en\", "
            "\"fa\" or \"pt-BR\"",
        }));
}

TEST(SchemeErrors, TranslatedTextNeedsTheSourceLanguage) {
    EXPECT_EQ(
        diagnosticsOf(withHeader(R"(  "languages": ["fa", "en"],
  "codes": [{"id": "cry", "kind": "state",
             "label": {"en": "Crying"}}])")),
        (Lines{
            "s.json:2: warning: /name: \"en\" text missing from 1 of 2 texts: /name",
            "s.json:5: error: /codes/0/label: no \"fa\" text: translated text must include the scheme's "
            "source language (the first of /languages, else \"en\")",
        }));
}

TEST(SchemeErrors, EmptyLabels) {
    EXPECT_EQ(diagnosticsOf(withHeader(R"(  "codes": [{"id": "cry", "kind": "state", "label": ""}])")),
              (Lines{"s.json:3: error: /codes/0/label: must not be empty"}));
}

TEST(SchemeErrors, AFieldGivenTwiceInOneObject) {
    EXPECT_EQ(
        diagnosticsOf(withHeader(R"(  "codes": [{"id": "cry", "kind": "state", "label": "Crying",
             "kind": "point"}])")),
        (Lines{"s.json:4: error: /codes/0/kind: this field is given twice in the same object; only the last "
               "would count"}));
}

TEST(SchemeErrors, ANewerFormatVersionIsRefused) {
    EXPECT_EQ(
        diagnosticsOf("{\n\"formatVersion\": 2, \"id\": \"t\", \"name\": \"T\", \"version\": \"1\"}"),
        (Lines{"s.json:2: error: /formatVersion: format version 2 is newer than this build reads (1); update "
               "SecureBase"}));
}

TEST(SchemeErrors, SegmentsOrAWindowNotBoth) {
    EXPECT_EQ(
        diagnosticsOf(withHeader(R"(  "segments": [{"id": "ep1", "label": "Episode 1", "nominalSeconds": -3}],
  "segmentWindowSeconds": 300)")),
        (Lines{
            "s.json:3: error: /segments/0/nominalSeconds: -3 s is not a duration: it must be more than 0 "
            "and at most 86400 s",
            "s.json:4: error: /segmentWindowSeconds: a scheme has named segments or a segment window, not "
            "both",
        }));
}

TEST(SchemeErrors, ModifierKinds) {
    EXPECT_EQ(diagnosticsOf(withHeader(R"(  "modifiers": [
    {"id": "a", "label": "A", "kind": "choice"},
    {"id": "b", "label": "B", "kind": "choice", "values": []},
    {"id": "c", "label": "C", "kind": "text", "values": [{"id": "x", "label": "X"}], "min": 1},
    {"id": "d", "label": "D", "kind": "number", "min": 7, "max": 1},
    {"id": "e", "label": "E", "kind": "colour"}
  ])")),
              (Lines{
                  "s.json:4: error: /modifiers/0: missing required field \"values\"",
                  "s.json:5: error: /modifiers/1/values: a choice modifier needs at least one value",
                  "s.json:6: error: /modifiers/2/values: values are only for \"choice\" modifiers",
                  "s.json:6: error: /modifiers/2/min: min is only for \"number\" modifiers",
                  "s.json:7: error: /modifiers/3/max: max 1 must be greater than min 7",
                  "s.json:8: error: /modifiers/4/kind: unknown kind \"colour\": expected one of \"choice\", "
                  "\"text\", \"number\"",
              }));
}

TEST(SchemeErrors, JudgementHierarchiesAndConditions) {
    EXPECT_EQ(
        diagnosticsOf(withHeader(R"(  "judgements": [
    {"id": "cls", "label": "C", "kind": "category", "options": [
      {"id": "A", "label": "A", "parent": "A1"},
      {"id": "A1", "label": "A1", "parent": "A"},
      {"id": "B", "label": "B", "parent": "B"}
    ]},
    {"id": "alt", "label": "Alt", "kind": "category", "options": [{"id": "A1", "label": "A1"}],
     "required": true, "requiredWhen": {"judgement": "alt", "options": []}},
    {"id": "d", "label": "D", "kind": "rating", "min": 1, "max": 9, "anchors": [{"value": 1, "label": "none"}],
     "multiple": true}
  ])")),
        (Lines{
            "s.json:5: error: /judgements/0/options/0/parent: option \"A\" is its own ancestor",
            "s.json:6: error: /judgements/0/options/1/parent: option \"A1\" is its own ancestor",
            "s.json:7: error: /judgements/0/options/2/parent: option \"B\" cannot be its own parent",
            "s.json:10: error: /judgements/1/requiredWhen/options: name at least one option",
            "s.json:10: error: /judgements/1/requiredWhen: give \"required\" or \"requiredWhen\", not both",
            "s.json:10: error: /judgements/1/requiredWhen/judgement: a judgement cannot depend on itself",
            "s.json:12: error: /judgements/2/multiple: \"multiple\" is only for \"category\" judgements",
        }));
}

TEST(SchemeErrors, UnreadableFileIsADiagnosticNotAnException) {
    const auto result = loadSchemeFile("/nonexistent/scheme.json");
    ASSERT_EQ(result.diagnostics.size(), 1U);
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.diagnostics[0].toString(),
              "/nonexistent/scheme.json: error: cannot read: No such file or directory");
}

TEST(SchemeErrors, OrThrowListsEveryErrorInWhat) {
    try {
        (void)loadSchemeTextOrThrow("{\n\"id\": 1}", "s.json");
        FAIL() << "no exception";
    } catch (const SchemeError& e) {
        EXPECT_STREQ(e.what(), "s.json:1: error: missing required field \"formatVersion\"\n"
                               "s.json:1: error: missing required field \"name\"\n"
                               "s.json:1: error: missing required field \"version\"\n"
                               "s.json:2: error: /id: expected a string, found number");
        EXPECT_EQ(e.diagnostics().size(), 4U);
    }
}

} // namespace
} // namespace sb::schemes
