// `history [--verbose]`: every revision, newest first, marked applied (✓) or not (·).
#include "core/cli/cmd_common.h"
#include "core/cli/commands.h"
#include "core/project/status.h"

#include <unordered_set>

namespace tempest {

int cmdHistory(CliSession& session, const ParsedArgs& args)
{
    requirePositionals(args, 0, 0, "history");
    const bool verbose = args.has("--verbose");
    const RevisionGraph& graph = session.graph();

    // Without a database (none configured, or a SQLite file not created yet) nothing is
    // applied; history never creates one.
    std::unordered_set<std::string> applied;
    if (!session.config().database.empty()) {
        if (DriverPtr db = session.openDatabase(false)) {
            // Which revisions are applied; the checksums are `current`'s and `check`'s.
            const RevisionState state = revisionState(session.project(), db.get(), AppliedCheck::FilesOnly);
            for (const AppliedRevision& row : state.appliedRows)
                applied.insert(row.id);
            warnChecksums(session, state.checksumWarnings);
        }
    }

    // Head, branch point and merge point by position, from the parent edges the graph
    // already holds: a look-up per revision, not a search of the lists.
    const auto& order = graph.topoOrder();
    const bool json = session.jsonMode();
    Json entries = Json::array();
    std::string text;
    for (std::size_t k = order.size(); k-- > 0;) {
        const Migration& m = graph.migrations()[k];
        const bool isApplied = applied.count(m.revision) > 0;
        const bool isHead = graph.childIndexes(k).empty();
        const bool isBranchPoint = graph.childIndexes(k).size() > 1;
        const bool isMergePoint = graph.parentIndexes(k).size() > 1;
        text += isApplied ? "✓ " : "· ";
        text += revisionLine(m);
        if (isHead)
            text += " (head)";
        if (isBranchPoint)
            text += " (branchpoint)";
        if (isMergePoint)
            text += " (mergepoint)";
        text += '\n';
        if (verbose) {
            text += "    parents: " + (m.downRevision.empty() ? std::string("(base)") : joinIds(m.downRevision)) + "\n";
            if (!m.dependsOn.empty())
                text += "    depends on: " + joinIds(m.dependsOn) + "\n";
            if (!m.branchLabels.empty())
                text += "    branch labels: " + joinIds(m.branchLabels) + "\n";
            if (!m.createdAt.empty())
                text += "    created: " + m.createdAt + "\n";
            text += "    file: " + m.file + "\n";
        }
        if (!json)
            continue;  // the result is only printed with --json
        Json entry = revisionJson(m);
        entry["applied"] = isApplied;
        entry["parents"] = m.downRevision;
        entry["head"] = isHead;
        entry["branchpoint"] = isBranchPoint;
        entry["mergepoint"] = isMergePoint;
        entry["file"] = m.file;
        entries.push_back(std::move(entry));
    }
    if (!text.empty()) {
        text.pop_back();  // print() ends the text with its own newline
        session.print(text);
    }
    if (order.empty())
        session.print("(no revisions)");
    session.result() = entries;
    return 0;
}

} // namespace tempest
