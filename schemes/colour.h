#pragma once
// Colours as scheme files write them.

#include "schemes/coding_scheme.h"

#include <optional>
#include <string_view>

namespace sb::schemes {

// "#rrggbb", "#rgb" (either case) or one of the 148 CSS/SVG colour names (any case);
// nothing for anything else, so the validator can say which colour did not parse.
std::optional<Colour> parseColour(std::string_view text);

} // namespace sb::schemes
