// `merge REV REV... | heads -m LABEL`: a revision with several parents and no operations.
#include "core/cli/cmd_common.h"
#include "core/cli/commands.h"

#include "core/codegen/codegen.h"
#include "core/ir/errors.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>

namespace tempest {

int cmdMerge(CliSession& session, const ParsedArgs& args)
{
    requirePositionals(args, 1, SIZE_MAX, "merge");
    if (!args.has("-m"))
        throw UsageError("merge: -m LABEL is required", "merge");
    const RevisionGraph& graph = session.graph();

    std::vector<std::string> parents;
    if (args.positionals.size() == 1 && args.positionals[0] == "heads") {
        parents = graph.heads();
        if (parents.size() < 2)
            throw InputError("nothing to merge: there is " + std::string(parents.empty() ? "no head" : "only one head"));
    } else {
        if (args.positionals.size() < 2)
            throw UsageError("merge: give two or more revisions, or `heads`", "merge");
        for (const std::string& target : args.positionals) {
            const std::string id = graph.resolve(target);
            if (std::find(parents.begin(), parents.end(), id) != parents.end())
                throw InputError("revision " + id + " is given twice", "", "", id);
            parents.push_back(id);
        }
        // A parent that is an ancestor of another adds nothing but a confusing edge.
        for (const std::string& a : parents) {
            for (const std::string& b : parents) {
                const auto ancestors = graph.ancestors(b);
                if (a != b && std::find(ancestors.begin(), ancestors.end(), a) != ancestors.end())
                    throw InputError("revision " + a + " is an ancestor of " + b + "; there is nothing to merge",
                                     "", "", a);
            }
        }
    }

    std::string revision = args.value("--rev-id");
    if (args.has("--rev-id")) {
        if (!isValidRevisionId(revision))
            throw InputError("invalid revision id \"" + revision + "\": expected letters, digits, '_' or '-'");
        if (const Migration* existing = graph.find(revision))
            throw InputError("revision id already exists", existing->file, "", revision);
    } else {
        do
            revision = generateRevisionId();
        while (graph.contains(revision));
    }

    const Migration migration = makeMigration(revision, parents, args.value("-m"), {});
    const auto files = generateMigration(migration, MigrationFormat::Json);
    const std::string& dir = session.project().migrationsDir;
    writeGeneratedFiles(dir, files);

    const std::string path = (std::filesystem::path(dir) / files.front().fileName).string();
    session.print("merged " + joinIds(parents) + " into " + revision);
    session.print("created " + path);
    session.result() = Json::object();
    session.result()["revision"] = revision;
    session.result()["parents"] = parents;
    session.result()["file"] = path;
    return 0;
}

} // namespace tempest
