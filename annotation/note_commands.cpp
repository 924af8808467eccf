#include "annotation/note_commands.h"

#include "annotation/project_error.h"
#include "annotation/project_store.h"

#include <fmt/core.h>

namespace sb::annotation {
namespace {

SessionNote load(EditContext& context, SessionNoteId id) {
    auto note = context.store.note(Viewer::wholeProject(), id);
    if (!note)
        throw NotFound(fmt::format("{}: no note {}", context.store.fileName(), id.value));
    return *note;
}

// "Note 'door opens…'" for the Edit menu and the history.
std::string shortText(const std::string& text) {
    constexpr std::size_t kShown = 24;
    if (text.size() <= kShown)
        return text;
    std::size_t cut = kShown;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut; // never split a UTF-8 character (Persian notes)
    return text.substr(0, cut) + "…";
}

} // namespace

void AddNote::apply(EditContext& context) {
    (void)context.store.session(note_.session);
    (void)context.store.coder(note_.author);
    if (note_.text.empty())
        throw EditRejected("a note needs some text");
    if (note_.createdAt.count() == 0)
        note_.createdAt = context.store.now();
    note_.modifiedAt = note_.createdAt;
    context.store.insertNote(note_);
}

void AddNote::revert(EditContext& context) {
    context.store.removeNote(note_.id);
}

std::string AddNote::description() const {
    return fmt::format("Add note '{}'", shortText(note_.text));
}

void RemoveNote::apply(EditContext& context) {
    removed_ = load(context, id_);
    context.store.removeNote(id_);
}

void RemoveNote::revert(EditContext& context) {
    context.store.insertNote(removed_);
}

std::string RemoveNote::description() const {
    return fmt::format("Remove note '{}'", shortText(removed_.text));
}

void EditNote::apply(EditContext& context) {
    before_ = load(context, id_);
    if (text_.empty())
        throw EditRejected("a note needs some text");
    SessionNote changed = before_;
    changed.text = text_;
    if (at_)
        changed.at = *at_;
    changed.modifiedAt = context.store.now();
    context.store.updateNote(changed);
}

void EditNote::revert(EditContext& context) {
    context.store.updateNote(before_);
}

std::string EditNote::description() const {
    return fmt::format("Edit note '{}'", shortText(text_));
}

} // namespace sb::annotation
