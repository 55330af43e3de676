#pragma once
// RevisionsPane: the revision DAG, a search field, and the actions on the selected
// revision (Upgrade to here, Downgrade to here, Upgrade all, Show SQL, Open file, Export
// graph). The context menu offers only what applies to the revision under the cursor.
// Stamp, Merge heads and Revert to base are offered where they apply.
// Runs and SQL are only requested; the main window decides what they do. Export writes
// core's DOT/SVG writers, PNG painted by tempest_painting: the picture of
// `tempest-migrate graph`.

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;

namespace tempest::studio {

class DagView;
class RevisionGraphModel;

class RevisionsPane : public QWidget {
    Q_OBJECT

public:
    explicit RevisionsPane(RevisionGraphModel* model, QWidget* parent = nullptr);
    DagView* view() const { return m_view; }
    QLineEdit* searchField() const { return m_search; }
    /// Disables the actions that write while a run is in progress.
    void setBusy(bool busy);
    /// Disables every action that needs the database (runs, Show SQL) while it is
    /// offline or not loaded: which revisions are applied is then unknown.
    void setDatabaseAvailable(bool available);

    /// Writes the graph to `path`, the format from its extension (.svg, .png, .dot or
    /// .gv). Returns false and sets `error` when the extension is unknown or the file
    /// cannot be written.
    bool exportGraph(const QString& path, QString* error = nullptr) const;
    /// The context menu for the revision at `index` (none: the empty area), holding only
    /// the actions that apply; the caller owns it.
    QMenu* contextMenuFor(const QModelIndex& index);
    /// The same actions for the menu bar (Revision menu), acting on the current row with
    /// the context menu's rules (disabled where the context menu leaves them out), and
    /// shortcuts for the frequent ones. Object names: the context action's with "Menu"
    /// before "Action". Created on the first call, owned by the pane.
    QList<QAction*> menuBarActions();

signals:
    void upgradeRequested(const QString& revision);
    void downgradeRequested(const QString& revision);
    void upgradeAllRequested();
    void showSqlRequested(const QString& revision);
    void openFileRequested(const QString& revision);
    /// "Stamp…" (the version table set to `revision`, no operation run).
    void stampRequested(const QString& revision);
    /// "Merge heads…": only offered with several heads.
    void mergeHeadsRequested();
    /// "Revert to base…": downgrade everything.
    void revertToBaseRequested();
    /// "Export graph…" wrote `path`.
    void graphExported(const QString& path);

private:
    enum class Verb { UpgradeHere, DowngradeHere, ShowSql, OpenFile, CopyRevisionId, Stamp, UpgradeAll,
                      RevertToBase, MergeHeads, ExportGraph };
    /// Which actions apply to the revision at `index` (none: only the graph-wide ones).
    struct Applicable {
        bool upgradeHere = false, downgradeHere = false, showSql = false, openFile = false,
             copyRevisionId = false, stamp = false, upgradeAll = false, revertToBase = false,
             mergeHeads = false, exportGraph = false;
    };
    Applicable applicable(const QModelIndex& index) const;
    void trigger(Verb verb, const QString& revision);
    void updateActions();
    void onSearchChanged(const QString& text);
    void onSearchNext();
    void onExportGraphTriggered();
    void onContextMenuRequested(const QPoint& pos);
    bool matchesSearch(int row) const;

    RevisionGraphModel* m_model;
    DagView* m_view;
    QLineEdit* m_search;
    QLabel* m_searchStatus;
    QPushButton* m_upgradeHere;
    QPushButton* m_downgradeHere;
    QPushButton* m_upgradeAll;
    QPushButton* m_showSql;
    QPushButton* m_openFile;
    QPushButton* m_exportGraph;
    bool m_busy = false;
    bool m_filtered = false;  // some rows are hidden by the search
    bool m_databaseAvailable = true;
    QList<QAction*> m_menuBarActions;
};

} // namespace tempest::studio
