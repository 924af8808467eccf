#pragma once
// An edit as an object that can apply and revert itself through the store: the undo stack
// (undo_stack.h) runs each apply/revert as one transaction, so an edit is one commit.
//
// apply() checks the scheme's rules first and throws EditRejected (or NotFound) without
// writing anything; revert() puts back exactly what apply() changed, including ids, so a
// redo after an undo restores the same rows. Commands remember what they need on their first
// apply (the previous record, the id they were given).

#include "annotation/annotation.h"
#include "annotation/project_store.h"
#include "annotation/scheme_versions.h"

#include <string>

namespace sb::annotation {

struct EditContext {
    ProjectStore& store;
    SchemeVersions& schemes;
};

class EditCommand {
public:
    virtual ~EditCommand() = default;
    EditCommand() = default;
    EditCommand(const EditCommand&) = delete;
    EditCommand& operator=(const EditCommand&) = delete;

    virtual void apply(EditContext& context) = 0;
    virtual void revert(EditContext& context) = 0;
    // For the Edit menu: "Add 'cry'", "Move 'fuss'".
    [[nodiscard]] virtual std::string description() const = 0;
};

// Checks an annotation a revert is about to write back. Within one process the history is
// linear and the check always passes; it matters when another process edited the same
// coder's work in between, where writing back blindly could break an exclusive group.
// Throws EditRejected, and the undo then changes nothing.
void restoreChecked(EditContext& context, const Annotation& annotation);

} // namespace sb::annotation
