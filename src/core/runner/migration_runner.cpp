#include "core/runner/migration_runner.h"

#include "core/ir/errors.h"
#include "core/revision/plan.h"
#include "core/revision/replay.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <unordered_set>

namespace tempest {

namespace {

constexpr std::string_view kSavepoint = "tempest_revision";

// Tables an operation list touches, for the integrity check around a revision.
std::vector<std::string> touchedTables(const std::vector<Operation>& ops)
{
    std::set<std::string> tables;
    for (const auto& op : ops) {
        std::string t = operationTable(op);
        if (!t.empty())
            tables.insert(t);
        if (const auto* fk = std::get_if<AddForeignKey>(&op))
            tables.insert(fk->definition.refTable);
        if (const auto* rt = std::get_if<RenameTable>(&op))
            tables.insert(rt->from);
    }
    return {tables.begin(), tables.end()};
}

std::vector<std::string> idsOf(const std::vector<AppliedRevision>& rows)
{
    std::vector<std::string> ids;
    for (const auto& row : rows)
        ids.push_back(row.id);
    return ids;
}

class ScopedDriver {
public:
    ScopedDriver(std::atomic<Driver*>& slot, Driver& driver) : m_slot(slot) { m_slot.store(&driver); }
    ~ScopedDriver() { m_slot.store(nullptr); }
    ScopedDriver(const ScopedDriver&) = delete;
    ScopedDriver& operator=(const ScopedDriver&) = delete;

private:
    std::atomic<Driver*>& m_slot;
};

} // namespace

MigrationFailed::MigrationFailed(std::string revision, std::string operation, std::string statement,
                                 std::string cause, bool cancelled, RunResult done)
    : std::runtime_error((cancelled ? "cancelled revision " : "revision ") + revision
                         + (cancelled ? "" : " failed") + (operation.empty() ? "" : " at " + operation)
                         + ": " + cause + (statement.empty() ? "" : "\n  statement: " + statement))
    , m_revision(std::move(revision))
    , m_operation(std::move(operation))
    , m_statement(std::move(statement))
    , m_cause(std::move(cause))
    , m_cancelled(cancelled)
    , m_done(std::move(done))
{
}

MigrationRunner::MigrationRunner(const RevisionGraph& graph, const Dialect& dialect, RunnerOptions options)
    : m_graph(graph), m_dialect(dialect), m_options(std::move(options))
{
}

void MigrationRunner::requestCancel()
{
    m_cancel.store(true);
    if (Driver* d = m_activeDriver.load())
        d->interrupt();
}

std::vector<AppliedRevision> MigrationRunner::appliedRows(Driver& driver) const
{
    if (!m_dialect.versionTableExists(driver, m_options.versionTable))
        return {};
    return m_dialect.readVersionTable(driver, m_options.versionTable);
}

std::vector<std::string> MigrationRunner::applied(Driver& driver) const
{
    return idsOf(appliedRows(driver));
}

std::vector<std::string> MigrationRunner::currentHeads(Driver& driver) const
{
    const auto ids = applied(driver);
    std::unordered_set<std::string> appliedSet(ids.begin(), ids.end());
    std::unordered_set<std::string> parentOfApplied;
    for (const auto& id : ids)
        if (const Migration* m = m_graph.find(id))
            for (const auto& p : m->downRevision)
                parentOfApplied.insert(p);
    std::vector<std::string> heads;
    for (const auto& id : m_graph.topoOrder())
        if (appliedSet.count(id) && !parentOfApplied.count(id))
            heads.push_back(id);
    // Applied ids the graph does not know are shown too: the user must see them.
    for (const auto& id : ids)
        if (!m_graph.contains(id))
            heads.push_back(id);
    return heads;
}

std::vector<std::string> MigrationRunner::checksumWarnings(const std::vector<AppliedRevision>& rows) const
{
    std::vector<std::string> warnings;
    for (const auto& row : rows) {
        const Migration* m = m_graph.find(row.id);
        if (!m)
            warnings.push_back("unknown: " + row.id);
        else if (!row.checksum.empty() && row.checksum != migrationChecksum(*m))
            warnings.push_back("changed: " + row.id);
    }
    return warnings;
}

Schema MigrationRunner::schemaAfter(const std::vector<std::string>& appliedIds) const
{
    std::unordered_set<std::string> wanted(appliedIds.begin(), appliedIds.end());
    std::vector<std::string> inTopo;
    for (const auto& id : m_graph.topoOrder())
        if (wanted.count(id))
            inTopo.push_back(id);
    return replaySchema(m_graph, inTopo);
}

AppliedRevision MigrationRunner::rowFor(const Migration& m, std::int64_t seq) const
{
    AppliedRevision row;
    row.id = m.revision;
    row.label = m.label;
    row.appliedAt = nowIso8601();
    row.checksum = migrationChecksum(m);
    row.seq = seq;
    return row;
}

RunResult MigrationRunner::upgrade(Driver& driver, std::string_view target, const ProgressCallback& progress)
{
    ScopedDriver active(m_activeDriver, driver);
    m_cancel.store(false);
    // Validate the target against what is applied before writing anything. The read
    // is repeated under the write lock in run(): another runner may have gone first.
    const auto rows = appliedRows(driver);
    const auto plan = planUpgrade(m_graph, idsOf(rows), target);
    auto warnings = checksumWarnings(rows);
    if (plan.empty())
        return RunResult{{}, {}, warnings};
    return run(driver, Direction::Upgrade, plan, progress, std::move(warnings));
}

RunResult MigrationRunner::downgrade(Driver& driver, std::string_view target, const ProgressCallback& progress)
{
    ScopedDriver active(m_activeDriver, driver);
    m_cancel.store(false);
    const auto rows = appliedRows(driver);
    const auto plan = planDowngrade(m_graph, idsOf(rows), target);
    for (const auto& id : plan) {
        const Migration& m = m_graph.at(id);
        if (!m.reversible())
            throw InputError("revision " + id + " is irreversible (an execute operation without \"down\"); "
                             "nothing was reverted",
                             m.file, {}, id);
    }
    auto warnings = checksumWarnings(rows);
    if (plan.empty())
        return RunResult{{}, {}, warnings};
    return run(driver, Direction::Downgrade, plan, progress, std::move(warnings));
}

RunResult MigrationRunner::run(Driver& driver, Direction direction, const std::vector<std::string>& plannedIn,
                               const ProgressCallback& progress, std::vector<std::string> warnings)
{
    // Render every revision offline first: a dialect that cannot express an operation
    // refuses here, before the database is touched.
    {
        std::vector<std::string> current = applied(driver);
        const std::unordered_set<std::string> currentSet(current.begin(), current.end());
        Schema state = schemaAfter(current);
        for (const auto& id : plannedIn) {
            // Another runner may have gone first since the plan was made: its revisions
            // are in `current` already (the plan is made again under the lock below).
            if ((direction == Direction::Upgrade) == (currentSet.count(id) != 0))
                continue;
            const Migration& m = m_graph.at(id);
            const auto& ops = direction == Direction::Upgrade ? m.up : m.down;
            RenderContext ctx{&state, nullptr, m_options.schemaName};
            try {
                m_dialect.render(ops, ctx);
                applyOperations(state, ops);
            } catch (const InputError& e) {
                throw InputError(e.message(), m.file, e.jsonPath(), id);
            }
        }
    }

    for (const auto& sql : m_dialect.beginRunFor(m_options.schemaName, m_options.versionTable)) {
        try {
            driver.execute(sql);
        } catch (const DatabaseError& e) {
            for (const auto& r : m_dialect.rollbackRunFor(m_options.schemaName, m_options.versionTable)) {
                try { driver.execute(r); } catch (...) {}
            }
            if (e.isBusy())
                throw DatabaseLocked("the database is locked by another runner (waited for the busy timeout): "
                                     + e.serverMessage());
            throw;
        }
    }
    bool open = true;
    auto rollbackAll = [&]() noexcept {
        if (!open)
            return;
        open = false;
        for (const auto& r : m_dialect.rollbackRunFor(m_options.schemaName, m_options.versionTable)) {
            try { driver.execute(r); } catch (...) {}
        }
    };

    RunResult result;
    result.warnings = std::move(warnings);
    try {
        // Under the write lock now: re-plan against what is really applied, so that a
        // runner that went first is not repeated.
        for (const auto& sql : m_dialect.createVersionTable(m_options.versionTable))
            driver.execute(sql);
        auto rows = m_dialect.readVersionTable(driver, m_options.versionTable);
        std::vector<std::string> appliedIds;
        std::int64_t seq = 0;
        for (const auto& r : rows) {
            appliedIds.push_back(r.id);
            seq = std::max(seq, r.seq);
        }
        std::unordered_set<std::string> appliedSet(appliedIds.begin(), appliedIds.end());
        std::vector<std::string> plan;
        for (const auto& id : plannedIn)
            if ((direction == Direction::Upgrade) != (appliedSet.count(id) != 0))
                plan.push_back(id);

        // The schema the first revision starts from, then carried along.
        std::vector<std::string> inTopo;
        for (const auto& id : m_graph.topoOrder())
            if (appliedSet.count(id))
                inTopo.push_back(id);
        Schema state = schemaAfter(inTopo);
        std::size_t committed = 0;  // revisions of this run already committed

        for (std::size_t i = 0; i < plan.size(); ++i) {
            const Migration& m = m_graph.at(plan[i]);
            const auto& ops = direction == Direction::Upgrade ? m.up : m.down;
            if (progress)
                progress({ProgressEvent::Stage::RevisionStarted, direction, m.revision, i, plan.size(), {}, 0});

            std::string failedOp, failedStatement;
            try {
                if (m_cancel.load())
                    throw DatabaseError("cancelled before it started", {}, {}, 9);
                RenderContext firstCtx{&state, &driver, m_options.schemaName};
                const auto first = m_dialect.commitFirst(ops, firstCtx);
                if (!first.empty()) {
                    // Commit the revisions before this one, run what must be committed
                    // ahead of it on its own, and go on in a new transaction.
                    for (const auto& sql : m_dialect.endTransaction())
                        driver.execute(sql);
                    committed = result.applied.size() + result.reverted.size();
                    for (const auto& sql : first) {
                        failedStatement = sql;
                        driver.execute(sql);
                    }
                    failedStatement.clear();
                    for (const auto& sql : m_dialect.startTransaction())
                        driver.execute(sql);
                }
                driver.execute(m_dialect.savepoint(kSavepoint));
                const auto tables = touchedTables(ops);
                const auto problemsBefore = m_dialect.integrityProblems(driver, tables);
                RenderContext ctx{&state, &driver, m_options.schemaName};
                const auto statements = m_dialect.render(ops, ctx);
                for (const auto& st : statements) {
                    if (st.commentOnly)
                        continue;
                    if (m_cancel.load())
                        throw DatabaseError("cancelled", st.sql, {}, 9);
                    failedOp = st.operationIndex >= 0 && std::size_t(st.operationIndex) < ops.size()
                                   ? describe(ops[std::size_t(st.operationIndex)])
                                   : std::string();
                    failedStatement = st.sql;
                    const auto t0 = std::chrono::steady_clock::now();
                    driver.execute(st.sql);
                    const double ms = std::chrono::duration<double, std::milli>(
                                          std::chrono::steady_clock::now() - t0).count();
                    if (progress)
                        progress({ProgressEvent::Stage::StatementDone, direction, m.revision, i, plan.size(),
                                  st.sql, ms});
                }
                failedOp.clear();
                failedStatement.clear();
                const auto problemsAfter = m_dialect.integrityProblems(driver, tables);
                std::vector<std::string> fresh;
                for (const auto& p : problemsAfter)
                    if (!problemsBefore.count(p))
                        fresh.push_back(p);
                if (!fresh.empty()) {
                    std::string list;
                    for (std::size_t k = 0; k < fresh.size() && k < 5; ++k)
                        list += (k ? "; " : "") + fresh[k];
                    throw DatabaseError("the revision leaves " + std::to_string(fresh.size())
                                        + " foreign-key violation(s): " + list);
                }
                if (direction == Direction::Upgrade)
                    driver.execute(m_dialect.insertVersionRow(m_options.versionTable, rowFor(m, ++seq)));
                else
                    driver.execute(m_dialect.deleteVersionRow(m_options.versionTable, m.revision));
                driver.execute(m_dialect.releaseSavepoint(kSavepoint));
                applyOperations(state, ops);
            } catch (const InputError& e) {
                // Refused while rendering against the live database (a PostgreSQL enum
                // value still in use): the run is rolled back below; say which revision.
                throw InputError(e.message(), e.file().empty() ? m.file : e.file(), e.jsonPath(), m.revision);
            } catch (const DatabaseError& e) {
                bool cancelled = e.isCancelled() || m_cancel.load();
                try {
                    driver.execute(m_dialect.rollbackToSavepoint(kSavepoint));
                    driver.execute(m_dialect.releaseSavepoint(kSavepoint));
                    for (const auto& sql : m_dialect.commitRunFor(m_options.schemaName, m_options.versionTable))
                        driver.execute(sql);
                    open = false;
                } catch (...) {
                    // The rollback itself failed (connection lost): drop everything, the
                    // database stays at the last commit, a revision boundary.
                    rollbackAll();
                    (direction == Direction::Upgrade ? result.applied : result.reverted).resize(committed);
                }
                throw MigrationFailed(m.revision, failedOp, failedStatement.empty() ? e.statement() : failedStatement,
                                      e.serverMessage(), cancelled, result);
            }
            (direction == Direction::Upgrade ? result.applied : result.reverted).push_back(m.revision);
            if (progress)
                progress({ProgressEvent::Stage::RevisionDone, direction, m.revision, i, plan.size(), {}, 0});
        }
        for (const auto& sql : m_dialect.commitRunFor(m_options.schemaName, m_options.versionTable))
            driver.execute(sql);
        open = false;
    } catch (const MigrationFailed&) {
        rollbackAll();
        throw;
    } catch (const DatabaseError& e) {
        rollbackAll();
        if (e.isBusy())
            throw DatabaseLocked("the database is locked by another runner: " + e.serverMessage());
        throw;
    } catch (...) {
        rollbackAll();
        throw;
    }
    return result;
}

RunResult MigrationRunner::stamp(Driver& driver, std::string_view target)
{
    // The set the version table should hold: the target's revisions and ancestors.
    std::set<std::string> wanted;
    if (target == "heads") {
        wanted.insert(m_graph.topoOrder().begin(), m_graph.topoOrder().end());
    } else if (target == "head") {
        auto heads = m_graph.heads();
        if (heads.size() > 1) {
            std::string list;
            for (const auto& h : heads)
                list += (list.empty() ? "" : ", ") + h;
            throw InputError("\"head\" is ambiguous: there are " + std::to_string(heads.size())
                             + " heads (" + list + "); name one, or use \"heads\"");
        }
        for (const auto& h : heads)
            for (const auto& id : m_graph.ancestorsInclusive(h))
                wanted.insert(id);
    } else if (target != "base") {
        const std::string id = m_graph.resolve(target);
        for (const auto& a : m_graph.ancestorsInclusive(id))
            wanted.insert(a);
    }

    for (const auto& sql : m_dialect.beginRunFor(m_options.schemaName, m_options.versionTable))
        driver.execute(sql);
    RunResult result;
    try {
        for (const auto& sql : m_dialect.createVersionTable(m_options.versionTable))
            driver.execute(sql);
        auto rows = m_dialect.readVersionTable(driver, m_options.versionTable);
        std::int64_t seq = 0;
        std::set<std::string> have;
        for (const auto& r : rows) {
            have.insert(r.id);
            seq = std::max(seq, r.seq);
        }
        for (auto it = rows.rbegin(); it != rows.rend(); ++it)
            if (!wanted.count(it->id)) {
                driver.execute(m_dialect.deleteVersionRow(m_options.versionTable, it->id));
                result.reverted.push_back(it->id);
            }
        for (const auto& id : m_graph.topoOrder())
            if (wanted.count(id) && !have.count(id)) {
                driver.execute(m_dialect.insertVersionRow(m_options.versionTable, rowFor(m_graph.at(id), ++seq)));
                result.applied.push_back(id);
            }
        for (const auto& sql : m_dialect.commitRunFor(m_options.schemaName, m_options.versionTable))
            driver.execute(sql);
    } catch (...) {
        for (const auto& r : m_dialect.rollbackRunFor(m_options.schemaName, m_options.versionTable)) {
            try { driver.execute(r); } catch (...) {}
        }
        throw;
    }
    return result;
}

void MigrationRunner::writeSql(std::ostream& out, Direction direction, const std::vector<std::string>& revisions,
                               Driver* live) const
{
    // The schema the first revision expects: for an upgrade, its ancestors applied; for
    // a downgrade, everything up to the first revision to revert.
    std::vector<std::string> startIds;
    if (!revisions.empty()) {
        std::set<std::string> start;
        if (direction == Direction::Upgrade) {
            std::set<std::string> planned(revisions.begin(), revisions.end());
            for (const auto& id : revisions)
                for (const auto& a : m_graph.ancestors(id))
                    if (!planned.count(a))
                        start.insert(a);
        } else {
            for (const auto& id : revisions)
                for (const auto& a : m_graph.ancestorsInclusive(id))
                    start.insert(a);
        }
        for (const auto& id : m_graph.topoOrder())
            if (start.count(id))
                startIds.push_back(id);
    }
    Schema state = schemaAfter(startIds);

    auto emit = [&](const std::string& sql) { out << sql << ";\n"; };
    for (const auto& sql : m_dialect.beginRunFor(m_options.schemaName, m_options.versionTable))
        emit(sql);
    for (const auto& sql : m_dialect.createVersionTable(m_options.versionTable))
        emit(sql);
    // With a connection the version rows continue its sequence; offline they start at 1.
    std::int64_t seq = 0;
    if (live)
        for (const auto& row : appliedRows(*live))
            seq = std::max(seq, row.seq);
    for (const auto& id : revisions) {
        const Migration& m = m_graph.at(id);
        const auto& ops = direction == Direction::Upgrade ? m.up : m.down;
        if (direction == Direction::Downgrade && !m.reversible())
            throw InputError("revision " + id + " is irreversible (an execute operation without \"down\")",
                             m.file, {}, id);
        std::string parents;
        for (const auto& p : m.downRevision)
            parents += (parents.empty() ? "" : ", ") + p;
        out << "\n-- " << (direction == Direction::Upgrade ? "upgrade " : "downgrade ")
            << (parents.empty() ? "<base>" : parents) << (direction == Direction::Upgrade ? " -> " : " <- ")
            << id << (m.label.empty() ? "" : " (" + m.label + ")") << "\n";
        emit(m_dialect.savepoint(kSavepoint));
        RenderContext ctx{&state, live, m_options.schemaName};
        std::vector<Statement> statements;
        try {
            statements = m_dialect.render(ops, ctx);
            applyOperations(state, ops);
        } catch (const InputError& e) {
            throw InputError(e.message(), m.file, e.jsonPath(), id);
        }
        for (const auto& st : statements) {
            if (st.commentOnly)
                out << st.sql << "\n";
            else
                emit(st.sql);
        }
        if (direction == Direction::Upgrade)
            emit(m_dialect.insertVersionRow(m_options.versionTable, rowFor(m, ++seq)));
        else
            emit(m_dialect.deleteVersionRow(m_options.versionTable, id));
        emit(m_dialect.releaseSavepoint(kSavepoint));
    }
    out << "\n";
    for (const auto& sql : m_dialect.commitRunFor(m_options.schemaName, m_options.versionTable))
        emit(sql);
}

} // namespace tempest
