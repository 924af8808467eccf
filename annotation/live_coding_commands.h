#pragma once
// Live coding: a key press starts a state while the tape plays. The scheme's exclusive groups
// say that starting one code ends the running one, and the coder must be able to undo the
// press as one step, so both happen in one command.

#include "annotation/annotation.h"
#include "annotation/edit_command.h"

#include <string>
#include <vector>

namespace sb::annotation {

// Starts state `code` at `at` for one coder and subject, ending at `at` any state of the
// same exclusive group (same coder and subject) that is running then; a group state that
// starts exactly at `at` is replaced. The new state lasts until `until` (the live layer
// passes the end of the media, and trims it when the coder stops or starts another code),
// or until the next state of its group begins, whichever comes first.
class StartState : public EditCommand {
public:
    struct Request {
        SessionId session;
        CoderId coder;
        std::string code;
        std::optional<std::string> subject;
        Microseconds at{0};
        Microseconds until{0};
        Modifiers modifiers;
    };

    explicit StartState(Request request)
        : request_(std::move(request)) {}
    void apply(EditContext& context) override;
    void revert(EditContext& context) override;
    [[nodiscard]] std::string description() const override;
    [[nodiscard]] AnnotationId id() const { return started_.id; }

private:
    Request request_;
    std::vector<Annotation> endedBefore_; // group states as they were before being ended at `at`
    std::vector<Annotation> replaced_;    // group states that started exactly at `at`
    Annotation started_;
};

} // namespace sb::annotation
