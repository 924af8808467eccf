// The interface in Persian and English, as a user meets it: the catalogue is complete, Persian
// lays every window and dialog out right to left while time keeps running left to right, the
// language switches while the window stays open, and Persian digits and the Solar Hijri calendar
// show where the user asked for them.

#include "app/gui/agreement_window.h"
#include "app/gui/bidi_text.h"
#include "app/gui/interface_language.h"
#include "app/gui/main_window.h"
#include "app/gui/number_format.h"
#include "app/gui/preferences_dialog.h"
#include "app/gui/supervision/audit_window.h"
#include "app/gui/supervision/progress_window.h"
#include "app/gui/supervision/review_panel.h"
#include "app/gui/supervision/supervision_menu.h"
#include "app/gui/timeline/timeline_view.h"
#include "app/gui/video_view.h"
#include "app/gui/vision/clip_export_dialog.h"

#include "annotation/project.h"
#include "annotation/supervision/gold_standards.h"
#include "annotation/supervision/review_threads.h"
#include "annotation/training/training_criterion.h"
#include "annotation/training/training_sets.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QXmlStreamReader>
#include <QtTest>

#include <functional>

using namespace sb;

namespace {

bool hasPersianLetters(const QString& text) {
    for (const QChar c : text)
        if (c.unicode() >= 0x0600 && c.unicode() <= 0x06FF)
            return true;
    return false;
}

QString translated(const char* source) {
    return QCoreApplication::translate("sb::gui::MainWindow", source);
}

// Switches the language and lets the posted LanguageChange events arrive.
void switchTo(const QString& language) {
    gui::InterfaceLanguage::instance().apply(language);
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

} // namespace

class I18nTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

    QString makeProject(const QString& name) {
        const QString file = dir_.filePath(name + QStringLiteral(".sbproj"));
        auto project =
            annotation::Project::create(file.toStdString(), SB_SOURCE_DIR "/samples/schemes/generic.json");
        project->store().addSession(
            "جلسهٔ ۱ (SSP-14)",
            {annotation::MediaFile{SB_TEST_MEDIA_DIR "/h264_bframes.mp4", annotation::Microseconds(0)}});
        project->store().addCoder("سارا", annotation::CoderRole::Coder);
        project->store().addCoder("Ben", annotation::CoderRole::Coder);
        return file;
    }

    // Runs `open` (which shows a modal dialog) and reports the dialog's direction before closing it.
    static Qt::LayoutDirection modalDirection(const std::function<void()>& open) {
        Qt::LayoutDirection seen = Qt::LayoutDirectionAuto;
        QTimer::singleShot(300, [&seen] {
            if (QWidget* modal = QApplication::activeModalWidget()) {
                seen = modal->layoutDirection();
                if (auto* dialog = qobject_cast<QDialog*>(modal))
                    dialog->reject();
                else
                    modal->close();
            }
        });
        open();
        return seen;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SecureBaseI18nTest"));
        QVERIFY(dir_.isValid());
        switchTo(QStringLiteral("en"));
    }

    void cleanup() {
        gui::setDisplayPreferences({});
        switchTo(QStringLiteral("en"));
    }

