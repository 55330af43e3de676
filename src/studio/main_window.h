#pragma once
// MainWindow: wiring only. Three linked panes (Models / Database / Diff), the SQL
// preview, the revisions pane, the status bar (drift, run progress, cancel) and the
// actions; the work lives in the models, the snapshot loader, RunController and the
// dialogs.

#include "core/dialect/dialect.h"
#include "studio/migration_job.h"
#include "studio/project.h"
#include "studio/project_snapshot.h"

#include <QFutureWatcher>
#include <QString>
#include <QMainWindow>

#include <memory>
#include <optional>

class QDockWidget;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTreeView;

namespace tempest::studio {

class ConnectionSession;
class EventLog;
class FindingsList;
class OfflineBanner;
class OperationListModel;
class PaneLinker;
class RecentProjects;
class RenameChoices;
class RevisionGraphModel;
class RevisionsPane;
class RunController;
class SchemaTreeModel;
class SnapshotLoader;
class SqlPane;
class TableFilterProxy;
class VerbActions;
class ViewMenu;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Loads `tempest.json` and refreshes; a bad project file is reported in the window.
    /// `displayName`: what the title calls the project instead of its folder and database
    /// (the demo, extracted to a temporary folder; such a project is not a recent one).
    void openProject(const QString& projectFile, const QString& displayName = {});
    /// Reloads models, migrations and the live database on a worker thread.
    void refresh();
    const ProjectSnapshot& snapshot() const { return m_snapshot; }
    /// Selects a table in the three panes.
    void selectTable(const QString& table);

signals:
    /// A refresh finished and the panes show its result.
    void snapshotLoaded();
    /// A run (upgrade or downgrade) ended; a refresh follows.
    void runFinished(bool ok, const QString& message);
    /// The SQL preview shows what "Show SQL" asked for (rendered on a worker thread).
    void revisionSqlShown(const QString& revision);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildActions();
    QWidget* buildSchemaPanes();
    void onSnapshotLoaded(const ProjectSnapshot& snapshot);
    void onLoadCancelled();
    void onConnectionChanged();
    void onConnectTriggered();
    void onRunStarted(int count);
    void onRunProgressed(int index, int count, const QString& revision);
    void onRunFinished(const MigrationOutcome& outcome);
    void onOperationSelectionChanged();
    void onShowSqlRequested(const QString& revision);
    void onOpenFileRequested(const QString& revision);
    void onGenerateMigration();
    void onOpenProjectTriggered();
    void buildRevisionMenu();
    void buildCompareMenu();
    void onVerbFinished(bool ok, const QString& title, const QString& message);
    void showError(const QString& title, const QString& message);
    void updateDriftStatus();
    void restoreLayout();
    void saveLayout() const;

    std::optional<tempest::Project> m_project;
    std::shared_ptr<const Dialect> m_dialect;
    ProjectSnapshot m_snapshot;
    QString m_projectFile;
    QString m_projectDisplayName;
    SnapshotLoader* m_loader = nullptr;
    QFutureWatcher<QString> m_revisionSql;
    QString m_revisionSqlOf;

    SchemaTreeModel* m_modelsModel;
    SchemaTreeModel* m_databaseModel;
    OperationListModel* m_operationsModel;
    RevisionGraphModel* m_revisionsModel;
    TableFilterProxy* m_modelsProxy;
    TableFilterProxy* m_databaseProxy;

    QLineEdit* m_filter = nullptr;
    QTreeView* m_modelsTree = nullptr;
    QTreeView* m_databaseTree = nullptr;
    QListView* m_operationsView = nullptr;
    QPlainTextEdit* m_sqlPreview = nullptr;
    RevisionsPane* m_revisionsPane = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    QSplitter* m_paneSplitter = nullptr;
    QSplitter* m_bottomSplitter = nullptr;
    QLabel* m_driftLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_cancelLoadButton = nullptr;
    OfflineBanner* m_offlineBanner = nullptr;
    ConnectionSession* m_connections = nullptr;
    RecentProjects* m_recentProjects = nullptr;
    PaneLinker* m_linker = nullptr;
    RunController* m_runs = nullptr;
    FindingsList* m_findings = nullptr;
    RenameChoices* m_renameChoices = nullptr;
    SqlPane* m_sqlPane = nullptr;
    EventLog* m_eventLog = nullptr;
    VerbActions* m_verbs = nullptr;
    QDockWidget* m_logDock = nullptr;
    ViewMenu* m_viewMenu = nullptr;
    /// The schema pane whose current row the Compare menu acts on.
    QWidget* m_lastSchemaView = nullptr;
};

} // namespace tempest::studio
