#pragma once
// Key bindings as scheme files write them ("p", "shift+p", "Ctrl+F2"), in one canonical form.
//
// Code and subject keys share one keyboard, so the validator compares canonical forms, and
// the GUI matches key presses against them. The form follows Qt's portable key-sequence
// text so it can go straight into a QKeySequence: modifiers in the order Ctrl, Alt, Shift,
// Meta, then the key; letters in upper case ("p" and "P" are the same key, "Shift+P" is
// another), named keys in Qt's spelling ("escape" -> "Esc", "pagedown" -> "PgDown").

#include <optional>
#include <string>
#include <string_view>

namespace sb::schemes {

// The canonical form, or nothing when `typed` is not a key binding (empty, an unknown key
// name, a modifier alone or twice). A single non-ASCII character is kept as written.
std::optional<std::string> normaliseKey(std::string_view typed);

} // namespace sb::schemes
