// securebase: the coding workstation.
//
//   securebase [PROJECT.sbproj] [--session NAME] [--coder NAME] [--lang fa|en]
//
// Without a project it reopens the last one. The interface language is --lang, else the one
// chosen in the preferences, else the system's (docs/i18n.md).

#include "app/gui/interface_language.h"
#include "app/gui/main_window.h"
#include "app/gui/number_format.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTimer>

#include <cmath>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SecureBase"));
    QApplication::setApplicationName(QStringLiteral("SecureBase"));
    QApplication::setApplicationVersion(QStringLiteral(SECUREBASE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Video coding workstation for attachment research"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main", "Project file (.sbproj)"));
    const QCommandLineOption session(QStringLiteral("session"),
                                     QApplication::translate("main", "Session to open"),
                                     QStringLiteral("name"));
    const QCommandLineOption coder(QStringLiteral("coder"),
                                   QApplication::translate("main", "Code as this coder"),
                                   QStringLiteral("name"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate(
            "main", "Save a picture of the window to this PNG file once the video shows, then quit"),
        QStringLiteral("file"));
    const QCommandLineOption at(QStringLiteral("at"),
                                QApplication::translate("main", "Start at this time (seconds)"),
                                QStringLiteral("seconds"));
    parser.addOption(session);
    parser.addOption(coder);
    parser.addOption(screenshot);
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QApplication::translate("main", "Interface language: fa or en"),
                                  QStringLiteral("language"));
    parser.addOption(at);
    parser.addOption(lang);
    parser.process(app);
    if (parser.isSet(lang) && !sb::gui::InterfaceLanguage::available().contains(parser.value(lang))) {
        qCritical("securebase: --lang takes one of: %s",
                  qPrintable(sb::gui::InterfaceLanguage::available().join(QStringLiteral(", "))));
        return 2;
    }
    const QString language = parser.isSet(lang) ? parser.value(lang) : sb::gui::InterfaceLanguage::saved();
    sb::gui::InterfaceLanguage::instance().apply(language);
    sb::gui::setDisplayPreferences(
        sb::gui::savedDisplayPreferences(sb::gui::InterfaceLanguage::instance().current()));

    sb::gui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    QString project = parser.positionalArguments().value(0);
    if (project.isEmpty())
        project = QSettings().value(QStringLiteral("project/last")).toString();
    if (!project.isEmpty())
        window.openProject(project, parser.value(session), parser.value(coder));
    if (parser.isSet(at))
        window.playback().seek(std::llround(parser.value(at).toDouble() * 1e6));
    if (parser.isSet(screenshot)) {
        // For documentation and checks: wait until a frame is on screen, then grab.
        const QString file = parser.value(screenshot);
        QTimer::singleShot(2500, &window, [&window, file] {
            window.grab().save(file);
            QApplication::quit();
        });
    }
    return app.exec();
}
