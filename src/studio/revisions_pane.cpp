#include "studio/revisions_pane.h"

#include "core/revision/graph_picture.h"
#include "painting/graph_painter.h"
#include "studio/dag_view.h"
#include "studio/revision_graph_model.h"

#include <QAction>
#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace tempest::studio {

RevisionsPane::RevisionsPane(RevisionGraphModel* model, QWidget* parent)
    : QWidget(parent), m_model(model), m_view(new DagView(model, this)), m_search(new QLineEdit(this)),
      m_searchStatus(new QLabel(this))
{
    setObjectName(QStringLiteral("revisionsPane"));
    m_view->setObjectName(QStringLiteral("dagView"));
    m_view->setAccessibleName(tr("Revision graph"));
    m_view->setAccessibleDescription(
        tr("Revisions newest first; the State column says whether each is applied or pending, or unknown "
           "while the database is offline"));
    m_search->setObjectName(QStringLiteral("revisionSearch"));
    m_search->setPlaceholderText(tr("Search revisions by id or message…"));
    m_search->setAccessibleName(tr("Search revisions"));
    m_search->setClearButtonEnabled(true);
    m_searchStatus->setObjectName(QStringLiteral("revisionSearchStatus"));
    m_searchStatus->setAccessibleName(tr("Search matches"));
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
    m_exportGraph = makeButton(tr("&Export graph…"), "exportGraphButton");

    m_upgradeHere->setAccessibleDescription(tr("Applies the selected revision and the pending ones it needs"));
    m_downgradeHere->setAccessibleDescription(tr("Reverts every applied revision after the selected one"));
    m_upgradeAll->setAccessibleDescription(tr("Applies every pending revision up to the heads"));
    m_showSql->setAccessibleDescription(tr("Shows the SQL the upgrade or downgrade to the selected revision runs"));
    m_openFile->setAccessibleDescription(tr("Opens the selected revision's migration file"));
    m_exportGraph->setAccessibleDescription(tr("Saves the revision graph as SVG, PNG or DOT"));
    auto* buttons = new QHBoxLayout;
    for (auto* b : {m_upgradeHere, m_downgradeHere, m_upgradeAll, m_showSql, m_openFile, m_exportGraph})
        buttons->addWidget(b);
    buttons->addStretch();
    auto* search = new QHBoxLayout;
    search->addWidget(m_search, 1);
    search->addWidget(m_searchStatus);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addLayout(search);
    layout->addWidget(m_view, 1);

    auto current = [this] { return m_view->currentRevision(); };
    connect(m_upgradeHere, &QPushButton::clicked, this, [this, current] { emit upgradeRequested(current()); });
    connect(m_downgradeHere, &QPushButton::clicked, this, [this, current] { emit downgradeRequested(current()); });
    connect(m_upgradeAll, &QPushButton::clicked, this, &RevisionsPane::upgradeAllRequested);
    connect(m_showSql, &QPushButton::clicked, this, [this, current] { emit showSqlRequested(current()); });
    connect(m_openFile, &QPushButton::clicked, this, [this, current] { emit openFileRequested(current()); });
    connect(m_exportGraph, &QPushButton::clicked, this, &RevisionsPane::onExportGraphTriggered);
    connect(m_search, &QLineEdit::textChanged, this, &RevisionsPane::onSearchChanged);
    connect(m_search, &QLineEdit::returnPressed, this, &RevisionsPane::onSearchNext);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &RevisionsPane::onContextMenuRequested);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &RevisionsPane::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        onSearchChanged(m_search->text());  // a refresh keeps the search
        updateActions();
    });
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
    m_exportGraph->setEnabled(m_model->rowCount() > 0);
    // The menu bar's Revision menu: the context menu's rules on the current row.
    const Applicable a = applicable(index);
    for (QAction* action : m_menuBarActions) {
        bool enabled = false;
        switch (Verb(action->data().toInt())) {
        case Verb::UpgradeHere: enabled = a.upgradeHere; break;
        case Verb::DowngradeHere: enabled = a.downgradeHere; break;
        case Verb::ShowSql: enabled = a.showSql && has; break;
        case Verb::OpenFile: enabled = a.openFile; break;
        case Verb::CopyRevisionId: enabled = a.copyRevisionId; break;
        case Verb::Stamp: enabled = a.stamp; break;
        case Verb::UpgradeAll: enabled = a.upgradeAll; break;
        case Verb::RevertToBase: enabled = a.revertToBase; break;
        case Verb::MergeHeads: enabled = a.mergeHeads; break;
        case Verb::ExportGraph: enabled = a.exportGraph; break;
        }
        action->setEnabled(enabled);
    }
}

