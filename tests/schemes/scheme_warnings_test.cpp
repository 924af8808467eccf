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
    EXPECT_EQ(
        diagnosticsOf(json),
        (Lines{
            "s.json:2: warning: /name: \"fa\" text missing from 4 of 6 texts: /name, /codes/0/description, "
            "/codes/1/label, /codes/2/label",
            "s.json:2: warning: /name: \"de\" text missing from 5 of 6 texts: /name, /subjects/0/label, "
            "/codes/0/label, /codes/0/description, /codes/1/label",
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
                  "/codes/2/label",
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
    EXPECT_EQ(diagnosticsOf(json),
              (Lines{"s.json:5: warning: /codes/0/label: \"fa\" text missing from 12 of 13 "
                     "texts: /codes/0/label, /codes/1/label, /codes/2/label, /codes/3/label, "
                     "/codes/4/label, /codes/5/label, /codes/6/label, /codes/7/label and 4 "
                     "more"}));
}

TEST(SchemeWarnings, ACompleteTranslationIsQuiet) {
    EXPECT_EQ(diagnosticsOf(R"({"formatVersion": 1, "id": "t", "version": "1", "languages": ["en", "fa"],
  "name": {"en": "T", "fa": "x"},
  "codes": [{"id": "cry", "label": {"fa": "x", "en": "Crying"}, "kind": "state"}]})"),
              Lines{});
}

} // namespace
} // namespace sb::schemes
