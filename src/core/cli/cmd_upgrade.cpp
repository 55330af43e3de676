// `upgrade [TARGET | FROM:TO] [--sql]`: apply pending revisions (or print their SQL).
#include "core/cli/cmd_common.h"
#include "core/cli/commands.h"

#include "core/revision/plan.h"

namespace tempest {

int cmdUpgrade(CliSession& session, const ParsedArgs& args)
{
    requirePositionals(args, 0, 1, "upgrade");
    const std::string target = args.positionals.empty() ? "heads" : args.positionals[0];
    const bool sqlOnly = args.has("--sql");
    const RevisionGraph& graph = session.graph();
    MigrationRunner runner(graph, session.dialect(), session.runnerOptions());

    std::string from, to;
    if (splitRange(target, from, to)) {
        if (!sqlOnly)
            throw UsageError("upgrade: a FROM:TO range needs --sql", "upgrade");
        const std::vector<std::string> revisions = planRange(graph, from, to, false);
        checkPlanReplays(graph, {}, revisions);
        printRunSql(session, runner, Direction::Upgrade, revisions, nullptr);
        return 0;
    }

    // Everything is validated against what the database holds before it is written to
    // (or created): an unknown target or a migration that does not fit leaves it as it was.
    DriverPtr db = session.openDatabase(false);
    std::vector<AppliedRevision> rows;
    std::vector<std::string> applied;
    if (db) {
        rows = runner.appliedRows(*db);
        for (const AppliedRevision& row : rows)
            applied.push_back(row.id);
    }
    const std::vector<std::string> plan = planUpgrade(graph, applied, target);
    checkPlanReplays(graph, applied, plan);
    warnChecksums(session, runner.checksumWarnings(rows));

    if (sqlOnly) {
        printRunSql(session, runner, Direction::Upgrade, plan, db.get());
        return 0;
    }
    session.result() = Json::object();
    if (plan.empty()) {
        session.print("nothing to upgrade");
        session.result()["applied"] = Json::array();
        return 0;
    }
    if (!db)
        db = session.openDatabase(true);
    RunResult result;
    try {
        result = runner.upgrade(*db, target);
    } catch (const MigrationFailed& failure) {
        printRunResult(session, failure.completed());
        throw;
    }
    printRunResult(session, result);
    // Another runner may have applied everything while this one waited for the lock.
    if (result.applied.empty())
        session.print("nothing to upgrade");
    return 0;
}

} // namespace tempest
