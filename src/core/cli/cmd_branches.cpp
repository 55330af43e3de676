// `branches`: each branch point with the children that start its branches.
#include "core/cli/cmd_common.h"
#include "core/cli/commands.h"

namespace tempest {

int cmdBranches(CliSession& session, const ParsedArgs& args)
{
    requirePositionals(args, 0, 0, "branches");
    const RevisionGraph& graph = session.graph();
    Json points = Json::array();
    for (const std::string& id : graph.branchPoints()) {
        session.print(revisionLine(graph.at(id)));
        Json point = revisionJson(graph.at(id));
        point["children"] = Json::array();
        for (const std::string& child : graph.children(id)) {
            session.print("  → " + revisionLine(graph.at(child)));
            point["children"].push_back(revisionJson(graph.at(child)));
        }
        points.push_back(point);
    }
    if (points.empty())
        session.print("(no branch points)");
    session.result() = points;
    return 0;
}

} // namespace tempest
