#pragma once
// RecentProjects: File > Open Recent, the last projects opened (QSettings
// `recentProjects`, newest first, at most kMaxRecentProjects; paths only).

#include <QObject>
#include <QStringList>

class QMenu;

namespace tempest::studio {

inline constexpr int kMaxRecentProjects = 8;

class RecentProjects : public QObject {
    Q_OBJECT

public:
    /// Fills `menu` (owned by the caller) and keeps it up to date.
    explicit RecentProjects(QMenu* menu, QObject* parent = nullptr);

    /// `projectFile` was opened: it moves to the top of the list.
    void add(const QString& projectFile);
    QStringList files() const;

signals:
    void projectChosen(const QString& projectFile);

private:
    void rebuildMenu();

    QMenu* m_menu;
};

} // namespace tempest::studio
