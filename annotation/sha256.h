#pragma once
// SHA-256 (FIPS 180-4) of a byte string, as 64 lowercase hex digits: the content hash that
// identifies a scheme version inside a project. Small enough to carry ourselves rather than
// pull a crypto library into the domain layer.

#include <string>
#include <string_view>

namespace sb::annotation {

[[nodiscard]] std::string sha256Hex(std::string_view bytes);

} // namespace sb::annotation
