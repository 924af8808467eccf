// ProjectStore: session notes.

#include "annotation/project_error.h"
#include "annotation/project_store.h"
#include "annotation/sqlite/statement.h"

#include <fmt/core.h>

namespace sb::annotation {

namespace {

constexpr const char* kNoteColumns =
    "SELECT id, session_id, coder_id, at_us, text, created_at_us, modified_at_us FROM session_notes ";

SessionNote readNote(const sqlite::Statement& row) {
    SessionNote n;
    n.id = SessionNoteId{row.columnInt(0)};
    n.session = SessionId{row.columnInt(1)};
    n.author = CoderId{row.columnInt(2)};
    n.at = Microseconds{row.columnInt(3)};
    n.text = row.columnText(4);
    n.createdAt = Microseconds{row.columnInt(5)};
    n.modifiedAt = Microseconds{row.columnInt(6)};
    return n;
}

} // namespace

void ProjectStore::insertNote(SessionNote& note) {
    if (note.text.empty())
        throw EditRejected(fmt::format("{}: a note needs some text", fileName()));
    auto insert =
        database_.prepare("INSERT INTO session_notes (session_id, coder_id, at_us, text, created_at_us, "
                          "modified_at_us, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    insert.bind(1, note.session.value)
        .bind(2, note.author.value)
        .bind(3, note.at.count())
        .bind(4, note.text)
        .bind(5, note.createdAt.count())
        .bind(6, note.modifiedAt.count());
    if (note.id.stored())
        insert.bind(7, note.id.value);
    else
        insert.bindNull(7);
    insert.run();
    note.id = SessionNoteId{database_.lastInsertRowId()};
}

void ProjectStore::updateNote(const SessionNote& note) {
    if (note.text.empty())
        throw EditRejected(fmt::format("{}: a note needs some text", fileName()));
    auto update = database_.prepare(
        "UPDATE session_notes SET at_us = ?1, text = ?2, modified_at_us = ?3 WHERE id = ?4");
    update.bind(1, note.at.count())
        .bind(2, note.text)
        .bind(3, note.modifiedAt.count())
        .bind(4, note.id.value)
        .run();
    if (database_.changes() != 1)
        throw NotFound(fmt::format("{}: no note {}", fileName(), note.id.value));
}

void ProjectStore::removeNote(SessionNoteId id) {
    auto remove = database_.prepare("DELETE FROM session_notes WHERE id = ?1");
    remove.bind(1, id.value).run();
    if (database_.changes() != 1)
        throw NotFound(fmt::format("{}: no note {}", fileName(), id.value));
}

std::optional<SessionNote> ProjectStore::note(const Viewer& viewer, SessionNoteId id) {
    auto query = database_.prepare(std::string(kNoteColumns) + "WHERE id = ?1");
    query.bind(1, id.value);
    if (!query.step())
        return std::nullopt;
    SessionNote found = readNote(query);
    static_cast<void>(visibleOnly(viewer, found.author)); // AccessDenied for another's note while blind
    return found;
}

std::vector<SessionNote> ProjectStore::notes(const Viewer& viewer, SessionId session) {
    const auto only = visibleOnly(viewer, std::nullopt);
    auto query =
        database_.prepare(std::string(kNoteColumns) +
                          "WHERE session_id = ?1 AND (?2 IS NULL OR coder_id = ?2) ORDER BY at_us, id");
    query.bind(1, session.value);
    if (only)
        query.bind(2, only->value);
    else
        query.bindNull(2);
    std::vector<SessionNote> result;
    while (query.step())
        result.push_back(readNote(query));
    return result;
}

} // namespace sb::annotation
