// Warnings leave the scheme usable: newer files still open, half-done translations still load.

#include "tests/schemes/scheme_test_support.h"

#include <gtest/gtest.h>

namespace sb::schemes {
namespace {

using test::diagnosticsOf;
using test::Lines;
using test::withHeader;

TEST(SchemeWarnings, UnknownFieldsAreReportedAndIgnored) {
    const std::string json = withHeader(R"(  "licence": "CC-BY",
  "codes": [{"id": "cry", "label": "Crying", "kind": "state",
             "intensityScale": 3}],
  "scales": [{"id": "s", "label": "S", "min": 1, "max": 3,
              "anchors": [{"value": 1, "label": "low", "weight": 2}]}])");
    EXPECT_EQ(diagnosticsOf(json),
              (Lines{
                  "s.json:3: warning: /licence: unknown field \"licence\" is ignored",
                  "s.json:5: warning: /codes/0/intensityScale: unknown field "
                  "\"intensityScale\" is ignored",
                  "s.json:7: warning: /scales/0/anchors/0/weight: unknown field \"weight\" "
                  "is ignored",
              }));
    const auto result = loadSchemeText(json, "s.json");
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.scheme->codes.at(0).id, "cry");
}

TEST(SchemeWarnings, CommentsAreNotUnknownFields) {
    EXPECT_EQ(diagnosticsOf(withHeader(R"(  "$comment": "written from Ainsworth 1978",
  "codes": [{"$comment": "audible distress", "id": "cry", "label": "Crying", "kind": "state"}])")),
              Lines{});
}

TEST(SchemeWarnings, HalfDoneTranslationsListWhatIsMissing) {
    const std::string json =
        withHeader(R"(  "subjects": [{"id": "infant", "label": {"en": "Infant", "fa": "x"}}],
  "codes": [
    {"id": "cry", "label": {"en": "Crying", "fa": "x"}, "kind": "state",
     "description": "Audible distress"},
    {"id": "look", "label": "Looking", "kind": "state"},
    {"id": "smile", "label": {"en": "Smile", "de": "Lächeln"}, "kind": "point"}
  ])");
    EXPECT_EQ(diagnosticsOf(json),
              (Lines{
                  "s.json:2: warning: /name: \"fa\" text missing from 4 of 6 texts: /name, "
                  "/codes/0/description (cry), "
                  "/codes/1/label (look), /codes/2/label (smile)",
                  "s.json:2: warning: /name: \"de\" text missing from 5 of 6 texts: /name, /subjects/0/label "
                  "(infant), "
                  "/codes/0/label (cry), /codes/0/description (cry), /codes/1/label (look)",
              }));
}

TEST(SchemeWarnings, HalfDoneTranslationsAgainstDeclaredLanguages) {
    const std::string json = withHeader(R"(  "languages": ["en", "fa"],
  "codes": [
    {"id": "cry", "label": {"en": "Crying", "fa": "x"}, "kind": "state"},
    {"id": "look", "label": {"en": "Looking", "fa": "x", "ar": "y"}, "kind": "state"},
    {"id": "smile", "label": "Smile", "kind": "point"}
  ])");
    EXPECT_EQ(diagnosticsOf(json),
              (Lines{
                  "s.json:2: warning: /name: \"fa\" text missing from 2 of 4 texts: /name, "
                  "/codes/2/label (smile)",
                  "s.json:6: warning: /codes/1/label/ar: language \"ar\" is not listed in "
                  "/languages",
              }));
    EXPECT_TRUE(loadSchemeText(json, "s.json").ok());
}

TEST(SchemeWarnings, LongListsOfGapsAreCut) {
    std::string codes;
    for (int i = 0; i < 12; ++i) {
        codes += (i == 0 ? "" : ",\n") + std::string(R"(    {"id": "c)") + std::to_string(i) +
                 R"(", "label": "C", "kind": "point"})";
    }
    const std::string json = "{\n  \"formatVersion\": 1, \"id\": \"t\", \"version\": \"1\",\n"
                             "  \"name\": {\"en\": \"T\", \"fa\": \"x\"},\n  \"codes\": [\n" +
                             codes + "\n  ]\n}";
    EXPECT_EQ(
        diagnosticsOf(json),
        (Lines{"s.json:5: warning: /codes/0/label: \"fa\" text missing from 12 of 13 "
               "texts: /codes/0/label (c0), /codes/1/label (c1), /codes/2/label (c2), /codes/3/label (c3), "
               "/codes/4/label (c4), /codes/5/label (c5), /codes/6/label (c6), /codes/7/label (c7) and 4 "
               "more"}));
}

