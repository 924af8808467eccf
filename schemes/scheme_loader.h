#pragma once
// Loading and validating a coding-scheme file.
//
// Every problem is reported, not just the first, each naming the file, the JSON path
// (RFC 6901 pointer, e.g. "/codes/3/key") and, where it can be found, the line. Errors make
// the scheme unusable; warnings (an unknown field, say) let newer files still open.

#include "schemes/coding_scheme.h"

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sb::schemes {

struct SchemeDiagnostic {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    std::string file;     // as given to the loader
    std::string jsonPath; // "" for the document itself
    int line = 0;         // 1-based; 0 when unknown
    std::string message;

    // "file:line: error: /codes/3/key: key "p" is bound twice (also /codes/0/key)"
    [[nodiscard]] std::string toString() const;
};

struct SchemeLoadResult {
    std::optional<CodingScheme> scheme; // set when there are no errors
    std::vector<SchemeDiagnostic> diagnostics;
    [[nodiscard]] bool ok() const { return scheme.has_value(); }
};

// Parses and validates. Never throws for bad content; I/O failures become diagnostics too.
// Diagnostics come in file order (by line). The format is docs/scheme-format.md.
SchemeLoadResult loadSchemeFile(const std::filesystem::path& file);
SchemeLoadResult loadSchemeText(std::string_view json, std::string_view sourceName);

// Thrown by the *OrThrow variants; what() lists every error, one per line. On success
// they return the scheme and drop any warnings.
class SchemeError : public std::runtime_error {
public:
    explicit SchemeError(std::vector<SchemeDiagnostic> diagnostics);
    [[nodiscard]] const std::vector<SchemeDiagnostic>& diagnostics() const { return diagnostics_; }

private:
    std::vector<SchemeDiagnostic> diagnostics_;
};

CodingScheme loadSchemeFileOrThrow(const std::filesystem::path& file);
CodingScheme loadSchemeTextOrThrow(std::string_view json, std::string_view sourceName);

} // namespace sb::schemes
