#include "annotation/undo_stack.h"

namespace sb::annotation {

// Each apply/revert runs under an audit label, so the audit trail's rows of one edit say
// which edit (and whether an undo or a redo) made them.
void UndoStack::push(std::unique_ptr<EditCommand> command) {
    const auto label = context_.store.auditLabel(command->description());
    auto transaction = context_.store.beginTransaction();
    command->apply(context_);
    transaction.commit();
    done_.push_back(std::move(command));
    undone_.clear();
    if (done_.size() > limit_) {
        done_.erase(done_.begin());
    }
}

void UndoStack::undo() {
    if (done_.empty()) {
        return;
    }
    const auto label = context_.store.auditLabel("Undo " + done_.back()->description());
    auto transaction = context_.store.beginTransaction();
    done_.back()->revert(context_);
    transaction.commit();
    undone_.push_back(std::move(done_.back()));
    done_.pop_back();
}

void UndoStack::redo() {
    if (undone_.empty()) {
        return;
    }
    const auto label = context_.store.auditLabel("Redo " + undone_.back()->description());
    auto transaction = context_.store.beginTransaction();
    undone_.back()->apply(context_);
    transaction.commit();
    done_.push_back(std::move(undone_.back()));
    undone_.pop_back();
}

std::string UndoStack::undoText() const {
    return done_.empty() ? std::string() : done_.back()->description();
}

std::string UndoStack::redoText() const {
    return undone_.empty() ? std::string() : undone_.back()->description();
}

void UndoStack::clear() {
    done_.clear();
    undone_.clear();
}

} // namespace sb::annotation
