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

} // namespace sb::annotation::io
