#pragma once
// The loader's list of diagnostics for one file (internal to schemes/).
//
// Readers and checks report against JSON pointers; the log turns each into a full
// SchemeDiagnostic with the file name and the line from the JsonLineIndex.

#include "schemes/json_line_index.h"
#include "schemes/scheme_loader.h"

#include <string>
#include <utility>
#include <vector>

namespace sb::schemes {

class DiagnosticLog {
public:
    DiagnosticLog(std::string file, const JsonLineIndex& index)
        : file_(std::move(file))
        , index_(index) {}

    void error(const std::string& path, std::string message) {
        add(SchemeDiagnostic::Severity::Error, path, index_.lineOf(path), std::move(message));
    }
    void warning(const std::string& path, std::string message) {
        add(SchemeDiagnostic::Severity::Warning, path, index_.lineOf(path), std::move(message));
    }
    // For problems that have a line but no path (malformed JSON) or neither (I/O).
    void errorAtLine(int line, std::string message) {
        add(SchemeDiagnostic::Severity::Error, "", line, std::move(message));
    }

    [[nodiscard]] bool hasErrors() const { return errors_ > 0; }
    [[nodiscard]] std::vector<SchemeDiagnostic> take() { return std::move(diagnostics_); }

private:
    void add(SchemeDiagnostic::Severity severity, const std::string& path, int line, std::string message) {
        if (severity == SchemeDiagnostic::Severity::Error) {
            ++errors_;
        }
        diagnostics_.push_back(SchemeDiagnostic{severity, file_, path, line, std::move(message)});
    }

    std::string file_;
    const JsonLineIndex& index_;
    std::vector<SchemeDiagnostic> diagnostics_;
    int errors_ = 0;
};

} // namespace sb::schemes
