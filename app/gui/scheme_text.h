#pragma once
// A scheme's labels and descriptions in the interface language. Schemes carry their own
// translations (docs/scheme-format.md); the interface language is QLocale()'s default, which
// the language switch sets, so a label follows the interface at run time.

#include "schemes/coding_scheme.h"

#include <QString>

namespace sb::gui {

// "fa" for fa_IR: the language part of the interface locale.
[[nodiscard]] std::string interfaceLanguage();

[[nodiscard]] QString schemeText(const schemes::LocalizedText& text);

// A code id as the scheme labels it; the id itself when the scheme has no such code.
[[nodiscard]] QString codeLabel(const schemes::CodingScheme& scheme, const std::string& code);
// An agreement stream's name as the engine writes it, "id" or "id (subject)" (a group's or a
// code's id), with the scheme's labels: "گریه (کودک)". Parts the scheme does not know stay ids.
[[nodiscard]] QString streamLabel(const schemes::CodingScheme& scheme, const std::string& stream);

} // namespace sb::gui
