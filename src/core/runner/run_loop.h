#pragma once
// RunLoop: the one loop behind every run, online or `--sql`. It opens the run's
// transaction on a sink, plans again under the write lock (online), and applies or
// reverts one revision at a time inside a savepoint: render against the schema at that
// point, integrity check, statements, version-table row. A failing revision is rolled
// back alone; the ones before it are committed (none before it: nothing is kept, not
// even a version table the run created).

#include "core/dialect/dialect.h"
#include "core/revision/revision_graph.h"
#include "core/runner/migration_runner.h"
#include "core/runner/run_sink.h"
#include "core/runner/integrity_scope.h"
#include "core/runner/run_transaction.h"

#include <atomic>
#include <memory>
#include <optional>

namespace tempest {

/// Where a run starts: the schema before its first revision, the version table's
/// highest seq, and the dialect's run state (primed by a replay for offline ranges).
struct RunStart {
    Schema schema;
    std::int64_t seq = 0;
    std::unique_ptr<DialectRunState> state;
};

/// The schema the revisions `ids` produce, replayed in topoOrder whatever order they
/// come in.
Schema replayInTopoOrder(const RevisionGraph& graph, const std::vector<std::string>& ids);

/// A start for an offline script: `appliedBefore` replayed through the dialect with the
/// output discarded, so the run state knows what their statements created (SQLite
/// triggers and views made by `execute`), and seq continuing after them.
RunStart replayedStart(const RevisionGraph& graph, const Dialect& dialect, const RunnerOptions& options,
                       const std::vector<std::string>& appliedBefore);

class RunLoop {
public:
    RunLoop(const RevisionGraph& graph, const Dialect& dialect, const RunnerOptions& options,
            std::atomic<bool>& cancel, const ProgressCallback& progress)
        : m_graph(graph), m_dialect(dialect), m_options(options), m_cancel(cancel), m_progress(progress)
    {
    }

    /// Runs `plan` (in run order) on `sink`. Online, the plan is made again under the
    /// lock from the version table (revisions another runner applied or reverted
    /// meanwhile are skipped) and `start` is ignored; offline, `start` is where the
    /// script begins. Throws MigrationFailed, DatabaseLocked, DatabaseError, InputError.
    RunResult run(RunSink& sink, Direction direction, const std::vector<std::string>& plan,
                  std::vector<std::string> warnings, RunStart start);

private:
    struct Step {
        const Migration& migration;
        std::size_t index, count;
    };
    /// Reads the version table under the lock: what is still to do of `plan`, and the
    /// schema and seq it starts from.
    std::vector<std::string> replanUnderLock(Driver& db, Direction direction, const std::vector<std::string>& plan,
                                             RunStart& start) const;
    /// One revision inside its savepoint; on a DatabaseError the savepoint is rolled
    /// back and MigrationFailed thrown (the caller decides what of the run to keep).
    void runRevision(RunSink& sink, RunTransaction& transaction, Direction direction, const Step& step,
                     RunStart& state, RunResult& result);
    /// Offline: prints the integrity check after a revision.
    void printIntegrityCheck(RunSink& sink, const IntegrityScope& scope) const;
    /// The integrity scope of a revision (core/runner/integrity_scope.h), `before` being
    /// the schema before it; reads the live foreign keys the first time they are needed.
    IntegrityScope integrityScopeOf(RunSink& sink, const std::vector<Operation>& ops, const Schema& before);
    /// The problems of `after` that `before` does not hold, in order.
    static std::vector<std::string> freshProblems(const std::set<std::string>& before,
                                                  const std::set<std::string>& after);
    void report(ProgressEvent event) const;

    const RevisionGraph& m_graph;
    const Dialect& m_dialect;
    const RunnerOptions& m_options;
    std::atomic<bool>& m_cancel;
    const ProgressCallback& m_progress;
    /// Revisions of this run already committed (a PostgreSQL commit-first step commits
    /// what came before it): what stays when the rollback of a failure fails too.
    std::size_t m_committed = 0;
    /// Online: the database had integrity problems before one of this run's revisions,
    /// so each later revision is checked before it runs too, not only after.
    bool m_checkBefore = false;
    /// The database's foreign keys, read by the first revision of a run that needs them.
    std::optional<ForeignKeyEdges> m_liveEdges;
};

} // namespace tempest
