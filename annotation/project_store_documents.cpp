// ProjectStore: per-session documents of the media tools.

#include "annotation/project_error.h"
#include "annotation/project_store.h"
#include "annotation/sqlite/statement.h"

#include <fmt/core.h>

namespace sb::annotation {

void ProjectStore::putSessionDocument(SessionId session, std::string_view name, std::string_view json) {
    if (name.empty())
        throw EditRejected(fmt::format("{}: a session document needs a name", fileName()));
    if (json.empty()) {
        auto remove = database_.prepare("DELETE FROM session_documents WHERE session_id = ?1 AND name = ?2");
        remove.bind(1, session.value).bind(2, name).run();
        return;
    }
    static_cast<void>(this->session(session)); // NotFound names the file and the session id
    auto put = database_.prepare(
        "INSERT INTO session_documents (session_id, name, json, modified_at_us) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (session_id, name) DO UPDATE SET json = excluded.json, "
        "modified_at_us = excluded.modified_at_us");
    put.bind(1, session.value).bind(2, name).bind(3, json).bind(4, now().count()).run();
}

std::optional<std::string> ProjectStore::sessionDocument(SessionId session, std::string_view name) {
    auto query = database_.prepare("SELECT json FROM session_documents WHERE session_id = ?1 AND name = ?2");
    query.bind(1, session.value).bind(2, name);
    if (!query.step())
        return std::nullopt;
    return query.columnText(0);
}

} // namespace sb::annotation
