#pragma once
// Checks across a whole scheme (internal to schemes/): duplicate ids, unknown references,
// keys bound twice, exclusive-group rules and half-done translations.
//
// Runs on what scheme_reader.h built, whose vectors match the file's arrays index for index,
// so every finding can name the JSON path it came from.

#include "schemes/coding_scheme.h"
#include "schemes/diagnostic_log.h"

namespace sb::schemes {

void checkScheme(const CodingScheme& scheme, DiagnosticLog& log);

} // namespace sb::schemes
