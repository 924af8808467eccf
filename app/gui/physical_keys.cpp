#include "app/gui/physical_keys.h"

#include <array>

namespace sb::gui {
namespace {

// One key of the main block: its evdev code, its name in the scheme's notation, and what the
// US and the Persian (ISIRI 9147) layouts type on it without and with Shift. The Persian
// columns follow xkeyboard-config's symbols/ir "pes" variant, levels 1 and 2.
struct Row {
    int evdev;
    const char* name;
    const char* us;
    const char* usShift;
    const char* fa;
    const char* faShift;
};

// clang-format off
constexpr std::array kKeys{
    Row{1,  "Esc",       "",   "",   "",   ""},
    Row{41, "`",         "`",  "~",  "\u200D", "÷"},   // ZWJ
    Row{2,  "1",         "1",  "!",  "۱",  "!"},
    Row{3,  "2",         "2",  "@",  "۲",  "\u066C"},  // Arabic thousands separator
    Row{4,  "3",         "3",  "#",  "۳",  "\u066B"},  // Arabic decimal separator
    Row{5,  "4",         "4",  "$",  "۴",  "\uFDFC"},  // rial sign
    Row{6,  "5",         "5",  "%",  "۵",  "\u066A"},  // Arabic percent sign
    Row{7,  "6",         "6",  "^",  "۶",  "×"},
    Row{8,  "7",         "7",  "&",  "۷",  "،"},
    Row{9,  "8",         "8",  "*",  "۸",  "*"},
    Row{10, "9",         "9",  "(",  "۹",  ")"},
    Row{11, "0",         "0",  ")",  "۰",  "("},
    Row{12, "-",         "-",  "_",  "-",  "\u0640"},  // tatweel
    Row{13, "=",         "=",  "+",  "=",  "+"},
    Row{14, "Backspace", "",   "",   "",   ""},
    Row{15, "Tab",       "",   "",   "",   ""},
    Row{16, "Q",         "q",  "Q",  "ض",  "\u0652"},  // sukun
    Row{17, "W",         "w",  "W",  "ص",  "\u064C"},  // dammatan
    Row{18, "E",         "e",  "E",  "ث",  "\u064D"},  // kasratan
    Row{19, "R",         "r",  "R",  "ق",  "\u064B"},  // fathatan
    Row{20, "T",         "t",  "T",  "ف",  "\u064F"},  // damma
    Row{21, "Y",         "y",  "Y",  "غ",  "\u0650"},  // kasra
    Row{22, "U",         "u",  "U",  "ع",  "\u064E"},  // fatha
    Row{23, "I",         "i",  "I",  "ه",  "\u0651"},  // shadda
    Row{24, "O",         "o",  "O",  "خ",  "]"},
    Row{25, "P",         "p",  "P",  "ح",  "["},
    Row{26, "[",         "[",  "{",  "ج",  "}"},
    Row{27, "]",         "]",  "}",  "چ",  "{"},
    Row{28, "Return",    "",   "",   "",   ""},
    Row{30, "A",         "a",  "A",  "ش",  "ؤ"},
    Row{31, "S",         "s",  "S",  "س",  "ئ"},
    Row{32, "D",         "d",  "D",  "ی",  "ي"},
    Row{33, "F",         "f",  "F",  "ب",  "إ"},
    Row{34, "G",         "g",  "G",  "ل",  "أ"},
    Row{35, "H",         "h",  "H",  "ا",  "آ"},
    Row{36, "J",         "j",  "J",  "ت",  "ة"},
    Row{37, "K",         "k",  "K",  "ن",  "»"},
    Row{38, "L",         "l",  "L",  "م",  "«"},
    Row{39, ";",         ";",  ":",  "ک",  ":"},
    Row{40, "'",         "'",  "\"", "گ",  "؛"},
    Row{43, "\\",        "\\", "|",  "\\", "|"},
    Row{44, "Z",         "z",  "Z",  "ظ",  "ك"},
    Row{45, "X",         "x",  "X",  "ط",  "\u0653"},  // maddah above
    Row{46, "C",         "c",  "C",  "ز",  "ژ"},
    Row{47, "V",         "v",  "V",  "ر",  "\u0670"},  // superscript alef
    Row{48, "B",         "b",  "B",  "ذ",  "\u200C"},  // ZWNJ
    Row{49, "N",         "n",  "N",  "د",  "\u0654"},  // hamza above
    Row{50, "M",         "m",  "M",  "پ",  "ء"},
    Row{51, ",",         ",",  "<",  "و",  ">"},
    Row{52, ".",         ".",  ">",  ".",  "<"},
    Row{53, "/",         "/",  "?",  "/",  "؟"},
    Row{57, "Space",     "",   "",   "",   ""},
    Row{59, "F1",  "", "", "", ""}, Row{60, "F2",  "", "", "", ""}, Row{61, "F3",  "", "", "", ""},
    Row{62, "F4",  "", "", "", ""}, Row{63, "F5",  "", "", "", ""}, Row{64, "F6",  "", "", "", ""},
    Row{65, "F7",  "", "", "", ""}, Row{66, "F8",  "", "", "", ""}, Row{67, "F9",  "", "", "", ""},
    Row{68, "F10", "", "", "", ""}, Row{87, "F11", "", "", "", ""}, Row{88, "F12", "", "", "", ""},
};
// clang-format on

const Row* rowOf(int evdev) {
    for (const Row& row : kKeys)
        if (row.evdev == evdev)
            return &row;
    return nullptr;
}

} // namespace

std::optional<PhysicalKey> physicalKeyOf(std::string_view key) {
    for (const Row& row : kKeys)
        if (key == row.name)
            return PhysicalKey{row.evdev, false};
    // A character typed with Shift on the US layout ("!", "?", ":").
    if (key.size() == 1)
        for (const Row& row : kKeys)
            if (key == row.usShift)
                return PhysicalKey{row.evdev, true};
    return std::nullopt;
}

TypedCharacters usCharacters(int evdev) {
    const Row* row = rowOf(evdev);
    return row ? TypedCharacters{QString::fromUtf8(row->us), QString::fromUtf8(row->usShift)}
               : TypedCharacters{};
}

TypedCharacters persianCharacters(int evdev) {
    const Row* row = rowOf(evdev);
    return row ? TypedCharacters{QString::fromUtf8(row->fa), QString::fromUtf8(row->faShift)}
               : TypedCharacters{};
}

std::optional<PhysicalKey> persianKeyOf(const QString& character) {
    if (character.isEmpty() || character.front().unicode() < 0x80)
        return std::nullopt;
    for (const Row& row : kKeys) {
        if (character == QString::fromUtf8(row.fa))
            return PhysicalKey{row.evdev, false};
        if (character == QString::fromUtf8(row.faShift))
            return PhysicalKey{row.evdev, true};
    }
    return std::nullopt;
}

bool isPersianScript(const QString& text) {
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u >= 0x0600 && u <= 0x06FF) || (u >= 0xFB50 && u <= 0xFDFF) || (u >= 0xFE70 && u <= 0xFEFF))
            return true;
    }
    return false;
}

