// The workstation as a coder uses it, on the offscreen platform: open a project, code by key
// presses while the video plays, undo and redo, exclusive groups, a missing media file.
// Every check reads the project file, not the widgets.

#include "app/gui/agreement_window.h"
#include "app/gui/keypad_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/notes_panel.h"
#include "app/gui/timeline/timeline_view.h"
#include "app/gui/video_view.h"

#include "annotation/project.h"

#include <QAction>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;

class WorkstationTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

    // A project with the bundled generic scheme and one session on a generated clip.
    QString makeProject(const QString& name, const QString& media) {
        const QString file = dir_.filePath(name + QStringLiteral(".sbproj"));
        auto project =
            annotation::Project::create(file.toStdString(), SB_SOURCE_DIR "/samples/schemes/generic.json");
        project->store().addSession(
            "tape 1", {annotation::MediaFile{media.toStdString(), annotation::Microseconds(0)}});
        project->store().addCoder("Ana", annotation::CoderRole::Coder);
        project->store().addCoder("Supervisor", annotation::CoderRole::Supervisor);
        return file;
    }

    std::vector<annotation::Annotation> stored(const QString& file) {
        annotation::Project project(file.toStdString(), annotation::ProjectStore::Access::ReadOnly);
        annotation::AnnotationFilter filter;
        filter.session = project.store().sessionNamed("tape 1").id;
        return project.store().annotations(annotation::Viewer::wholeProject(), filter);
    }

    static void press(gui::MainWindow& window, Qt::Key key,
                      Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        QTest::keyClick(window.windowHandle(), key, modifiers);
        QCoreApplication::processEvents();
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SecureBaseTest"));
        QVERIFY(dir_.isValid());
    }

    void opensTheProjectReadyToCode() {
        const QString file =
            makeProject(QStringLiteral("open"), QStringLiteral(SB_TEST_MEDIA_DIR "/h264_bframes.mp4"));
        gui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(file, {}, QStringLiteral("Ana")));
        QCOMPARE(window.document().coder().name, std::string("Ana"));
        QCOMPARE(window.videoViews().size(), 1);
        // The first frame arrives from the decoding thread.
        QTRY_COMPARE_WITH_TIMEOUT(window.videoViews()[0]->shownFrame(), std::int64_t{0}, 5000);
        QVERIFY(window.findChild<QPushButton*>(QStringLiteral("code:looking")));
        // The scheme codes 'l', so the L shuttle key is given up to it and said so.
        QVERIFY(window.action(QStringLiteral("shuttleForward"))->shortcut().isEmpty());
        QVERIFY(!window.shadowedShortcuts().isEmpty());
    }

    void keysCodeWhilePlayingAndLandInTheFile() {
        const QString file =
            makeProject(QStringLiteral("live"), QStringLiteral(SB_TEST_MEDIA_DIR "/h264_bframes.mp4"));
        gui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(file, {}, QStringLiteral("Ana")));
        press(window, Qt::Key_Space); // play
        QTest::qWait(400);
        press(window, Qt::Key_V); // vocalising starts
        QTest::qWait(400);
        press(window, Qt::Key_S); // a smile (point)
        QTest::qWait(300);
        press(window, Qt::Key_V); // vocalising ends
        press(window, Qt::Key_Space);
        QVERIFY(!window.playback().playing());

        const auto annotations = stored(file);
        QCOMPARE(annotations.size(), std::size_t{2});
        const auto& state = annotations[0].code == "vocalising" ? annotations[0] : annotations[1];
        const auto& point = annotations[0].code == "smiling" ? annotations[0] : annotations[1];
        QCOMPARE(state.code, std::string("vocalising"));
        QCOMPARE(point.code, std::string("smiling"));
        QCOMPARE(state.subject.value_or(""), std::string("child"));
        QVERIFY(state.end.has_value());
        QVERIFY(state.start.count() >= 300'000);
        QVERIFY(*state.end > point.start && point.start > state.start);
        QVERIFY(!point.end.has_value());
        // Every time is the start of a frame of the 30 fps clip (the media engine's index).
        for (const auto t : {state.start.count(), state.end->count(), point.start.count()})
            QCOMPARE(window.playback().snap(t), t);
        QVERIFY(window.findChild<QPushButton*>(QStringLiteral("code:vocalising"))->isChecked() == false);
    }

    void undoAndRedoByKeys() {
        const QString file =
            makeProject(QStringLiteral("undo"), QStringLiteral(SB_TEST_MEDIA_DIR "/h264_bframes.mp4"));
        gui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(file, {}, QStringLiteral("Ana")));
        window.playback().seek(1'000'000);
        press(window, Qt::Key_S);
        press(window, Qt::Key_Right);
        press(window, Qt::Key_Right);
        press(window, Qt::Key_S);
        QCOMPARE(stored(file).size(), std::size_t{2});
        press(window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(stored(file).size(), std::size_t{1});
        press(window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(stored(file).size(), std::size_t{0});
        press(window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(stored(file).size(), std::size_t{1});
        QCOMPARE(window.document().historyLog().size(), 2);
        QCOMPARE(window.document().undoneCount(), 1);
    }

    void startingACodeOfAGroupEndsTheRunningOne() {
        const QString file =
            makeProject(QStringLiteral("group"), QStringLiteral(SB_TEST_MEDIA_DIR "/h264_bframes.mp4"));
        gui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(file, {}, QStringLiteral("Ana")));
        window.playback().seek(500'000);
        press(window, Qt::Key_V); // vocalising
        for (int i = 0; i < 10; ++i)
            press(window, Qt::Key_Right);
        const std::int64_t switchAt = window.playback().snap(window.playback().position());
        press(window, Qt::Key_C); // crying: same group, ends vocalising here
        QVERIFY(window.liveCoder().isRunning(QStringLiteral("crying")));
        QVERIFY(!window.liveCoder().isRunning(QStringLiteral("vocalising")));
        for (int i = 0; i < 5; ++i)
            press(window, Qt::Key_Right);
        press(window, Qt::Key_C);
        const auto annotations = stored(file);
        QCOMPARE(annotations.size(), std::size_t{2});
        QCOMPARE(annotations[0].code, std::string("vocalising"));
        QCOMPARE(annotations[0].end->count(), switchAt);
        QCOMPARE(annotations[1].code, std::string("crying"));
        QCOMPARE(annotations[1].start.count(), switchAt);
        QCOMPARE(annotations[1].end->count(), window.playback().snap(window.playback().position()));
    }

    void subjectKeysChooseWhomTheCodeIsAbout() {
        const QString file =
            makeProject(QStringLiteral("subject"), QStringLiteral(SB_TEST_MEDIA_DIR "/h264_bframes.mp4"));
        gui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(file, {}, QStringLiteral("Ana")));
        press(window, Qt::Key_2);
        press(window, Qt::Key_S);
        const auto annotations = stored(file);
        QCOMPARE(annotations.size(), std::size_t{1});
        QCOMPARE(annotations[0].subject.value_or(""), std::string("adult"));
    }

    void closingEndsARunningCodeAtTheCurrentFrame() {
        const QString file =
            makeProject(QStringLiteral("close"), QStringLiteral(SB_TEST_MEDIA_DIR "/h264_bframes.mp4"));
        std::int64_t closedAt = 0;
        {
            gui::MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.openProject(file, {}, QStringLiteral("Ana")));
            window.playback().seek(800'000);
            press(window, Qt::Key_T); // touching, left running
            window.playback().seek(2'000'000);
            closedAt = window.playback().snap(2'000'000);
            window.close();
        }
        const auto annotations = stored(file);
        QCOMPARE(annotations.size(), std::size_t{1});
        QCOMPARE(annotations[0].end->count(), closedAt);
    }

    void commentsAreTypedAtThePlayheadAndJumpBack() {
        const QString file =
            makeProject(QStringLiteral("notes"), QStringLiteral(SB_TEST_MEDIA_DIR "/h264_bframes.mp4"));
        gui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(file, {}, QStringLiteral("Ana")));
        window.playback().seek(2'000'000);
        const std::int64_t at = window.playback().snap(2'000'000);
        press(window, Qt::Key_M, Qt::ControlModifier);
        auto* entry = window.findChild<QLineEdit*>(QStringLiteral("noteEntry"));
        QVERIFY(entry->hasFocus());
        // Letters typed here are text, not coding keys ('s' codes a smile elsewhere).
        QTest::keyClicks(entry, QStringLiteral("smiles at stranger"));
        QTest::keyClick(entry, Qt::Key_Return);
        window.notes()->addAtPlayhead(QStringLiteral("لبخند به غریبه")); // a Persian note, as typed in Tehran
        QCOMPARE(stored(file).size(), std::size_t{0});
        {
            annotation::Project project(file.toStdString(), annotation::ProjectStore::Access::ReadOnly);
            const auto notes = project.store().notes(annotation::Viewer::wholeProject(),
                                                     project.store().sessionNamed("tape 1").id);
            QCOMPARE(notes.size(), std::size_t{2});
            QCOMPARE(notes[0].text, std::string("smiles at stranger"));
            QCOMPARE(notes[1].text, std::string("لبخند به غریبه"));
            QCOMPARE(notes[0].at.count(), at);
        }
        window.playback().seek(0);
        QTRY_COMPARE(window.notes()->noteCount(), 2);
        auto* list = window.findChild<QListWidget*>(QStringLiteral("notes"));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(0)).center());
        QCOMPARE(window.playback().position(), at);
        press(window, Qt::Key_Z, Qt::ControlModifier); // undo the Persian note
        QTRY_COMPARE(window.notes()->noteCount(), 1);
    }

    void agreementWindowListsDisagreementsAndJumpsToThem() {
        const QString file =
            makeProject(QStringLiteral("agree"), QStringLiteral(SB_TEST_MEDIA_DIR "/h264_bframes.mp4"));
        {
            annotation::Project project(file.toStdString());
            auto& store = project.store();
            const auto session = store.sessionNamed("tape 1").id;
            auto add = [&](const char* coder, const char* code, double from, double to) {
                annotation::Annotation a;
                a.session = session;
                a.coder = store.coderNamed(coder).id;
                a.schemeVersion = store.currentSchemeVersion();
                a.code = code;
                a.subject = "child";
                a.start = annotation::Microseconds(static_cast<std::int64_t>(from * 1e6));
                a.end = annotation::Microseconds(static_cast<std::int64_t>(to * 1e6));
                store.insertAnnotation(a);
            };
            // Voice group, 1 s units over 4 s: Ana cries 0-2 s then vocalises 2-4 s; the supervisor
            // cries 0-3 s then vocalises 3-4 s: they disagree on the unit 2-3 s only.
            add("Ana", "crying", 0, 2);
            add("Ana", "vocalising", 2, 4);
            add("Supervisor", "crying", 0, 3);
            add("Supervisor", "vocalising", 3, 4);
        }
        gui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(file, {}, QStringLiteral("Supervisor")));
        auto* agreement = window.showAgreement();
        QVERIFY(agreement);
        agreement->setCoders(QStringLiteral("Ana"), QStringLiteral("Supervisor"));
        QVERIFY(agreement->compute());
        QVERIFY(agreement->result().has_value());
        // The window shows what the library computes for the same request.
        annotation::TimelineRequest request;
        request.session = "tape 1";
        request.coders = {"Ana", "Supervisor"};
        const auto expected = annotation::timelineAgreement(window.document().project(), request);
        QCOMPARE(agreement->result()->streams.size(), expected.streams.size());
        const auto& voice = *expected.streams.front().pairs.front().timeUnit;
        QCOMPARE(voice.disagreements.size(), std::size_t{1});
        QCOMPARE(agreement->disagreementCount(), 1);
        QVERIFY(agreement->summaryText().contains(QString::number(*voice.kappa, 'f', 3)));
        // N (or Ctrl+]) puts the video at the disagreement.
        window.playback().seek(0);
        agreement->nextDisagreement();
        QCOMPARE(window.playback().position(), std::int64_t{2'000'000});
        if (qEnvironmentVariableIsSet("SB_SCREENSHOT_DIR")) { // for looking at it, and for docs/
            window.grab().save(qEnvironmentVariable("SB_SCREENSHOT_DIR") +
                               QStringLiteral("/agreement-main.png"));
            agreement->grab().save(qEnvironmentVariable("SB_SCREENSHOT_DIR") +
                                   QStringLiteral("/agreement.png"));
        }
    }

    void missingMediaStillOpensTheSession() {
        const QString file =
            makeProject(QStringLiteral("missing"), dir_.filePath(QStringLiteral("moved-away.mp4")));
        {
            annotation::Project project(file.toStdString());
            annotation::Annotation a;
            a.session = project.store().sessionNamed("tape 1").id;
            a.coder = project.store().coderNamed("Ana").id;
            a.schemeVersion = project.store().currentSchemeVersion();
            a.code = "smiling";
            a.start = annotation::Microseconds(1'000'000);
            project.store().insertAnnotation(a);
        }
        gui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(file, {}, QStringLiteral("Ana")));
        QVERIFY(window.lastMessage().contains(QStringLiteral("moved-away.mp4")));
        QVERIFY(window.action(QStringLiteral("locate"))->isEnabled());
        QCOMPARE(window.document().annotations().size(), std::size_t{1});
    }
};

QTEST_MAIN(WorkstationTest)
#include "workstation_test.moc"
