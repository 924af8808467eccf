#include "annotation/supervision/review_threads.h"

#include "annotation/project_error.h"
#include "annotation/sqlite/statement.h"

#include <fmt/core.h>

namespace sb::annotation::supervision {

std::int64_t ReviewThreads::open(SessionId session, CoderId trainee, Microseconds start, Microseconds end,
                                 CoderId author, std::string_view text) {
    if (end <= start) {
        throw EditRejected(
            fmt::format("{}: a review thread needs a time range with end after start", store_.fileName()));
    }
    if (text.empty()) {
        throw EditRejected(fmt::format("{}: a review thread starts with a message", store_.fileName()));
    }
    auto transaction = store_.beginTransaction();
    static_cast<void>(store_.session(session));
    static_cast<void>(store_.coder(trainee));
    static_cast<void>(store_.coder(author));
    auto& db = store_.database();
    db.prepare(
          "INSERT INTO review_threads (session_id, trainee_id, start_us, end_us, created_by, created_at_us) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(1, session.value)
        .bind(2, trainee.value)
        .bind(3, start.count())
        .bind(4, end.count())
        .bind(5, author.value)
        .bind(6, store_.now().count())
        .run();
    const auto id = db.lastInsertRowId();
    reply(id, author, text);
    transaction.commit();
    return id;
}

std::int64_t ReviewThreads::reply(std::int64_t thread, CoderId author, std::string_view text) {
    if (text.empty()) {
        throw EditRejected(fmt::format("{}: an empty message", store_.fileName()));
    }
    auto transaction = store_.beginTransaction();
    auto& db = store_.database();
    auto exists = db.prepare("SELECT 1 FROM review_threads WHERE id = ?1");
    exists.bind(1, thread);
    if (!exists.step()) {
        throw NotFound(fmt::format("{}: no review thread {}", store_.fileName(), thread));
    }
    static_cast<void>(store_.coder(author));
    db.prepare("INSERT INTO thread_messages (thread_id, author_id, text, at_us) VALUES (?1, ?2, ?3, ?4)")
        .bind(1, thread)
        .bind(2, author.value)
        .bind(3, text)
        .bind(4, store_.now().count())
        .run();
    const auto id = db.lastInsertRowId();
    transaction.commit();
    return id;
}

void ReviewThreads::setResolved(std::int64_t thread, bool resolved) {
    auto transaction = store_.beginTransaction();
    auto& db = store_.database();
    db.prepare("UPDATE review_threads SET resolved = ?2 WHERE id = ?1 AND resolved <> ?2")
        .bind(1, thread)
        .bind(2, resolved ? 1 : 0)
        .run();
    if (!this->thread(thread)) {
        throw NotFound(fmt::format("{}: no review thread {}", store_.fileName(), thread));
    }
    transaction.commit();
}

int ReviewThreads::release(const std::vector<std::int64_t>& threads) {
    auto transaction = store_.beginTransaction();
    auto update = store_.database().prepare(
        "UPDATE review_threads SET released_at_us = ?2 WHERE id = ?1 AND released_at_us IS NULL");
    int released = 0;
    for (const auto id : threads) {
        update.bind(1, id).bind(2, store_.now().count()).run();
        released += store_.database().changes();
        update.reset();
    }
    transaction.commit();
    return released;
}

namespace {

constexpr const char* kColumns = "SELECT id, session_id, trainee_id, start_us, end_us, resolved, created_by, "
                                 "created_at_us, released_at_us FROM review_threads ";

ReviewThread readThread(const sqlite::Statement& row) {
    ReviewThread t;
    t.id = row.columnInt(0);
    t.session = SessionId{row.columnInt(1)};
    t.trainee = CoderId{row.columnInt(2)};
    t.start = Microseconds{row.columnInt(3)};
    t.end = Microseconds{row.columnInt(4)};
    t.resolved = row.columnInt(5) != 0;
    t.createdBy = CoderId{row.columnInt(6)};
    t.createdAt = Microseconds{row.columnInt(7)};
    if (const auto released = row.columnOptionalInt(8)) {
        t.releasedAt = Microseconds{*released};
    }
    return t;
}

void readMessages(sqlite::Database& db, ReviewThread& thread) {
    auto query = db.prepare("SELECT id, thread_id, author_id, text, at_us FROM thread_messages WHERE "
                            "thread_id = ?1 ORDER BY at_us, id");
    query.bind(1, thread.id);
    while (query.step()) {
        thread.messages.push_back({query.columnInt(0), query.columnInt(1), CoderId{query.columnInt(2)},
                                   query.columnText(3), Microseconds{query.columnInt(4)}});
    }
}

} // namespace

std::optional<ReviewThread> ReviewThreads::thread(std::int64_t id) {
    auto query = store_.database().prepare(std::string(kColumns) + "WHERE id = ?1");
    query.bind(1, id);
    if (!query.step()) {
        return std::nullopt;
    }
    auto result = readThread(query);
    readMessages(store_.database(), result);
    return result;
}

std::vector<ReviewThread> ReviewThreads::threads(const ThreadFilter& filter) {
    auto query = store_.database().prepare(
        std::string(kColumns) +
        "WHERE (?1 IS NULL OR session_id = ?1) AND (?2 IS NULL OR trainee_id = ?2) "
        "AND (?3 IS NULL OR resolved = ?3) AND (?4 = 0 OR released_at_us IS NOT NULL) "
        "ORDER BY session_id, start_us, id");
    filter.session ? query.bind(1, filter.session->value) : query.bindNull(1);
    filter.trainee ? query.bind(2, filter.trainee->value) : query.bindNull(2);
    filter.resolved ? query.bind(3, *filter.resolved ? 1 : 0) : query.bindNull(3);
    query.bind(4, filter.releasedOnly ? 1 : 0);
    std::vector<ReviewThread> result;
    while (query.step()) {
        result.push_back(readThread(query));
    }
    for (auto& t : result) {
        readMessages(store_.database(), t);
    }
    return result;
}

} // namespace sb::annotation::supervision
