#pragma once
// ViewMenu (View): a checkable action per pane, the event-log dock and the toolbar, and
// "Reset layout" (default splitter sizes, the dock back at the bottom, everything shown,
// the saved layout forgotten).

#include <QList>
#include <QObject>
#include <QString>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QSplitter;
class QToolBar;
class QWidget;

namespace tempest::studio {

class ViewMenu : public QObject {
    Q_OBJECT

public:
    /// `splitters`: outermost first; each gets equal parts on reset except the first
    /// (the schema panes above, 3:2).
    ViewMenu(QMainWindow* window, QMenu* menu, QList<QSplitter*> splitters, QDockWidget* dock, QToolBar* toolbar);

    /// Adds "Show <title>" for `pane` (the action's object name: `show<objectName>Action`).
    QAction* addPane(const QString& title, QWidget* pane);
    /// After every pane was added: the separator and "Reset layout".
    void finish();
    void resetLayout();
    /// The panes hidden through this menu, by object name, under window/hiddenPanes of
    /// the settings (restore: after finish(), before the window is shown).
    void savePanes() const;
    void restorePanes();

private:
    QMainWindow* m_window;
    QMenu* m_menu;
    QList<QSplitter*> m_splitters;
    QDockWidget* m_dock;
    QToolBar* m_toolbar;
    QList<QWidget*> m_panes;
    QList<QAction*> m_paneActions;
};

} // namespace tempest::studio
