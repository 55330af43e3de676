#include "studio/snapshot_loader.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace tempest::studio {

SnapshotLoader::SnapshotLoader(QObject* parent) : QObject(parent) {}

SnapshotLoader::~SnapshotLoader()
{
    for (QFutureWatcher<ProjectSnapshot>* watcher : m_watchers) {
        watcher->disconnect(this);
        watcher->waitForFinished();
    }
}

void SnapshotLoader::load(const tempest::Project& project)
{
    if (m_current) {
        m_queued = project;
        return;
    }
    auto* watcher = new QFutureWatcher<ProjectSnapshot>(this);
    connect(watcher, &QFutureWatcher<ProjectSnapshot>::finished, this, [this, watcher] { onFinished(watcher); });
    m_current = watcher;
    m_watchers.push_back(watcher);
    watcher->setFuture(QtConcurrent::run([project] { return loadSnapshot(project); }));
}

void SnapshotLoader::cancel()
{
    m_current = nullptr;
    m_queued.reset();
}

void SnapshotLoader::onFinished(QFutureWatcher<ProjectSnapshot>* watcher)
{
    const bool wanted = watcher == m_current;
    ProjectSnapshot snapshot = wanted ? watcher->result() : ProjectSnapshot{};
    m_watchers.erase(std::find(m_watchers.begin(), m_watchers.end(), watcher));
    watcher->deleteLater();
    if (!wanted)
        return;
    m_current = nullptr;
    if (m_queued) {
        const tempest::Project next = *m_queued;
        m_queued.reset();
        load(next);
        return;
    }
    emit loaded(snapshot);
}

} // namespace tempest::studio
