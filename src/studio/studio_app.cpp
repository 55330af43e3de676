#include "studio/studio_app.h"

#include "studio/dag_view.h"
#include "studio/demo_project.h"
#include "studio/main_window.h"
#include "studio/termination_signals.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QImage>
#include <QDockWidget>
#include <QLibraryInfo>
#include <QSplitter>
#include <QListWidget>
#include <QPushButton>
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
    QCommandLineOption stateOption(
        QStringLiteral("screenshot-state"),
        QApplication::translate("tempest-studio",
                                "With --screenshot: what the picture shows: compare (default; the table posts "
                                "expanded in both trees), findings (the first finding selected) or plan (the SQL "
                                "of upgrading to tags03)."),
        QStringLiteral("STATE"), QStringLiteral("compare"));
    parser.addOption(demoOption);
    parser.addOption(screenshotOption);
    parser.addOption(stateOption);
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
        const QString state = parser.value(stateOption);
        if (state != QLatin1String("compare") && state != QLatin1String("findings") && state != QLatin1String("plan")) {
            std::fprintf(stderr, "tempest-studio: --screenshot-state is compare, findings or plan\n");
            return 2;
        }
        auto grab = [&window, file] {
            QApplication::processEvents();
            const bool saved = window.grab().save(file, "PNG");
            if (!saved)
                std::fprintf(stderr, "tempest-studio: cannot write %s\n", qPrintable(file));
            QApplication::exit(saved ? 0 : 1);
        };
        // The plan is rendered on a worker: the picture waits for it.
        QObject::connect(&window, &MainWindow::revisionSqlShown, &app, [grab, state] {
            if (state == QLatin1String("plan"))
                grab();
        });
        QObject::connect(&window, &MainWindow::snapshotLoaded, &app, [&window, grab, state] {
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
            // The picture is of the panes: the (empty) event log gives its room to them, and
            // the pane the state is about gets the widest part of the bottom row.
            if (auto* dock = window.findChild<QDockWidget*>(QStringLiteral("eventLogDock")))
                dock->hide();
            if (auto* bottom = window.findChild<QSplitter*>(QStringLiteral("bottomSplitter"))) {
                const int w = bottom->width();
                if (state == QLatin1String("plan"))
                    bottom->setSizes({w * 3 / 10, w * 2 / 10, w * 5 / 10});
                else if (state == QLatin1String("findings"))
                    bottom->setSizes({w * 3 / 10, w * 5 / 10, w * 2 / 10});
            }
            if (state == QLatin1String("findings")) {
                if (auto* findings = window.findChild<QListWidget*>(QStringLiteral("findingsList"));
                    findings && findings->count() > 0) {
                    findings->setCurrentRow(0);
                    emit findings->itemActivated(findings->item(0));
                }
            } else if (state == QLatin1String("plan")) {
                if (auto* show = window.findChild<QPushButton*>(QStringLiteral("showSqlButton"))) {
                    show->click();
                    return;  // grabbed when the SQL is shown
                }
            }
            grab();
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
