#include "annotation/supervision/reveals.h"

#include "annotation/project_error.h"
#include "annotation/sqlite/statement.h"

#include <fmt/core.h>

namespace sb::annotation::supervision {

namespace {
// `session IS ?3` matches NULL to NULL: an all-sessions reveal is one row like any other.
constexpr const char* kFind =
    "SELECT id FROM reveals WHERE viewer_id = ?1 AND owner_id = ?2 AND session_id IS ?3";
} // namespace

std::int64_t Reveals::reveal(CoderId viewer, CoderId owner, std::optional<SessionId> session) {
    if (viewer == owner) {
        throw EditRejected(
            fmt::format("{}: a coder always sees their own work; nothing to reveal", store_.fileName()));
    }
    auto transaction = store_.beginTransaction();
    static_cast<void>(store_.coder(viewer));
    static_cast<void>(store_.coder(owner));
    if (session) {
        static_cast<void>(store_.session(*session));
    }
    auto& db = store_.database();
    auto find = db.prepare(kFind);
    find.bind(1, viewer.value).bind(2, owner.value);
    session ? find.bind(3, session->value) : find.bindNull(3);
    if (find.step()) {
        return find.columnInt(0);
    }
    auto insert = db.prepare(
        "INSERT INTO reveals (viewer_id, owner_id, session_id, revealed_at_us) VALUES (?1, ?2, ?3, ?4)");
    insert.bind(1, viewer.value).bind(2, owner.value).bind(4, store_.now().count());
    session ? insert.bind(3, session->value) : insert.bindNull(3);
    insert.run();
    const auto id = db.lastInsertRowId();
    transaction.commit();
    return id;
}

bool Reveals::withdraw(CoderId viewer, CoderId owner, std::optional<SessionId> session) {
    auto transaction = store_.beginTransaction();
    auto remove = store_.database().prepare(
        "DELETE FROM reveals WHERE viewer_id = ?1 AND owner_id = ?2 AND session_id IS ?3");
    remove.bind(1, viewer.value).bind(2, owner.value);
    session ? remove.bind(3, session->value) : remove.bindNull(3);
    remove.run();
    const bool removed = store_.database().changes() > 0;
    transaction.commit();
    return removed;
}

namespace {
std::vector<Reveal> readReveals(sqlite::Statement& query) {
    std::vector<Reveal> result;
    while (query.step()) {
        Reveal r;
        r.id = query.columnInt(0);
        r.viewer = CoderId{query.columnInt(1)};
        r.owner = CoderId{query.columnInt(2)};
        if (const auto s = query.columnOptionalInt(3)) {
            r.session = SessionId{*s};
        }
        r.revealedAt = Microseconds{query.columnInt(4)};
        result.push_back(r);
    }
    return result;
}
constexpr const char* kColumns = "SELECT id, viewer_id, owner_id, session_id, revealed_at_us FROM reveals ";
} // namespace

std::vector<Reveal> Reveals::all() {
    auto query = store_.database().prepare(std::string(kColumns) + "ORDER BY id");
    return readReveals(query);
}

std::vector<Reveal> Reveals::forViewer(CoderId viewer) {
    auto query = store_.database().prepare(std::string(kColumns) + "WHERE viewer_id = ?1 ORDER BY id");
    query.bind(1, viewer.value);
    return readReveals(query);
}

bool Reveals::revealed(CoderId viewer, CoderId owner, SessionId session) {
    auto query = store_.database().prepare("SELECT 1 FROM reveals WHERE viewer_id = ?1 AND owner_id = ?2 AND "
                                           "(session_id IS NULL OR session_id = ?3)");
    query.bind(1, viewer.value).bind(2, owner.value).bind(3, session.value);
    return query.step();
}

} // namespace sb::annotation::supervision
