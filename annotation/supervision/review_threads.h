#pragma once
// Review threads: a conversation about a trainee's coding of a stretch [start, end) of a
// session. The supervisor opens and writes in the project; the trainee answers in their
// feedback package, and the answers come back with the package's merge. A thread can be marked
// resolved. Threads reach the trainee only once released (ReviewThreads::release, done by
// making a feedback package), and never before the trainee submitted that session.

#include "annotation/ids.h"
#include "annotation/project_store.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sb::annotation::supervision {

struct ThreadMessage {
    std::int64_t id = 0;
    std::int64_t thread = 0;
    CoderId author;
    std::string text;
    Microseconds at{0}; // wall clock

    friend bool operator==(const ThreadMessage&, const ThreadMessage&) = default;
};

struct ReviewThread {
    std::int64_t id = 0;
    SessionId session;
    CoderId trainee;       // whose coding it is about
    Microseconds start{0}; // session clock, [start, end)
    Microseconds end{0};
    bool resolved = false;
    CoderId createdBy;
    Microseconds createdAt{0};
    std::optional<Microseconds> releasedAt; // when it went into a feedback package
    std::vector<ThreadMessage> messages;    // oldest first
};

struct ThreadFilter {
    std::optional<SessionId> session = std::nullopt;
    std::optional<CoderId> trainee = std::nullopt;
    std::optional<bool> resolved = std::nullopt;
    bool releasedOnly = false;
};

class ReviewThreads {
public:
    explicit ReviewThreads(ProjectStore& store)
        : store_(store) {}

    // Opens a thread with its first message. EditRejected for end <= start or empty text;
    // NotFound for an unknown session or coder.
    std::int64_t open(SessionId session, CoderId trainee, Microseconds start, Microseconds end,
                      CoderId author, std::string_view text);
    // Adds a message; returns its id. EditRejected for empty text, NotFound for no thread.
    std::int64_t reply(std::int64_t thread, CoderId author, std::string_view text);
    void setResolved(std::int64_t thread, bool resolved);
    // Marks the threads released now (those not released yet); returns how many were.
    int release(const std::vector<std::int64_t>& threads);

    [[nodiscard]] std::optional<ReviewThread> thread(std::int64_t id);
    // By session, then start time.
    [[nodiscard]] std::vector<ReviewThread> threads(const ThreadFilter& filter = {});

private:
    ProjectStore& store_;
};

} // namespace sb::annotation::supervision
