// Session notes: stored, listed by time, undoable, blind like annotations, migrated into old files.

#include "annotation/note_commands.h"
#include "annotation/project_error.h"
#include "tests/annotation/test_support.h"

#include <gtest/gtest.h>

namespace sb::annotation {
namespace {

using test::seconds;

SessionNote noteAt(const test::Fixture& f, CoderId author, double at, std::string text) {
    SessionNote n;
    n.session = f.session;
    n.author = author;
    n.at = seconds(at);
    n.text = std::move(text);
    return n;
}

TEST(SessionNotes, AddListEditRemoveWithUndo) {
    test::ScratchDir dir;
    auto f = test::makeFixture(dir / "notes.sbproj");
    auto& history = f.project->history();
    auto& store = f.project->store();
    const auto everyone = Viewer::wholeProject();

    history.push(std::make_unique<AddNote>(noteAt(f, f.ana, 12.5, "door opens")));
    history.push(std::make_unique<AddNote>(
        noteAt(f, f.ana, 3.0, "گریه شروع می‌شود"))); // Persian, byte for byte
    auto notes = store.notes(everyone, f.session);
    ASSERT_EQ(notes.size(), 2u);
    EXPECT_EQ(notes[0].text, "گریه شروع می‌شود"); // ordered by time
    EXPECT_EQ(notes[1].at, seconds(12.5));

    history.push(std::make_unique<EditNote>(notes[1].id, "door opens, mother enters"));
    EXPECT_EQ(store.note(everyone, notes[1].id)->text, "door opens, mother enters");
    history.push(std::make_unique<RemoveNote>(notes[0].id));
    EXPECT_EQ(store.notes(everyone, f.session).size(), 1u);

    history.undo(); // the removal
    EXPECT_EQ(store.notes(everyone, f.session).size(), 2u);
    EXPECT_EQ(store.note(everyone, notes[0].id)->text, "گریه شروع می‌شود"); // same id back
    history.undo();                                                                        // the edit
    EXPECT_EQ(store.note(everyone, notes[1].id)->text, "door opens");
    history.redo();
    EXPECT_EQ(store.note(everyone, notes[1].id)->text, "door opens, mother enters");
}

TEST(SessionNotes, EmptyTextIsRejectedAndChangesNothing) {
    test::ScratchDir dir;
    auto f = test::makeFixture(dir / "empty.sbproj");
    EXPECT_THROW(f.project->history().push(std::make_unique<AddNote>(noteAt(f, f.ana, 1, ""))), EditRejected);
    EXPECT_TRUE(f.project->store().notes(Viewer::wholeProject(), f.session).empty());
    EXPECT_FALSE(f.project->history().canUndo());
}

TEST(SessionNotes, BlindCodersSeeOnlyTheirOwnNotes) {
    test::ScratchDir dir;
    auto f = test::makeFixture(dir / "blind.sbproj");
    auto& store = f.project->store();
    f.project->history().push(std::make_unique<AddNote>(noteAt(f, f.ana, 1, "ana's")));
    f.project->history().push(std::make_unique<AddNote>(noteAt(f, f.ben, 2, "ben's")));
    store.setBlind(true);
    const auto anaSees = store.notes(Viewer::coder(f.ana), f.session);
    ASSERT_EQ(anaSees.size(), 1u);
    EXPECT_EQ(anaSees[0].text, "ana's");
    const auto bensNote = store.notes(Viewer::wholeProject(), f.session)[1];
    EXPECT_THROW((void)store.note(Viewer::coder(f.ana), bensNote.id), AccessDenied);
    EXPECT_EQ(store.notes(Viewer::coder(f.sue), f.session).size(), 2u); // the supervisor sees all
}

TEST(SessionDocuments, PutReplaceReadRemove) {
    test::ScratchDir dir;
    auto f = test::makeFixture(dir / "documents.sbproj");
    auto& store = f.project->store();
    EXPECT_FALSE(store.sessionDocument(f.session, "blur-regions"));
    store.putSessionDocument(f.session, "blur-regions", R"({"regions":[]})");
    store.putSessionDocument(f.session, "blur-regions", R"({"regions":[{"name":"چهره"}]})");
    EXPECT_EQ(store.sessionDocument(f.session, "blur-regions"), R"({"regions":[{"name":"چهره"}]})");
    EXPECT_FALSE(store.sessionDocument(f.session, "analysis-regions"));
    EXPECT_THROW(store.putSessionDocument(SessionId{999}, "blur-regions", "{}"), NotFound);
    store.putSessionDocument(f.session, "blur-regions", "");
    EXPECT_FALSE(store.sessionDocument(f.session, "blur-regions"));
}

} // namespace
} // namespace sb::annotation
