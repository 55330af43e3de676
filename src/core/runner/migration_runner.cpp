#include "core/runner/migration_runner.h"

#include "core/ir/errors.h"
#include "core/revision/parallel_for.h"
#include "core/revision/plan.h"
#include "core/revision/replay.h"
#include "core/runner/run_loop.h"
#include "core/runner/run_sink.h"
#include "core/runner/run_transaction.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <unordered_set>

namespace tempest {

namespace {

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
    if (m_options.versionTableSchema.empty())
        m_options.versionTableSchema = m_options.schemaName;
}

void MigrationRunner::requestCancel()
{
    m_cancel.store(true);
    if (Driver* d = m_activeDriver.load())
        d->interrupt();
}

std::vector<AppliedRevision> MigrationRunner::appliedRows(Driver& driver) const
{
    if (!m_dialect.versionTableExists(driver, m_options.versionTableSchema, m_options.versionTable)) {
        refuseHistoryInPublic(driver);
        return {};
    }
    auto rows = m_dialect.readVersionTable(driver, m_options.versionTableSchema, m_options.versionTable);
    if (rows.empty())
        refuseHistoryInPublic(driver);
    return rows;
}

void MigrationRunner::refuseHistoryInPublic(Driver& driver) const
{
    const std::string& here = m_options.versionTableSchema;
    const std::string& table = m_options.versionTable;
    if (here.empty() || here == "public" || !m_dialect.versionTableExists(driver, "public", table))
        return;
    // Another project may keep its history in public's table of the same name: only rows
    // of this project's revisions make it this project's history.
    std::vector<std::string> ours;
    for (const auto& row : m_dialect.readVersionTable(driver, "public", table))
        if (m_graph.contains(row.id))
            ours.push_back(row.id);
    if (ours.empty())
        return;
    throw InputError("the history of this project (" + std::to_string(ours.size()) + " revision(s), "
                     + ours.back() + " the latest) is in \"public\".\"" + table
                     + "\", but the project keeps its version table in schema \"" + here
                     + "\"; move it there first, then run the command again:\n  "
                     + m_dialect.moveVersionTableSql("public", here, table)
                     + ";\nnothing was changed (a second, empty history is not started)");
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

std::vector<std::string> MigrationRunner::checksumWarnings(const std::vector<AppliedRevision>& rows,
                                                          const std::unordered_map<std::string, std::string>* known) const
{
    // A SHA-256 of every applied revision's operations: with thousands applied, most of
    // what `current` costs after loading, and each one on its own.
    std::vector<const Migration*> migrations(rows.size());
    std::vector<char> changed(rows.size(), 0);
    parallelFor(rows.size(), 256, [&](std::size_t i) {
        migrations[i] = m_graph.find(rows[i].id);
        if (!migrations[i] || rows[i].checksum.empty())
            return;
        const auto hashed = known ? known->find(rows[i].id) : std::unordered_map<std::string, std::string>::const_iterator();
        if (known && hashed != known->end())
            changed[i] = rows[i].checksum != hashed->second;
        else
            changed[i] = rows[i].checksum != migrationChecksum(*migrations[i]);
    });
    std::vector<std::string> warnings;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!migrations[i])
            warnings.push_back("unknown: " + rows[i].id);
        else if (changed[i])
            warnings.push_back("changed: " + rows[i].id);
    }
    return warnings;
}

void MigrationRunner::requireVersionTableSchema(Driver& driver) const
{
    const std::string& schema = m_options.versionTableSchema;
    if (!m_dialect.schemaExists(driver, schema)) {
        const bool own = schema != m_options.schemaName;
        throw InputError("schema \"" + schema + "\", where the project keeps its version table (\""
                         + (own ? "versionTableSchema" : "schema") + "\" in the project file), does not exist; "
                         "create it first (CREATE SCHEMA " + m_dialect.quoteIdentifier(schema)
                         + "); nothing was changed");
    }
    for (const auto& named : m_options.schemas)
        if (!m_dialect.schemaExists(driver, named))
            throw InputError("schema \"" + named + "\", named under \"schemas\" in the project file, does not exist; "
                             "create it first (CREATE SCHEMA " + m_dialect.quoteIdentifier(named)
                             + "); nothing was changed");
}

