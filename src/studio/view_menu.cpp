#include "studio/view_menu.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QSplitter>
#include <QStringList>
#include <QToolBar>

namespace tempest::studio {

ViewMenu::ViewMenu(QMainWindow* window, QMenu* menu, QList<QSplitter*> splitters, QDockWidget* dock,
                   QToolBar* toolbar)
    : QObject(window), m_window(window), m_menu(menu), m_splitters(std::move(splitters)), m_dock(dock),
      m_toolbar(toolbar)
{
}

QAction* ViewMenu::addPane(const QString& title, QWidget* pane)
{
    auto* action = m_menu->addAction(title);
    QString name = pane->objectName();
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    action->setObjectName(QStringLiteral("show%1Action").arg(name));
    action->setCheckable(true);
    action->setChecked(true);
    connect(action, &QAction::toggled, pane, &QWidget::setVisible);
    m_panes << pane;
    m_paneActions << action;
    return action;
}

void ViewMenu::finish()
{
    m_menu->addSeparator();
    QAction* dock = m_dock->toggleViewAction();
    dock->setText(tr("&Event log"));
    dock->setObjectName(QStringLiteral("showEventLogAction"));
    m_menu->addAction(dock);
    QAction* toolbar = m_toolbar->toggleViewAction();
    toolbar->setText(tr("&Toolbar"));
    toolbar->setObjectName(QStringLiteral("showToolbarAction"));
    m_menu->addAction(toolbar);
    m_menu->addSeparator();
    QAction* reset = m_menu->addAction(tr("&Reset layout"), this, &ViewMenu::resetLayout);
    reset->setObjectName(QStringLiteral("resetLayoutAction"));
}

void ViewMenu::resetLayout()
{
    for (QAction* action : m_menu->actions())
        if (action->isCheckable())
            action->setChecked(true);
    for (QWidget* pane : m_panes)
        pane->show();
    m_dock->setFloating(false);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    m_dock->show();
    m_window->addToolBar(Qt::TopToolBarArea, m_toolbar);
    m_toolbar->show();
    for (int i = 0; i < m_splitters.size(); ++i) {
        QSplitter* splitter = m_splitters[i];
        const int count = splitter->count();
        const int total = splitter->orientation() == Qt::Horizontal ? splitter->width() : splitter->height();
        QList<int> sizes;
        for (int j = 0; j < count; ++j)
            sizes << (i == 0 && count == 2 ? total * (j == 0 ? 3 : 2) / 5 : total / count);
        splitter->setSizes(sizes);
    }
    QSettings().remove(QStringLiteral("window"));
}

void ViewMenu::savePanes() const
{
    // By the action, not by isVisible(): a pane of a minimised or not yet shown window is
    // not visible but still wanted.
    QStringList hidden;
    for (int i = 0; i < m_panes.size(); ++i)
        if (!m_paneActions[i]->isChecked())
            hidden << m_panes[i]->objectName();
    QSettings().setValue(QStringLiteral("window/hiddenPanes"), hidden);
}

void ViewMenu::restorePanes()
{
    const QStringList hidden = QSettings().value(QStringLiteral("window/hiddenPanes")).toStringList();
    for (int i = 0; i < m_panes.size(); ++i) {
        const bool shown = !hidden.contains(m_panes[i]->objectName());
        m_paneActions[i]->setChecked(shown);
        m_panes[i]->setVisible(shown);
    }
}

} // namespace tempest::studio