bool RevisionsPane::matchesSearch(int row) const
{
    const QString text = m_search->text().trimmed();
    if (text.isEmpty())
        return true;
    const QModelIndex index = m_model->index(row, 0);
    return index.data(RevisionGraphModel::RevisionIdRole).toString().contains(text, Qt::CaseInsensitive) ||
           index.data(RevisionGraphModel::LabelRole).toString().contains(text, Qt::CaseInsensitive);
}

void RevisionsPane::onSearchChanged(const QString& text)
{
    // Rows that do not match are hidden; the first match is selected (the current one is
    // kept while it still matches), so Upgrade/Downgrade act on what was found.
    if (text.trimmed().isEmpty() && !m_filtered) {  // after each refresh of a long history
        m_searchStatus->clear();
        return;
    }
    m_filtered = !text.trimmed().isEmpty();
    int matches = 0, first = -1;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const bool match = matchesSearch(row);
        m_view->setRowHidden(row, QModelIndex(), !match);
        if (match && first < 0)
            first = row;
        matches += match;
    }
    const QModelIndex current = m_view->currentIndex();
    if (text.trimmed().isEmpty()) {
        m_searchStatus->clear();
        if (current.isValid())
            m_view->scrollTo(current);
        return;
    }
    m_searchStatus->setText(tr("%1 of %2 revisions").arg(matches).arg(m_model->rowCount()));
    if (first < 0)
        m_view->setCurrentIndex(QModelIndex());
    else if (!current.isValid() || !matchesSearch(current.row()))
        m_view->selectRevision(m_model->index(first, 0).data(RevisionGraphModel::RevisionIdRole).toString());
}

void RevisionsPane::onSearchNext()
{
    const int count = m_model->rowCount();
    const int start = m_view->currentIndex().isValid() ? m_view->currentIndex().row() : -1;
    for (int step = 1; step <= count; ++step) {
        const int row = (start + step) % count;
        if (matchesSearch(row)) {
            m_view->selectRevision(m_model->index(row, 0).data(RevisionGraphModel::RevisionIdRole).toString());
            return;
        }
    }
}

RevisionsPane::Applicable RevisionsPane::applicable(const QModelIndex& index) const
{
    Applicable a;
    if (index.isValid()) {
        const bool applied = index.data(RevisionGraphModel::AppliedRole).toBool();
        const bool canRun = !m_busy && m_databaseAvailable;
        // Offline, which revisions are applied is unknown: no run and no SQL is offered.
        // Upgrading to an applied revision does nothing, downgrading to a pending one is
        // refused (DESIGN.md): neither is offered.
        a.upgradeHere = canRun && !applied;
        a.downgradeHere = canRun && applied;
        a.showSql = m_databaseAvailable;
        a.openFile = !index.data(RevisionGraphModel::FileRole).toString().isEmpty();
        a.copyRevisionId = true;
        a.stamp = canRun;
    }
    bool anyPending = false, anyApplied = false;
    int heads = 0;
    for (const auto& f : m_model->facts()) {
        anyPending = anyPending || !f.applied;
        anyApplied = anyApplied || f.applied;
        heads += f.head;
    }
    a.upgradeAll = !m_busy && m_databaseAvailable && anyPending;
    a.revertToBase = !m_busy && m_databaseAvailable && anyApplied;
    a.mergeHeads = !m_busy && heads > 1;
    a.exportGraph = m_model->rowCount() > 0;
    return a;
}

void RevisionsPane::trigger(Verb verb, const QString& revision)
{
    switch (verb) {
    case Verb::UpgradeHere: emit upgradeRequested(revision); break;
    case Verb::DowngradeHere: emit downgradeRequested(revision); break;
    case Verb::ShowSql: emit showSqlRequested(revision); break;
    case Verb::OpenFile: emit openFileRequested(revision); break;
    case Verb::CopyRevisionId: QGuiApplication::clipboard()->setText(revision); break;
    case Verb::Stamp: emit stampRequested(revision); break;
    case Verb::UpgradeAll: emit upgradeAllRequested(); break;
    case Verb::RevertToBase: emit revertToBaseRequested(); break;
    case Verb::MergeHeads: emit mergeHeadsRequested(); break;
    case Verb::ExportGraph: onExportGraphTriggered(); break;
    }
}

