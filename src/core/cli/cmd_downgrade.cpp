// `downgrade TARGET | FROM:TO [--sql]`: revert applied revisions (or print their SQL).
#include "core/cli/cmd_common.h"
#include "core/cli/commands.h"

#include "core/revision/plan.h"

namespace tempest {

int cmdDowngrade(CliSession& session, const ParsedArgs& args)
{
    requirePositionals(args, 1, 1, "downgrade");
    const std::string target = args.positionals[0];
    const bool sqlOnly = args.has("--sql");
    const RevisionGraph& graph = session.graph();
    MigrationRunner runner(graph, session.dialect(), session.runnerOptions());

    std::string from, to;
    if (splitRange(target, from, to)) {
        if (!sqlOnly)
            throw UsageError("downgrade: a FROM:TO range needs --sql", "downgrade");
        const std::vector<std::string> revisions = planRange(graph, from, to, true);
        checkReversible(graph, revisions);
        checkPlanReplays(graph, revisions, {});
        printRunSql(session, runner, Direction::Downgrade, revisions, nullptr);
        return 0;
    }

    DriverPtr db = session.openDatabase(false);
    std::vector<AppliedRevision> rows;
    std::vector<std::string> applied;
    if (db) {
        rows = runner.appliedRows(*db);
        for (const AppliedRevision& row : rows)
            applied.push_back(row.id);
    }
    const std::vector<std::string> plan = planDowngrade(graph, applied, target);
    checkReversible(graph, plan);
    checkPlanReplays(graph, applied, {});
    warnChecksums(session, runner.checksumWarnings(rows));

    if (sqlOnly) {
        printRunSql(session, runner, Direction::Downgrade, plan, db.get());
        return 0;
    }
    session.result() = Json::object();
    if (plan.empty() || !db) {
        session.print("nothing to downgrade");
        session.result()["reverted"] = Json::array();
        return 0;
    }
    RunResult result;
    try {
        result = runner.downgrade(*db, target);
    } catch (const MigrationFailed& failure) {
        printRunResult(session, failure.completed());
        throw;
    }
    printRunResult(session, result);
    if (result.reverted.empty())
        session.print("nothing to downgrade");
    return 0;
}

} // namespace tempest
