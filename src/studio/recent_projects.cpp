#include "studio/recent_projects.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace tempest::studio {

namespace {

const QString kKey = QStringLiteral("recentProjects");

} // namespace

RecentProjects::RecentProjects(QMenu* menu, QObject* parent) : QObject(parent), m_menu(menu)
{
    rebuildMenu();
}

QStringList RecentProjects::files() const { return QSettings().value(kKey).toStringList(); }

void RecentProjects::add(const QString& projectFile)
{
    const QString path = QFileInfo(projectFile).absoluteFilePath();
    QStringList list = files();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > kMaxRecentProjects)
        list.removeLast();
    QSettings().setValue(kKey, list);
    rebuildMenu();
}

void RecentProjects::rebuildMenu()
{
    m_menu->clear();
    const QStringList list = files();
    for (int i = 0; i < list.size(); ++i) {
        const QString& file = list[i];
        QAction* action = m_menu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(file)));
        action->setEnabled(QFileInfo::exists(file));
        connect(action, &QAction::triggered, this, [this, file] { emit projectChosen(file); });
    }
    m_menu->setEnabled(!list.isEmpty());
    if (list.isEmpty())
        return;
    m_menu->addSeparator();
    m_menu->addAction(tr("&Clear list"), this, [this] {
        QSettings().remove(kKey);
        rebuildMenu();
    });
}

} // namespace tempest::studio
