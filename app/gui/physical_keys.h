#pragma once
// Coding keys are places on the keyboard, not characters. A trainee switches between the
// Persian and the English layout all day; a code bound to "P" must fire from the key printed
// P whichever layout is active, even though that key types "ح" in the Persian one.
//
// This is the one table that knows where the keys of a scheme's notation (letters, digits,
// punctuation, Space, Tab, Return, Esc, Backspace, F1–F12; schemes/key_binding.h) sit: on the
// US reference layout, named by their Linux evdev code (linux/input-event-codes.h, KEY_P =
// 25), with what the US and the Persian standard layout (ISIRI 9147, as xkeyboard-config's
// "ir" layout has it) type on each. Keys whose Qt::Key never depends on the layout (arrows,
// Home, Del, F13+) and characters that are on no US key (a Persian letter as a binding) have
// no place here: they are matched by their Qt::Key or character.

#include <QString>

#include <optional>
#include <string_view>

namespace sb::gui {

// A key of the reference layout, and whether the binding's character needs Shift there
// ("!" is Shift+1 on a US keyboard).
struct PhysicalKey {
    int evdev = 0;
    bool shifted = false;
    friend bool operator==(const PhysicalKey&, const PhysicalKey&) = default;
};

// Where a key of the scheme's notation, without modifiers and in the canonical form of
// schemes/key_binding.h ("P", "7", "!", "/", "F2", "Space"), sits on the US layout.
[[nodiscard]] std::optional<PhysicalKey> physicalKeyOf(std::string_view key);

// What a layout types on a key, without and with Shift; empty strings where it types nothing
// printable (Space, F-keys) or the key is not in the table.
struct TypedCharacters {
    QString plain;
    QString shifted;
};
[[nodiscard]] TypedCharacters usCharacters(int evdev);
[[nodiscard]] TypedCharacters persianCharacters(int evdev);

// The key a character is typed with on the Persian layout ("ح" -> P, "ژ" -> Shift+C); nothing
// for characters the layout shares with US ASCII, which would be ambiguous.
[[nodiscard]] std::optional<PhysicalKey> persianKeyOf(const QString& character);

// A Persian or Arabic letter or digit: the text of a key event shows the Persian layout.
[[nodiscard]] bool isPersianScript(const QString& text);

// How QKeyEvent::nativeScanCode() numbers keys on a platform.
enum class NativeKeyCodes {
    None,             // no usable codes (offscreen, macOS, …): match by character
    Xkb,              // X11 and Wayland: xkb key codes, evdev + 8 (P = 33)
    WindowsScanCodes, // PC set-1 scan codes, equal to evdev codes for the main block (P = 25)
};
[[nodiscard]] NativeKeyCodes nativeKeyCodesOf(const QString& platformName);

// The evdev code of a key event's native scan code, when it is a key of the table.
[[nodiscard]] std::optional<int> evdevOf(quint32 nativeScanCode, NativeKeyCodes codes);
// The native scan code a platform reports for a key of the table (for tests and tools).
[[nodiscard]] quint32 nativeScanCodeOf(int evdev, NativeKeyCodes codes);

} // namespace sb::gui
