#include "studio/studio_app.h"

#include "studio/dag_view.h"
#include "studio/demo_project.h"
#include "studio/main_window.h"
#include "studio/termination_signals.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QImage>
#include <QLibraryInfo>
#include <QLocale>
#include <QPixmap>
#include <QTimer>
#include <QTranslator>
#include <QTreeView>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace tempest::studio {

bool hasUsablePlatform(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "-platform") == 0 || std::strcmp(argv[i], "--platform") == 0)
            return true;
    auto set = [](const char* name) {
        const char* value = std::getenv(name);
        return value && *value;
    };
    return set("QT_QPA_PLATFORM") || set("DISPLAY") || set("WAYLAND_DISPLAY");
}

int runStudio(int argc, char** argv)
{
    if (!hasUsablePlatform(argc, argv)) {
        std::fprintf(stderr,
                     "tempest-studio: no display found (DISPLAY and WAYLAND_DISPLAY are unset); "
                     "falling back to the offscreen platform.\n"
                     "  Set QT_QPA_PLATFORM=offscreen to do this explicitly (e.g. with --screenshot), "
                     "or run inside a desktop session.\n");
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("tempest-db"));
    QApplication::setApplicationName(QStringLiteral("Tempest Studio"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("tempest_studio"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("tempest-studio", "Review drift, apply and revert migrations."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption demoOption(QStringLiteral("demo"),
                                  QApplication::translate("tempest-studio", "Open the embedded demo project."));
    QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("tempest-studio", "Render the main window to FILE (PNG) once loaded, then exit."),
        QStringLiteral("FILE"));
    parser.addOption(demoOption);
    parser.addOption(screenshotOption);
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("tempest-studio", "The project file (tempest.json)."));
    parser.process(app);

    std::unique_ptr<DemoProject> demo;
    QString projectFile;
    if (parser.isSet(demoOption)) {
        try {
            demo = DemoProject::create();
        } catch (const std::exception& e) {
            std::fprintf(stderr, "tempest-studio: %s\n", e.what());
            return 1;
        }
        projectFile = demo->projectFile();
    } else if (!parser.positionalArguments().isEmpty()) {
        projectFile = parser.positionalArguments().front();
    } else if (QFile::exists(QStringLiteral("tempest.json"))) {
        projectFile = QStringLiteral("tempest.json");
    }

    MainWindow window;
    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        QObject::connect(&window, &MainWindow::snapshotLoaded, &app, [&window, file] {
            window.selectTable(QStringLiteral("posts"));
            // Open the selected table's columns in both trees, so the picture shows the
            // per-column diff marks, and pick a pending revision so its actions are live.
            for (const char* name : {"modelsTree", "databaseTree"}) {
                if (auto* tree = window.findChild<QTreeView*>(QLatin1String(name)); tree && tree->currentIndex().isValid()) {
                    const QModelIndex table = tree->currentIndex().siblingAtColumn(0);
                    tree->expand(table);
                    tree->expand(tree->model()->index(0, 0, table));
                }
            }
            if (auto* dag = window.findChild<DagView*>(QStringLiteral("dagView")))
                dag->selectRevision(QStringLiteral("tags03"));
            QApplication::processEvents();
            const bool saved = window.grab().save(file, "PNG");
            if (!saved)
                std::fprintf(stderr, "tempest-studio: cannot write %s\n", qPrintable(file));
            QApplication::exit(saved ? 0 : 1);
        });
        QTimer::singleShot(60000, &app, [] {
            std::fprintf(stderr, "tempest-studio: the project did not load within 60 s\n");
            QApplication::exit(1);
        });
        if (projectFile.isEmpty()) {
            std::fprintf(stderr, "tempest-studio: --screenshot needs a project (or --demo)\n");
            return 2;
        }
    }
    closeOnTerminationSignals(&window);
    window.show();
    if (!projectFile.isEmpty())
        window.openProject(projectFile, demo ? DemoProject::displayName() : QString());
    return app.exec();
}

} // namespace tempest::studio
