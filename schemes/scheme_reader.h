#pragma once
// Reading a parsed scheme document into the model (internal to schemes/).
//
// Checks what can be judged where it stands: required fields, types, id and language-tag
// shapes, colours, key syntax, ranges and anchors, unknown fields. Cross-references
// (unknown ids, duplicates, key clashes, groups) are scheme_checks.h's job.
//
// The model keeps the file's order and one element per array element, even for broken
// ones, so a check can name "/codes/3" from a code's index alone.

#include "schemes/coding_scheme.h"
#include "schemes/diagnostic_log.h"

#include <nlohmann/json_fwd.hpp>

namespace sb::schemes {

// The only format version this build reads; files declare theirs in "formatVersion".
inline constexpr int kSchemeFormatVersion = 1;

CodingScheme readScheme(const nlohmann::json& document, DiagnosticLog& log);

} // namespace sb::schemes