QMenu* RevisionsPane::contextMenuFor(const QModelIndex& index)
{
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("revisionContextMenu"));
    const QString revision = index.data(RevisionGraphModel::RevisionIdRole).toString();
    const bool applied = index.data(RevisionGraphModel::AppliedRole).toBool();
    const Applicable a = applicable(index);
    auto add = [this, menu, revision](bool offered, const QString& text, const char* name, Verb verb) {
        if (!offered)
            return;
        QAction* action = menu->addAction(text);
        action->setObjectName(QLatin1String(name));
        connect(action, &QAction::triggered, this, [this, verb, revision] { trigger(verb, revision); });
    };
    add(a.upgradeHere, tr("&Upgrade to here"), "upgradeHereAction", Verb::UpgradeHere);
    add(a.downgradeHere, tr("&Downgrade to here"), "downgradeHereAction", Verb::DowngradeHere);
    add(a.showSql, applied ? tr("Show &SQL of the downgrade") : tr("Show &SQL of the upgrade"), "showSqlAction",
        Verb::ShowSql);
    add(a.openFile, tr("&Open file"), "openFileAction", Verb::OpenFile);
    add(a.copyRevisionId, tr("&Copy revision id"), "copyRevisionIdAction", Verb::CopyRevisionId);
    add(a.stamp, tr("S&tamp here…"), "stampAction", Verb::Stamp);
    if (index.isValid())
        menu->addSeparator();
    add(a.upgradeAll, tr("Upgrade &all"), "upgradeAllAction", Verb::UpgradeAll);
    add(a.revertToBase, tr("&Revert to base…"), "revertToBaseAction", Verb::RevertToBase);
    add(a.mergeHeads, tr("&Merge heads…"), "mergeHeadsAction", Verb::MergeHeads);
    add(a.exportGraph, tr("&Export graph…"), "exportGraphAction", Verb::ExportGraph);
    return menu;
}

QList<QAction*> RevisionsPane::menuBarActions()
{
    if (!m_menuBarActions.isEmpty())
        return m_menuBarActions;
    auto add = [this](const QString& text, const char* name, Verb verb, const QKeySequence& shortcut = {}) {
        auto* action = new QAction(text, this);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(shortcut);
        action->setData(int(verb));
        connect(action, &QAction::triggered, this, [this, verb] { trigger(verb, m_view->currentRevision()); });
        m_menuBarActions << action;
    };
    add(tr("&Upgrade to here"), "upgradeHereMenuAction", Verb::UpgradeHere, QKeySequence(Qt::CTRL | Qt::Key_U));
    add(tr("&Downgrade to here"), "downgradeHereMenuAction", Verb::DowngradeHere,
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    add(tr("Show &SQL of the plan"), "showSqlMenuAction", Verb::ShowSql, QKeySequence(Qt::CTRL | Qt::Key_L));
    add(tr("&Open file"), "openFileMenuAction", Verb::OpenFile, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    add(tr("&Copy revision id"), "copyRevisionIdMenuAction", Verb::CopyRevisionId);
    add(tr("S&tamp here…"), "stampMenuAction", Verb::Stamp);
    add(tr("Upgrade &all"), "upgradeAllMenuAction", Verb::UpgradeAll, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    add(tr("&Revert to base…"), "revertToBaseMenuAction", Verb::RevertToBase);
    add(tr("&Merge heads…"), "mergeHeadsMenuAction", Verb::MergeHeads);
    add(tr("&Export graph…"), "exportGraphMenuAction", Verb::ExportGraph, QKeySequence(Qt::CTRL | Qt::Key_E));
    updateActions();
    return m_menuBarActions;
}

void RevisionsPane::onContextMenuRequested(const QPoint& pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (index.isValid())
        m_view->setCurrentIndex(index);  // the menu acts on what is shown selected
    QMenu* menu = contextMenuFor(index);
    if (menu->isEmpty()) {
        delete menu;
        return;
    }
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(m_view->viewport()->mapToGlobal(pos));
}

bool RevisionsPane::exportGraph(const QString& path, QString* error) const
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    const QString suffix = QFileInfo(path).suffix().toLower();
    try {
        if (suffix == QLatin1String("png")) {
            writeGraphPng(graphPicture(m_model->layout(), m_model->facts()), path.toStdString());
            return true;
        }
        std::string text;
        if (suffix == QLatin1String("svg"))
            text = writeGraphSvg(graphPicture(m_model->layout(), m_model->facts()));
        else if (suffix == QLatin1String("dot") || suffix == QLatin1String("gv"))
            text = writeGraphDot(m_model->facts());
        else
            return fail(tr("Unknown graph format \"%1\": use .svg, .png or .dot").arg(suffix));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), qint64(text.size())) != qint64(text.size()) ||
            !file.commit())
            return fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return true;
    } catch (const std::exception& e) {
        return fail(QString::fromUtf8(e.what()));
    }
}

void RevisionsPane::onExportGraphTriggered()
{
    QString filter;
    QString path = QFileDialog::getSaveFileName(this, tr("Export graph"), QStringLiteral("revisions.svg"),
                                                tr("SVG image (*.svg);;PNG image (*.png);;Graphviz DOT (*.dot *.gv)"),
                                                &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += filter.contains(QLatin1String("*.png"))   ? QStringLiteral(".png")
                : filter.contains(QLatin1String("*.dot")) ? QStringLiteral(".dot")
                                                          : QStringLiteral(".svg");
    QString error;
    if (exportGraph(path, &error))
        emit graphExported(path);
    else
        QMessageBox::warning(this, tr("Export graph"), error);
}

} // namespace tempest::studio
