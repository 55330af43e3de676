#include "core/project/run_plan.h"

#include "core/ir/errors.h"
#include "core/revision/plan.h"
#include "core/revision/replay.h"

#include <algorithm>
#include <sstream>
#include <unordered_set>

namespace tempest {

namespace {

std::vector<std::string> idsOf(const std::vector<AppliedRevision>& rows)
{
    std::vector<std::string> ids;
    for (const AppliedRevision& row : rows)
        ids.push_back(row.id);
    return ids;
}

/// Replays `ids` (those the graph knows) in topoOrder: a migration that does not fit its
/// history is refused, naming it, before any database is touched.
void checkReplays(const RevisionGraph& graph, const std::vector<std::string>& ids)
{
    std::unordered_set<std::string> wanted(ids.begin(), ids.end());
    std::vector<std::string> inTopo;
    for (const std::string& id : graph.topoOrder())
        if (wanted.count(id))
            inTopo.push_back(id);
    replaySchema(graph, inTopo);
}

void checkReversible(const RevisionGraph& graph, const std::vector<std::string>& revisions)
{
    for (const std::string& id : revisions) {
        const Migration& m = graph.at(id);
        if (!m.reversible())
            throw InputError("revision " + id + " is irreversible (an execute operation without \"down\"); "
                             "nothing was reverted",
                             m.file, "", id);
    }
}

} // namespace

bool isRangeTarget(std::string_view target)
{
    std::string from, to;
    return splitRange(target, from, to);
}

RunPlan planRun(const Project& project, Driver* db, Direction direction, std::string_view target)
{
    if (!db || isRangeTarget(target))
        return planRun(project, std::vector<AppliedRevision>{}, direction, target);
    MigrationRunner runner(project.graph(), project.dialect(), project.runnerOptions());
    return planRun(project, runner.appliedRows(*db), direction, target);
}

RunPlan planRun(const Project& project, const std::vector<AppliedRevision>& appliedRows, Direction direction,
                std::string_view target)
{
    const RevisionGraph& graph = project.graph();
    RunPlan plan;
    plan.direction = direction;
    plan.target = std::string(target);
    const bool down = direction == Direction::Downgrade;

    std::string from, to;
    if (splitRange(target, from, to)) {
        plan.range = true;
        plan.revisions = planRange(graph, from, to, down);
        plan.appliedBefore = planStateAt(graph, from);
    } else {
        MigrationRunner runner(graph, project.dialect(), project.runnerOptions());
        const auto& rows = appliedRows;
        plan.appliedBefore = idsOf(rows);
        plan.revisions = down ? planDowngrade(graph, plan.appliedBefore, target)
                              : planUpgrade(graph, plan.appliedBefore, target);
        plan.warnings = runner.checksumWarnings(rows);
    }
    if (down)
        checkReversible(graph, plan.revisions);
    std::vector<std::string> replayed = plan.appliedBefore;
    if (!down)
        replayed.insert(replayed.end(), plan.revisions.begin(), plan.revisions.end());
    checkReplays(graph, replayed);
    return plan;
}

std::string planSql(const Project& project, const RunPlan& plan, Driver* live)
{
    std::ostringstream sql;
    if (plan.revisions.empty()) {
        sql << "-- nothing to " << (plan.direction == Direction::Upgrade ? "upgrade" : "downgrade") << "\n";
        return sql.str();
    }
    MigrationRunner runner(project.graph(), project.dialect(), project.runnerOptions());
    runner.writeSql(sql, plan.direction, plan.revisions, plan.appliedBefore, plan.range ? nullptr : live);
    return sql.str();
}

std::string revisionSql(const Project& project, std::string_view revision)
{
    const RevisionGraph& graph = project.graph();
    RunPlan plan;
    plan.target = graph.resolve(revision);
    plan.revisions = {plan.target};
    plan.appliedBefore = graph.ancestors(plan.target);
    plan.range = true;  // rendered from the history alone
    return planSql(project, plan, nullptr);
}

ProjectRun::ProjectRun(const Project& project, RunPlan plan)
    : m_graph(project.sharedGraph())
    , m_dialect(project.sharedDialect())
    , m_plan(std::move(plan))
    , m_runner(*m_graph, *m_dialect, project.runnerOptions())
{
}

RunResult ProjectRun::execute(Driver& db, const ProgressCallback& progress)
{
    if (m_plan.range)
        throw InputError("target \"" + m_plan.target + "\": a FROM:TO range is only valid for an offline --sql run");
    return m_plan.direction == Direction::Upgrade ? m_runner.upgrade(db, m_plan.target, progress)
                                                  : m_runner.downgrade(db, m_plan.target, progress);
}

void checkStampTarget(const Project& project, std::string_view target)
{
    planStamp(project.graph(), target);
}

RunResult stampDatabase(const Project& project, Driver& db, std::string_view target)
{
    MigrationRunner runner(project.graph(), project.dialect(), project.runnerOptions());
    return runner.stamp(db, target);
}

} // namespace tempest
