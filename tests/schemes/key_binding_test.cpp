#include "schemes/key_binding.h"

#include <gtest/gtest.h>

namespace sb::schemes {
namespace {

TEST(NormaliseKey, LettersAreUpperCaseSoCaseDoesNotMatter) {
    EXPECT_EQ(normaliseKey("p"), "P");
    EXPECT_EQ(normaliseKey("P"), "P");
    EXPECT_EQ(normaliseKey("shift+p"), "Shift+P");
    EXPECT_EQ(normaliseKey("Shift+P"), "Shift+P");
    EXPECT_EQ(normaliseKey("SHIFT + p"), "Shift+P");
}

TEST(NormaliseKey, ShiftIsAModifierOfItsOwn) {
    EXPECT_NE(normaliseKey("Shift+P"), normaliseKey("P"));
}

TEST(NormaliseKey, ModifiersComeInQtOrder) {
    EXPECT_EQ(normaliseKey("shift+ctrl+a"), "Ctrl+Shift+A");
    EXPECT_EQ(normaliseKey("meta+shift+alt+control+1"), "Ctrl+Alt+Shift+Meta+1");
    EXPECT_EQ(normaliseKey("option+x"), "Alt+X");
}

TEST(NormaliseKey, NamedKeysTakeQtSpelling) {
    EXPECT_EQ(normaliseKey("space"), "Space");
    EXPECT_EQ(normaliseKey("ESCAPE"), "Esc");
    EXPECT_EQ(normaliseKey("pagedown"), "PgDown");
    EXPECT_EQ(normaliseKey("delete"), "Del");
    EXPECT_EQ(normaliseKey("f2"), "F2");
    EXPECT_EQ(normaliseKey("ctrl+F35"), "Ctrl+F35");
}

TEST(NormaliseKey, PunctuationAndPlusItself) {
    EXPECT_EQ(normaliseKey("/"), "/");
    EXPECT_EQ(normaliseKey("+"), "+");
    EXPECT_EQ(normaliseKey("Ctrl++"), "Ctrl++");
}

TEST(NormaliseKey, KeepsOneNonAsciiCharacter) {
    EXPECT_EQ(normaliseKey("\xD8\xA8"), "\xD8\xA8");           // Arabic letter beh
    EXPECT_EQ(normaliseKey("\xD8\xA8\xD8\xA8"), std::nullopt); // two of them
}

TEST(NormaliseKey, RejectsWhatIsNotAKey) {
    for (const char* typed : {"", " ", "Shift", "Ctrl+", "Ctrl+Ctrl+A", "Hyper+A", "F0", "F36", "F01", "pp",
                              "enterr", "+A", "\x01"}) {
        EXPECT_EQ(normaliseKey(typed), std::nullopt) << '"' << typed << '"';
    }
}

} // namespace
} // namespace sb::schemes
