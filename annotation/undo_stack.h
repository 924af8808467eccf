#pragma once
// The edit history of one open project: a stack of commands, each applied, undone and redone
// as one transaction. A command that throws changes nothing and is not recorded; an undo or
// redo that fails (the file is busy, say) leaves the stack as it was.
//
// The history lives in memory, like a text editor's: it ends when the project is closed.

#include "annotation/edit_command.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace sb::annotation {

class UndoStack {
public:
    explicit UndoStack(EditContext context, std::size_t limit = 1000)
        : context_(context)
        , limit_(limit) {}

    // Applies `command`; on success it becomes the next undo and the redo side is dropped.
    void push(std::unique_ptr<EditCommand> command);
    // Applies and returns the command, for callers that need what it produced (an id).
    template <typename Command>
    Command& push(std::unique_ptr<Command> command) {
        Command& applied = *command;
        push(std::unique_ptr<EditCommand>(std::move(command)));
        return applied;
    }

    [[nodiscard]] bool canUndo() const { return !done_.empty(); }
    [[nodiscard]] bool canRedo() const { return !undone_.empty(); }
    void undo();
    void redo();
    [[nodiscard]] std::string undoText() const; // "" when there is nothing to undo
    [[nodiscard]] std::string redoText() const;
    void clear();

private:
    EditContext context_;
    std::size_t limit_;
    std::vector<std::unique_ptr<EditCommand>> done_;
    std::vector<std::unique_ptr<EditCommand>> undone_;
};

} // namespace sb::annotation
