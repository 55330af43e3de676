// `check`: the CI gate. Drift (database ≠ models), uncaptured model changes (models ≠
// the migrations' heads) and edited applied migrations; exit 1 when any is found.
#include "core/cli/cmd_common.h"
#include "core/cli/commands.h"

#include "core/diff/diff.h"
#include "core/drift/drift.h"
#include "core/revision/replay.h"

#include <algorithm>
#include <set>

namespace tempest {

namespace {

std::vector<std::string> driftLines(const DriftReport& report)
{
    std::vector<std::string> lines;
    const auto& pending = report.pendingRevisions;
    const std::string behind = "database is behind heads: " + std::to_string(pending.size()) +
                               " pending revision" + (pending.size() == 1 ? "" : "s") + " (" + joinIds(pending) +
                               "); run `tempest-migrate upgrade`";
    // Merely behind: the live schema is what the applied revisions produce, so the
    // differences are the pending revisions' and not worth listing one by one.
    if (!pending.empty() && (report.clean() || report.behindHeads))
        return {"drift: " + behind};
    for (const std::string& finding : report.findings)
        lines.push_back("drift: " + finding);
    if (!pending.empty())
        lines.push_back("drift: " + behind + " (and the database differs from the applied revisions)");
    return lines;
}

} // namespace

int cmdCheck(CliSession& session, const ParsedArgs& args)
{
    requirePositionals(args, 0, 0, "check");
    // Inputs first (a bad file is exit 2, not a finding), then the read-only database.
    const RevisionGraph& graph = session.graph();
    const Schema models = session.loadModels();
    const Schema atHeads = replaySchema(graph, graph.topoOrder());
    const Dialect& dialect = session.dialect();
    MigrationRunner runner(graph, dialect, session.runnerOptions());

    DriverPtr db = session.openDatabase(false);  // a missing SQLite file is an empty database
    const std::vector<AppliedRevision> rows = db ? runner.appliedRows(*db) : std::vector<AppliedRevision>{};
    std::set<std::string> appliedIds;
    for (const AppliedRevision& row : rows)
        appliedIds.insert(row.id);

    DriftHistory history;
    std::vector<std::string> appliedKnown;
    for (const std::string& id : graph.topoOrder()) {
        if (appliedIds.count(id))
            appliedKnown.push_back(id);
        else
            history.pendingRevisions.push_back(id);
    }
    history.appliedSchema = replaySchema(graph, appliedKnown);
    const DriftReport report = db ? checkDrift(*db, dialect, models, session.introspectOptions(), history)
                                  : compareDrift(Schema{}, dialect, models, history);

    const std::vector<std::string> drift = driftLines(report);
    std::vector<std::string> uncaptured;
    for (const std::string& line : describeDifferences(atHeads, models, nullptr))
        uncaptured.push_back("uncaptured: " + line);
    const std::vector<std::string> changed = runner.checksumWarnings(rows);

    std::vector<std::string> findings = drift;
    findings.insert(findings.end(), uncaptured.begin(), uncaptured.end());
    findings.insert(findings.end(), changed.begin(), changed.end());
    for (const std::string& line : findings)
        session.print(line);
    if (findings.empty())
        session.print("no drift; models match migrations");

    Json result = Json::object();
    result["findings"] = findings;
    result["drift"] = drift;
    result["uncaptured"] = uncaptured;
    result["changed"] = changed;
    result["behindHeads"] = !report.pendingRevisions.empty() && (report.clean() || report.behindHeads);
    result["pending"] = report.pendingRevisions;
    session.result() = result;
    return findings.empty() ? 0 : 1;
}

} // namespace tempest
