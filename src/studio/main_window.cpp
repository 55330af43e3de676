#include "studio/main_window.h"

#include "core/project/run_plan.h"
#include "studio/about_dialog.h"
#include "studio/connection_session.h"
#include "studio/error_dialog.h"
#include "studio/event_log.h"
#include "studio/file_viewer_dialog.h"
#include "studio/findings_list.h"
#include "studio/generate_migration_dialog.h"
#include "studio/offline_banner.h"
#include "studio/operation_list_model.h"
#include "studio/pane_linker.h"
#include "studio/recent_projects.h"
#include "studio/rename_choices.h"
#include "studio/revision_graph_model.h"
#include "studio/dag_view.h"
#include "studio/revisions_pane.h"
#include "studio/run_controller.h"
#include "studio/schema_tree_model.h"
#include "studio/snapshot_loader.h"
#include "studio/sql_pane.h"
#include "studio/table_filter_proxy.h"
#include "studio/tree_sync.h"
#include "studio/verb_actions.h"
#include "studio/view_menu.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDockWidget>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

#include <initializer_list>
#include <QtConcurrent/QtConcurrentRun>

#include <sstream>

namespace tempest::studio {

namespace {

QWidget* titled(const QString& title, QWidget* content, QWidget* parent, const char* objectName)
{
    auto* box = new QWidget(parent);
    box->setObjectName(QLatin1String(objectName));
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(2, 2, 2, 2);
    auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), box);
    layout->addWidget(label);
    layout->addWidget(content, 1);
    return box;
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_modelsModel(new SchemaTreeModel(DiffState::Added, this))
    , m_databaseModel(new SchemaTreeModel(DiffState::Removed, this))
    , m_operationsModel(new OperationListModel(this))
    , m_revisionsModel(new RevisionGraphModel(this))
    , m_modelsProxy(new TableFilterProxy(this))
    , m_databaseProxy(new TableFilterProxy(this))
{
    m_loader = new SnapshotLoader(this);
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Tempest Studio"));
    resize(1280, 800);
    m_modelsProxy->setSourceModel(m_modelsModel);
    m_databaseProxy->setSourceModel(m_databaseModel);

    m_sqlPane = new SqlPane(this);
    m_sqlPreview = m_sqlPane->editor();
    m_revisionsPane = new RevisionsPane(m_revisionsModel, this);

    m_bottomSplitter = new QSplitter(Qt::Horizontal, this);
    m_bottomSplitter->setObjectName(QStringLiteral("bottomSplitter"));
    m_findings = new FindingsList(this);
    m_bottomSplitter->addWidget(titled(tr("Revisions"), m_revisionsPane, this, "revisionsBox"));
    m_bottomSplitter->addWidget(titled(tr("Findings"), m_findings, this, "findingsBox"));
    m_bottomSplitter->addWidget(titled(tr("SQL preview"), m_sqlPane, this, "sqlPreviewBox"));
    m_mainSplitter = new QSplitter(Qt::Vertical, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(buildSchemaPanes());
    m_mainSplitter->addWidget(m_bottomSplitter);
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 2);
    setCentralWidget(m_mainSplitter);

    m_driftLabel = new QLabel(this);
    m_driftLabel->setObjectName(QStringLiteral("driftLabel"));
    m_driftLabel->setAccessibleName(tr("Status summary"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_progress->setAccessibleName(tr("Run progress"));
    m_progress->setMaximumWidth(220);
    m_progress->hide();
    m_cancelButton = new QPushButton(tr("Cancel run"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelRunButton"));
    m_cancelButton->hide();
    m_cancelLoadButton = new QPushButton(tr("Cancel loading"), this);
    m_cancelLoadButton->setObjectName(QStringLiteral("cancelLoadButton"));
    m_cancelLoadButton->hide();
    statusBar()->addWidget(m_driftLabel, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);
    statusBar()->addPermanentWidget(m_cancelLoadButton);
    m_connections = new ConnectionSession(this);

    m_linker = new PaneLinker(m_modelsTree, m_modelsProxy, m_modelsModel, m_databaseTree, m_databaseProxy,
                              m_databaseModel, m_operationsView, m_operationsModel, this);
    new TreeSync(m_modelsTree, m_databaseTree, this);
    m_renameChoices = new RenameChoices(this);
    m_renameChoices->attachTo(m_modelsTree);
    m_renameChoices->attachTo(m_databaseTree);
    m_renameChoices->attachTo(m_operationsView, m_operationsModel);
    connect(m_renameChoices, &RenameChoices::changed, this, [this] {
        m_modelsModel->setRenames(m_renameChoices->renames());
        m_databaseModel->setRenames(m_renameChoices->renames());
    });
    m_runs = new RunController(this);
    m_verbs = new VerbActions(this);
    m_eventLog = new EventLog(this);
    m_logDock = new QDockWidget(tr("Event log"), this);
    m_logDock->setObjectName(QStringLiteral("eventLogDock"));
    m_logDock->setWidget(m_eventLog);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    buildActions();

    connect(m_loader, &SnapshotLoader::loaded, this, &MainWindow::onSnapshotLoaded);
    connect(m_cancelLoadButton, &QPushButton::clicked, this, &MainWindow::onLoadCancelled);
    connect(m_connections, &ConnectionSession::changed, this, &MainWindow::onConnectionChanged);
    connect(m_connections, &ConnectionSession::noticed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 15000); });
    connect(m_offlineBanner, &OfflineBanner::reconnectRequested, this, &MainWindow::refresh);
    connect(m_offlineBanner, &OfflineBanner::connectRequested, this, &MainWindow::onConnectTriggered);
    connect(&m_revisionSql, &QFutureWatcher<QString>::finished, this, [this] {
        m_sqlPreview->setPlainText(m_revisionSql.result());
        emit revisionSqlShown(m_revisionSqlOf);
    });
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_modelsProxy->setFilterFixedString(text);
        m_databaseProxy->setFilterFixedString(text);
        hideOtherOperations(m_operationsView, *m_operationsModel, text);
    });
    connect(m_operationsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::onOperationSelectionChanged);
    connect(m_revisionsPane, &RevisionsPane::upgradeRequested, this,
            [this](const QString& rev) { m_runs->requestRun(Direction::Upgrade, rev); });
    connect(m_revisionsPane, &RevisionsPane::downgradeRequested, this,
            [this](const QString& rev) { m_runs->requestRun(Direction::Downgrade, rev); });
    connect(m_revisionsPane, &RevisionsPane::upgradeAllRequested, this,
            [this] { m_runs->requestRun(Direction::Upgrade, QStringLiteral("heads")); });
    connect(m_revisionsPane, &RevisionsPane::showSqlRequested, this, &MainWindow::onShowSqlRequested);
    connect(m_revisionsPane, &RevisionsPane::openFileRequested, this, &MainWindow::onOpenFileRequested);
    connect(m_revisionsPane, &RevisionsPane::graphExported, this,
            [this](const QString& path) { statusBar()->showMessage(tr("Wrote %1").arg(path), 5000); });
    connect(m_runs, &RunController::runStarted, this, &MainWindow::onRunStarted);
    connect(m_runs, &RunController::runProgressed, this, &MainWindow::onRunProgressed);
    connect(m_runs, &RunController::runFinished, this, &MainWindow::onRunFinished);
    connect(m_runs, &RunController::runLogged, m_eventLog, &EventLog::append);
    connect(m_revisionsPane, &RevisionsPane::stampRequested, m_verbs, &VerbActions::requestStamp);
    connect(m_revisionsPane, &RevisionsPane::mergeHeadsRequested, m_verbs, &VerbActions::requestMergeHeads);
    connect(m_revisionsPane, &RevisionsPane::revertToBaseRequested, this,
            [this] { m_runs->requestRun(Direction::Downgrade, QStringLiteral("base")); });
    connect(m_verbs, &VerbActions::finished, this, &MainWindow::onVerbFinished);
    connect(m_sqlPane, &SqlPane::sqlSaved, this,
            [this](const QString& path) { statusBar()->showMessage(tr("Wrote %1").arg(path), 5000); });
    connect(m_cancelButton, &QPushButton::clicked, m_runs, &RunController::cancel);
    connect(m_findings, &FindingsList::tableActivated, this, &MainWindow::selectTable);
    connect(m_findings, &FindingsList::itemActivated, m_linker, &PaneLinker::selectItem);
    connect(m_findings, &FindingsList::revisionActivated, this,
            [this](const QString& revision) { m_revisionsPane->view()->selectRevision(revision); });
    restoreLayout();
}

MainWindow::~MainWindow()
{
    // m_loader (a child) waits for its workers, each bounded by the connect timeout.
    m_revisionSql.waitForFinished();
}

QWidget* MainWindow::buildSchemaPanes()
{
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_filter = new QLineEdit(box);
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Filter tables…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter tables"));
    m_filter->setAccessibleDescription(tr("Shows only the tables whose name contains this text, in every pane"));
    layout->addWidget(m_filter);

    auto makeTree = [box](const char* name, QAbstractItemModel* model) {
        auto* tree = new QTreeView(box);
        tree->setObjectName(QLatin1String(name));
        tree->setModel(model);
        tree->setUniformRowHeights(true);  // cheap scrolling over thousands of tables
        tree->setSelectionBehavior(QAbstractItemView::SelectRows);
        tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
        return tree;
    };
    m_modelsTree = makeTree("modelsTree", m_modelsProxy);
    m_modelsTree->setAccessibleName(tr("Models"));
    m_modelsTree->setAccessibleDescription(
        tr("The schema the models declare, aligned row by row with the database; each row says whether it is "
           "added, changed, renamed or the same"));
    m_databaseTree = makeTree("databaseTree", m_databaseProxy);
    m_databaseTree->setAccessibleName(tr("Database"));
    m_databaseTree->setAccessibleDescription(
        tr("The schema of the live database, aligned row by row with the models"));
    m_operationsView = new QListView(box);
    m_operationsView->setObjectName(QStringLiteral("operationsView"));
    m_operationsView->setAccessibleName(tr("Diff"));
    m_operationsView->setAccessibleDescription(
        tr("The operations from the database to the models: what pending revisions do, and what is not in a "
           "migration yet"));
    m_operationsView->setModel(m_operationsModel);
    m_operationsView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_operationsView->setUniformItemSizes(true);

    m_paneSplitter = new QSplitter(Qt::Horizontal, box);
    m_paneSplitter->setObjectName(QStringLiteral("paneSplitter"));
    m_paneSplitter->addWidget(titled(tr("Models"), m_modelsTree, box, "modelsBox"));
    auto* database = new QWidget(box);
    auto* databaseLayout = new QVBoxLayout(database);
    databaseLayout->setContentsMargins(0, 0, 0, 0);
    m_offlineBanner = new OfflineBanner(database);
    databaseLayout->addWidget(m_offlineBanner);
    databaseLayout->addWidget(m_databaseTree, 1);
    m_paneSplitter->addWidget(titled(tr("Database"), database, box, "databaseBox"));
    m_paneSplitter->addWidget(titled(tr("Diff (database → models)"), m_operationsView, box, "diffBox"));
    layout->addWidget(m_paneSplitter, 1);
    return box;
}

void MainWindow::buildActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open project…"), this, &MainWindow::onOpenProjectTriggered);
    open->setShortcut(QKeySequence::Open);
    QMenu* recent = file->addMenu(tr("Open &Recent"));
    recent->setObjectName(QStringLiteral("recentProjectsMenu"));
    m_recentProjects = new RecentProjects(recent, this);
    connect(m_recentProjects, &RecentProjects::projectChosen, this,
            [this](const QString& file) { openProject(file); });
    QAction* refresh = file->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    refresh->setObjectName(QStringLiteral("refreshAction"));
    refresh->setShortcut(QKeySequence::Refresh);
    QAction* generate = file->addAction(tr("&Generate migration…"), this, &MainWindow::onGenerateMigration);
    generate->setObjectName(QStringLiteral("generateMigrationAction"));
    generate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu* database = menuBar()->addMenu(tr("&Database"));
    QAction* connectAction = database->addAction(tr("&Connect…"), this, &MainWindow::onConnectTriggered);
    connectAction->setObjectName(QStringLiteral("connectAction"));
    QAction* reconnect = database->addAction(tr("&Reconnect"), this, &MainWindow::refresh);
    reconnect->setObjectName(QStringLiteral("reconnectAction"));
    buildRevisionMenu();
    buildCompareMenu();
    QAction* find = new QAction(tr("Filter tables"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_filter, [this] { m_filter->setFocus(); m_filter->selectAll(); });
    addAction(find);

    QToolBar* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->addAction(refresh);
    toolbar->addAction(generate);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    m_viewMenu = new ViewMenu(this, view, {m_mainSplitter, m_paneSplitter, m_bottomSplitter}, m_logDock, toolbar);
    auto pane = [this](const char* name) { return findChild<QWidget*>(QLatin1String(name)); };
    m_viewMenu->addPane(tr("&Models"), pane("modelsBox"));
    m_viewMenu->addPane(tr("&Database"), pane("databaseBox"));
    m_viewMenu->addPane(tr("D&iff"), pane("diffBox"));
    m_viewMenu->addPane(tr("Re&visions"), pane("revisionsBox"));
    m_viewMenu->addPane(tr("&Findings"), pane("findingsBox"));
    m_viewMenu->addPane(tr("&SQL preview"), pane("sqlPreviewBox"));
    m_viewMenu->finish();

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction* about = help->addAction(tr("&About Tempest Studio…"), this, [this] {
        auto* dialog = new AboutDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    about->setObjectName(QStringLiteral("aboutAction"));
}

void MainWindow::buildRevisionMenu()
{
    // Everything the DAG's context menu offers, on the current row, from the keyboard.
    QMenu* revision = menuBar()->addMenu(tr("&Revision"));
    revision->setObjectName(QStringLiteral("revisionMenu"));
    const QList<QAction*> actions = m_revisionsPane->menuBarActions();
    for (int i = 0; i < actions.size(); ++i) {
        if (actions[i]->objectName() == QLatin1String("upgradeAllMenuAction"))
            revision->addSeparator();
        revision->addAction(actions[i]);
    }
}

void MainWindow::buildCompareMenu()
{
    // "Treat as rename" of the trees' and the Diff's context menus, on the focused pane's
    // current row; the menu is filled each time it opens.
    QMenu* compare = menuBar()->addMenu(tr("&Compare"));
    compare->setObjectName(QStringLiteral("compareMenu"));
    connect(compare, &QMenu::aboutToShow, this, [this, compare] {
        compare->clear();
        QList<QAction*> actions;
        QWidget* focus = m_lastSchemaView;
        if (focus == m_operationsView)
            actions = m_renameChoices->operationActions(*m_operationsModel, m_operationsView->currentIndex().row(),
                                                         compare);
        else if (auto* tree = qobject_cast<QTreeView*>(focus))
            actions = m_renameChoices->treeActions(tree->currentIndex(), compare);
        if (actions.isEmpty()) {
            QAction* none = compare->addAction(tr("No rename applies to the current row"));
            none->setObjectName(QStringLiteral("noRenameAction"));
            none->setEnabled(false);
        }
        compare->addActions(actions);
    });
    for (QAbstractItemView* view : std::initializer_list<QAbstractItemView*>{m_modelsTree, m_databaseTree,
                                                                            m_operationsView})
        connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this, view] { m_lastSchemaView = view; });
}

void MainWindow::onVerbFinished(bool ok, const QString& title, const QString& message)
{
    m_eventLog->append(ok ? message : tr("%1 failed:\n%2").arg(title, message));
    if (ok)
        statusBar()->showMessage(message, 10000);
    else
        showError(tr("%1 failed").arg(title), message);
    refresh();
}

void MainWindow::showError(const QString& title, const QString& message)
{
    // Non-modal: the log and the window stay usable; the text can be selected and copied.
    auto* dialog = new ErrorDialog(title, message, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openProject(const QString& projectFile, const QString& displayName)
{
    m_projectFile = projectFile;
    m_projectDisplayName = displayName;
    m_renameChoices->clear();  // a choice names another project's columns
    if (displayName.isEmpty())  // a named project (the demo) lives in a temporary folder
        m_recentProjects->add(projectFile);
    m_connections->setProject(projectFile);  // changed() follows: onConnectionChanged
}

void MainWindow::onConnectionChanged()
{
    try {
        m_project = openStudioProject(m_projectFile, m_connections->databaseOverride());
        m_dialect = m_project->sharedDialect();
    } catch (const std::exception& e) {
        m_project.reset();
        m_driftLabel->setText(tr("Cannot open project: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    if (m_projectDisplayName.isEmpty())
        setWindowTitle(tr("%1 — %2 — Tempest Studio").arg(projectTitle(*m_project), projectDatabase(*m_project)));
    else
        setWindowTitle(tr("%1 — Tempest Studio").arg(m_projectDisplayName));
    refresh();
}

void MainWindow::onConnectTriggered()
{
    if (m_project)
        m_connections->showDialog(QString::fromStdString(m_project->config().dialect),
                                  QString::fromStdString(m_project->config().database));
}

void MainWindow::refresh()
{
    if (!m_project)
        return;
    m_driftLabel->setText(tr("Loading…"));
    m_cancelLoadButton->show();
    m_loader->load(*m_project);
}

void MainWindow::onLoadCancelled()
{
    m_loader->cancel();
    m_cancelLoadButton->hide();
    // What was shown before stays, but nothing that needs the database may run on it.
    m_revisionsPane->setDatabaseAvailable(false);
    m_offlineBanner->showMessage(tr("Not loaded: loading was cancelled."));
    m_driftLabel->setText(tr("Not loaded: loading was cancelled"));
}

void MainWindow::onSnapshotLoaded(const ProjectSnapshot& snapshot)
{
    m_cancelLoadButton->hide();
    m_snapshot = snapshot;
    // The SQL shown was of operations or a plan of the old state: it may no longer exist.
    m_sqlPreview->clear();
    m_verbs->setProject(m_snapshot.project);
    if (!m_snapshot.error.isEmpty())
        m_eventLog->append(tr("Loading failed:\n%1").arg(m_snapshot.error));
    else if (m_snapshot.status.offline())
        m_eventLog->append(tr("Offline: %1").arg(QString::fromStdString(m_snapshot.status.offlineReason)));
    const QString table = m_linker->currentTable();
    const bool offline = m_snapshot.status.offline();
    // Offline, the database is unknown: the models are shown without marks (not all "+"),
    // the database tree stays empty and the banner says why.
    m_modelsModel->setSchemas(m_snapshot.models, offline ? std::nullopt : std::optional(m_snapshot.live), m_dialect,
                              m_renameChoices->renames());
    m_databaseModel->setSchemas(m_snapshot.live, offline ? std::nullopt : std::optional(m_snapshot.models), m_dialect,
                                m_renameChoices->renames());
    m_revisionsPane->setDatabaseAvailable(!offline && m_snapshot.error.isEmpty());
    if (offline)
        m_offlineBanner->showMessage(tr("Offline: %1").arg(QString::fromStdString(m_snapshot.status.offlineReason)));
    else
        m_offlineBanner->hide();
    m_operationsModel->setOperations(m_snapshot.sourcedOperations);
    hideOtherOperations(m_operationsView, *m_operationsModel, m_filter->text());
    m_revisionsModel->setGraph(m_snapshot.graph, m_snapshot.applied, m_snapshot.status.currentHeads,
                               !offline && m_snapshot.error.isEmpty());
    m_runs->setState(m_snapshot.project, m_snapshot.status.appliedRows);
    m_findings->setFindings(m_snapshot.status.findings);
    updateDriftStatus();
    if (!table.isEmpty())
        m_linker->selectTable(table);
    if (offline && m_snapshot.status.passwordRejected && m_project)
        m_connections->askPassword(QString::fromStdString(m_project->config().database), projectDatabase(*m_project));
    emit snapshotLoaded();
}

void MainWindow::updateDriftStatus()
{
    // Every kind of finding is said on its own: never "no drift" while anything is off.
    const ProjectSnapshot& s = m_snapshot;
    auto count = [&](FindingKind kind) { return int(s.status.findingsOf(kind).size()); };
    QStringList parts;
    if (!s.error.isEmpty()) {
        parts << tr("Error: %1").arg(s.error);
    } else if (s.status.offline()) {
        parts << tr("Offline: %1").arg(QString::fromStdString(s.status.offlineReason));
        if (const int n = count(FindingKind::Uncaptured))
            parts << tr("%n model change(s) not in a migration", nullptr, n);
    } else {
        if (!s.databaseExists)
            parts << tr("No database yet");
        if (const int n = count(FindingKind::Drift))
            parts << tr("Drift: %n difference(s) between database and models", nullptr, n);
        if (const int n = count(FindingKind::Pending))
            parts << (s.status.behindHeads ? tr("Behind heads: %n revision(s) pending", nullptr, n)
                                           : tr("%n revision(s) pending", nullptr, n));
        if (const int n = count(FindingKind::Uncaptured))
            parts << tr("%n model change(s) not in a migration", nullptr, n);
        if (const int n = count(FindingKind::Edited))
            parts << tr("%n applied migration(s) edited", nullptr, n);
        if (const int n = count(FindingKind::Unknown))
            parts << tr("%n applied revision(s) without a file", nullptr, n);
        if (count(FindingKind::MultipleHeads))
            parts << tr("%n heads", nullptr, int(s.status.heads.size()));
        if (parts.isEmpty())
            parts << tr("No drift: the database matches the models and the migrations");
    }
    m_driftLabel->setText(parts.join(QStringLiteral(" · ")));
    QStringList tip;
    for (const auto& f : s.status.findings)
        tip << QStringLiteral("%1: %2").arg(QString::fromUtf8(findingKindName(f.kind).data()),
                                            QString::fromStdString(f.text));
    for (const auto& w : s.warnings)
        tip << QString::fromStdString(w);
    m_driftLabel->setToolTip(tip.join(QLatin1Char('\n')));
}

void MainWindow::selectTable(const QString& table) { m_linker->selectTable(table); }

void MainWindow::onOperationSelectionChanged()
{
    if (!m_dialect)
        return;
    std::vector<Operation> ops;
    const auto rows = m_operationsView->selectionModel()->selectedRows();
    QList<int> sorted;
    for (const auto& index : rows)
        sorted << index.row();
    std::sort(sorted.begin(), sorted.end());
    for (int row : sorted)
        ops.push_back(m_operationsModel->operations()[std::size_t(row)]);
    if (ops.empty()) {
        m_sqlPreview->clear();
        return;
    }
    try {
        RenderContext context;
        context.before = &m_snapshot.live;
        context.schemaName = m_project ? m_project->config().schemaName : std::string();
        QString text;
        for (const Statement& st : m_dialect->render(ops, context))
            text += QString::fromStdString(st.sql) + (st.commentOnly ? QStringLiteral("\n") : QStringLiteral(";\n"));
        m_sqlPreview->setPlainText(text);
    } catch (const std::exception& e) {
        m_sqlPreview->setPlainText(QStringLiteral("-- ") + QString::fromUtf8(e.what()));
    }
}

void MainWindow::onShowSqlRequested(const QString& revision)
{
    if (!m_snapshot.project || revision.isEmpty())
        return;
    // What the buttons do: on an applied revision "Downgrade to here" (its descendants
    // reverted), on a pending one "Upgrade to here" (with its ancestors) — rendered with
    // the live database, as the run and `--sql` render it, on a worker with its own
    // connection.
    const bool applied = std::count(m_snapshot.applied.begin(), m_snapshot.applied.end(), revision.toStdString());
    const Direction direction = applied ? Direction::Downgrade : Direction::Upgrade;
    const tempest::Project project = *m_snapshot.project;
    const std::string target = revision.toStdString();
    m_revisionSqlOf = revision;
    m_sqlPreview->clear();
    m_revisionSql.setFuture(
        QtConcurrent::run([project, direction, target] { return revisionRunSql(project, direction, target); }));
}

void MainWindow::onOpenFileRequested(const QString& revision)
{
    const Migration* m = m_snapshot.graph ? m_snapshot.graph->find(revision.toStdString()) : nullptr;
    if (!m)
        return;
    const QString path = QString::fromStdString(m->file);
    if (QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        return;
    // No desktop handler (a bare window manager, a remote session): show it ourselves.
    auto* viewer = new FileViewerDialog(path, this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->open();
}

void MainWindow::onGenerateMigration()
{
    if (!m_snapshot.project)
        return;
    auto* dialog =
        new GenerateMigrationDialog(*m_snapshot.project, m_snapshot.models, this, m_renameChoices->renames());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GenerateMigrationDialog::migrationWritten, this, [this](const QString& path) {
        statusBar()->showMessage(tr("Wrote %1").arg(path), 5000);
        refresh();
    });
    dialog->open();
}

void MainWindow::onOpenProjectTriggered()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Open project"), QString(),
                                                      tr("Tempest project (tempest.json);;JSON (*.json)"));
    if (!file.isEmpty())
        openProject(file);
}

void MainWindow::onRunStarted(int count)
{
    m_revisionsPane->setBusy(true);
    m_progress->setRange(0, count);
    m_progress->setValue(0);
    m_progress->show();
    m_cancelButton->show();
}

void MainWindow::onRunProgressed(int index, int count, const QString& revision)
{
    m_progress->setRange(0, count);
    m_progress->setValue(index);
    statusBar()->showMessage(tr("Running %1 (%2 of %3)…").arg(revision).arg(index + 1).arg(count));
}

void MainWindow::onRunFinished(const MigrationOutcome& outcome)
{
    m_revisionsPane->setBusy(false);
    m_progress->hide();
    m_cancelButton->hide();
    QString message = outcome.message;
    if (outcome.ok && message.isEmpty()) {
        QStringList parts;
        if (!outcome.applied.isEmpty())
            parts << tr("applied %1").arg(outcome.applied.join(QStringLiteral(", ")));
        if (!outcome.reverted.isEmpty())
            parts << tr("reverted %1").arg(outcome.reverted.join(QStringLiteral(", ")));
        message = parts.join(QStringLiteral("; "));
    } else if (outcome.cancelled) {
        message = tr("Cancelled; the revisions before it were kept. %1").arg(outcome.message);
    }
    statusBar()->showMessage(message.section(QLatin1Char('\n'), 0, 0), 10000);
    m_eventLog->append(outcome.ok ? message : tr("Run failed:\n%1").arg(message));
    if (!outcome.ok && !outcome.cancelled)
        showError(tr("Run failed"), outcome.message);
    emit runFinished(outcome.ok, message);
    refresh();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // Stop waiting for a load: a hung connect must not keep the window (its worker ends
    // within the connect timeout, which is all the process waits for on exit).
    m_loader->cancel();
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreLayout()
{
    // Layout only: no project paths with credentials, never a password.
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_mainSplitter->restoreState(settings.value(QStringLiteral("window/mainSplitter")).toByteArray());
    m_paneSplitter->restoreState(settings.value(QStringLiteral("window/paneSplitter")).toByteArray());
    m_bottomSplitter->restoreState(settings.value(QStringLiteral("window/bottomSplitter")).toByteArray());
    m_viewMenu->restorePanes();
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/mainSplitter"), m_mainSplitter->saveState());
    settings.setValue(QStringLiteral("window/paneSplitter"), m_paneSplitter->saveState());
    settings.setValue(QStringLiteral("window/bottomSplitter"), m_bottomSplitter->saveState());
    m_viewMenu->savePanes();
}

} // namespace tempest::studio
