#include "core/runner/run_loop.h"

#include "core/ir/errors.h"
#include "core/revision/replay.h"
#include "core/runner/integrity_scope.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <set>
#include <unordered_set>

namespace tempest {

namespace {

AppliedRevision versionRow(const Migration& m, std::int64_t seq)
{
    AppliedRevision row;
    row.id = m.revision;
    row.label = m.label;
    // Empty: the database's clock, when the statement runs — so a `--sql` script run
    // next week records next week, and online runs print the same statement.
    row.checksum = migrationChecksum(m);
    row.seq = seq;
    return row;
}

std::string describeOperation(const std::vector<Operation>& ops, int index)
{
    return index >= 0 && std::size_t(index) < ops.size() ? describe(ops[std::size_t(index)]) : std::string();
}

} // namespace

Schema replayInTopoOrder(const RevisionGraph& graph, const std::vector<std::string>& ids)
{
    std::unordered_set<std::string> wanted(ids.begin(), ids.end());
    std::vector<std::string> inTopo;
    for (const auto& id : graph.topoOrder())
        if (wanted.count(id))
            inTopo.push_back(id);
    return replaySchema(graph, inTopo);
}

RunStart replayedStart(const RevisionGraph& graph, const Dialect& dialect, const RunnerOptions& options,
                       const std::vector<std::string>& appliedBefore)
{
    RunStart start;
    start.state = dialect.newRunState();
    std::unordered_set<std::string> wanted(appliedBefore.begin(), appliedBefore.end());
    for (const auto& id : graph.topoOrder()) {
        if (!wanted.count(id))
            continue;
        const Migration& m = graph.at(id);
        RenderContext ctx{&start.schema, nullptr, options.schemaName, start.state.get()};
        try {
            dialect.renderApplying(m.up, start.schema, ctx);
        } catch (const InputError& e) {
            throw InputError(e.message(), m.file, e.jsonPath(), id);
        }
        ++start.seq;
    }
    if (start.state)
        start.state->markStartOfScript();
    return start;
}

void RunLoop::report(ProgressEvent event) const
{
    if (m_progress)
        m_progress(event);
}

std::vector<std::string> RunLoop::replanUnderLock(Driver& db, Direction direction,
                                                  const std::vector<std::string>& plan, RunStart& start) const
{
    const auto rows = m_dialect.readVersionTable(db, m_options.versionTableSchema, m_options.versionTable);
    std::vector<std::string> appliedIds;
    start.seq = 0;
    for (const auto& r : rows) {
        if (m_graph.contains(r.id))
            appliedIds.push_back(r.id);
        start.seq = std::max(start.seq, r.seq);
    }
    const std::unordered_set<std::string> applied(appliedIds.begin(), appliedIds.end());
    std::vector<std::string> todo;
    for (const auto& id : plan)
        if ((direction == Direction::Upgrade) != (applied.count(id) != 0))
            todo.push_back(id);
    start.schema = replayInTopoOrder(m_graph, appliedIds);
    return todo;
}

void RunLoop::printIntegrityCheck(RunSink& sink, const IntegrityScope& scope) const
{
    for (const auto& sql : m_dialect.integrityCheckSql(scope))
        sink.execute(sql);
}

IntegrityScope RunLoop::integrityScopeOf(RunSink& sink, const std::vector<Operation>& ops, const Schema& before)
{
    if (m_dialect.integrityCheckSql(IntegrityScope{true, {}}).empty())
        return {};  // the dialect checks nothing (PostgreSQL keeps its foreign keys on)
    const bool children = std::any_of(ops.begin(), ops.end(), [](const Operation& op) { return canBreakChildren(op); });
    // The database's own foreign keys are read once, by the first revision that needs
    // them, and kept through the run's renames: with a database (online, or a preview
    // against one) a child the revisions do not know is checked too.
    if (children && !m_liveEdges && sink.reader())
        m_liveEdges = m_dialect.foreignKeyEdges(*sink.reader());
    IntegrityScope scope = integrityScope(ops, before, m_liveEdges ? &*m_liveEdges : nullptr);
    if (m_liveEdges)
        applyRenames(*m_liveEdges, ops);
    return scope;
}

std::vector<std::string> RunLoop::freshProblems(const std::set<std::string>& before,
                                                const std::set<std::string>& after)
{
    std::vector<std::string> fresh;
    for (const auto& p : after)
        if (!before.count(p))
            fresh.push_back(p);
    return fresh;
}

RunResult RunLoop::run(RunSink& sink, Direction direction, const std::vector<std::string>& plannedIn,
                       std::vector<std::string> warnings, RunStart start)
{
    RunResult result;
    result.warnings = std::move(warnings);
    RunTransaction transaction(sink, m_dialect, m_options.versionTableSchema, m_options.versionTable);
    std::vector<std::string> plan = plannedIn;
    try {
        for (const auto& sql : m_dialect.createVersionTable(m_options.versionTableSchema, m_options.versionTable))
            sink.execute(sql);
        if (sink.executes())
            plan = replanUnderLock(*sink.reader(), direction, plannedIn, start);
    } catch (const DatabaseError& e) {
        transaction.rollback();
        if (e.isBusy())
            throw DatabaseLocked("the database is locked by another runner: " + e.serverMessage());
        throw;
    }
    if (!start.state)
        start.state = m_dialect.newRunState();
    m_committed = 0;
    m_checkBefore = false;
    m_liveEdges.reset();

    for (std::size_t i = 0; i < plan.size(); ++i)
        runRevision(sink, transaction, direction, Step{m_graph.at(plan[i]), i, plan.size()}, start, result);
    transaction.commit();
    return result;
}

void RunLoop::runRevision(RunSink& sink, RunTransaction& transaction, Direction direction, const Step& step,
                          RunStart& state, RunResult& result)
{
    const Migration& m = step.migration;
    std::vector<Operation> generatedDown;
    const auto& ops = direction == Direction::Upgrade ? m.up : m.downOperations(generatedDown);
    auto& done = direction == Direction::Upgrade ? result.applied : result.reverted;
    report({ProgressEvent::Stage::RevisionStarted, direction, m.revision, step.index, step.count, {}, 0});
    if (!sink.executes()) {
        std::string parents;
        for (const auto& p : m.downRevision)
            parents += (parents.empty() ? "" : ", ") + p;
        const bool up = direction == Direction::Upgrade;
        sink.comment("\n-- " + std::string(up ? "upgrade " : "downgrade ") + (parents.empty() ? "<base>" : parents)
                     + (up ? " -> " : " <- ") + m.revision + (m.label.empty() ? "" : " (" + m.label + ")"));
    }

    std::string failedOp, failedStatement;
    std::optional<RevisionSavepoint> savepoint;
    try {
        if (m_cancel.load())
            throw DatabaseError("cancelled before it started", {}, {}, 9);
        RenderContext ctx{&state.schema, sink.reader(), m_options.schemaName, state.state.get()};
        const auto first = m_dialect.commitFirst(ops, ctx);
        if (!first.empty())
            transaction.commitThenRun(first, failedStatement);
        if (!first.empty())
            m_committed = done.size();
        savepoint.emplace(sink, m_dialect);
        auto setUp = [&] {
            for (const auto& sql : m_dialect.revisionSetup(m_options.schemaName))
                sink.execute(sql);
        };
        setUp();
        const IntegrityScope scope = integrityScopeOf(sink, ops, state.schema);
        // The integrity problems a revision leaves are those after it that were not
        // there before, in the tables it changes and their children (integrity_scope.h).
        // The check before is only made when the one after finds something: then the
        // revision is undone to its savepoint, checked, and run again; and, the database
        // having problems of its own, every later revision of the run is checked before
        // too. A script (--sql) prints the check after each revision, as a run on a sound
        // database executes it: the preview is what the run sends.
        std::optional<std::set<std::string>> problemsBefore;
        if (sink.executes() && m_checkBefore)
            problemsBefore = m_dialect.integrityProblems(*sink.reader(), scope);
        // From here on state.schema is the schema after this revision; a failure below
        // ends the run, so nothing reads it as the schema before.
        const auto statements = m_dialect.renderApplying(ops, state.schema, ctx);
        auto runStatements = [&](bool reportProgress) {
            for (const auto& st : statements) {
                if (st.commentOnly) {
                    if (reportProgress)
                        sink.comment(st.sql);
                    continue;
                }
                if (m_cancel.load())
                    throw DatabaseError("cancelled", st.sql, {}, 9);
                failedOp = describeOperation(ops, st.operationIndex);
                failedStatement = st.sql;
                const auto t0 = std::chrono::steady_clock::now();
                sink.execute(st.sql);
                const double ms =
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
                if (reportProgress)
                    report({ProgressEvent::Stage::StatementDone, direction, m.revision, step.index, step.count,
                            st.sql, ms});
            }
            failedOp.clear();
            failedStatement.clear();
        };
        runStatements(true);
        std::vector<std::string> fresh;
        if (!sink.executes()) {
            printIntegrityCheck(sink, scope);
        } else {
            auto after = m_dialect.integrityProblems(*sink.reader(), scope);
            if (!after.empty() && !problemsBefore) {
                m_checkBefore = true;
                savepoint->undo();
                setUp();
                problemsBefore = m_dialect.integrityProblems(*sink.reader(), scope);
                runStatements(false);
                after = m_dialect.integrityProblems(*sink.reader(), scope);
            }
            if (problemsBefore)
                fresh = freshProblems(*problemsBefore, after);
        }
        if (!fresh.empty()) {
            std::string list;
            for (std::size_t k = 0; k < fresh.size() && k < 5; ++k)
                list += (k ? "; " : "") + fresh[k];
            throw DatabaseError("the revision leaves " + std::to_string(fresh.size())
                                + " foreign-key violation(s): " + list);
        }
        if (direction == Direction::Upgrade)
            sink.execute(m_dialect.insertVersionRow(m_options.versionTableSchema, m_options.versionTable,
                                                    versionRow(m, ++state.seq)));
        else
            sink.execute(
                m_dialect.deleteVersionRow(m_options.versionTableSchema, m_options.versionTable, m.revision));
        savepoint->release();
    } catch (const InputError& e) {
        // Refused while rendering against the live database (a PostgreSQL enum value
        // still in use): nothing of the run is kept; say which revision.
        transaction.rollback();
        throw InputError(e.message(), e.file().empty() ? m.file : e.file(), e.jsonPath(), m.revision);
    } catch (const DatabaseError& e) {
        const bool cancelled = e.isCancelled() || m_cancel.load();
        try {
            if (savepoint)
                savepoint->rollback();
            // Revisions before this one are kept; with none, nothing is (not even a
            // version table this run created).
            if (done.empty())
                transaction.rollback();
            else
                transaction.commit();
        } catch (...) {
            // The rollback itself failed (connection lost): the database stays at the
            // last commit, a revision boundary.
            transaction.rollback();
            done.resize(m_committed);
        }
        throw MigrationFailed(m.revision, failedOp, failedStatement.empty() ? e.statement() : failedStatement,
                              e.serverMessage(), cancelled, result);
    }
    done.push_back(m.revision);
    report({ProgressEvent::Stage::RevisionDone, direction, m.revision, step.index, step.count, {}, 0});
}

} // namespace tempest
