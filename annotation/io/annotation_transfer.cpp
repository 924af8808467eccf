#include "annotation/io/annotation_transfer.h"

#include "annotation/annotation_rules.h"
#include "annotation/io/import_error.h"
#include "annotation/project_error.h"

#include <fmt/core.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <tuple>

namespace sb::annotation::io {

std::string readImportFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw ImportError(file.string(), 0, "cannot read the file");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void discardProjectFile(const std::filesystem::path& file) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::filesystem::remove(file.string() + suffix, ignored);
    }
}

namespace {

// Fills in who and what each row is, and checks it against the scheme on its own.
void resolveRows(Project& project, SessionId session, ImportedFile& file, const std::string& fileName,
                 const ImportOptions& options) {
    auto& store = project.store();
    const auto schemeVersion = project.schemes().currentId();
    const auto& scheme = project.schemes().scheme(schemeVersion);
    const auto now = store.now();
    std::map<std::string, CoderId> coderIds;
    for (const auto& coder : store.coders()) {
        coderIds.emplace(coder.name, coder.id);
    }
    if (!file.namesCoders && !options.coder) {
        throw ImportError(fileName, 1,
                          "the file has no coder column: say whose annotations these are (--coder)");
    }
    for (auto& row : file.rows) {
        auto& a = row.annotation;
        a.session = session;
        a.schemeVersion = schemeVersion;
        a.createdAt = now;
        a.modifiedAt = now;
        if (file.namesCoders) {
            const auto found = coderIds.find(row.coderName);
            if (found == coderIds.end()) {
                throw ImportError(fileName, row.row, fmt::format("unknown coder '{}'", row.coderName));
            }
            if (options.coder && found->second != *options.coder) {
                throw ImportError(fileName, row.row,
                                  fmt::format("the row is by coder '{}', but the import is for another coder",
                                              row.coderName));
            }
            a.coder = found->second;
        } else {
            a.coder = *options.coder;
        }
        if (auto problem = annotationProblem(scheme, a)) {
            throw rowError(fileName, row, *problem);
        }
    }
}

// Exclusive groups among the file's own rows: sort each coder/subject/group's states by
// start and compare neighbours, blaming whichever row comes later in the file.
void checkRowsAgainstEachOther(const schemes::CodingScheme& scheme, const ImportedFile& file,
                               const std::string& fileName) {
    struct Item {
        std::int64_t session;
        std::int64_t coder;
        std::string subject;
        std::string group;
        const ImportedRow* row;
    };
    std::vector<Item> items;
    for (const auto& row : file.rows) {
        const auto& a = row.annotation;
        const auto* group = scheme.groupOf(a.code);
        if (!a.isPoint() && group != nullptr) {
            // "\x01" keeps "no subject" apart from every real subject id.
            items.push_back({a.session.value, a.coder.value, a.subject.value_or("\x01"), group->id, &row});
        }
    }
    std::sort(items.begin(), items.end(), [](const Item& x, const Item& y) {
        return std::tie(x.session, x.coder, x.subject, x.group, x.row->annotation.start, x.row->row) <
               std::tie(y.session, y.coder, y.subject, y.group, y.row->annotation.start, y.row->row);
    });
    const ImportedRow* reaching = nullptr; // the state reaching furthest so far in this key
    for (std::size_t i = 0; i < items.size(); ++i) {
        const bool sameKey = i > 0 && items[i].session == items[i - 1].session &&
                             items[i].coder == items[i - 1].coder &&
                             items[i].subject == items[i - 1].subject && items[i].group == items[i - 1].group;
        if (!sameKey) {
            reaching = items[i].row;
            continue;
        }
        const auto& current = *items[i].row;
        if (current.annotation.start < *reaching->annotation.end) {
            const auto& later = current.row > reaching->row ? current : *reaching;
            const auto& earlier = current.row > reaching->row ? *reaching : current;
            throw rowError(
                fileName, later,
                fmt::format("{} ({})", describeConflict(scheme, later.annotation, earlier.annotation),
                            earlier.where.empty() ? fmt::format("row {}", earlier.row) : earlier.where));
        }
        if (*current.annotation.end > *reaching->annotation.end) {
            reaching = &current;
        }
    }
}

} // namespace

ImportError rowError(const std::string& fileName, const ImportedRow& row, const std::string& reason) {
    if (!row.where.empty()) {
        return ImportError(fileName, 0, fmt::format("{}: {}", row.where, reason));
    }
    return ImportError(fileName, row.row, reason);
}

std::size_t writeImportedRows(Project& project, std::vector<ImportedRow>& rows, const std::string& fileName) {
    auto& store = project.store();
    const auto& scheme = project.schemes().current();
    const auto now = store.now();
    for (auto& row : rows) {
        auto& a = row.annotation;
        a.createdAt = now;
        a.modifiedAt = now;
        if (auto problem = annotationProblem(project.schemes().scheme(a.schemeVersion), a)) {
            throw rowError(fileName, row, *problem);
        }
    }
    ImportedFile file;
    file.rows = std::move(rows);
    checkRowsAgainstEachOther(scheme, file, fileName);
    for (const auto& row : file.rows) {
        const auto conflicts = exclusiveConflicts(store, scheme, row.annotation);
        if (!conflicts.empty()) {
            throw rowError(fileName, row,
                           describeConflict(scheme, row.annotation, conflicts.front()) +
                               " (already in the session)");
        }
    }
    std::vector<Annotation> annotations;
    annotations.reserve(file.rows.size());
    for (auto& row : file.rows) {
        annotations.push_back(std::move(row.annotation));
    }
    store.insertAnnotations(annotations);
    rows.clear();
    return annotations.size();
}

