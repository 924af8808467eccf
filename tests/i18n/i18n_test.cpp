// The interface in Persian and English, as a user meets it: the catalogue is complete, Persian
// lays every window and dialog out right to left while time keeps running left to right, the
// language switches while the window stays open, and Persian digits and the Solar Hijri calendar
// show where the user asked for them.

#include "app/gui/agreement_window.h"
#include "app/gui/interface_language.h"
#include "app/gui/main_window.h"
#include "app/gui/number_format.h"
#include "app/gui/preferences_dialog.h"
#include "app/gui/timeline/timeline_view.h"
#include "app/gui/video_view.h"

#include "annotation/project.h"

#include <QAction>
#include <QApplication>
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

    // i18n.fa_translation_complete: lupdate over the GUI sources into a copy of the catalogue;
    // every entry must be translated, and none may be left from strings that are gone.
    void faTranslationComplete() {
        QTemporaryDir work;
        const QString copy = work.filePath(QStringLiteral("securebase_fa.ts"));
        QVERIFY(QFile::copy(QStringLiteral(SB_SOURCE_DIR "/app/translations/securebase_fa.ts"), copy));
        QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QProcess lupdate;
        lupdate.start(QStringLiteral(SB_LUPDATE),
                      {QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-extensions"),
                       QStringLiteral("cpp,h"), QStringLiteral("-I"), QStringLiteral(SB_SOURCE_DIR),
                       QStringLiteral(SB_SOURCE_DIR "/app/gui"), QStringLiteral("-ts"), copy});
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
        QVERIFY(messages > 100);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 of %2 entries of securebase_fa.ts need a translation:\n  %3")
                                .arg(problems.size())
                                .arg(messages)
                                .arg(problems.join(QStringLiteral("\n  ")))));
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

        switchTo(QStringLiteral("fa"));
        QCOMPARE(window.menuBar()->findChildren<QMenu*>().value(0), fileMenu); // the same window
        QCOMPARE(fileMenu->title(), translated("&File"));
        QVERIFY(hasPersianLetters(fileMenu->title()));
        QCOMPARE(window.layoutDirection(), Qt::RightToLeft);
        for (auto* action : std::as_const(ownActions))
            QVERIFY2(hasPersianLetters(action->text()),
                     qPrintable(action->objectName() + QStringLiteral(": ") + action->text()));
        QVERIFY(hasPersianLetters(window.timeline()->accessibleName()));

        switchTo(QStringLiteral("en"));
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
};

QTEST_MAIN(I18nTest)
#include "i18n_test.moc"
