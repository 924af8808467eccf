#pragma once
// The shapes of ids and language tags a scheme file may use.

#include <string_view>

namespace sb::schemes {

// Ids are stored in project files, exported to CSV/EAF/BORIS and typed on command lines,
// so they stay ASCII: one or more of [A-Za-z0-9_.-].
bool isSchemeId(std::string_view text);

// A plausible BCP 47 tag as labs write them: a 2–3 letter language ("en", "fa", "ckb"),
// optionally followed by subtags of 1–8 letters or digits ("pt-BR", "zh-Hant", "es-419").
// Not a registry check: "xx" passes, "english" and "en_US" do not.
bool isLanguageTag(std::string_view text);

// Whether a language tag names a language that exists: a two-letter language must be an
// ISO 639-1 code ("fa", "en", "ku"; not "xx" or "pe"); three-letter languages (ISO 639-2/3,
// "ckb", "glk") are too many to list and are taken as written. Case does not matter.
bool isKnownLanguage(std::string_view tag);

} // namespace sb::schemes
