#include "core/cli/cmd_common.h"

#include "core/ir/errors.h"
#include "core/revision/replay.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace tempest {

void requirePositionals(const ParsedArgs& args, std::size_t min, std::size_t max, const std::string& command)
{
    const std::size_t n = args.positionals.size();
    if (n < min)
        throw UsageError(command + ": missing argument", command);
    if (n > max)
        throw UsageError(command + ": unexpected argument \"" + args.positionals[max] + "\"", command);
}

std::string revisionLine(const std::string& id, const std::string& label)
{
    return label.empty() ? id : id + " — " + label;
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

std::string joinIds(const std::vector<std::string>& ids)
{
    std::string out;
    for (const std::string& id : ids)
        out += (out.empty() ? "" : ", ") + id;
    return out;
}

void checkPlanReplays(const RevisionGraph& graph, const std::vector<std::string>& applied,
                      const std::vector<std::string>& plan)
{
    std::vector<std::string> all;
    for (const std::string& id : applied) {
        if (graph.contains(id))
            all.push_back(id);
    }
    for (const std::string& id : plan) {
        if (std::find(all.begin(), all.end(), id) == all.end())
            all.push_back(id);
    }
    std::sort(all.begin(), all.end(), [&](const std::string& a, const std::string& b) {
        return graph.topoIndex(a) < graph.topoIndex(b);
    });
    replaySchema(graph, all);
}

void checkReversible(const RevisionGraph& graph, const std::vector<std::string>& plan)
{
    for (const std::string& id : plan) {
        const Migration& m = graph.at(id);
        if (!m.reversible())
            throw InputError("revision " + id + " is irreversible (an execute operation without \"down\"); "
                             "nothing was reverted",
                             m.file, "", id);
    }
}

void warnChecksums(CliSession& session, const std::vector<std::string>& findings)
{
    for (const std::string& finding : findings) {
        if (std::find(session.warnings().begin(), session.warnings().end(), finding) == session.warnings().end())
            session.warn(finding);
    }
}

void printRunSql(CliSession& session, const MigrationRunner& runner, Direction direction,
                 const std::vector<std::string>& revisions, Driver* live)
{
    std::ostringstream sql;
    if (!revisions.empty())
        runner.writeSql(sql, direction, revisions, live);
    else
        sql << "-- nothing to " << (direction == Direction::Upgrade ? "upgrade" : "downgrade") << "\n";
    session.result()["revisions"] = revisions;
    session.result()["sql"] = sql.str();
    if (!session.jsonMode() && session.io().out)
        session.io().out(sql.str());
}

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

} // namespace tempest
