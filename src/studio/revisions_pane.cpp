#include "studio/revisions_pane.h"

#include "studio/dag_view.h"
#include "studio/revision_graph_model.h"

#include <QAction>
#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>

namespace tempest::studio {

RevisionsPane::RevisionsPane(RevisionGraphModel* model, QWidget* parent)
    : QWidget(parent), m_model(model), m_view(new DagView(model, this))
{
    setObjectName(QStringLiteral("revisionsPane"));
    m_view->setObjectName(QStringLiteral("dagView"));
    auto makeButton = [this](const QString& text, const char* name) {
        auto* button = new QPushButton(text, this);
        button->setObjectName(QLatin1String(name));
        return button;
    };
    m_upgradeHere = makeButton(tr("&Upgrade to here"), "upgradeHereButton");
    m_downgradeHere = makeButton(tr("&Downgrade to here"), "downgradeHereButton");
    m_upgradeAll = makeButton(tr("Upgrade &all"), "upgradeAllButton");
    m_showSql = makeButton(tr("Show &SQL"), "showSqlButton");
    m_openFile = makeButton(tr("&Open file"), "openFileButton");

    auto* buttons = new QHBoxLayout;
    for (auto* b : {m_upgradeHere, m_downgradeHere, m_upgradeAll, m_showSql, m_openFile})
        buttons->addWidget(b);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);

    auto current = [this] { return m_view->currentRevision(); };
    connect(m_upgradeHere, &QPushButton::clicked, this, [this, current] { emit upgradeRequested(current()); });
    connect(m_downgradeHere, &QPushButton::clicked, this, [this, current] { emit downgradeRequested(current()); });
    connect(m_upgradeAll, &QPushButton::clicked, this, &RevisionsPane::upgradeAllRequested);
    connect(m_showSql, &QPushButton::clicked, this, [this, current] { emit showSqlRequested(current()); });
    connect(m_openFile, &QPushButton::clicked, this, [this, current] { emit openFileRequested(current()); });
    // The same actions from the view's context menu.
    for (auto* b : {m_upgradeHere, m_downgradeHere, m_showSql, m_openFile}) {
        auto* action = new QAction(b->text(), m_view);
        connect(action, &QAction::triggered, b, &QPushButton::click);
        m_view->addAction(action);
    }
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &RevisionsPane::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RevisionsPane::updateActions);
    updateActions();
}

void RevisionsPane::setBusy(bool busy)
{
    m_busy = busy;
    updateActions();
}

void RevisionsPane::setDatabaseAvailable(bool available)
{
    m_databaseAvailable = available;
    updateActions();
}

void RevisionsPane::updateActions()
{
    const QModelIndex index = m_view->currentIndex();
    const bool has = index.isValid();
    const bool applied = has && index.data(RevisionGraphModel::AppliedRole).toBool();
    const bool canRun = !m_busy && m_databaseAvailable;
    m_upgradeHere->setEnabled(canRun && has && !applied);
    m_downgradeHere->setEnabled(canRun && has && applied);
    m_upgradeAll->setEnabled(canRun && m_model->rowCount() > 0);
    m_showSql->setEnabled(m_databaseAvailable && has);
    m_openFile->setEnabled(has && !index.data(RevisionGraphModel::FileRole).toString().isEmpty());
}

} // namespace tempest::studio
