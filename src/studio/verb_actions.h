#pragma once
// VerbActions: the CLI verbs that are not a run, from Studio — "Stamp…" (set the version
// table to a revision without running operations: core checkStampTarget() and
// stampDatabase(), as `tempest-migrate stamp`) and "Merge heads…" (a merge revision
// through core mergeParents() and writeRevision(), as `tempest-migrate merge heads -m`).
// Each asks first (a confirmation for stamp, the message for merge) and reports through
// finished(); the main window refreshes and logs.

#include "core/project/project.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <optional>

class QWidget;

namespace tempest::studio {

class VerbActions : public QObject {
    Q_OBJECT

public:
    explicit VerbActions(QWidget* dialogParent);
    ~VerbActions() override;

    void setProject(std::optional<tempest::Project> project) { m_project = std::move(project); }
    bool isBusy() const { return m_stamp.isRunning(); }

    /// Asks "Stamp the database at <revision>?" (Cancel is the default), then stamps on a
    /// worker with its own connection.
    void requestStamp(const QString& revision);
    /// Asks for the merge's message, then writes the merge revision of every head.
    void requestMergeHeads();

    /// `stamp TARGET` on the calling thread: "stamped <id>" / "unstamped <id>" lines.
    /// Throws what the core throws (InputError, ConnectionError, DatabaseError).
    static QString stampNow(const tempest::Project& project, const QString& target);
    /// `merge heads -m LABEL`: writes the file and returns its path. Throws InputError.
    static QString mergeHeadsNow(const tempest::Project& project, const QString& label);

signals:
    /// `ok` false: `message` is the full error (core reportFailure()).
    void finished(bool ok, const QString& title, const QString& message);

private:
    QWidget* m_dialogParent;
    std::optional<tempest::Project> m_project;
    QFutureWatcher<std::pair<bool, QString>> m_stamp;
};

} // namespace tempest::studio