    // lupdate over the GUI and report sources into a copy of `catalogue`; every entry must be
    // translated, and none may be left from strings that are gone.
    static void checkCatalogue(const QString& catalogue, const QStringList& options, int atLeast) {
        QTemporaryDir work;
        const QString copy = work.filePath(catalogue);
        QVERIFY(QFile::copy(QStringLiteral(SB_SOURCE_DIR "/app/translations/") + catalogue, copy));
        QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QProcess lupdate;
        lupdate.start(QStringLiteral(SB_LUPDATE),
                      options + QStringList{QStringLiteral("-locations"), QStringLiteral("none"),
                                            QStringLiteral("-extensions"), QStringLiteral("cpp,h"),
                                            QStringLiteral("-I"), QStringLiteral(SB_SOURCE_DIR),
                                            QStringLiteral(SB_SOURCE_DIR "/app/gui"),
                                            QStringLiteral(SB_SOURCE_DIR "/app/reports"),
                                            QStringLiteral("-ts"), copy});
        QVERIFY(lupdate.waitForFinished(120000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

        QFile file(copy);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QStringList problems;
        QString context, source;
        int messages = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("message")) {
                ++messages;
            } else if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (type == QLatin1String("unfinished"))
                    problems << QStringLiteral("unfinished: %1: \"%2\"").arg(context, source);
                else if (type == QLatin1String("vanished") || type == QLatin1String("obsolete"))
                    problems << QStringLiteral("vanished (run update_translations): %1: \"%2\"")
                                    .arg(context, source);
                else if (text.trimmed().isEmpty())
                    problems << QStringLiteral("empty: %1: \"%2\"").arg(context, source);
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages >= atLeast);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 of %2 entries of %3 need a translation:\n  %4")
                                .arg(problems.size())
                                .arg(messages)
                                .arg(catalogue, problems.join(QStringLiteral("\n  ")))));
    }

    // i18n.fa_translation_complete: the Persian catalogue covers every string.
    void faTranslationComplete() { checkCatalogue(QStringLiteral("securebase_fa.ts"), {}, 100); }

    // i18n.en_plurals_complete: English needs only the plural forms ("%n tape(s)" -> "2 tapes").
    void enPluralsComplete() {
        checkCatalogue(QStringLiteral("securebase_en.ts"), {QStringLiteral("-pluralonly")}, 5);
        QCOMPARE(QCoreApplication::translate("sb::gui::ReviewPanel", "%n message(s)", nullptr, 1),
                 QStringLiteral("1 message"));
        QCOMPARE(QCoreApplication::translate("sb::gui::ReviewPanel", "%n message(s)", nullptr, 3),
                 QStringLiteral("3 messages"));
    }

    void persianLaysOutEveryWindowRightToLeft() {
        const QString file = makeProject(QStringLiteral("rtl"));
        switchTo(QStringLiteral("fa"));
        QCOMPARE(QGuiApplication::layoutDirection(), Qt::RightToLeft);
        gui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(file, {}, QStringLiteral("سارا")));
        QCOMPARE(window.layoutDirection(), Qt::RightToLeft);
        QVERIFY(window.menuBar()->isRightToLeft());
        // The docks mirror too (Qt leaves dock areas alone): the project on the right, where
        // reading starts, the coding pad on the left.
        auto* project = window.findChild<QDockWidget*>(QStringLiteral("sessionsDock"));
        auto* pad = window.findChild<QDockWidget*>(QStringLiteral("keypadDock"));
        QVERIFY(project && pad);
        QTRY_VERIFY(project->mapTo(&window, QPoint()).x() > window.width() / 2);
        QVERIFY(pad->mapTo(&window, QPoint()).x() < window.width() / 2);
        for (auto* dock : window.findChildren<QDockWidget*>()) {
            QVERIFY2(dock->isRightToLeft(), qPrintable(dock->objectName()));
            QVERIFY2(hasPersianLetters(dock->windowTitle()), qPrintable(dock->windowTitle()));
        }
        // Media-player parts keep their direction: transport and picture.
        auto* play = window.findChild<QToolButton*>(QStringLiteral("play"));
        QVERIFY(play);
        QCOMPARE(play->layoutDirection(), Qt::LeftToRight);
        auto* back = window.findChild<QToolButton*>(QStringLiteral("stepBack"));
        QVERIFY(back->mapTo(&window, QPoint()).x() < play->mapTo(&window, QPoint()).x());
        QCOMPARE(window.videoViews().value(0)->layoutDirection(), Qt::LeftToRight);

        gui::AgreementWindow* agreement = window.showAgreement();
        QVERIFY(agreement);
        QVERIFY(agreement->isRightToLeft());
        QVERIFY(hasPersianLetters(agreement->windowTitle()));
        agreement->close();

        gui::PreferencesDialog preferences(&window);
        QVERIFY(preferences.isRightToLeft());
        QVERIFY(hasPersianLetters(preferences.windowTitle()));

        QMessageBox box(QMessageBox::Warning, QStringLiteral("SecureBase"), QStringLiteral("؟"),
                        QMessageBox::Ok | QMessageBox::Cancel, &window);
        QVERIFY(box.isRightToLeft());
        // Qt's own catalogue (qtbase_fa) translates standard buttons.
        QVERIFY2(hasPersianLetters(box.button(QMessageBox::Cancel)->text()),
                 qPrintable(box.button(QMessageBox::Cancel)->text()));

        QCOMPARE(modalDirection([&] { window.action(QStringLiteral("editShortcuts"))->trigger(); }),
                 Qt::RightToLeft);
        QCOMPARE(modalDirection([&] { window.action(QStringLiteral("help"))->trigger(); }), Qt::RightToLeft);
        QCOMPARE(modalDirection([&] { window.action(QStringLiteral("preferences"))->trigger(); }),
                 Qt::RightToLeft);
    }

    void timeRunsLeftToRightUnderPersian() {
        const QString file = makeProject(QStringLiteral("axis"));
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("fa")}) {
            switchTo(language);
            gui::MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.openProject(file, {}, QStringLiteral("Ben")));
            gui::TimelineView* timeline = window.timeline();
            QCOMPARE(timeline->isRightToLeft(), language == QLatin1String("fa"));
            QTRY_VERIFY(timeline->xForTime(2'000'000) > timeline->xForTime(1'000'000) + 1);
            // Lane labels sit on the reading side: the time strip starts left of them in Persian.
            const QRect strip = timeline->trackRect(0);
            if (language == QLatin1String("fa"))
                QVERIFY2(strip.right() < timeline->viewport()->width() - 60, qPrintable(language));
            else
                QVERIFY2(strip.left() > 60, qPrintable(language));
        }
    }

    void languageSwitchesWhileTheWindowStaysOpen() {
        const QString file = makeProject(QStringLiteral("switch"));
        gui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(file, {}, QStringLiteral("Ben")));
        QMenu* fileMenu = window.menuBar()->findChildren<QMenu*>().value(0);
        QVERIFY(fileMenu);
        const QString english = fileMenu->title();
        QCOMPARE(english, QStringLiteral("&File"));
        QCOMPARE(window.layoutDirection(), Qt::LeftToRight);
        QList<QAction*> ownActions;
        for (auto* action : window.findChildren<QAction*>(Qt::FindDirectChildrenOnly))
            if (!action->objectName().isEmpty() && !action->text().isEmpty())
                ownActions << action;
        QVERIFY(ownActions.size() > 20);

        auto* project = window.findChild<QDockWidget*>(QStringLiteral("sessionsDock"));
        auto* annotationDock = window.findChild<QDockWidget*>(QStringLiteral("detailsDock"));
        annotationDock->raise();
        QTRY_VERIFY(!annotationDock->visibleRegion().isEmpty());
        const int projectWidth = project->width();
        QVERIFY(project->mapTo(&window, QPoint()).x() < window.width() / 2);

        switchTo(QStringLiteral("fa"));
        // The docks change sides with the language, the tab in front and the widths kept.
        QTRY_VERIFY(project->mapTo(&window, QPoint()).x() > window.width() / 2);
        QTRY_VERIFY(!annotationDock->visibleRegion().isEmpty());
        QVERIFY2(std::abs(project->width() - projectWidth) <= 12,
                 qPrintable(QStringLiteral("%1 -> %2").arg(projectWidth).arg(project->width())));
        QCOMPARE(window.menuBar()->findChildren<QMenu*>().value(0), fileMenu); // the same window
        QCOMPARE(fileMenu->title(), translated("&File"));
        QVERIFY(hasPersianLetters(fileMenu->title()));
        QCOMPARE(window.layoutDirection(), Qt::RightToLeft);
        for (auto* action : std::as_const(ownActions))
            QVERIFY2(hasPersianLetters(action->text()),
                     qPrintable(action->objectName() + QStringLiteral(": ") + action->text()));
        QVERIFY(hasPersianLetters(window.timeline()->accessibleName()));

        switchTo(QStringLiteral("en"));
        QTRY_VERIFY(project->mapTo(&window, QPoint()).x() < window.width() / 2);
        // Typed text takes the direction of its words, not of the interface.
        gui::FreeTextEdit edit(&window);
        edit.setPlainText(QStringLiteral("سلام (hello)\nhello سلام"));
        QCOMPARE(edit.document()->firstBlock().textDirection(), Qt::RightToLeft);
        QCOMPARE(edit.document()->lastBlock().textDirection(), Qt::LeftToRight);
        QCOMPARE(fileMenu->title(), english);
        QCOMPARE(window.layoutDirection(), Qt::LeftToRight);
        QCOMPARE(window.action(QStringLiteral("open"))->text(), QStringLiteral("&Open project…"));
    }

    void persianDigitsAndTheSolarHijriCalendar() {
        QCOMPARE(gui::displayTime(62'500'000), QStringLiteral("00:01:02.500"));
        gui::setDisplayPreferences({true, true});
        QCOMPARE(gui::displayTime(62'500'000), QStringLiteral("۰۰:۰۱:۰۲.۵۰۰"));
        QCOMPARE(gui::displayNumber(1405), QStringLiteral("۱۴۰۵"));
        // Nowruz 1403 fell on 20 March 2024.
        QCOMPARE(gui::displayDate(QDateTime(QDate(2024, 3, 20), QTime(12, 0), Qt::UTC)),
                 QStringLiteral("۱۴۰۳/۰۱/۰۱"));
        gui::setDisplayPreferences({false, true});
        QCOMPARE(gui::displayDate(QDateTime(QDate(2024, 3, 19), QTime(12, 0), Qt::UTC)),
                 QStringLiteral("1402/12/29"));
        gui::setDisplayPreferences({false, false});
        QCOMPARE(gui::displayDate(QDateTime(QDate(2024, 3, 19), QTime(12, 0), Qt::UTC)),
                 QStringLiteral("2024-03-19"));

        // The window's time display follows the preference.
        const QString file = makeProject(QStringLiteral("digits"));
        switchTo(QStringLiteral("fa"));
        gui::setDisplayPreferences({true, true});
        gui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(file, {}, QStringLiteral("Ben")));
        auto* time = window.findChild<QLabel*>(QStringLiteral("timeLabel"));
        QVERIFY(time);
        QTRY_VERIFY2(time->text().contains(QStringLiteral("۰۰:۰۰:۰۰")), qPrintable(time->text()));
    }

    // i18n.gui.persianScreenshots: a trainee and a supervisor coding the sample clip in Persian,
    // with Persian comments mixing Latin letters and digits: the main window, the agreement
    // window and review mode, saved to $SB_I18N_SCREENSHOTS (the README's Persian section
    // shows them), else to a temporary folder. Checks what the pictures are meant to show.
    void persianScreenshots() {
        const QString file = dir_.filePath(QStringLiteral("screens.sbproj"));
        const QString trainee = QStringLiteral("سارا محمدی");
        const QString supervisor = QStringLiteral("دکتر نوری");
        std::int64_t shown = 0; // the annotation selected in the picture, with its comment
        {
            auto project = annotation::Project::create(file.toStdString(), SB_SOURCE_DIR
                                                       "/samples/schemes/strange-situation.json");
            auto& store = project->store();
            const auto session = store.addSession(
                "جلسهٔ ۱۴ — SSP", {annotation::MediaFile{SB_SOURCE_DIR "/samples/media/ssp-sample.mp4",
                                                        annotation::Microseconds(0)}});
            const auto sara = store.addCoder(trainee.toStdString(), annotation::CoderRole::Coder);
            const auto nouri = store.addCoder(supervisor.toStdString(), annotation::CoderRole::Supervisor);
            auto add = [&](annotation::CoderId coder, const char* code, const char* subject, double from,
                           std::optional<double> to, annotation::Modifiers modifiers, const char* comment) {
                annotation::Annotation a;
                a.session = session;
                a.coder = coder;
                a.schemeVersion = store.currentSchemeVersion();
                a.code = code;
                a.subject = subject;
                a.start = annotation::Microseconds(static_cast<std::int64_t>(from * 1e6));
                if (to)
                    a.end = annotation::Microseconds(static_cast<std::int64_t>(*to * 1e6));
                a.modifiers = std::move(modifiers);
                a.comment = comment;
                a.createdAt = a.modifiedAt = store.now();
                store.insertAnnotation(a);
                return a.id;
            };
            for (const auto coder : {sara, nouri}) {
                const bool isTrainee = coder == sara;
                add(coder, "caregiver_exit", "caregiver", 0.8, std::nullopt, {}, "");
                add(coder, "explore_manipulate", "infant", 0.0, isTrainee ? 2.6 : 2.0, {}, "");
                add(coder, "search", "infant", isTrainee ? 2.6 : 2.0, 4.2, {},
                    isTrainee ? "" : "به در نگاه می‌کند، نه به اسباب‌بازی");
                const auto crying =
                    add(coder, "crying", "infant", 4.2, isTrainee ? 7.4 : 8.0, {{"cry_intensity", "cry"}},
                        isTrainee ? "گریه با بسته شدن در (episode 4) شروع شد؛ 3.2 s طول کشید" : "");
                if (isTrainee)
                    shown = crying.value;
                add(coder, "caregiver_entry", "caregiver", 7.0, std::nullopt, {}, "");
                add(coder, "proximity_seeking", "infant", isTrainee ? 7.6 : 7.3, std::nullopt,
                    {{"target", "caregiver"}},
                    isTrainee ? "به سمت مادر (Mother) می‌خزد" : "");
                add(coder, "contact_maintaining", "infant", 8.0, 11.5, {{"target", "caregiver"}},
                    isTrainee ? "آرام شد — ۲ بار دست دراز کرد" : "");
            }
            namespace sv = annotation::supervision;
            sv::GoldStandards(store).set(session, nouri);
            sv::ReviewThreads(store).open(
                session, sara, annotation::Microseconds(7'000'000), annotation::Microseconds(8'000'000),
                nouri,
                "جست‌وجوی نزدیکی پیش از ورود کامل مراقب (7.3 s) آغاز "
                "می‌شود؛ "
                "دوباره ببین.");
        }
        QTemporaryDir temporary;
        const QString target = qEnvironmentVariableIsSet("SB_I18N_SCREENSHOTS")
                                   ? qEnvironmentVariable("SB_I18N_SCREENSHOTS")
                                   : temporary.path();
        QVERIFY(QDir().mkpath(target));
        switchTo(QStringLiteral("fa"));
        gui::setDisplayPreferences({true, true});
        gui::MainWindow window;
        window.resize(1500, 960);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(file, {}, trainee));
        window.playback().seek(5'000'000);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.videoViews().value(0) && window.videoViews().value(0)->shownFrame() >= 100, 20'000);
        window.findChild<QDockWidget*>(QStringLiteral("detailsDock"))->raise();
        window.timeline()->setSelected(shown);
        emit window.timeline()->selectionChanged(shown);
        QTest::qWait(800); // thumbnails and tracks settle
        QVERIFY(window.isRightToLeft());
        // The selected annotation's comment runs right to left from its first letter.
        bool commentShown = false;
        for (auto* edit : window.findChildren<gui::FreeTextEdit*>())
            if (edit->toPlainText().startsWith(QStringLiteral("گریه"))) {
                commentShown = true;
                QCOMPARE(edit->document()->firstBlock().textDirection(), Qt::RightToLeft);
            }
        QVERIFY(commentShown);
        QVERIFY(window.grab().save(QDir(target).filePath(QStringLiteral("workstation-fa.png"))));

        gui::AgreementWindow* agreement = window.showAgreement();
        QVERIFY(agreement);
        agreement->resize(980, 640);
        agreement->setCoders(trainee, supervisor);
        QVERIFY(agreement->compute());
        // The stream where the two differ most is the one worth showing.
        auto* stream = agreement->findChild<QComboBox*>(QStringLiteral("stream"));
        QVERIFY(stream);
        int most = 0, mostAt = 0;
        for (int i = 0; i < stream->count(); ++i) {
            stream->setCurrentIndex(i);
            if (agreement->disagreementCount() > most)
                std::tie(most, mostAt) = std::pair(agreement->disagreementCount(), i);
        }
        stream->setCurrentIndex(mostAt);
        QVERIFY2(agreement->disagreementCount() > 0, qPrintable(agreement->summaryText()));
        QVERIFY(hasPersianLetters(agreement->summaryText()));
        QTest::qWait(200);
        QVERIFY(agreement->grab().save(QDir(target).filePath(QStringLiteral("agreement-fa.png"))));
        agreement->close();

        window.supervision()->setReviewMode(true);
        auto* review = window.supervision()->review();
        QVERIFY(review->isActive());
        QCOMPARE(review->reference(), supervisor);
        QVERIFY(!review->disagreements().empty());
        QCOMPARE(review->threads().size(), std::size_t{1});
        review->showThread(review->threads().front().id);
        QTest::qWait(300);
        QVERIFY(window.grab().save(QDir(target).filePath(QStringLiteral("review-fa.png"))));
        // The thread's clip for a seminar, from review: the export dialog in Persian.
        QVERIFY(review->exportClip());
        auto* clipDialog = window.findChild<gui::ClipExportDialog*>();
        QVERIFY(clipDialog);
        QVERIFY(clipDialog->isRightToLeft());
        QCOMPARE(clipDialog->range().first, std::int64_t{175}); // 7 s at 25 fps: the thread's start
        QTest::qWait(1500);                                     // the preview's first frame
        QVERIFY(clipDialog->grab().save(QDir(target).filePath(QStringLiteral("clip-export-fa.png"))));
        clipDialog->close();
        auto* audit = window.supervision()->showAudit();
        QVERIFY(audit && audit->isRightToLeft());
        audit->resize(1100, 500);
        QTest::qWait(200);
        QVERIFY(audit->grab().save(QDir(target).filePath(QStringLiteral("audit-fa.png"))));
        audit->close();
        window.supervision()->setReviewMode(false);

        // The supervisor's progress view, the sign-off and the certificate, in Persian.
        const QString set = QStringLiteral("مبانی موقعیت ناآشنا");
        {
            annotation::Project project(file.toStdString());
            annotation::TrainingSets(project).define(
                set.toStdString(), {"جلسهٔ ۱۴ — SSP"},
                annotation::parseCriterion(R"({"timeUnitKappa": [{"per": "code", "codes": ["crying",
                    "contact_maintaining"], "minimum": 0.6, "unit": 1, "tolerance": 1, "tapes": 1}]})",
                                           "criterion"));
        }
        QVERIFY(window.openProject(file, {}, supervisor));
        auto* progress = window.supervision()->showProgress();
        QVERIFY(progress);
        progress->choose(trainee, set);
        QVERIFY2(progress->status() && progress->status()->met, qPrintable(progress->problem()));
        QVERIFY2(progress->signOff(), qPrintable(progress->problem()));
        const QStringList certificate =
            progress->writeCertificate(QDir(target).filePath(QStringLiteral("certificate-fa")));
        QCOMPARE(certificate.size(), 2);
        QFile html(certificate.filter(QStringLiteral(".htm")).value(0));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QString page = QString::fromUtf8(html.readAll());
        QVERIFY2(page.contains(QStringLiteral("گواهی پایایی")), "the certificate is worded in Persian");
        QVERIFY(page.contains(trainee));
        QVERIFY2(page.contains(QStringLiteral("کاپای واحد زمانی")),
                 "its requirement is written in Persian too");
        QVERIFY(progress->isRightToLeft());
        progress->resize(1280, 760);
        QTest::qWait(300);
        QVERIFY(progress->grab().save(QDir(target).filePath(QStringLiteral("progress-fa.png"))));
    }
};

QTEST_MAIN(I18nTest)
#include "i18n_test.moc"
