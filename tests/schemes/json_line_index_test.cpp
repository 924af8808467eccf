#include "schemes/json_line_index.h"

#include <gtest/gtest.h>

namespace sb::schemes {
namespace {

constexpr const char* kDocument = R"({
  "id": "mini",
  "codes": [
    {"id": "cry", "label": "Crying"},
    {
      "id": "look",
      "tags": ["a",
               "b"]
    }
  ],
  "a/b": 1, "m~n": {"x": null},
  "caf\u00e9": true,
  "esc\"aped": [[], {}]
})";

TEST(JsonLineIndex, MembersAreOnTheLineOfTheirName) {
    const JsonLineIndex index(kDocument);
    EXPECT_EQ(index.lineOf(""), 1);
    EXPECT_EQ(index.lineOf("/id"), 2);
    EXPECT_EQ(index.lineOf("/codes"), 3);
    EXPECT_EQ(index.lineOf("/codes/1/id"), 6);
    EXPECT_EQ(index.lineOf("/codes/1/tags"), 7);
}

TEST(JsonLineIndex, ArrayElementsAreOnTheLineWhereTheyStart) {
    const JsonLineIndex index(kDocument);
    EXPECT_EQ(index.lineOf("/codes/0"), 4);
    EXPECT_EQ(index.lineOf("/codes/0/label"), 4);
    EXPECT_EQ(index.lineOf("/codes/1"), 5);
    EXPECT_EQ(index.lineOf("/codes/1/tags/0"), 7);
    EXPECT_EQ(index.lineOf("/codes/1/tags/1"), 8);
}

TEST(JsonLineIndex, NamesAreEscapedAndDecodedLikePointers) {
    const JsonLineIndex index(kDocument);
    EXPECT_EQ(index.lineOf("/a~1b"), 11);
    EXPECT_EQ(index.lineOf("/m~0n/x"), 11);
    EXPECT_EQ(index.lineOf("/caf\xC3\xA9"), 12);
    EXPECT_EQ(index.lineOf("/esc\"aped/1"), 13);
}

TEST(JsonLineIndex, AMissingPointerFallsBackToItsNearestAncestor) {
    const JsonLineIndex index(kDocument);
    EXPECT_EQ(index.lineOf("/codes/1/kind"), 5);
    EXPECT_EQ(index.lineOf("/codes/7/id"), 3);
    EXPECT_EQ(index.lineOf("/nothing/here"), 1);
    EXPECT_EQ(JsonLineIndex("").lineOf("/x"), 0);
}

TEST(JsonLineIndex, ReportsDuplicateMembersAndKeepsTheLastLine) {
    const JsonLineIndex index("{\n\"a\": 1,\n\"b\": {\"c\": 1,\n\"c\": 2},\n\"a\": 3\n}");
    EXPECT_EQ(index.duplicateMembers(), (std::vector<std::string>{"/b/c", "/a"}));
    EXPECT_EQ(index.lineOf("/a"), 5);
    EXPECT_EQ(index.lineOf("/b/c"), 4);
}

TEST(JsonLineIndex, SkipsAByteOrderMarkAndCountsCarriageReturnLinesOnce) {
    const JsonLineIndex index("\xEF\xBB\xBF{\r\n\"a\":\r\n  [1,\r\n 2]}");
    EXPECT_EQ(index.lineOf("/a"), 2);
    EXPECT_EQ(index.lineOf("/a/1"), 4);
}

TEST(JsonLineIndex, StopsQuietlyAtDamage) {
    const JsonLineIndex index("{\n\"a\": 1,\n\"b\": ]\n\"c\": 2}");
    EXPECT_EQ(index.lineOf("/a"), 2);
    EXPECT_EQ(index.lineOf("/b"), 3);
    EXPECT_EQ(index.lineOf("/c"), 1);
}

TEST(JsonLineIndex, SurvivesDeepNesting) {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    EXPECT_EQ(JsonLineIndex(deep).lineOf("/0/0/0"), 1);
}

TEST(PositionAt, CountsLinesAndColumnsFromOne) {
    const std::string_view text = "ab\ncd\n\nx";
    EXPECT_EQ(positionAt(text, 0).line, 1);
    EXPECT_EQ(positionAt(text, 0).column, 1);
    EXPECT_EQ(positionAt(text, 4).line, 2);
    EXPECT_EQ(positionAt(text, 4).column, 2);
    EXPECT_EQ(positionAt(text, 7).line, 4);
    EXPECT_EQ(positionAt(text, 99).line, 4);
}

TEST(EscapePointerToken, EscapesTildeBeforeSlash) {
    EXPECT_EQ(escapePointerToken("a/b~c"), "a~1b~0c");
    EXPECT_EQ(escapePointerToken("~1"), "~01");
}

} // namespace
} // namespace sb::schemes
