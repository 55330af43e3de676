#pragma once
// SnapshotLoader: runs loadSnapshot() on a worker and hands the result back on the GUI
// thread. A load can be cancelled: the window stops waiting for it at once and its
// result is dropped when it arrives (a connect cannot be interrupted; the connect
// timeout ends it). A refresh asked for while one runs is queued once.

#include "studio/project_snapshot.h"

#include <QFutureWatcher>
#include <QObject>

#include <optional>
#include <vector>

namespace tempest::studio {

class SnapshotLoader : public QObject {
    Q_OBJECT

public:
    explicit SnapshotLoader(QObject* parent = nullptr);
    /// Waits for the loads still running (cancelled ones too): each is bounded by the
    /// connect timeout, and the worker must not outlive the objects it uses.
    ~SnapshotLoader() override;

    /// Starts loading `project`; while a load runs, the latest request runs after it.
    void load(const tempest::Project& project);
    /// Stops waiting for the running load (and drops a queued one); no signal follows.
    void cancel();
    bool isLoading() const { return m_current != nullptr; }

signals:
    void loaded(const tempest::studio::ProjectSnapshot& snapshot);

private:
    void onFinished(QFutureWatcher<ProjectSnapshot>* watcher);

    /// Every load still running, cancelled ones included (children of this object).
    std::vector<QFutureWatcher<ProjectSnapshot>*> m_watchers;
    QFutureWatcher<ProjectSnapshot>* m_current = nullptr;
    std::optional<tempest::Project> m_queued;
};

} // namespace tempest::studio
