#pragma once
// Importing a file into a session and exporting a session to a file, in any registered
// format (annotation_format.h).
//
// An import is all or nothing: every row is read and checked first (the scheme's rules for
// each annotation, exclusive groups among the file's rows and against what the coder already
// has in the session), and only a file without a single bad row is written, as one
// transaction. The first bad row is reported as ImportError "FILE:ROW: reason" and the
// project is left exactly as it was.

#include "annotation/io/annotation_format.h"
#include "annotation/io/import_error.h"
#include "annotation/project.h"

#include <filesystem>
#include <optional>
#include <ostream>

namespace sb::annotation::io {

struct ImportOptions {
    // The coder the rows are by. Required for a file without a coder column; with one, every
    // row must name this coder.
    std::optional<CoderId> coder;
    // Replace the coders' existing annotations in the session instead of adding to them.
    bool replace = false;
};

struct ImportSummary {
    std::size_t imported = 0;
    std::int64_t replaced = 0;
};

ImportSummary importAnnotations(Project& project, SessionId session, const AnnotationFormat& format,
                                const std::filesystem::path& file, const ImportOptions& options);
// The same from text already in memory; `fileName` is what errors call it.
ImportSummary importAnnotationText(Project& project, SessionId session, const AnnotationFormat& format,
                                   std::string_view text, const std::string& fileName,
                                   const ImportOptions& options);

// Writes the session's annotations (one coder's, or every coder's with a coder per row).
// Exports are whole-project reads: they are made by research teams and the command line.
void exportAnnotations(Project& project, SessionId session, std::optional<CoderId> coder,
                       const AnnotationFormat& format, std::ostream& out);

// The bytes of a file to import; ImportError "FILE: cannot read the file" when it cannot be read.
[[nodiscard]] std::string readImportFile(const std::filesystem::path& file);

// Removes a project file made by an import that then failed (with SQLite's side files).
void discardProjectFile(const std::filesystem::path& file);

// For importers that also make sessions, coders or scheme versions (EAF, BORIS): checks rows
// whose session, coder and scheme version are set against the scheme (every rule of
// annotation_rules.h), one another and what is already stored, then inserts them. Call it
// inside the import's transaction: a bad row throws ImportError and the caller's transaction
// rolls everything back. Returns how many were written.
std::size_t writeImportedRows(Project& project, std::vector<ImportedRow>& rows, const std::string& fileName);

// The error for a row: "FILE:ROW: reason", or "FILE: where: reason" for formats without rows.
[[nodiscard]] ImportError rowError(const std::string& fileName, const ImportedRow& row,
                                   const std::string& reason);

struct ExportRequest {
    std::vector<SessionId> sessions; // in this order; empty: every session of the project
    std::optional<CoderId> coder;    // only this coder's work
    Microseconds unit{1'000'000};    // for per-time-unit tables
};

struct ExportSummary {
    std::size_t sessions = 0;
    std::size_t annotations = 0;
    std::size_t withModifiers = 0; // annotations that carry modifiers
    std::size_t withComments = 0;  // … and comments
};

// One or several sessions in one file. A format that holds one session (holdsSessions() false)
// needs exactly one in the request (std::invalid_argument otherwise).
ExportSummary exportSessions(Project& project, const AnnotationFormat& format, const ExportRequest& request,
                             std::ostream& out);

} // namespace sb::annotation::io
