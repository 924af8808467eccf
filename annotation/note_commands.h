#pragma once
// Edits of session notes, undoable like every other edit.

#include "annotation/edit_command.h"
#include "annotation/session_note.h"

namespace sb::annotation {

// Adds a note; session, author, time and text are the caller's; stamps are set on apply.
class AddNote : public EditCommand {
public:
    explicit AddNote(SessionNote note)
        : note_(std::move(note)) {}
    void apply(EditContext& context) override;
    void revert(EditContext& context) override;
    [[nodiscard]] std::string description() const override;
    [[nodiscard]] SessionNoteId id() const { return note_.id; }

private:
    SessionNote note_;
};

class RemoveNote : public EditCommand {
public:
    explicit RemoveNote(SessionNoteId id)
        : id_(id) {}
    void apply(EditContext& context) override;
    void revert(EditContext& context) override;
    [[nodiscard]] std::string description() const override;

private:
    SessionNoteId id_;
    SessionNote removed_;
};

// Changes a note's text (and, when given, its time).
class EditNote : public EditCommand {
public:
    EditNote(SessionNoteId id, std::string text, std::optional<Microseconds> at = std::nullopt)
        : id_(id)
        , text_(std::move(text))
        , at_(at) {}
    void apply(EditContext& context) override;
    void revert(EditContext& context) override;
    [[nodiscard]] std::string description() const override;

private:
    SessionNoteId id_;
    std::string text_;
    std::optional<Microseconds> at_;
    SessionNote before_;
};

} // namespace sb::annotation
