#pragma once
// A file format annotations are imported from and exported to. Formats only translate text
// to rows and back; checking rows against the scheme and the project, and writing them as one
// transaction, is the same for every format (annotation_import.h). A new format (EAF, BORIS,
// SDIS, …) is a class here plus a line in format_registry.cpp.

#include "annotation/annotation.h"
#include "annotation/coder.h"
#include "annotation/session.h"
#include "schemes/coding_scheme.h"

#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace sb::annotation::io {

// One annotation as read, with the row to blame for it and, when the file names coders,
// the coder's name. Only code, subject, times, modifiers and comment of `annotation` are set.
// Formats without rows (BORIS's JSON) name the place in `where` instead ("observation 'x',
// event 12"); errors then read "FILE: where: reason".
struct ImportedRow {
    int row = 0;
    std::string coderName;
    Annotation annotation;
    std::string where;
};

struct ImportedFile {
    bool namesCoders = false; // the file has a coder per row
    std::vector<ImportedRow> rows;
};

// What an export writes: one session's annotations, with who made them.
struct SessionExport {
    const Session& session;
    const schemes::CodingScheme& scheme;        // the current one, for formats that list codes
    const std::map<CoderId, Coder>& coders;     // every coder of the project
    const std::vector<Annotation>& annotations; // ordered by start, then id
    bool namesCoders = false;                   // several coders: add a coder per row
    Microseconds unit{1'000'000};               // per-time-unit tables (wide): the unit
};

class AnnotationFormat {
public:
    virtual ~AnnotationFormat() = default;
    [[nodiscard]] virtual std::string_view name() const = 0; // as given to --format
    // Throws ImportError("FILE:ROW: …") for text it cannot read.
    [[nodiscard]] virtual ImportedFile read(std::string_view text, const std::string& fileName) const = 0;
    virtual void write(std::ostream& out, const SessionExport& session) const = 0;

    // Export-only formats (tables for statistics) say no; the CLI then refuses to import them.
    [[nodiscard]] virtual bool canImport() const { return true; }
    // Whether one file may hold several sessions (writeSessions); else exactly one is written.
    [[nodiscard]] virtual bool holdsSessions() const { return false; }
    // Several sessions in one file. The default writes the single session with write().
    virtual void writeSessions(std::ostream& out, const std::vector<SessionExport>& sessions) const;
    // What of an annotation the format cannot hold ("modifiers and comments"), "" for nothing.
    [[nodiscard]] virtual std::string_view drops() const { return {}; }
    // Anything else an export changes (rounding, …), said on stderr after every export.
    [[nodiscard]] virtual std::string_view note() const { return {}; }
};

// The format called `name`, or nullptr.
[[nodiscard]] const AnnotationFormat* findFormat(std::string_view name);
[[nodiscard]] std::vector<std::string> formatNames();

} // namespace sb::annotation::io