NativeKeyCodes nativeKeyCodesOf(const QString& platformName) {
    if (platformName == QLatin1String("xcb") || platformName.startsWith(QLatin1String("wayland")))
        return NativeKeyCodes::Xkb;
    if (platformName == QLatin1String("windows"))
        return NativeKeyCodes::WindowsScanCodes;
    return NativeKeyCodes::None;
}

std::optional<int> evdevOf(quint32 nativeScanCode, NativeKeyCodes codes) {
    if (nativeScanCode == 0 || codes == NativeKeyCodes::None)
        return std::nullopt;
    const auto evdev = static_cast<int>(codes == NativeKeyCodes::Xkb ? nativeScanCode - 8 : nativeScanCode);
    if (codes == NativeKeyCodes::Xkb && nativeScanCode < 8)
        return std::nullopt;
    return rowOf(evdev) ? std::optional<int>(evdev) : std::nullopt;
}

quint32 nativeScanCodeOf(int evdev, NativeKeyCodes codes) {
    switch (codes) {
    case NativeKeyCodes::Xkb:
        return static_cast<quint32>(evdev + 8);
    case NativeKeyCodes::WindowsScanCodes:
        return static_cast<quint32>(evdev);
    case NativeKeyCodes::None:
        break;
    }
    return 0;
}

} // namespace sb::gui
