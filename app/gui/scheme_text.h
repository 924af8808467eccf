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

} // namespace sb::gui
