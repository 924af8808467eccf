// Edit commands: each applies, undoes and redoes through the store, and the scheme's rules
// (codes, point vs state, subjects, modifiers, exclusive groups) reject bad edits with the
// project unchanged.

#include "annotation/annotation_commands.h"
#include "annotation/live_coding_commands.h"
#include "annotation/project_error.h"
#include "annotation/scoring_commands.h"
#include "tests/annotation/test_support.h"

#include <fmt/core.h>
#include <gtest/gtest.h>

namespace sb::annotation {
namespace {

using test::point;
using test::seconds;
using test::state;

class EditTest : public ::testing::Test {
protected:
    void SetUp() override { f = test::makeFixture(dir / "p.sbproj"); }

    UndoStack& history() { return f.project->history(); }
    ProjectStore& store() { return f.project->store(); }

    // The session's annotations as "code subject start-end", ordered by start.
    std::vector<std::string> timeline() {
        std::vector<std::string> rows;
        for (const auto& a : store().annotations(Viewer::wholeProject(), {f.session})) {
            rows.push_back(fmt::format("{} {} {}{}", a.code, a.subject.value_or("-"), a.start.count() / 1000,
                                       a.end ? fmt::format("-{}", a.end->count() / 1000) : ""));
        }
        return rows;
    }

    AnnotationId add(Annotation a) {
        return history().push(std::make_unique<AddAnnotation>(std::move(a))).id();
    }

    // Applies `command`, checks the timeline is `after`, undoes to `before`, redoes to `after`.
    void checkUndoRedo(std::unique_ptr<EditCommand> command, const std::vector<std::string>& after) {
        const auto before = timeline();
        history().push(std::move(command));
        EXPECT_EQ(timeline(), after);
        history().undo();
        EXPECT_EQ(timeline(), before);
        history().redo();
        EXPECT_EQ(timeline(), after);
    }

    // Expects `command` to be rejected with a reason containing `reason`, leaving the project
    // as it was.
    void expectRejected(std::unique_ptr<EditCommand> command, const std::string& reason) {
        const auto before = timeline();
        const bool couldUndo = history().canUndo();
        try {
            history().push(std::move(command));
            ADD_FAILURE() << "accepted; expected rejection: " << reason;
        } catch (const EditRejected& e) {
            EXPECT_NE(std::string(e.what()).find(reason), std::string::npos) << e.what();
        }
        EXPECT_EQ(timeline(), before);
        EXPECT_EQ(history().canUndo(), couldUndo);
    }

