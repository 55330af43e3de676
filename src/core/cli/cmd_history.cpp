// `history [--verbose]`: every revision, newest first, marked applied (✓) or not (·).
#include "core/cli/cmd_common.h"
#include "core/cli/commands.h"
#include "core/project/status.h"

#include <algorithm>
#include <set>

namespace tempest {

int cmdHistory(CliSession& session, const ParsedArgs& args)
{
    requirePositionals(args, 0, 0, "history");
    const bool verbose = args.has("--verbose");
    const RevisionGraph& graph = session.graph();

    // Without a database (none configured, or a SQLite file not created yet) nothing is
    // applied; history never creates one.
    std::set<std::string> applied;
    if (!session.config().database.empty()) {
        if (DriverPtr db = session.openDatabase(false)) {
            const RevisionState state = revisionState(session.project(), db.get());
            for (const AppliedRevision& row : state.appliedRows)
                applied.insert(row.id);
            warnChecksums(session, state.checksumWarnings);
        }
    }

    const auto heads = graph.heads();
    const auto branchPoints = graph.branchPoints();
    const auto mergePoints = graph.mergePoints();
    auto contains = [](const std::vector<std::string>& list, const std::string& id) {
        return std::find(list.begin(), list.end(), id) != list.end();
    };

    Json entries = Json::array();
    const auto& order = graph.topoOrder();
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const Migration& m = graph.at(*it);
        const bool isApplied = applied.count(m.revision) > 0;
        std::string line = std::string(isApplied ? "✓ " : "· ") + revisionLine(m);
        if (contains(heads, m.revision))
            line += " (head)";
        if (contains(branchPoints, m.revision))
            line += " (branchpoint)";
        if (contains(mergePoints, m.revision))
            line += " (mergepoint)";
        session.print(line);
        if (verbose) {
            session.print("    parents: " + (m.downRevision.empty() ? std::string("(base)") : joinIds(m.downRevision)));
            if (!m.dependsOn.empty())
                session.print("    depends on: " + joinIds(m.dependsOn));
            if (!m.branchLabels.empty())
                session.print("    branch labels: " + joinIds(m.branchLabels));
            if (!m.createdAt.empty())
                session.print("    created: " + m.createdAt);
            session.print("    file: " + m.file);
        }
        Json entry = revisionJson(m);
        entry["applied"] = isApplied;
        entry["parents"] = m.downRevision;
        entry["head"] = contains(heads, m.revision);
        entry["branchpoint"] = contains(branchPoints, m.revision);
        entry["mergepoint"] = contains(mergePoints, m.revision);
        entry["file"] = m.file;
        entries.push_back(entry);
    }
    if (order.empty())
        session.print("(no revisions)");
    session.result() = entries;
    return 0;
}

} // namespace tempest
