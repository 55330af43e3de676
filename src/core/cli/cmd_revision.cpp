// `revision -m LABEL [--autogenerate] …`: write a new migration file.
#include "core/cli/cmd_common.h"
#include "core/cli/commands.h"
#include "core/cli/rename_spec.h"

#include "core/codegen/codegen.h"
#include "core/diff/diff.h"
#include "core/ir/errors.h"
#include "core/revision/replay.h"

#include <filesystem>

namespace tempest {

namespace {

std::vector<std::string> chooseParents(const RevisionGraph& graph, const ParsedArgs& args)
{
    if (args.has("--head"))
        return {graph.resolve(args.value("--head"))};
    std::vector<std::string> heads = graph.heads();
    if (heads.size() > 1)
        throw InputError("there are " + std::to_string(heads.size()) + " heads (" + joinIds(heads) +
                         "): pick the parent with --head REV, or join them with `tempest-migrate merge heads -m LABEL`");
    return heads;
}

MigrationFormat parseFormat(const std::string& text)
{
    if (text == "json")
        return MigrationFormat::Json;
    if (text == "cpp")
        return MigrationFormat::Cpp;
    throw UsageError("revision: --format must be json or cpp, not \"" + text + "\"", "revision");
}

std::vector<RenameCandidate> parseRenames(const ParsedArgs& args)
{
    std::vector<RenameCandidate> renames;
    for (const std::string& text : args.all("--rename-table"))
        renames.push_back(parseTableRename(text));
    for (const std::string& text : args.all("--rename-column"))
        renames.push_back(parseColumnRename(text));
    return renames;
}

Json renameJson(const RenameCandidate& c)
{
    Json json = Json::object();
    json["kind"] = c.kind == RenameCandidate::Kind::Table ? "table" : "column";
    if (c.kind == RenameCandidate::Kind::Column)
        json["table"] = c.table;
    json["from"] = c.from;
    json["to"] = c.to;
    return json;
}

// The operations --autogenerate finds, reporting renames applied and candidates left.
std::vector<Operation> autogenerate(CliSession& session, const RevisionGraph& graph,
                                    const std::vector<std::string>& parents, const ParsedArgs& args,
                                    const std::vector<RenameCandidate>& renames)
{
    const Schema models = session.loadModels();
    // Both sides are model-level IR, so they compare exactly (no dialect rules).
    const Schema current = replaySchemaTo(graph, parents);

    DiffOptions options;
    options.confirmedRenames = renames;
    options.autoRename = args.has("--autorename");
    const CliIo& io = session.io();
    if (io.isTerminal && io.confirm)
        options.confirm = [&io](const RenameCandidate& c) { return io.confirm(renameQuestion(c)); };
    DiffResult diff = diffSchemaDetailed(current, models, options);

    Json applied = Json::array(), candidates = Json::array();
    for (const RenameCandidate& c : diff.applied) {
        session.print("rename " + describeRename(c));
        applied.push_back(renameJson(c));
    }
    for (const RenameCandidate& c : diff.candidates) {
        session.print("rename candidate not confirmed, written as drop + add: " + describeRename(c) +
                      " (confirm with " + renameFlag(c) + " or --autorename)");
        candidates.push_back(renameJson(c));
    }
    session.result()["renames"] = applied;
    session.result()["renameCandidates"] = candidates;
    return diff.operations;
}

} // namespace

int cmdRevision(CliSession& session, const ParsedArgs& args)
{
    requirePositionals(args, 0, 0, "revision");
    if (!args.has("-m"))
        throw UsageError("revision: -m LABEL is required", "revision");
    const std::string label = args.value("-m");
    const MigrationFormat format = parseFormat(args.value("--format", "json"));
    const bool autogen = args.has("--autogenerate");
    const std::vector<RenameCandidate> renames = parseRenames(args);
    if (!autogen && (!renames.empty() || args.has("--autorename")))
        throw UsageError("revision: rename options need --autogenerate", "revision");

    const RevisionGraph& graph = session.graph();
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
    const std::vector<std::string> parents = chooseParents(graph, args);

    session.result() = Json::object();
    session.result()["revision"] = revision;
    session.result()["parents"] = parents;
    std::vector<Operation> up;
    if (autogen) {
        up = autogenerate(session, graph, parents, args, renames);
        if (up.empty()) {
            session.print("no changes detected; no revision written");
            session.result()["file"] = nullptr;
            session.result()["operations"] = Json::array();
            return 0;
        }
    }

    const Migration migration = makeMigration(revision, parents, label, up);
    const std::vector<GeneratedMigration> files = generateMigration(migration, format);
    const std::string& dir = session.project().migrationsDir;
    writeGeneratedFiles(dir, files);

    Json described = Json::array();
    for (const Operation& op : up) {
        session.print("  " + describe(op));
        described.push_back(describe(op));
    }
    Json written = Json::array();
    for (const GeneratedMigration& file : files) {
        const std::string path = (std::filesystem::path(dir) / file.fileName).string();
        session.print("created " + path);
        written.push_back(path);
    }
    session.result()["operations"] = described;
    session.result()["file"] = written.empty() ? Json(nullptr) : written.back();
    session.result()["files"] = written;
    return 0;
}

} // namespace tempest
