#pragma once
// MigrationRunner: plans a target over the revision graph, executes it through a Driver
// in one transaction with a savepoint per revision, and keeps the version table.
// Online (a Driver) and offline (`--sql`, a text sink) are one loop (run_loop.h) with
// two sinks (run_sink.h).
//
// Atomicity (DESIGN.md): a revision's operations and its version-table row commit
// together or not at all. A failing or cancelled revision is rolled back to its
// savepoint, the revisions before it are committed, and the run stops with
// MigrationFailed. Concurrent runners serialise on the database's write lock (SQLite:
// BEGIN IMMEDIATE before the version table is read) or an advisory lock (PostgreSQL).
//
// Thread-safety: one runner drives one Driver from one thread; requestCancel() may be
// called from any thread.

#include "core/dialect/dialect.h"
#include "core/driver/driver.h"
#include "core/revision/revision_graph.h"

#include <atomic>
#include <functional>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace tempest {

enum class Direction { Upgrade, Downgrade };

struct RunnerOptions {
    std::string versionTable = "tempest_db_migrations";
    std::string schemaName;  // PostgreSQL schema; empty = public
    /// Where the version table lives (and what the run's lock is keyed on, with its
    /// name): the project file's versionTableSchema, else schemaName.
    std::string versionTableSchema;
    /// PostgreSQL: the project's other named schemas (`schemas`), which must exist.
    std::vector<std::string> schemas;
};

/// Reported as a run goes, on the runner's thread.
struct ProgressEvent {
    enum class Stage { RevisionStarted, StatementDone, RevisionDone };
    Stage stage = Stage::RevisionStarted;
    Direction direction = Direction::Upgrade;
    std::string revision;
    std::size_t revisionIndex = 0;  // 0-based position in this run
    std::size_t revisionCount = 0;
    std::string statement;          // StatementDone
    double milliseconds = 0;        // StatementDone: how long it took
};
using ProgressCallback = std::function<void(const ProgressEvent&)>;

struct RunResult {
    std::vector<std::string> applied;   // in order
    std::vector<std::string> reverted;  // in order
    std::vector<std::string> warnings;  // e.g. "changed: <id>"
};

/// A revision failed (or was cancelled) and was rolled back; what was before it stays.
class MigrationFailed : public std::runtime_error {
public:
    MigrationFailed(std::string revision, std::string operation, std::string statement,
                    std::string cause, bool cancelled, RunResult done);
    const std::string& revision() const { return m_revision; }
    const std::string& operation() const { return m_operation; }   // describe() of the op, or ""
    const std::string& statement() const { return m_statement; }
    const std::string& cause() const { return m_cause; }
    bool cancelled() const { return m_cancelled; }
    /// What the run committed before the failure.
    const RunResult& completed() const { return m_done; }

private:
    std::string m_revision, m_operation, m_statement, m_cause;
    bool m_cancelled;
    RunResult m_done;
};

/// The database stayed locked by another runner past the busy timeout (exit 1).
class DatabaseLocked : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class MigrationRunner {
public:
    MigrationRunner(const RevisionGraph& graph, const Dialect& dialect, RunnerOptions options = {});

    /// Applies what planUpgrade(target) returns. Throws InputError for a bad target
    /// (before writing anything), MigrationFailed, DatabaseLocked, DatabaseError.
    RunResult upgrade(Driver& driver, std::string_view target = "heads",
                      const ProgressCallback& progress = {});
    /// Reverts what planDowngrade(target) returns; refuses (InputError, nothing touched)
    /// when one of them is irreversible.
    RunResult downgrade(Driver& driver, std::string_view target, const ProgressCallback& progress = {});
    /// Sets the version table to exactly the target's revisions and their ancestors
    /// (`heads`: all; `base`: none) without running operations.
    RunResult stamp(Driver& driver, std::string_view target);

    /// The version table's rows by seq (empty when it does not exist). Read-only.
    /// Throws InputError when the table is missing or empty in a named schema while
    /// public's table of that name holds this project's revisions (see
    /// refuseHistoryInPublic); stamp, upgrade, downgrade and `--sql` with a database
    /// read through here first, so they refuse before writing.
    std::vector<AppliedRevision> appliedRows(Driver& driver) const;
    /// Ids of appliedRows, by seq.
    std::vector<std::string> applied(Driver& driver) const;
    /// Applied revisions that no other applied revision names as a parent, in topoOrder.
    std::vector<std::string> currentHeads(Driver& driver) const;
    /// The JS original's name for currentHeads().
    std::vector<std::string> current(Driver& driver) const { return currentHeads(driver); }
    /// "changed: <id>" for every applied revision whose file checksum differs, and
    /// "unknown: <id>" for applied ids missing from the graph. `known` holds checksums
    /// already computed (revision id → migrationChecksum), e.g. while the database was
    /// still being read; the others are computed here.
    std::vector<std::string> checksumWarnings(const std::vector<AppliedRevision>& rows,
                                              const std::unordered_map<std::string, std::string>* known = nullptr) const;

    /// `--sql`: writes what a run of `revisions` (in run order) would execute to `out`,
    /// through the same loop as an online run (RunLoop) with a text sink: transaction,
    /// lock, commit-first steps, savepoints, integrity checks, version-table rows.
    /// `appliedBefore` is what the database holds when the script starts. With `live`,
    /// the dialect reads the live catalog (read-only) and the version table's seq
    /// continues; without it, `appliedBefore` is replayed through the dialect first so
    /// the script starts from the schema (and the SQLite catalog) at that point.
    void writeSql(std::ostream& out, Direction direction, const std::vector<std::string>& revisions,
                  const std::vector<std::string>& appliedBefore, Driver* live = nullptr) const;

    /// Asks a run in flight to stop: the current revision is rolled back, the run ends
    /// with MigrationFailed{cancelled()}. Callable from any thread.
    void requestCancel();

private:
    /// A project that names a schema but whose history still sits in
    /// public.<versionTable> (written before it named one): InputError giving the
    /// ALTER TABLE … SET SCHEMA fix, rather than a silent second history.
    void refuseHistoryInPublic(Driver& driver) const;
    /// InputError when the version table's schema does not exist (tempest creates no
    /// schemas): said before a write, instead of a failed CREATE TABLE.
    void requireVersionTableSchema(Driver& driver) const;
    RunResult runOnline(Driver& driver, Direction direction, const std::vector<std::string>& plan,
                        const ProgressCallback& progress, std::vector<std::string> warnings);

    const RevisionGraph& m_graph;
    const Dialect& m_dialect;
    RunnerOptions m_options;
    mutable std::atomic<bool> m_cancel{false};
    std::atomic<Driver*> m_activeDriver{nullptr};
};

} // namespace tempest
