#include "core/cli/cmd_common.h"

#include "core/ir/errors.h"

#include <algorithm>

namespace tempest {

void requirePositionals(const ParsedArgs& args, std::size_t min, std::size_t max, const std::string& command)
{
    const std::size_t n = args.positionals.size();
    if (n < min)
        throw UsageError(command + ": missing argument", command);
    if (n > max)
        throw UsageError(command + ": unexpected argument \"" + args.positionals[max] + "\"", command);
}

std::string revisionLine(const Migration& migration)
{
    return revisionLine(migration.revision, migration.label);
}

Json revisionJson(const Migration& migration)
{
    Json json = Json::object();
    json["id"] = migration.revision;
    json["label"] = migration.label;
    return json;
}

void warnChecksums(CliSession& session, const std::vector<std::string>& findings)
{
    for (const std::string& finding : findings) {
        if (std::find(session.warnings().begin(), session.warnings().end(), finding) == session.warnings().end())
            session.warn(finding);
    }
}

namespace {

void printRunResult(CliSession& session, const RunResult& result)
{
    for (const std::string& id : result.applied)
        session.print("applied " + id);
    for (const std::string& id : result.reverted)
        session.print("reverted " + id);
    session.result()["applied"] = result.applied;
    session.result()["reverted"] = result.reverted;
    warnChecksums(session, result.warnings);
}

} // namespace

int runPlanCommand(CliSession& session, Direction direction, const std::string& target, bool sqlOnly)
{
    const bool up = direction == Direction::Upgrade;
    const std::string verb = up ? "upgrade" : "downgrade";
    const Project& project = session.project();
    session.graph();  // loading warnings first

    const bool range = isRangeTarget(target);
    if (range && !sqlOnly)
        throw UsageError(verb + ": a FROM:TO range needs --sql", verb);
    // Everything is validated against what the database holds before it is written to
    // (or created): an unknown target or a migration that does not fit leaves it as it was.
    DriverPtr db = range ? nullptr : session.openDatabase(false);
    const RunPlan plan = planRun(project, db.get(), direction, target);
    warnChecksums(session, plan.warnings);

    if (sqlOnly) {
        const std::string sql = planSql(project, plan, db.get());
        session.result()["revisions"] = plan.revisions;
        session.result()["sql"] = sql;
        if (!session.jsonMode() && session.io().out)
            session.io().out(sql);
        return 0;
    }
    session.result() = Json::object();
    if (plan.revisions.empty() || (!up && !db)) {
        session.print("nothing to " + verb);
        session.result()[up ? "applied" : "reverted"] = Json::array();
        return 0;
    }
    if (!db)
        db = session.openDatabase(true);
    ProjectRun run(project, plan);
    RunResult result;
    try {
        result = run.execute(*db);
    } catch (const MigrationFailed& failure) {
        printRunResult(session, failure.completed());
        throw;
    }
    printRunResult(session, result);
    // Another runner may have done everything while this one waited for the lock.
    if ((up ? result.applied : result.reverted).empty())
        session.print("nothing to " + verb);
    return 0;
}

} // namespace tempest