ImportSummary importAnnotationText(Project& project, SessionId session, const AnnotationFormat& format,
                                   std::string_view text, const std::string& fileName,
                                   const ImportOptions& options) {
    auto& store = project.store();
    const auto audit = store.auditLabel(fmt::format("Import {}", fileName));
    (void)store.session(session);
    ImportedFile file = format.read(text, fileName);
    resolveRows(project, session, file, fileName, options);
    const auto& scheme = project.schemes().current();
    checkRowsAgainstEachOther(scheme, file, fileName);

    std::vector<CoderId> coders;
    for (const auto& row : file.rows) {
        if (std::find(coders.begin(), coders.end(), row.annotation.coder) == coders.end()) {
            coders.push_back(row.annotation.coder);
        }
    }
    if (options.coder && coders.empty()) {
        coders.push_back(*options.coder); // --replace with an empty file clears the coder's work
    }

    ImportSummary summary;
    auto transaction = store.beginTransaction();
    if (options.replace) {
        for (const auto coder : coders) {
            summary.replaced += store.removeAnnotations(session, coder);
        }
    } else {
        for (const auto& row : file.rows) {
            const auto conflicts = exclusiveConflicts(store, scheme, row.annotation);
            if (!conflicts.empty()) {
                throw ImportError(
                    fileName, row.row,
                    describeConflict(scheme, row.annotation, conflicts.front()) +
                        " (already in the session; import with --replace to replace the coder's work)");
            }
        }
    }
    std::vector<Annotation> annotations;
    annotations.reserve(file.rows.size());
    for (auto& row : file.rows) {
        annotations.push_back(std::move(row.annotation));
    }
    store.insertAnnotations(annotations);
    transaction.commit();
    summary.imported = annotations.size();
    return summary;
}

ImportSummary importAnnotations(Project& project, SessionId session, const AnnotationFormat& format,
                                const std::filesystem::path& file, const ImportOptions& options) {
    return importAnnotationText(project, session, format, readImportFile(file), file.string(), options);
}

void exportAnnotations(Project& project, SessionId session, std::optional<CoderId> coder,
                       const AnnotationFormat& format, std::ostream& out) {
    auto& store = project.store();
    const auto sessionRecord = store.session(session);
    std::map<CoderId, Coder> coders;
    for (auto& c : store.coders()) {
        coders.emplace(c.id, std::move(c));
    }
    AnnotationFilter filter{session};
    filter.coder = coder;
    const auto annotations = store.annotations(Viewer::wholeProject(), filter);
    format.write(out,
                 SessionExport{sessionRecord, project.scheme(), coders, annotations, !coder.has_value()});
}

} // namespace sb::annotation::io

namespace sb::annotation::io {

void AnnotationFormat::writeSessions(std::ostream& out, const std::vector<SessionExport>& sessions) const {
    if (sessions.size() != 1) {
        throw std::invalid_argument(
            fmt::format("the {} format holds one session; name it with --session", name()));
    }
    write(out, sessions.front());
}

ExportSummary exportSessions(Project& project, const AnnotationFormat& format, const ExportRequest& request,
                             std::ostream& out) {
    auto& store = project.store();
    std::vector<Session> sessions;
    if (request.sessions.empty()) {
        sessions = store.sessions();
    } else {
        for (const auto id : request.sessions) {
            sessions.push_back(store.session(id));
        }
    }
    if (!format.holdsSessions() && sessions.size() != 1) {
        throw std::invalid_argument(
            fmt::format("the {} format holds one session; name one with --session", format.name()));
    }
    std::map<CoderId, Coder> coders;
    for (auto& c : store.coders()) {
        coders.emplace(c.id, std::move(c));
    }
    std::vector<std::vector<Annotation>> annotations;
    annotations.reserve(sessions.size());
    ExportSummary summary;
    for (const auto& session : sessions) {
        AnnotationFilter filter{session.id};
        filter.coder = request.coder;
        annotations.push_back(store.annotations(Viewer::wholeProject(), filter));
        for (const auto& a : annotations.back()) {
            summary.withModifiers += a.modifiers.empty() ? 0 : 1;
            summary.withComments += a.comment.empty() ? 0 : 1;
        }
        summary.annotations += annotations.back().size();
    }
    std::vector<SessionExport> exports;
    exports.reserve(sessions.size());
    const auto& scheme = project.scheme();
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        exports.push_back(SessionExport{sessions[i], scheme, coders, annotations[i],
                                        !request.coder.has_value(), request.unit});
    }
    format.writeSessions(out, exports);
    summary.sessions = sessions.size();
    return summary;
}

} // namespace sb::annotation::io
