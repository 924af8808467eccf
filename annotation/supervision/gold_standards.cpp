#include "annotation/supervision/gold_standards.h"

#include "annotation/sqlite/statement.h"

namespace sb::annotation::supervision {

void GoldStandards::set(SessionId session, CoderId coder) {
    auto transaction = store_.beginTransaction();
    static_cast<void>(store_.session(session)); // NotFound names the file and the session
    static_cast<void>(store_.coder(coder));
    store_.database()
        .prepare("INSERT INTO gold_standards (session_id, coder_id, set_at_us) VALUES (?1, ?2, ?3) "
                 "ON CONFLICT (session_id) DO UPDATE SET coder_id = excluded.coder_id, "
                 "set_at_us = excluded.set_at_us WHERE coder_id <> excluded.coder_id")
        .bind(1, session.value)
        .bind(2, coder.value)
        .bind(3, store_.now().count())
        .run();
    transaction.commit();
}

void GoldStandards::clear(SessionId session) {
    auto transaction = store_.beginTransaction();
    store_.database()
        .prepare("DELETE FROM gold_standards WHERE session_id = ?1")
        .bind(1, session.value)
        .run();
    transaction.commit();
}

namespace {
GoldStandard readGold(const sqlite::Statement& row) {
    return {SessionId{row.columnInt(0)}, CoderId{row.columnInt(1)}, Microseconds{row.columnInt(2)}};
}
} // namespace

std::optional<GoldStandard> GoldStandards::of(SessionId session) {
    auto query = store_.database().prepare(
        "SELECT session_id, coder_id, set_at_us FROM gold_standards WHERE session_id = ?1");
    query.bind(1, session.value);
    if (!query.step()) {
        return std::nullopt;
    }
    return readGold(query);
}

std::vector<GoldStandard> GoldStandards::all() {
    auto query = store_.database().prepare(
        "SELECT session_id, coder_id, set_at_us FROM gold_standards ORDER BY session_id");
    std::vector<GoldStandard> result;
    while (query.step()) {
        result.push_back(readGold(query));
    }
    return result;
}

} // namespace sb::annotation::supervision
