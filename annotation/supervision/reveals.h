#pragma once
// Reveals: the supervisor lets one coder see another's work (after reliability is computed,
// say). The default is blind; a reveal only takes effect in the viewer's next coding package,
// where the owner's annotations come read-only. Reveals are recorded, and audited.

#include "annotation/ids.h"
#include "annotation/project_store.h"

#include <optional>
#include <vector>

namespace sb::annotation::supervision {

struct Reveal {
    std::int64_t id = 0;
    CoderId viewer;                   // who will see
    CoderId owner;                    // whose work
    std::optional<SessionId> session; // none: every session
    Microseconds revealedAt{0};
};

class Reveals {
public:
    explicit Reveals(ProjectStore& store)
        : store_(store) {}

    // Idempotent: revealing what is already revealed returns the existing id. EditRejected
    // for viewer == owner.
    std::int64_t reveal(CoderId viewer, CoderId owner, std::optional<SessionId> session = std::nullopt);
    // Takes a reveal back (for packages made from now on). Returns whether one was there.
    bool withdraw(CoderId viewer, CoderId owner, std::optional<SessionId> session = std::nullopt);
    [[nodiscard]] std::vector<Reveal> all();
    [[nodiscard]] std::vector<Reveal> forViewer(CoderId viewer);
    // Whether viewer may see owner's work on the session (a per-session or an all-sessions reveal).
    [[nodiscard]] bool revealed(CoderId viewer, CoderId owner, SessionId session);

private:
    ProjectStore& store_;
};

} // namespace sb::annotation::supervision
