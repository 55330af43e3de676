#pragma once
// RevisionsPane: the revision DAG and the actions on the selected revision
// (Upgrade to here, Downgrade to here, Upgrade all, Show SQL, Open file). It only
// emits requests; the main window decides what they do.

#include <QWidget>

class QPushButton;

namespace tempest::studio {

class DagView;
class RevisionGraphModel;

class RevisionsPane : public QWidget {
    Q_OBJECT

public:
    explicit RevisionsPane(RevisionGraphModel* model, QWidget* parent = nullptr);
    DagView* view() const { return m_view; }
    /// Disables the actions that write while a run is in progress.
    void setBusy(bool busy);
    /// Disables every action that needs the database (runs, Show SQL) while it is
    /// offline or not loaded: which revisions are applied is then unknown.
    void setDatabaseAvailable(bool available);

signals:
    void upgradeRequested(const QString& revision);
    void downgradeRequested(const QString& revision);
    void upgradeAllRequested();
    void showSqlRequested(const QString& revision);
    void openFileRequested(const QString& revision);

private:
    void updateActions();

    RevisionGraphModel* m_model;
    DagView* m_view;
    QPushButton* m_upgradeHere;
    QPushButton* m_downgradeHere;
    QPushButton* m_upgradeAll;
    QPushButton* m_showSql;
    QPushButton* m_openFile;
    bool m_busy = false;
    bool m_databaseAvailable = true;
};

} // namespace tempest::studio
