// securebase: the coding workstation.
//
//   securebase [PROJECT.sbproj] [--session NAME] [--coder NAME]
//
// Without a project it reopens the last one.

#include "app/gui/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

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
    parser.addOption(session);
    parser.addOption(coder);
    parser.process(app);

    sb::gui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    QString project = parser.positionalArguments().value(0);
    if (project.isEmpty())
        project = QSettings().value(QStringLiteral("project/last")).toString();
    if (!project.isEmpty())
        window.openProject(project, parser.value(session), parser.value(coder));
    return app.exec();
}
