#pragma once
// Per session, at most one gold-standard coding: the work of one coder (a master coder, or a
// consensus coder whose annotations the team agreed) that trainees are compared with. Stored in
// gold_standards (project format 5); every change lands in the audit trail.

#include "annotation/ids.h"
#include "annotation/project_store.h"

#include <optional>
#include <vector>

namespace sb::annotation::supervision {

struct GoldStandard {
    SessionId session;
    CoderId coder;
    Microseconds setAt{0}; // wall clock
};

class GoldStandards {
public:
    explicit GoldStandards(ProjectStore& store)
        : store_(store) {}

    // Makes `coder`'s work the session's gold standard, replacing any other. The coder must
    // exist; NotFound otherwise.
    void set(SessionId session, CoderId coder);
    // No gold standard for the session (nothing happens when there was none).
    void clear(SessionId session);
    [[nodiscard]] std::optional<GoldStandard> of(SessionId session);
    [[nodiscard]] std::vector<GoldStandard> all(); // by session id

private:
    ProjectStore& store_;
};

} // namespace sb::annotation::supervision
