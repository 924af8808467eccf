#include "schemes/scheme_loader.h"

#include "schemes/diagnostic_log.h"
#include "schemes/json_line_index.h"
#include "schemes/scheme_checks.h"
#include "schemes/scheme_reader.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace sb::schemes {

namespace {

// Far above any real scheme (the bundled ones are tens of kilobytes); stops a wrong file
// (a video, say) from being read whole into memory.
constexpr std::uintmax_t kMaxSchemeBytes = 16U * 1024U * 1024U;

// nlohmann's message without its "[json.exception.parse_error.101] parse error at line 3,
// column 5: " prefix, since the diagnostic carries its own position.
std::string parseErrorReason(const std::string& what) {
    const auto column = what.find("column ");
    if (column != std::string::npos) {
        if (const auto colon = what.find(": ", column); colon != std::string::npos) {
            return what.substr(colon + 2);
        }
    }
    return what;
}

std::string joinErrors(const std::vector<SchemeDiagnostic>& diagnostics) {
    std::string text;
    for (const SchemeDiagnostic& diagnostic : diagnostics) {
        if (diagnostic.severity == SchemeDiagnostic::Severity::Error) {
            text += (text.empty() ? "" : "\n") + diagnostic.toString();
        }
    }
    return text.empty() ? "invalid coding scheme" : text;
}

SchemeLoadResult failure(std::string file, std::string message) {
    SchemeLoadResult result;
    result.diagnostics.push_back(
        SchemeDiagnostic{SchemeDiagnostic::Severity::Error, std::move(file), "", 0, std::move(message)});
    return result;
}

} // namespace

std::string SchemeDiagnostic::toString() const {
    std::string text = file;
    if (line > 0) {
        text += fmt::format(":{}", line);
    }
    text += severity == Severity::Error ? ": error: " : ": warning: ";
    if (!jsonPath.empty()) {
        text += jsonPath + ": ";
    }
    return text + message;
}

SchemeLoadResult loadSchemeText(std::string_view json, std::string_view sourceName) {
    const JsonLineIndex index(json);
    DiagnosticLog log(std::string(sourceName), index);
    SchemeLoadResult result;

    nlohmann::json document;
    try {
        document = nlohmann::json::parse(json.begin(), json.end());
    } catch (const nlohmann::json::parse_error& e) {
        // e.byte counts from 1 and points at the last character read: the offending one.
        const TextPosition position = positionAt(json, e.byte > 0 ? e.byte - 1 : 0);
        log.errorAtLine(position.line, fmt::format("malformed JSON at column {}: {}", position.column,
                                                   parseErrorReason(e.what())));
        result.diagnostics = log.take();
        return result;
    }

    for (const std::string& path : index.duplicateMembers()) {
        log.error(path, "this field is given twice in the same object; only the last would count");
    }
    CodingScheme scheme = readScheme(document, log);
    checkScheme(scheme, log);
    if (!log.hasErrors()) {
        result.scheme = std::move(scheme);
    }
    // In file order, as an author fixes them; checks that span the file run after reading.
    result.diagnostics = log.take();
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const SchemeDiagnostic& a, const SchemeDiagnostic& b) { return a.line < b.line; });
    return result;
}

SchemeLoadResult loadSchemeFile(const std::filesystem::path& file) {
    const std::string name = file.string();
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    if (error) {
        return failure(name, fmt::format("cannot read: {}", error.message()));
    }
    if (size > kMaxSchemeBytes) {
        return failure(name, fmt::format("{} bytes is too large for a coding scheme (at most {})", size,
                                         kMaxSchemeBytes));
    }
    std::ifstream stream(file, std::ios::binary);
    if (!stream) {
        return failure(name, fmt::format("cannot open: {}", std::strerror(errno)));
    }
    std::ostringstream text;
    text << stream.rdbuf();
    if (stream.bad()) {
        return failure(name, "read error");
    }
    return loadSchemeText(text.str(), name);
}

SchemeError::SchemeError(std::vector<SchemeDiagnostic> diagnostics)
    : std::runtime_error(joinErrors(diagnostics))
    , diagnostics_(std::move(diagnostics)) {}

CodingScheme loadSchemeFileOrThrow(const std::filesystem::path& file) {
    SchemeLoadResult result = loadSchemeFile(file);
    if (!result.ok()) {
        throw SchemeError(std::move(result.diagnostics));
    }
    return std::move(*result.scheme);
}

CodingScheme loadSchemeTextOrThrow(std::string_view json, std::string_view sourceName) {
    SchemeLoadResult result = loadSchemeText(json, sourceName);
    if (!result.ok()) {
        throw SchemeError(std::move(result.diagnostics));
    }
    return std::move(*result.scheme);
}

} // namespace sb::schemes
