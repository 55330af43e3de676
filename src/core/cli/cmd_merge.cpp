// `merge REV REV... | heads -m LABEL`: a revision with several parents and no operations.
#include "core/cli/cmd_common.h"
#include "core/cli/commands.h"

#include "core/ir/errors.h"
#include "core/project/autogenerate.h"

#include <cstdint>

namespace tempest {

int cmdMerge(CliSession& session, const ParsedArgs& args)
{
    requirePositionals(args, 1, SIZE_MAX, "merge");
    if (!args.has("-m"))
        throw UsageError("merge: -m LABEL is required", "merge");
    const RevisionGraph& graph = session.graph();
    const std::vector<std::string> parents = mergeParents(graph, args.positionals);
    if (args.has("--rev-id") && args.value("--rev-id").empty())
        throw InputError("invalid revision id \"\": expected letters, digits, '_' or '-'");
    const std::string revision = newRevisionId(graph, args.value("--rev-id"));
    const WrittenRevision written = writeRevision(session.project(), revision, parents, args.value("-m"), {});
    const std::string& path = written.files.back();
    session.print("merged " + joinIds(parents) + " into " + revision);
    session.print("created " + path);
    session.result() = Json::object();
    session.result()["revision"] = revision;
    session.result()["parents"] = parents;
    session.result()["file"] = path;
    return 0;
}

} // namespace tempest
