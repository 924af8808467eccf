#include "schemes/identifiers.h"

#include <gtest/gtest.h>

namespace sb::schemes {
namespace {

TEST(IsSchemeId, AsciiLettersDigitsAndThreeMarks) {
    EXPECT_TRUE(isSchemeId("explore_locomotor"));
    EXPECT_TRUE(isSchemeId("B3"));
    EXPECT_TRUE(isSchemeId("strange-situation.v2"));
    EXPECT_FALSE(isSchemeId(""));
    EXPECT_FALSE(isSchemeId("two words"));
    EXPECT_FALSE(isSchemeId("caf\xC3\xA9"));
    EXPECT_FALSE(isSchemeId("a/b"));
}

TEST(IsLanguageTag, AcceptsPlausibleTags) {
    for (const char* tag : {"en", "fa", "ckb", "pt-BR", "zh-Hant", "es-419", "sr-Latn-RS", "EN"}) {
        EXPECT_TRUE(isLanguageTag(tag)) << tag;
    }
}

TEST(IsLanguageTag, RejectsNamesAndUnderscores) {
    for (const char* tag : {"", "e", "english", "en_US", "en-", "-en", "en--US", "e1", "en-toolongsubtag"}) {
        EXPECT_FALSE(isLanguageTag(tag)) << tag;
    }
}

TEST(IsKnownLanguage, TwoLetterLanguagesAreIso6391) {
    for (const char* tag : {"en", "fa", "FA", "ku", "ar", "pt-BR", "zu", "aa", "ckb", "glk-IR"}) {
        EXPECT_TRUE(isKnownLanguage(tag)) << tag;
    }
    for (const char* tag : {"xx", "pe", "ir", "zz-ZZ", "qq"}) {
        EXPECT_FALSE(isKnownLanguage(tag)) << tag;
    }
}

} // namespace
} // namespace sb::schemes
