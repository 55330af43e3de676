// `heads`: the revisions nothing descends from.
#include "core/cli/cmd_common.h"
#include "core/cli/commands.h"

namespace tempest {

int cmdHeads(CliSession& session, const ParsedArgs& args)
{
    requirePositionals(args, 0, 0, "heads");
    const RevisionGraph& graph = session.graph();
    Json heads = Json::array();
    for (const std::string& id : graph.heads()) {
        session.print(revisionLine(graph.at(id)));
        heads.push_back(revisionJson(graph.at(id)));
    }
    if (heads.empty())
        session.print("(no revisions)");
    session.result() = heads;
    return 0;
}

} // namespace tempest