RunResult MigrationRunner::upgrade(Driver& driver, std::string_view target, const ProgressCallback& progress)
{
    ScopedDriver active(m_activeDriver, driver);
    m_cancel.store(false);
    // Validate the target against what is applied before writing anything. The read
    // is repeated under the write lock in RunLoop: another runner may have gone first.
    const auto rows = appliedRows(driver);
    const auto plan = planUpgrade(m_graph, idsOf(rows), target);
    auto warnings = checksumWarnings(rows);
    if (plan.empty())
        return RunResult{{}, {}, warnings};
    return runOnline(driver, Direction::Upgrade, plan, progress, std::move(warnings));
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
    return runOnline(driver, Direction::Downgrade, plan, progress, std::move(warnings));
}

RunResult MigrationRunner::runOnline(Driver& driver, Direction direction, const std::vector<std::string>& plan,
                                     const ProgressCallback& progress, std::vector<std::string> warnings)
{
    // Render every revision offline first: a dialect that cannot express an operation
    // refuses here, before the database is touched.
    {
        const auto current = applied(driver);
        const std::unordered_set<std::string> currentSet(current.begin(), current.end());
        Schema state = replayInTopoOrder(m_graph, current);
        for (const auto& id : plan) {
            // Another runner may have gone first since the plan was made.
            if ((direction == Direction::Upgrade) == (currentSet.count(id) != 0))
                continue;
            const Migration& m = m_graph.at(id);
            std::vector<Operation> generatedDown;
            const auto& ops = direction == Direction::Upgrade ? m.up : m.downOperations(generatedDown);
            RenderContext ctx{&state, nullptr, m_options.schemaName};
            try {
                m_dialect.renderApplying(ops, state, ctx);
            } catch (const InputError& e) {
                throw InputError(e.message(), m.file, e.jsonPath(), id);
            }
        }
    }
    requireVersionTableSchema(driver);
    DatabaseSink sink(driver);
    RunLoop loop(m_graph, m_dialect, m_options, m_cancel, progress);
    return loop.run(sink, direction, plan, std::move(warnings), RunStart{});
}

RunResult MigrationRunner::stamp(Driver& driver, std::string_view target)
{
    // The set the version table should hold (revision/plan.h: stamp's head rules).
    const auto planned = planStamp(m_graph, target);
    const std::set<std::string> wanted(planned.begin(), planned.end());
    appliedRows(driver);  // refuses a history left in public before anything is written
    requireVersionTableSchema(driver);

    DatabaseSink sink(driver);
    RunTransaction transaction(sink, m_dialect, m_options.versionTableSchema, m_options.versionTable);
    RunResult result;
    {
        for (const auto& sql :
             m_dialect.createVersionTable(m_options.versionTableSchema, m_options.versionTable))
            driver.execute(sql);
        auto rows = m_dialect.readVersionTable(driver, m_options.versionTableSchema, m_options.versionTable);
        std::int64_t seq = 0;
        std::set<std::string> have;
        for (const auto& r : rows) {
            have.insert(r.id);
            seq = std::max(seq, r.seq);
        }
        for (auto it = rows.rbegin(); it != rows.rend(); ++it)
            if (!wanted.count(it->id)) {
                driver.execute(
                    m_dialect.deleteVersionRow(m_options.versionTableSchema, m_options.versionTable, it->id));
                result.reverted.push_back(it->id);
            }
        for (const auto& id : m_graph.topoOrder())
            if (wanted.count(id) && !have.count(id)) {
                const Migration& m = m_graph.at(id);
                driver.execute(m_dialect.insertVersionRow(m_options.versionTableSchema, m_options.versionTable,
                                                          {m.revision, m.label, nowIso8601(),
                                                           migrationChecksum(m), ++seq}));
                result.applied.push_back(id);
            }
        transaction.commit();
    }
    return result;
}

void MigrationRunner::writeSql(std::ostream& out, Direction direction, const std::vector<std::string>& revisions,
                               const std::vector<std::string>& appliedBefore, Driver* live) const
{
    if (direction == Direction::Downgrade)
        for (const auto& id : revisions) {
            const Migration& m = m_graph.at(id);
            if (!m.reversible())
                throw InputError("revision " + id + " is irreversible (an execute operation without \"down\")",
                                 m.file, {}, id);
        }
    RunStart start;
    if (live) {
        start.schema = replayInTopoOrder(m_graph, appliedBefore);
        for (const auto& row : appliedRows(*live))
            start.seq = std::max(start.seq, row.seq);
    } else {
        start = replayedStart(m_graph, m_dialect, m_options, appliedBefore);
    }
    SqlTextSink sink(out, live);
    const ProgressCallback noProgress;
    RunLoop loop(m_graph, m_dialect, m_options, m_cancel, noProgress);
    loop.run(sink, direction, revisions, {}, std::move(start));
}

} // namespace tempest
