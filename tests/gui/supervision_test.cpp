// Supervision at the workstation, on the offscreen platform: a supervisor makes a coding package
// for trainee T; T opens it in the workstation and codes by key presses; the supervisor merges
// it, sets the gold standard, reviews T's coding in review mode (disagreements, a thread at one
// of them, the review key), releases feedback; T answers the thread in the feedback package and
// the merge brings the answer back. Then the progress view and the audit history. Every check
// reads the project or package file, not the widgets. Screenshots of review mode and the
// progress view are written to SB_SCREENSHOT_DIR.

#include "app/gui/main_window.h"
#include "app/gui/supervision/audit_window.h"
#include "app/gui/supervision/progress_window.h"
#include "app/gui/interface_language.h"
#include "app/gui/supervision/review_panel.h"
#include "app/gui/supervision/supervision_menu.h"
#include "app/gui/timeline/timeline_view.h"

#include "annotation/project.h"
#include "annotation/supervision/coding_package.h"
#include "annotation/supervision/gold_standards.h"
#include "annotation/supervision/review_threads.h"
#include "annotation/training/training_criterion.h"
#include "annotation/training/training_sets.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;
namespace sv = sb::annotation::supervision;

class SupervisionTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString project_;

    // The bundled generic scheme, one session on a generated 4 s clip, trainee T, a master
    // coder whose coding becomes the gold standard, and the supervisor.
    QString makeProject() {
        const QString file = dir_.filePath(QStringLiteral("training.sbproj"));
        auto project =
            annotation::Project::create(file.toStdString(), SB_SOURCE_DIR "/samples/schemes/generic.json");
        auto& store = project->store();
        const auto session = store.addSession(
            "tape 1",
            {annotation::MediaFile{SB_TEST_MEDIA_DIR "/h264_bframes.mp4", annotation::Microseconds(0)}});
        store.addCoder("T", annotation::CoderRole::Coder);
        const auto master = store.addCoder("Master", annotation::CoderRole::Coder);
        store.addCoder("Supervisor", annotation::CoderRole::Supervisor);
        // The master coder's work: the child vocalises 0.5–2 s, cries 2.5–3.5 s.
        for (const auto& [code, from, to] :
             {std::tuple{"vocalising", 500'000, 2'000'000}, std::tuple{"crying", 2'500'000, 3'500'000}}) {
            annotation::Annotation a;
            a.session = session;
            a.coder = master;
            a.schemeVersion = store.currentSchemeVersion();
            a.code = code;
            a.subject = "child";
            a.start = annotation::Microseconds(from);
            a.end = annotation::Microseconds(to);
            store.insertAnnotation(a);
        }
        return file;
    }

    // Reads `coder`'s annotations of tape 1 from a project or package file.
    static std::vector<annotation::Annotation> stored(const QString& file, const std::string& coder) {
        annotation::Project project(file.toStdString(), annotation::ProjectStore::Access::ReadOnly);
        auto& store = project.store();
        annotation::AnnotationFilter filter;
        filter.session = store.sessionNamed("tape 1").id;
        filter.coder = store.coderNamed(coder).id;
        return store.annotations(annotation::Viewer::wholeProject(), filter);
    }

    static std::vector<sv::ReviewThread> threadsIn(const QString& file) {
        annotation::Project project(file.toStdString(), annotation::ProjectStore::Access::ReadOnly);
        return sv::ReviewThreads(project.store()).threads();
    }

    static void press(gui::MainWindow& window, Qt::Key key,
                      Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        QTest::keyClick(window.windowHandle(), key, modifiers);
        QCoreApplication::processEvents();
    }

    static void shoot(QWidget* widget, const QString& name) {
        QDir().mkpath(QStringLiteral(SB_SCREENSHOT_DIR));
        QVERIFY(widget->grab().save(QStringLiteral(SB_SCREENSHOT_DIR "/") + name));
    }

    std::unique_ptr<gui::MainWindow> openWindow(const QString& file, const QString& coder) {
        auto window = std::make_unique<gui::MainWindow>();
        window->resize(1400, 900);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return nullptr;
        if (!window->openProject(file, {}, coder))
            return nullptr;
        return window;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SecureBaseSupervisionTest"));
        gui::InterfaceLanguage::instance().apply(QStringLiteral("en")); // as the program starts: with its plurals
        QVERIFY(dir_.isValid());
        project_ = makeProject();
    }

    void walkThroughPackageReviewAndFeedback() {
        const QString package = dir_.filePath(QStringLiteral("T.sbpkg"));
        const QString feedback = dir_.filePath(QStringLiteral("T-feedback.sbpkg"));

        // 1. The supervisor makes T's package; feedback before T has submitted is refused.
        {
            auto window = openWindow(project_, QStringLiteral("Supervisor"));
            QVERIFY(window);
            auto* supervision = window->supervision();
            QVERIFY(supervision->supervisorAtWindow());
            QVERIFY2(supervision->createPackage(QStringLiteral("T"), package),
                     qPrintable(supervision->lastError()));
            QVERIFY(QFileInfo::exists(package));
            QCOMPARE(sv::readPackageHeader(package.toStdString()).coderName, std::string("T"));
            QVERIFY(!supervision->releaseFeedback(QStringLiteral("T"), feedback));
            QVERIFY(!supervision->lastError().isEmpty());
            QVERIFY(!QFileInfo::exists(feedback));
        }

        // 2. T opens the package in the workstation (not as anyone else) and codes by keys.
        {
            gui::MainWindow other;
            QVERIFY(!other.openProject(package, {}, QStringLiteral("Master")));
            QVERIFY(other.lastMessage().contains(QStringLiteral("T")));
        }
        {
            auto window = openWindow(package, QString()); // the package's own coder by default
            QVERIFY(window);
            QCOMPARE(window->document().coder().name, std::string("T"));
            QVERIFY(window->windowTitle().contains(QStringLiteral("coding package for T")));
            QVERIFY(!window->findChild<QComboBox*>(QStringLiteral("coders"))->isEnabled());
            QVERIFY(window->findChild<QLabel*>(QStringLiteral("packageLabel"))->isVisible());
            QVERIFY(!window->supervision()->supervisorAtWindow());
            window->playback().seek(1'000'000);
            press(*window, Qt::Key_V); // vocalising starts at 1 s
            for (int i = 0; i < 15; ++i)
                press(*window, Qt::Key_Right);
            press(*window, Qt::Key_V); // … and ends half a second later
            window->playback().seek(3'000'000);
            press(*window, Qt::Key_S); // a smile at 3 s
        }
        const auto coded = stored(package, "T");
        QCOMPARE(coded.size(), std::size_t{2});
        QCOMPARE(coded[0].code, std::string("vocalising"));
        QVERIFY(coded[0].end.has_value());
        QCOMPARE(coded[1].code, std::string("smiling"));
        QVERIFY(stored(project_, "T").empty()); // nothing reaches the project before the merge

        // 3. The supervisor merges it (twice: nothing changes the second time), sets the gold
        // standard, reviews, writes a thread at a disagreement and releases feedback.
        std::int64_t threadId = 0;
        {
            auto window = openWindow(project_, QStringLiteral("Supervisor"));
            QVERIFY(window);
            auto* supervision = window->supervision();
            QVERIFY2(supervision->mergePackage(package), qPrintable(supervision->lastError()));
            QCOMPARE(stored(project_, "T").size(), std::size_t{2});
            QVERIFY(supervision->mergePackage(package));
            QCOMPARE(stored(project_, "T").size(), std::size_t{2});
            // A package of another project is refused, with the reason, and changes nothing.
            const QString altered = dir_.filePath(QStringLiteral("foreign.sbpkg"));
            {
                const QString otherFile = dir_.filePath(QStringLiteral("other.sbproj"));
                auto other = annotation::Project::create(otherFile.toStdString(),
                                                         SB_SOURCE_DIR "/samples/schemes/generic.json");
                other->store().addSession("tape 1", {});
                sv::PackageOptions options;
                options.coder = other->store().addCoder("T", annotation::CoderRole::Coder);
                sv::createCodingPackage(*other, options, altered.toStdString());
            }
            QVERIFY(!supervision->mergePackage(altered));
            QVERIFY(supervision->lastError().contains(QStringLiteral("nothing was merged")));
            QCOMPARE(stored(project_, "T").front().start, coded.front().start);

            QVERIFY2(supervision->setGoldStandard(QStringLiteral("Master")),
                     qPrintable(supervision->lastError()));
            {
                annotation::Project check(project_.toStdString(), annotation::ProjectStore::Access::ReadOnly);
                const auto gold =
                    sv::GoldStandards(check.store()).of(check.store().sessionNamed("tape 1").id);
                QVERIFY(gold);
                QCOMPARE(check.store().coder(gold->coder).name, std::string("Master"));
            }

            supervision->setReviewMode(true);
            auto* review = supervision->review();
            QVERIFY(review->isActive());
            QCOMPARE(review->trainee(), QStringLiteral("T"));
            QCOMPARE(review->reference(), QStringLiteral("Master"));
            QVERIFY2(review->problem().isEmpty(), qPrintable(review->problem()));
            QVERIFY(!review->disagreements().empty());
            // T's lane beside the gold standard's on the timeline, read-only.
            const auto& tracks = window->timeline()->content().tracks;
            QVERIFY(tracks.size() >= 4);
            for (const auto& track : tracks) {
                QVERIFY(track.key.startsWith(QStringLiteral("review:")));
                QVERIFY(!track.editable);
            }
            const auto first = review->disagreements().front();
            QVERIFY(review->openThread(first.start, first.end,
                                       QStringLiteral("Listen again here: is it vocalising?")));
            const auto threads = threadsIn(project_);
            QCOMPARE(threads.size(), std::size_t{1});
            threadId = threads.front().id;
            QCOMPARE(threads.front().messages.size(), std::size_t{1});
            QCOMPARE(threads.front().start.count(), first.start);
            QVERIFY(!threads.front().releasedAt);

            // One key walks through threads and disagreements, putting the video there.
            window->playback().seek(0);
            QCoreApplication::processEvents();
            press(*window, Qt::Key_N);
            QCOMPARE(review->currentThread(), threadId); // the thread comes before its disagreement
            QCOMPARE(window->playback().position(), first.start);
            press(*window, Qt::Key_N);
            QCOMPARE(review->currentThread(), std::int64_t{0});
            press(*window, Qt::Key_N, Qt::ShiftModifier);
            QCOMPARE(review->currentThread(), threadId);
            QTest::qWait(300); // the frame at the thread
            shoot(window.get(), QStringLiteral("review-mode.png"));

            QVERIFY2(supervision->releaseFeedback(QStringLiteral("T"), feedback),
                     qPrintable(supervision->lastError()));
            QVERIFY(threadsIn(project_).front().releasedAt.has_value());
        }

        // 4. T reads the feedback package: gold standard and thread, and answers.
        {
            auto window = openWindow(feedback, QStringLiteral("T"));
            QVERIFY(window);
            QVERIFY(window->windowTitle().contains(QStringLiteral("feedback package for T")));
            auto* review = window->supervision()->review();
            QVERIFY(review->isActive()); // feedback opens in review mode
            QCOMPARE(review->threads().size(), std::size_t{1});
            QVERIFY(!review->disagreements().empty());
            review->showThread(review->threads().front().id);
            QVERIFY(
                review->reply(QStringLiteral("I heard her voice before 1 s, but could not see her face.")));
            QVERIFY(!review->setResolved(true)); // the supervisor resolves, not the trainee
        }
        {
            const auto inPackage = threadsIn(feedback);
            QCOMPARE(inPackage.size(), std::size_t{1});
            QCOMPARE(inPackage.front().messages.size(), std::size_t{2});
        }

        // 5. The merge brings the answer back into the project.
        {
            auto window = openWindow(project_, QStringLiteral("Supervisor"));
            QVERIFY(window);
            auto* supervision = window->supervision();
            QVERIFY2(supervision->mergePackage(feedback), qPrintable(supervision->lastError()));
            const auto threads = threadsIn(project_);
            QCOMPARE(threads.size(), std::size_t{1});
            QCOMPARE(threads.front().messages.size(), std::size_t{2});
            annotation::Project check(project_.toStdString(), annotation::ProjectStore::Access::ReadOnly);
            QCOMPARE(check.store().coder(threads.front().messages.back().author).name, std::string("T"));
            QVERIFY(threads.front().messages.back().text.starts_with("I heard her voice"));
            // The supervisor resolves it.
            supervision->setReviewMode(true);
            supervision->review()->showThread(threadId);
            QVERIFY(supervision->review()->setResolved(true));
            QVERIFY(threadsIn(project_).front().resolved);
        }
    }

    void progressViewAndAuditHistory() {
        // Two more tapes, coded by the master and by T (closer to gold than tape 1), so the
        // progress view has a trend; the criterion asks for group kappa >= 0.6 on two tapes.
        {
            annotation::Project project(project_.toStdString());
            auto& store = project.store();
            const auto master = store.coderNamed("Master").id;
            const auto trainee = store.coderNamed("T").id;
            using Spans = std::vector<std::tuple<const char*, int, int>>;
            const auto add = [&](annotation::SessionId session, annotation::CoderId coder, const Spans& spans,
                                 int days) {
                for (const auto& [code, from, to] : spans) {
                    annotation::Annotation a;
                    a.session = session;
                    a.coder = coder;
                    a.schemeVersion = store.currentSchemeVersion();
                    a.code = code;
                    a.subject = "child";
                    a.start = annotation::Microseconds(from * 1'000'000LL);
                    a.end = annotation::Microseconds(to * 1'000'000LL);
                    a.createdAt = a.modifiedAt =
                        store.now() - annotation::Microseconds(days * 86'400'000'000LL);
                    store.insertAnnotation(a);
                }
            };
            const Spans gold{
                {"vocalising", 0, 3}, {"crying", 4, 8}, {"vocalising", 9, 12}, {"crying", 14, 18}};
            const Spans tape2{
                {"vocalising", 0, 3}, {"crying", 4, 7}, {"vocalising", 8, 12}, {"crying", 15, 18}};
            const Spans tape3{
                {"vocalising", 0, 3}, {"crying", 4, 8}, {"vocalising", 9, 12}, {"crying", 14, 17}};
            int daysAgo = 14; // coded a fortnight and a week ago: the trend runs over time
            for (const auto& [name, spans] : {std::pair{"tape 2", tape2}, std::pair{"tape 3", tape3}}) {
                const auto session = store.addSession(name, {});
                add(session, master, gold, daysAgo);
                add(session, trainee, spans, daysAgo);
                daysAgo -= 7;
                sv::GoldStandards(store).set(session, master);
            }
            annotation::TrainingSets(project).define(
                "SSP basics", {"tape 1", "tape 2", "tape 3"},
                annotation::parseCriterion(
                    R"({"timeUnitKappa": [{"per": "group", "minimum": 0.6, "unit": 1, "tolerance": 0, "tapes": 2}]})",
                    "test criterion"));
        }
        auto window = openWindow(project_, QStringLiteral("Supervisor"));
        QVERIFY(window);
        auto* progress = window->supervision()->showProgress();
        QVERIFY(progress);
        progress->choose(QStringLiteral("T"), QStringLiteral("SSP basics"));
        QVERIFY2(progress->status().has_value(), qPrintable(progress->problem()));
        QCOMPARE(progress->status()->tapes.size(), std::size_t{3});
        QCOMPARE(progress->findChild<QTableWidget*>(QStringLiteral("progressTapes"))->rowCount(), 3);
        QVERIFY(progress->status()->met);
        // The figures are the training library's: what `training status` prints.
        {
            annotation::Project check(project_.toStdString(), annotation::ProjectStore::Access::ReadOnly);
            const auto status = annotation::TrainingSets(check).status("SSP basics", "T");
            QCOMPARE(status.met, progress->status()->met);
            QCOMPARE(status.tapes.size(), progress->status()->tapes.size());
        }
        // Met: the supervisor signs off and the certificate is written (HTML and PDF).
        auto* signOff = progress->findChild<QPushButton*>(QStringLiteral("signOff"));
        QVERIFY(signOff->isEnabled());
        QVERIFY2(progress->signOff(), qPrintable(progress->problem()));
        QVERIFY(progress->findChild<QPushButton*>(QStringLiteral("certificate"))->isEnabled());
        const QStringList files = progress->writeCertificate(dir_.filePath(QStringLiteral("certificates")));
        QCOMPARE(files.size(), 2);
        for (const QString& f : files)
            QVERIFY(QFileInfo(f).size() > 0);
        progress->resize(1280, 760);
        QTest::qWait(300);
        shoot(progress, QStringLiteral("progress-view.png"));

        auto* audit = window->supervision()->showAudit();
        QVERIFY(audit);
        QVERIFY(audit->rowCount() > 0);
        const int everyone = audit->rowCount();
        // T coded in the package; in the project the supervisor acted (merges, gold, threads), and
        // the test's own set-up was written with no actor.
        audit->filter(QStringLiteral("Supervisor"), QString());
        QVERIFY(audit->rowCount() > 0);
        QVERIFY(audit->rowCount() < everyone);
        audit->verifyChain();
        QVERIFY(audit->lastVerificationIntact());
    }
};

QTEST_MAIN(SupervisionTest)
#include "supervision_test.moc"