    test::ScratchDir dir;
    test::Fixture f;
};

TEST_F(EditTest, AddUndoRedoKeepsTheSameId) {
    auto a = state(f, f.ana, "cry", 1, 2);
    a.modifiers = {{"intensity", "low"}};
    const auto id = add(a);
    EXPECT_EQ(timeline(), (std::vector<std::string>{"cry infant 1000-2000"}));
    EXPECT_EQ(history().undoText(), "Add 'cry'");
    history().undo();
    EXPECT_TRUE(timeline().empty());
    EXPECT_FALSE(history().canUndo());
    EXPECT_EQ(history().redoText(), "Add 'cry'");
    history().redo();
    const auto stored = store().annotation(Viewer::wholeProject(), id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->modifiers.at("intensity"), "low");
    EXPECT_EQ(stored->schemeVersion, store().currentSchemeVersion());
    EXPECT_GT(stored->createdAt.count(), 0);
}

TEST_F(EditTest, RemoveUndoRestoresTheRecord) {
    auto a = state(f, f.ana, "look", 1, 2, std::nullopt);
    a.comment = "keep me";
    const auto id = add(a);
    const auto original = *store().annotation(Viewer::wholeProject(), id);
    checkUndoRedo(std::make_unique<RemoveAnnotation>(id), {});
    history().undo();
    EXPECT_EQ(*store().annotation(Viewer::wholeProject(), id), original);
}

TEST_F(EditTest, MoveKeepsDuration) {
    const auto id = add(state(f, f.ana, "cry", 1, 2));
    checkUndoRedo(std::make_unique<MoveAnnotation>(id, seconds(5)), {"cry infant 5000-6000"});
    const auto p = add(point(f, f.ana, "touch", 3));
    checkUndoRedo(std::make_unique<MoveAnnotation>(p, seconds(4)), {"touch - 4000", "cry infant 5000-6000"});
}

TEST_F(EditTest, TrimEitherBoundary) {
    const auto id = add(state(f, f.ana, "cry", 1, 2));
    checkUndoRedo(std::make_unique<TrimAnnotation>(id, std::nullopt, seconds(3)), {"cry infant 1000-3000"});
    checkUndoRedo(std::make_unique<TrimAnnotation>(id, seconds(0.5), std::nullopt), {"cry infant 500-3000"});
    expectRejected(std::make_unique<TrimAnnotation>(id, seconds(3), std::nullopt),
                   "must come after the start");
    const auto p = add(point(f, f.ana, "touch", 3));
    expectRejected(std::make_unique<TrimAnnotation>(p, std::nullopt, seconds(4)), "no end to trim");
}

TEST_F(EditTest, ChangeCodeSubjectModifiersComment) {
    const auto id = add(state(f, f.ana, "look", 1, 2, std::nullopt));
    AnnotationChange toCry;
    toCry.code = "cry";
    toCry.subject = "infant";
    toCry.modifiers = Modifiers{{"intensity", "high"}};
    toCry.comment = "note";
    checkUndoRedo(std::make_unique<ChangeAnnotation>(id, toCry), {"cry infant 1000-2000"});
    const auto changed = *store().annotation(Viewer::wholeProject(), id);
    EXPECT_EQ(changed.modifiers.at("intensity"), "high");
    EXPECT_EQ(changed.comment, "note");
    AnnotationChange backToLook;
    backToLook.code = "look";
    backToLook.clearSubject = true;
    backToLook.modifiers = Modifiers{};
    checkUndoRedo(std::make_unique<ChangeAnnotation>(id, backToLook), {"look - 1000-2000"});
    AnnotationChange toPoint;
    toPoint.code = "touch";
    expectRejected(std::make_unique<ChangeAnnotation>(id, toPoint), "point event and takes no end");
    AnnotationChange badModifier;
    badModifier.modifiers = Modifiers{{"intensity", "high"}};
    expectRejected(std::make_unique<ChangeAnnotation>(id, badModifier), "does not apply to code 'look'");
}

TEST_F(EditTest, SplitAndMergeAreInverse) {
    auto a = state(f, f.ana, "cry", 1, 4);
    a.comment = "c";
    const auto id = add(a);
    auto& split = history().push(std::make_unique<SplitAnnotation>(id, seconds(2.5)));
    EXPECT_EQ(timeline(), (std::vector<std::string>{"cry infant 1000-2500", "cry infant 2500-4000"}));
    const auto second = split.secondHalf();
    EXPECT_EQ(store().annotation(Viewer::wholeProject(), second)->comment, "c");
    history().undo();
    EXPECT_EQ(timeline(), (std::vector<std::string>{"cry infant 1000-4000"}));
    history().redo();
    EXPECT_TRUE(store().annotation(Viewer::wholeProject(), second)); // same id after redo
    checkUndoRedo(std::make_unique<MergeAnnotations>(second, id), {"cry infant 1000-4000"});
    EXPECT_EQ(store().annotation(Viewer::wholeProject(), id)->comment, "c");
    expectRejected(std::make_unique<SplitAnnotation>(id, seconds(1)), "must lie inside");
    expectRejected(std::make_unique<SplitAnnotation>(id, seconds(9)), "must lie inside");
}

TEST_F(EditTest, MergeFillsTheGapUnlessTheGroupForbidsIt) {
    const auto a = add(state(f, f.ana, "cry", 1, 2));
    const auto b = add(state(f, f.ana, "cry", 5, 6));
    const auto fuss = add(state(f, f.ana, "fuss", 3, 4));
    expectRejected(std::make_unique<MergeAnnotations>(a, b), "exclusive group 'distress'");
    history().push(std::make_unique<RemoveAnnotation>(fuss));
    checkUndoRedo(std::make_unique<MergeAnnotations>(a, b), {"cry infant 1000-6000"});
    const auto look = add(state(f, f.ana, "look", 7, 8, std::nullopt));
    expectRejected(std::make_unique<MergeAnnotations>(a, look), "must share");
    const auto bens = add(state(f, f.ben, "cry", 10, 11));
    expectRejected(std::make_unique<MergeAnnotations>(a, bens), "must share");
}

TEST_F(EditTest, PointAndStateRules) {
    auto pointWithEnd = point(f, f.ana, "touch", 1);
    pointWithEnd.end = seconds(2);
    expectRejected(std::make_unique<AddAnnotation>(pointWithEnd), "point event and takes no end");
    expectRejected(std::make_unique<AddAnnotation>(point(f, f.ana, "cry", 1, "infant")),
                   "state and needs an end");
    expectRejected(std::make_unique<AddAnnotation>(state(f, f.ana, "cry", 2, 2)),
                   "must come after the start");
    expectRejected(std::make_unique<AddAnnotation>(state(f, f.ana, "cry", 3, 2)),
                   "must come after the start");
    expectRejected(std::make_unique<AddAnnotation>(state(f, f.ana, "sneeze", 1, 2)), "unknown code 'sneeze'");
}

TEST_F(EditTest, SubjectAndModifierRules) {
    expectRejected(std::make_unique<AddAnnotation>(state(f, f.ana, "cry", 1, 2, "mother")),
                   "does not apply to subject 'mother'");
    expectRejected(std::make_unique<AddAnnotation>(state(f, f.ana, "cry", 1, 2, std::nullopt)),
                   "needs a subject");
    expectRejected(std::make_unique<AddAnnotation>(state(f, f.ana, "look", 1, 2, "dog")),
                   "unknown subject 'dog'");
    auto a = point(f, f.ana, "touch", 1);
    a.modifiers = {{"count", "11"}};
    expectRejected(std::make_unique<AddAnnotation>(a), "outside its range");
    a.modifiers = {{"count", "many"}};
    expectRejected(std::make_unique<AddAnnotation>(a), "needs a number");
    a.modifiers = {{"intensity", "low"}};
    expectRejected(std::make_unique<AddAnnotation>(a), "does not apply to code 'touch'");
    a.modifiers = {{"colour", "red"}};
    expectRejected(std::make_unique<AddAnnotation>(a), "unknown modifier set 'colour'");
    auto c = state(f, f.ana, "cry", 1, 2);
    c.modifiers = {{"intensity", "medium"}};
    expectRejected(std::make_unique<AddAnnotation>(c), "not a value of modifier 'intensity'");
    a.modifiers = {{"count", "2.5"}, {"note", "gentle; on the arm"}};
    add(a);
    EXPECT_EQ(timeline().size(), 1U);
}

TEST_F(EditTest, ExclusiveGroupsNeverOverlapForOneCoderAndSubject) {
    add(state(f, f.ana, "cry", 10, 20));
    expectRejected(
        std::make_unique<AddAnnotation>(state(f, f.ana, "fuss", 15, 25)),
        "'fuss' (15–25 s) would overlap 'cry' (10–20 s): both are in exclusive group 'distress' for "
        "subject 'infant'");
    expectRejected(std::make_unique<AddAnnotation>(state(f, f.ana, "calm", 5, 30)), "exclusive group");
    expectRejected(std::make_unique<AddAnnotation>(state(f, f.ana, "cry", 19, 21)), "exclusive group");
    add(state(f, f.ana, "fuss", 20, 25));               // touching is not overlapping
    add(state(f, f.ana, "calm", 5, 10));                // nor here
    add(state(f, f.ben, "fuss", 15, 25));               // another coder codes independently
    add(state(f, f.ana, "look", 12, 18, std::nullopt)); // not in the group
    add(point(f, f.ana, "touch", 15));                  // points take no time
    EXPECT_EQ(timeline().size(), 6U);
    // Edits are held to the same rule.
    const auto last = add(state(f, f.ana, "cry", 30, 40));
    expectRejected(std::make_unique<MoveAnnotation>(last, seconds(22)), "exclusive group");
    expectRejected(std::make_unique<TrimAnnotation>(last, seconds(24), std::nullopt), "exclusive group");
    AnnotationChange toLook;
    toLook.code = "calm";
    checkUndoRedo(std::make_unique<ChangeAnnotation>(last, toLook),
                  {"calm infant 5000-10000", "cry infant 10000-20000", "look - 12000-18000",
                   "fuss infant 15000-25000", "touch - 15000", "fuss infant 20000-25000",
                   "calm infant 30000-40000"});
}

TEST_F(EditTest, StartStateEndsTheRunningCodeOfItsGroupInOneStep) {
    const auto until = seconds(600);
    auto start = [&](const std::string& code, double at) {
        return std::make_unique<StartState>(
            StartState::Request{f.session, f.ana, code, std::string("infant"), seconds(at), until, {}});
    };
    checkUndoRedo(start("cry", 5), {"cry infant 5000-600000"});
    checkUndoRedo(start("fuss", 9), {"cry infant 5000-9000", "fuss infant 9000-600000"});
    checkUndoRedo(start("calm", 12),
                  {"cry infant 5000-9000", "fuss infant 9000-12000", "calm infant 12000-600000"});
    // Going back and pressing a key earlier stops at the next state of the group.
    checkUndoRedo(start("cry", 2), {"cry infant 2000-5000", "cry infant 5000-9000", "fuss infant 9000-12000",
                                    "calm infant 12000-600000"});
    // Pressing at the very start of a state replaces it.
    checkUndoRedo(start("calm", 9), {"cry infant 2000-5000", "cry infant 5000-9000", "calm infant 9000-12000",
                                     "calm infant 12000-600000"});
    // One undo step restores both the ended state and the absence of the new one.
    EXPECT_EQ(history().undoText(), "Start 'calm' at 9 s");
    history().undo();
    EXPECT_EQ(timeline(), (std::vector<std::string>{"cry infant 2000-5000", "cry infant 5000-9000",
                                                    "fuss infant 9000-12000", "calm infant 12000-600000"}));
    expectRejected(std::make_unique<StartState>(
                       StartState::Request{f.session, f.ana, "touch", std::nullopt, seconds(1), until, {}}),
                   "point event");
}

TEST_F(EditTest, FailedEditLeavesHistoryAndRedoUntouched) {
    add(state(f, f.ana, "cry", 1, 2));
    history().undo();
    ASSERT_TRUE(history().canRedo());
    expectRejected(std::make_unique<AddAnnotation>(state(f, f.ana, "nope", 1, 2)), "unknown code");
    EXPECT_TRUE(history().canRedo()); // a rejected edit is not an edit
    add(state(f, f.ana, "fuss", 3, 4));
    EXPECT_FALSE(history().canRedo()); // a new edit drops the redo side
}

TEST_F(EditTest, SegmentBoundariesScoresAndJudgements) {
    history().push(std::make_unique<MarkSegmentBoundary>(f.session, "ep1", seconds(0), f.sue));
    auto& mark = history().push(std::make_unique<MarkSegmentBoundary>(f.session, "ep2", seconds(180), f.sue));
    auto instances = store().segmentInstances(f.session);
    ASSERT_EQ(instances.size(), 2U);
    EXPECT_EQ(instances[0].end, seconds(180));
    EXPECT_FALSE(instances[1].end);
    history().undo();
    instances = store().segmentInstances(f.session);
    ASSERT_EQ(instances.size(), 1U);
    EXPECT_FALSE(instances[0].end);
    history().redo();
    EXPECT_EQ(store().segmentInstances(f.session).size(), 2U);
    const auto ep2 = mark.id();
    EXPECT_THROW(history().push(std::make_unique<MarkSegmentBoundary>(f.session, "ep9", seconds(5), f.sue)),
                 EditRejected);
    EXPECT_THROW(history().push(std::make_unique<MarkSegmentBoundary>(f.session, "ep2", seconds(180), f.sue)),
                 EditRejected);

    history().push(std::make_unique<ScoreScale>(ep2, "proximity", "mother", f.ana, 5));
    history().push(std::make_unique<ScoreScale>(ep2, "proximity", "mother", f.ana, 6));
    EXPECT_EQ(store().scaleScore(Viewer::wholeProject(), ep2, "proximity", "mother", f.ana)->value, 6);
    history().undo();
    EXPECT_EQ(store().scaleScore(Viewer::wholeProject(), ep2, "proximity", "mother", f.ana)->value, 5);
    history().undo();
    EXPECT_FALSE(store().scaleScore(Viewer::wholeProject(), ep2, "proximity", "mother", f.ana));
    history().redo();
    EXPECT_EQ(store().scaleScores(Viewer::wholeProject(), f.session).size(), 1U);
    EXPECT_THROW(history().push(std::make_unique<ScoreScale>(ep2, "proximity", "mother", f.ana, 8)),
                 EditRejected);
    EXPECT_THROW(history().push(std::make_unique<ScoreScale>(ep2, "proximity", "infant", f.ana, 3)),
                 EditRejected);
    EXPECT_THROW(
        history().push(std::make_unique<ScoreScale>(instances[0].id, "proximity", "mother", f.ana, 3)),
        EditRejected);
    history().push(std::make_unique<ScoreScale>(ep2, "proximity", "mother", f.ana, std::nullopt));
    EXPECT_TRUE(store().scaleScores(Viewer::wholeProject(), f.session).empty());

    history().push(std::make_unique<SetJudgement>(f.session, f.ana, "classification", "B"));
    history().push(std::make_unique<SetJudgement>(f.session, f.ana, "indices", "x;z"));
    history().push(std::make_unique<SetJudgement>(f.session, f.ana, "disorg", "7"));
    history().push(std::make_unique<SetJudgement>(f.session, f.ana, "notes", "some text"));
    EXPECT_EQ(store().judgements(Viewer::wholeProject(), f.session, f.ana).size(), 4U);
    history().undo();
    history().undo();
    EXPECT_EQ(store().judgements(Viewer::wholeProject(), f.session, f.ana).size(), 2U);
    for (const auto& [judgement, value] :
         std::vector<std::pair<std::string, std::string>>{{"classification", "D"},
                                                          {"classification", "A;B"},
                                                          {"indices", "x;x"},
                                                          {"indices", "w"},
                                                          {"disorg", "10"},
                                                          {"disorg", "5.5"},
                                                          {"notes", ""},
                                                          {"unknown", "A"}}) {
        EXPECT_THROW(history().push(std::make_unique<SetJudgement>(f.session, f.ana, judgement, value)),
                     EditRejected)
            << judgement << "=" << value;
    }
}

TEST_F(EditTest, UndoIsCheckedAgainstEditsFromAnotherProgram) {
    const auto id = add(state(f, f.ana, "cry", 1, 2));
    history().push(std::make_unique<MoveAnnotation>(id, seconds(10)));
    // A second program on the same file codes fuss where the cry used to be.
    Project other(dir / "p.sbproj");
    other.history().push(std::make_unique<AddAnnotation>(state(f, f.ana, "fuss", 1.5, 3)));
    // Moving the cry back would overlap it: the undo is refused and changes nothing.
    try {
        history().undo();
        ADD_FAILURE() << "undo wrote an overlap";
    } catch (const EditRejected& e) {
        EXPECT_NE(std::string(e.what()).find("exclusive group 'distress'"), std::string::npos) << e.what();
    }
    EXPECT_EQ(timeline(), (std::vector<std::string>{"fuss infant 1500-3000", "cry infant 10000-11000"}));
    EXPECT_TRUE(history().canUndo());
    other.history().undo(); // once the other program takes its edit back, the undo goes through
    history().undo();
    EXPECT_EQ(timeline(), (std::vector<std::string>{"cry infant 1000-2000"}));
}

TEST_F(EditTest, OldAnnotationsKeepTheirSchemeVersion) {
    const auto id = add(state(f, f.ana, "cry", 1, 2));
    const auto v1 = store().currentSchemeVersion();
    // A new scheme version without "cry": old annotations still name the version they were
    // made with and can still be moved under it.
    auto text = test::testSchemeJson("2.0.0");
    const auto v2 = store().addSchemeVersion(text, "test-scheme", "2.0.0");
    store().setCurrentSchemeVersion(v2);
    history().push(std::make_unique<MoveAnnotation>(id, seconds(3)));
    EXPECT_EQ(store().annotation(Viewer::wholeProject(), id)->schemeVersion, v1);
    AnnotationChange change;
    change.code = "fuss";
    history().push(std::make_unique<ChangeAnnotation>(id, change));
    EXPECT_EQ(store().annotation(Viewer::wholeProject(), id)->schemeVersion, v2);
}

} // namespace
} // namespace sb::annotation
