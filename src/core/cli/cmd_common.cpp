#include "core/cli/cmd_common.h"

#include "core/ir/errors.h"
#include "core/project/destructive_facts.h"

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

/// `<added> <id>` / `<removed> <id>` lines and result members of those names: a run
/// says applied/reverted, a stamp stamped/unstamped.
void printRevisionsDone(CliSession& session, const RunResult& result, const std::string& added,
                        const std::string& removed)
{
    for (const std::string& id : result.applied)
        session.print(added + " " + id);
    for (const std::string& id : result.reverted)
        session.print(removed + " " + id);
    session.result()[added] = result.applied;
    session.result()[removed] = result.reverted;
    warnChecksums(session, result.warnings);
}

void printRunResult(CliSession& session, const RunResult& result)
{
    printRevisionsDone(session, result, "applied", "reverted");
}

} // namespace

void printStampResult(CliSession& session, const RunResult& result)
{
    printRevisionsDone(session, result, "stamped", "unstamped");
}

namespace {

Json factJson(const DestructiveFact& fact)
{
    Json json = Json::object();
    json["revision"] = fact.revision;
    json["operation"] = fact.description;
    json["table"] = fact.table.empty() ? Json(nullptr) : Json(fact.table);
    json["rows"] = fact.rowCount ? Json(*fact.rowCount) : Json(nullptr);
    json["sql"] = fact.sql;
    return json;
}

/// Lists the plan's destructive operations and asks a terminal to go on. False: the
/// user said no. Without a terminal (a deploy pipeline) the run goes on as it always
/// did, the facts on stderr (docs/decisions.md).
bool confirmDestructive(CliSession& session, const RunPlan& plan, Driver* db, bool assumeYes)
{
    const std::vector<DestructiveFact> facts = destructiveFacts(session.project(), plan, db);
    Json listed = Json::array();
    for (const DestructiveFact& fact : facts)
        listed.push_back(factJson(fact));
    session.result()["destructive"] = listed;
    if (facts.empty())
        return true;
    const CliIo& io = session.io();
    if (!session.jsonMode() && io.err) {
        std::string text;
        for (const DestructiveFact& fact : facts)
            text += "destructive: " + describeFact(fact) + "\n";
        io.err(text);
    }
    if (assumeYes || !io.isTerminal || !io.confirm)
        return true;
    const std::string verb = plan.direction == Direction::Upgrade ? "upgrade" : "downgrade";
    return io.confirm("Run " + verb + " with " + std::to_string(facts.size()) +
                      (facts.size() == 1 ? " destructive operation" : " destructive operations") + "? [y/N]");
}

} // namespace

int runPlanCommand(CliSession& session, Direction direction, const std::string& target,
                   const PlanCommandOptions& options)
{
    const bool sqlOnly = options.sqlOnly;
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
    if (!confirmDestructive(session, plan, db.get(), options.assumeYes)) {
        session.print("not confirmed; nothing was changed");
        return 1;
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
