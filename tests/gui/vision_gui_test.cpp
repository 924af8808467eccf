// The workstation's picture tools (issue 10) as a coder uses them, offscreen, on a clip made
// here with ffmpeg: a white square on black that rests, moves from 2 s to 3 s, rests, moves
// again from 5 s to 5.6 s and rests to the end (8 s, 25 fps).
//
// Thumbnails arrive without blocking the timeline; the motion lane appears after the
// analysis and Alt+Right lands on its peak frame; accepting a candidate adds exactly one
// annotation of the chosen code, rejecting adds none; blur regions drawn on the video are in
// the project after reopening; the export dialog writes exactly the range's frames, and a
// cancelled export leaves no file.
//
// With SB_VISION_SCREENSHOTS=DIR it also saves the window and the export dialog as PNGs there
// (docs/images/tracks-workstation.png, docs/images/clip-export-dialog.png).

#include "app/gui/main_window.h"
#include "app/gui/timeline/timeline_view.h"
#include "app/gui/video_view.h"
#include "app/gui/vision/candidate_panel.h"
#include "app/gui/vision/clip_export_dialog.h"
#include "app/gui/vision/filmstrip_lane.h"
#include "app/gui/vision/motion_tracks.h"
#include "app/gui/vision/poster_frames.h"
#include "app/gui/vision/region_editor.h"
#include "app/gui/vision/session_regions.h"
#include "app/gui/vision/thumbnail_source.h"
#include "app/gui/vision/vision_tools.h"

#include "annotation/project.h"
#include "codecs/frame_index_builder.h"

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;

class VisionGuiTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString clip_;

    QString makeProject(const QString& name) {
        const QString file = dir_.filePath(name + QStringLiteral(".sbproj"));
        auto project =
            annotation::Project::create(file.toStdString(), SB_SOURCE_DIR "/samples/schemes/generic.json");
        project->store().addSession(
            "tape 1", {annotation::MediaFile{clip_.toStdString(), annotation::Microseconds(0)}});
        project->store().addCoder("Ana", annotation::CoderRole::Coder);
        return file;
    }

    std::vector<annotation::Annotation> stored(const QString& file) {
        annotation::Project project(file.toStdString(), annotation::ProjectStore::Access::ReadOnly);
        annotation::AnnotationFilter filter;
        filter.session = project.store().sessionNamed("tape 1").id;
        return project.store().annotations(annotation::Viewer::wholeProject(), filter);
    }

    static gui::MeasureLane* laneNamed(gui::MainWindow& window, const QString& name) {
        for (gui::MeasureLane* lane : window.vision()->motion().lanes())
            if (lane->name() == name)
                return lane;
        return nullptr;
    }

    static bool waitForAnalysis(gui::MainWindow& window) {
        QElapsedTimer timer;
        timer.start();
        while (window.vision()->motion().lanes().isEmpty() && timer.elapsed() < 120'000)
            QTest::qWait(50);
        return !window.vision()->motion().lanes().isEmpty();
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SecureBaseVisionTest"));
        QVERIFY(dir_.isValid());
        // A fresh cache: thumbnails and the analysis are made in this run, not read back.
        qputenv("SECUREBASE_CACHE_DIR", dir_.filePath(QStringLiteral("cache")).toUtf8());
        clip_ = dir_.filePath(QStringLiteral("square.mp4"));
        const QString x = QStringLiteral("if(lt(t,2),40,if(lt(t,3),40+(t-2)*200,if(lt(t,5),240,if(lt(t,5.6),"
                                         "240-(t-5)*300,60))))");
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-nostdin"),
                      QStringLiteral("-v"),
                      QStringLiteral("error"),
                      QStringLiteral("-y"),
                      QStringLiteral("-f"),
                      QStringLiteral("lavfi"),
                      QStringLiteral("-i"),
                      QStringLiteral("color=c=black:s=320x240:r=25:d=8"),
                      QStringLiteral("-f"),
                      QStringLiteral("lavfi"),
                      QStringLiteral("-i"),
                      QStringLiteral("color=c=white:s=40x40:r=25:d=8"),
                      QStringLiteral("-f"),
                      QStringLiteral("lavfi"),
                      QStringLiteral("-i"),
                      QStringLiteral("sine=frequency=440:sample_rate=48000:duration=8"),
                      QStringLiteral("-filter_complex"),
                      QStringLiteral("[0][1]overlay=x='%1':y=100[v]").arg(x),
                      QStringLiteral("-map"),
                      QStringLiteral("[v]"),
                      QStringLiteral("-map"),
                      QStringLiteral("2:a"),
                      QStringLiteral("-c:v"),
                      QStringLiteral("libx264"),
                      QStringLiteral("-preset"),
                      QStringLiteral("veryfast"),
                      QStringLiteral("-g"),
                      QStringLiteral("25"),
                      QStringLiteral("-pix_fmt"),
                      QStringLiteral("yuv420p"),
                      QStringLiteral("-c:a"),
                      QStringLiteral("aac"),
                      QStringLiteral("-shortest"),
                      clip_});
        QVERIFY(ffmpeg.waitForFinished(60'000));
        QCOMPARE(ffmpeg.exitCode(), 0);
    }

    void thumbnailsArriveWithoutBlocking() {
        const QString file = makeProject(QStringLiteral("thumbs"));
        gui::MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(file, {}, QStringLiteral("Ana")));
        gui::FilmstripLane& strip = window.vision()->filmstrip();
        QVERIFY(window.timeline()->lanes().contains(&strip));
        // The first paint comes at once, with placeholders: nothing has been decoded yet.
        QElapsedTimer timer;
        timer.start();
        window.timeline()->grab();
        QVERIFY2(timer.elapsed() < 500, "painting the timeline waited for thumbnails");
        QVERIFY(strip.placeholdersPainted() + strip.thumbnailsPainted() > 0);
        QVERIFY(strip.placeholdersPainted() > 0);
        // They arrive from the worker thread and are painted next time.
        QTRY_VERIFY_WITH_TIMEOUT(window.vision()->thumbnails()->produced() > 0, 20'000);
        QTRY_VERIFY_WITH_TIMEOUT((window.timeline()->grab(), strip.placeholdersPainted() == 0), 30'000);
        QVERIFY(strip.thumbnailsPainted() > 0);
        // And are on disk for next time.
        QVERIFY(QDir(QString::fromStdString(gui::ThumbnailSource::folderFor(clip_.toStdString()).string()))
                    .entryList(QDir::Files)
                    .size() > 0);
        // The session list shows a poster frame.
        QTRY_VERIFY_WITH_TIMEOUT(
            !window.vision()->posters().poster(QFileInfo(clip_).absoluteFilePath()).isNull(), 20'000);
    }

    void motionLaneAndNextPeakKey() {
        const QString file = makeProject(QStringLiteral("peaks"));
        gui::MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(file, {}, QStringLiteral("Ana")));
        QVERIFY(waitForAnalysis(window));
        gui::MeasureLane* motion = laneNamed(window, QStringLiteral("motion"));
        QVERIFY(motion);
        QVERIFY(window.timeline()->lanes().contains(motion));
        QCOMPARE(window.vision()->motion().activeLane(), motion);
        motion->setThreshold(0.3);
        // Peaks where the square moves (frames 50-75 and 125-140), none where it rests.
        QVERIFY(!motion->peaks().empty());
        for (const auto& peak : motion->peaks())
            QVERIFY2((peak.frame >= 50 && peak.frame <= 76) || (peak.frame >= 125 && peak.frame <= 141),
                     qPrintable(QStringLiteral("peak at frame %1").arg(peak.frame)));
        window.playback().seek(0);
        QTRY_COMPARE(window.playback().currentFrame(), std::int64_t{0});
        QTest::keyClick(window.windowHandle(), Qt::Key_Right, Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(window.playback().currentFrame(), motion->peaks().front().frame, 5000);
        if (motion->peaks().size() > 1) {
            QTest::keyClick(window.windowHandle(), Qt::Key_Right, Qt::AltModifier);
            QTRY_COMPARE_WITH_TIMEOUT(window.playback().currentFrame(), motion->peaks()[1].frame, 5000);
            QTest::keyClick(window.windowHandle(), Qt::Key_Left, Qt::AltModifier);
            QTRY_COMPARE_WITH_TIMEOUT(window.playback().currentFrame(), motion->peaks().front().frame, 5000);
        }
    }

    void candidatesAreAcceptedOrRejectedOneByOne() {
        const QString file = makeProject(QStringLiteral("candidates"));
        gui::MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(file, {}, QStringLiteral("Ana")));
        QVERIFY(waitForAnalysis(window));
        laneNamed(window, QStringLiteral("motion"))->setThreshold(0.3);
        gui::CandidatePanel& panel = window.vision()->candidates();
        QVERIFY(panel.chooseMeasure(QStringLiteral("motion")));
        QVERIFY(panel.chooseCode(QStringLiteral("vocalising")));
        QVERIFY(panel.chooseSubject(QStringLiteral("child")));
        panel.findCandidates();
        const int found = panel.pending();
        QVERIFY(found >= 2);                           // at least one per movement
        QCOMPARE(stored(file).size(), std::size_t{0}); // finding adds nothing
        panel.rejectCurrent();
        QCOMPARE(panel.pending(), found - 1);
        QCOMPARE(stored(file).size(), std::size_t{0});
        QVERIFY(panel.acceptCurrent());
        QCOMPARE(panel.pending(), found - 2);
        const auto annotations = stored(file);
        QCOMPARE(annotations.size(), std::size_t{1});
        QCOMPARE(annotations[0].code, std::string("vocalising"));
        QVERIFY(annotations[0].end.has_value());
        // The accepted burst lies where the square moves (2 s to 3 s or 5 s to 5.6 s).
        const auto start = annotations[0].start.count();
        QVERIFY((start >= 1'950'000 && start <= 3'050'000) || (start >= 4'950'000 && start <= 5'650'000));
        // Through the normal edit path: one undo removes it.
        window.document().undo();
        QCOMPARE(stored(file).size(), std::size_t{0});
    }

    void blurRegionsSurviveSaveAndReopen() {
        const QString file = makeProject(QStringLiteral("regions"));
        vision::BlurRegions drawn;
        {
            gui::MainWindow window;
            window.resize(1200, 800);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.openProject(file, {}, QStringLiteral("Ana")));
            window.vision()->action(QStringLiteral("drawBlurRectangle"))->setChecked(true);
            QCOMPARE(window.vision()->regionEditors().size(), 1);
            gui::RegionEditor* editor = window.vision()->regionEditors().front();
            QCOMPARE(editor->mode(), gui::RegionEditor::Mode::BlurRectangle);
            window.playback().seek(1'000'000);
            QTRY_COMPARE(window.playback().position(), std::int64_t{1'000'000});
            QTest::mousePress(editor, Qt::LeftButton, {}, editor->pointAt(0.2, 0.3));
            QTest::mouseMove(editor, editor->pointAt(0.35, 0.45));
            QTest::mouseRelease(editor, Qt::LeftButton, {}, editor->pointAt(0.5, 0.6));
            QCOMPARE(window.vision()->regions().blurRegions().regions.size(), std::size_t{1});
            // Later, the region is dragged to where the face went: a second keyframe.
            window.playback().seek(3'000'000);
            QTRY_COMPARE(window.playback().position(), std::int64_t{3'000'000});
            editor->setSessionTime(3'000'000);
            QTest::mousePress(editor, Qt::LeftButton, {}, editor->pointAt(0.3, 0.4));
            QTest::mouseMove(editor, editor->pointAt(0.4, 0.4));
            QTest::mouseRelease(editor, Qt::LeftButton, {}, editor->pointAt(0.5, 0.4));
            drawn = window.vision()->regions().blurRegions();
            QCOMPARE(drawn.regions.size(), std::size_t{1});
            QCOMPARE(drawn.regions[0].keyframes.size(), std::size_t{2});
            QCOMPARE(drawn.regions[0].keyframes[0].time.count(), std::int64_t{1'000'000});
            QCOMPARE(drawn.regions[0].keyframes[1].time.count(), std::int64_t{3'000'000});
            QVERIFY(std::abs(drawn.regions[0].keyframes[0].x - 0.2) < 0.02);
            QVERIFY(std::abs(drawn.regions[0].keyframes[1].x - 0.4) < 0.02);
        }
        {
            annotation::Project project(file.toStdString(), annotation::ProjectStore::Access::ReadOnly);
            const auto json =
                project.store().sessionDocument(project.store().sessionNamed("tape 1").id, "blur-regions");
            QVERIFY(json.has_value());
            QVERIFY(vision::BlurRegions::fromJson(*json, "test") == drawn);
        }
        gui::MainWindow reopened;
        QVERIFY(reopened.openProject(file, {}, QStringLiteral("Ana")));
        QVERIFY(reopened.vision()->regions().blurRegions() == drawn);
    }

    void exportDialogWritesTheRangeAndCancelLeavesNoFile() {
        const QString file = makeProject(QStringLiteral("export"));
        gui::MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(file, {}, QStringLiteral("Ana")));
        QPointer<gui::ClipExportDialog> dialog =
            window.vision()->exportClip(1'000'000, 2'000'000, QStringLiteral("Crying"));
        QVERIFY(dialog);
        QCOMPARE(dialog->range().first, std::int64_t{25});
        QCOMPARE(dialog->range().count(), std::int64_t{25});
        // The preview shows frames of the range, as the export renders them.
        QTRY_COMPARE_WITH_TIMEOUT(dialog->previewFrame(), 0, 20'000);
        QVERIFY(!dialog->previewImage().isNull());
        dialog->showPreviewFrame(10);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->previewFrame(), 10, 20'000);

        const QString out = dir_.filePath(QStringLiteral("clip.mp4"));
        dialog->setOutputFile(out);
        dialog->setCaption(true);
        QSignalSpy finished(dialog.data(), &gui::ClipExportDialog::exportFinished);
        dialog->startExport();
        QVERIFY(dialog->exporting());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120'000);
        QVERIFY2(finished.front().at(0).toBool(), qPrintable(finished.front().at(1).toString()));
        QVERIFY(QFileInfo::exists(out));
        QCOMPARE(codecs::buildFrameIndex(out.toStdString()).frameCount(), std::int64_t{25});

        // A long export cancelled at once: no clip, no temporary file.
        dialog->close();
        QTRY_VERIFY(dialog.isNull());
        gui::ClipExportDialog* second = window.vision()->exportClip(0, 7'900'000);
        QVERIFY(second);
        const QString cancelled = dir_.filePath(QStringLiteral("cancelled.mp4"));
        second->setOutputFile(cancelled);
        QSignalSpy ended(second, &gui::ClipExportDialog::exportFinished);
        second->startExport();
        second->cancelExport();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60'000);
        QVERIFY(!ended.front().at(0).toBool());
        QVERIFY(!QFileInfo::exists(cancelled));
        for (const QString& name : QDir(dir_.path()).entryList(QDir::Files))
            QVERIFY2(!name.startsWith(QStringLiteral("cancelled")), qPrintable(name));
    }

    void screenshots() {
        const QString target = qEnvironmentVariable("SB_VISION_SCREENSHOTS");
        if (target.isEmpty())
            QSKIP("set SB_VISION_SCREENSHOTS=DIR to save the documentation's screenshots");
        const QString file = makeProject(QStringLiteral("screens"));
        {
            annotation::Project project(file.toStdString());
            const auto session = project.store().sessionNamed("tape 1").id;
            project.store().putSessionDocument(
                session, "analysis-regions",
                R"({"regions":[{"name":"infant","x":20,"y":80,"width":150,"height":90}]})");
        }
        gui::MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(file, {}, QStringLiteral("Ana")));
        QVERIFY(waitForAnalysis(window));
        laneNamed(window, QStringLiteral("motion"))->setThreshold(0.3);
        window.vision()->candidates().chooseCode(QStringLiteral("vocalising"));
        window.vision()->candidates().findCandidates();
        window.playback().seek(2'400'000);
        QTRY_VERIFY_WITH_TIMEOUT(
            (window.timeline()->grab(), window.vision()->filmstrip().placeholdersPainted() == 0), 30'000);
        QTest::qWait(500);
        QVERIFY(window.grab().save(QDir(target).filePath(QStringLiteral("tracks-workstation.png"))));

        gui::ClipExportDialog* dialog =
            window.vision()->exportClip(2'000'000, 3'000'000, QStringLiteral("Crying"));
        QVERIFY(dialog);
        dialog->setCaption(true);
        dialog->showPreviewFrame(12);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->previewFrame(), 12, 20'000);
        QTest::qWait(300);
        QVERIFY(dialog->grab().save(QDir(target).filePath(QStringLiteral("clip-export-dialog.png"))));
    }
};

QTEST_MAIN(VisionGuiTest)
#include "vision_gui_test.moc"
