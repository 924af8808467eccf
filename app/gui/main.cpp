// securebase: the coding workstation.
//
//   securebase [PROJECT.sbproj] [--session NAME] [--coder NAME]
//
// Without a project it reopens the last one.

#include "app/gui/main_window.h"

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
    parser.addOption(at);
    parser.process(app);

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
