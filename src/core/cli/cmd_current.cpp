// `current [--verbose]`: the applied heads (or every applied revision by seq).
#include "core/cli/cmd_common.h"
#include "core/cli/commands.h"
#include "core/project/status.h"

#include <algorithm>

namespace tempest {

int cmdCurrent(CliSession& session, const ParsedArgs& args)
{
    requirePositionals(args, 0, 0, "current");
    const bool verbose = args.has("--verbose");
    const RevisionGraph& graph = session.graph();

    session.result() = Json::object();
    session.result()["heads"] = Json::array();
    DriverPtr db = session.openDatabase(false);  // a missing SQLite file stays missing
    const RevisionState state = revisionState(session.project(), db.get());
    const std::vector<AppliedRevision>& rows = state.appliedRows;
    if (rows.empty()) {
        session.print("(no migrations applied)");
        if (verbose)
            session.result()["applied"] = Json::array();
        return 0;
    }
    warnChecksums(session, state.checksumWarnings);
    const std::vector<std::string>& heads = state.currentHeads;

    auto labelOf = [&](const AppliedRevision& row) {
        const Migration* m = graph.find(row.id);
        return m ? m->label : row.label;
    };
    for (const std::string& id : heads) {
        auto row = std::find_if(rows.begin(), rows.end(), [&](const AppliedRevision& r) { return r.id == id; });
        const std::string label = row != rows.end() ? labelOf(*row) : std::string();
        if (!verbose)
            session.print(revisionLine(id, label));
        Json head = Json::object();
        head["id"] = id;
        head["label"] = label;
        session.result()["heads"].push_back(head);
    }
    if (verbose) {
        Json all = Json::array();
        for (const AppliedRevision& row : rows) {
            const bool isHead = std::find(heads.begin(), heads.end(), row.id) != heads.end();
            session.print(std::to_string(row.seq) + "  " + revisionLine(row.id, labelOf(row)) + "  applied " +
                          row.appliedAt + (isHead ? " (head)" : ""));
            Json json = Json::object();
            json["seq"] = row.seq;
            json["id"] = row.id;
            json["label"] = labelOf(row);
            json["appliedAt"] = row.appliedAt;
            json["checksum"] = row.checksum;
            all.push_back(json);
        }
        session.result()["applied"] = all;
    }
    return 0;
}

} // namespace tempest