TEST(SchemeWarnings, ACompleteTranslationIsQuiet) {
    EXPECT_EQ(diagnosticsOf(R"({"formatVersion": 1, "id": "t", "version": "1", "languages": ["en", "fa"],
  "name": {"en": "T", "fa": "x"},
  "codes": [{"id": "cry", "label": {"fa": "x", "en": "Crying"}, "kind": "state"}]})"),
              Lines{});
}

TEST(SchemeWarnings, HalfDoneTranslationsNameValuesOptionsAndAnchors) {
    // Nested texts are named by what they belong to, so a translator finds them without
    // counting array elements; an empty translation is a gap too.
    const std::string json = withHeader(R"(  "languages": ["en", "fa"],
  "modifiers": [{"id": "target", "label": {"en": "Toward", "fa": "x"}, "kind": "choice",
                 "values": [{"id": "mum", "label": "Mother"}]}],
  "scales": [{"id": "ps", "label": {"en": "PS", "fa": "x"}, "min": 1, "max": 7,
              "anchors": [{"value": 3, "label": {"en": "Some", "fa": ""}}]}],
  "judgements": [{"id": "cls", "label": {"en": "Class", "fa": "x"}, "kind": "category",
                  "options": [{"id": "B", "label": "Secure", "description": {"en": "Safe base", "fa": "x"}}]}])");
    EXPECT_EQ(diagnosticsOf(json),
              (Lines{"s.json:2: warning: /name: \"fa\" text missing from 4 of 8 texts: /name, "
                     "/modifiers/0/values/0/label (target/mum), /scales/0/anchors/0/label (ps = 3), "
                     "/judgements/0/options/0/label (cls/B)"}));
}

TEST(SchemeWarnings, UnknownLanguagesAreReportedOnce) {
    // "xx" has the shape of a tag but is no ISO 639-1 language; three-letter languages such as
    // Sorani Kurdish ("ckb") cannot all be listed and pass.
    const std::string json = withHeader(R"(  "codes": [
    {"id": "cry", "label": {"en": "Crying", "xx": "a", "ckb": "b"}, "kind": "state"},
    {"id": "look", "label": {"en": "Looking", "xx": "c", "ckb": "d", "FA": "e"}, "kind": "state"}
  ])");
    const auto result = loadSchemeText(json, "s.json");
    ASSERT_TRUE(result.ok());
    std::vector<std::string> unknown;
    for (const SchemeDiagnostic& diagnostic : result.diagnostics) {
        if (diagnostic.toString().find("not a known language") != std::string::npos) {
            unknown.push_back(diagnostic.toString());
        }
    }
    EXPECT_EQ(unknown, (Lines{"s.json:4: warning: /codes/0/label/xx: \"xx\" is not a known language: "
                              "two-letter languages are ISO 639-1 codes (\"en\", \"fa\", \"ku\")"}));
}

TEST(SchemeWarnings, AnUnknownDeclaredLanguageIsReportedWhereItIsDeclared) {
    EXPECT_EQ(diagnosticsOf(R"({"formatVersion": 1, "id": "t", "version": "1", "languages": ["en", "pe"],
  "name": {"en": "T", "pe": "x"}})"),
              (Lines{"s.json:1: warning: /languages/1: \"pe\" is not a known language: two-letter "
                     "languages are ISO 639-1 codes (\"en\", \"fa\", \"ku\")"}));
}

} // namespace
} // namespace sb::schemes
