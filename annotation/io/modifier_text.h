#pragma once
// Modifiers as one text field (CSV and other flat formats):
//
//   set=value;set2=value2
//
// in set-id order, "" for none. A backslash escapes the next character, so a value may hold
// '\\', ';' and '=' as "\\\\", "\\;" and "\\="; no other escapes exist. Set ids are scheme
// ids ([A-Za-z0-9_.-]) and never need escaping.

#include "annotation/annotation.h"

#include <optional>
#include <string>
#include <string_view>

namespace sb::annotation::io {

[[nodiscard]] std::string encodeModifiers(const Modifiers& modifiers);

// None with *why set for malformed text: a part without '=', an empty set id, a set given
// twice, a dangling or unknown escape.
[[nodiscard]] std::optional<Modifiers> decodeModifiers(std::string_view text, std::string* why = nullptr);

} // namespace sb::annotation::io
