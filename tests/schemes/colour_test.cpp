#include "schemes/colour.h"

#include <gtest/gtest.h>

namespace sb::schemes {
namespace {

TEST(ParseColour, HexInBothLengthsAndCases) {
    EXPECT_EQ(parseColour("#1a2B3c"), Colour{0x1a2b3c});
    EXPECT_EQ(parseColour("#fA0"), Colour{0xffaa00});
    EXPECT_EQ(parseColour("#000000"), Colour{0});
}

TEST(ParseColour, CssNamesInAnyCase) {
    EXPECT_EQ(parseColour("rebeccapurple"), Colour{0x663399});
    EXPECT_EQ(parseColour("SteelBlue"), Colour{0x4682b4});
    EXPECT_EQ(parseColour("aliceblue"), Colour{0xf0f8ff});
    EXPECT_EQ(parseColour("yellowgreen"), Colour{0x9acd32});
}

TEST(ParseColour, RejectsEverythingElse) {
    for (const char* text :
         {"", "#", "#12", "#1234", "#12345g", "123456", "bluish", "rgb(1,2,3)", "#1234567"}) {
        EXPECT_EQ(parseColour(text), std::nullopt) << text;
    }
}

TEST(Colour, HexIsLowerCaseWithSixDigits) {
    EXPECT_EQ(Colour{0x0a0b0c}.hex(), "#0a0b0c");
    EXPECT_EQ(Colour{}.hex(), "#808080");
    EXPECT_EQ(parseColour(Colour{0xabcdef}.hex()), Colour{0xabcdef});
}

} // namespace
} // namespace sb::schemes
