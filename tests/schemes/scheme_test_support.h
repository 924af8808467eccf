#pragma once
// Helpers for the loader tests: load text and compare diagnostics as the CLI prints them.

#include "schemes/scheme_loader.h"

#include <string>
#include <string_view>
#include <vector>

namespace sb::schemes::test {

// Every diagnostic of `json` (loaded as "s.json") as "s.json:line: severity: /path: message".
inline std::vector<std::string> diagnosticsOf(std::string_view json) {
    std::vector<std::string> lines;
    for (const SchemeDiagnostic& diagnostic : loadSchemeText(json, "s.json").diagnostics) {
        lines.push_back(diagnostic.toString());
    }
    return lines;
}

// A scheme whose first two lines hold the required header, so line N of `body` is line N + 2
// of the file.
inline std::string withHeader(std::string_view body) {
    return "{\n  \"formatVersion\": 1, \"id\": \"t\", \"name\": \"T\", \"version\": \"1\",\n" +
           std::string(body) + "\n}";
}

using Lines = std::vector<std::string>;

} // namespace sb::schemes::test
