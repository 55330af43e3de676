// `revision -m LABEL [--autogenerate] …`: write a new migration file.
#include "core/cli/cmd_common.h"
#include "core/cli/commands.h"
#include "core/cli/rename_spec.h"

#include "core/ir/errors.h"
#include "core/project/autogenerate.h"

namespace tempest {

namespace {

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
std::vector<Operation> autogenerateOperations(CliSession& session, const std::string& head, const ParsedArgs& args,
                                              const std::vector<RenameCandidate>& renames)
{
    AutogenerateRequest request;
    request.head = head;
    request.confirmedRenames = renames;
    request.autoRename = args.has("--autorename");
    const CliIo& io = session.io();
    if (io.isTerminal && io.confirm)
        request.confirm = [&io](const RenameCandidate& c) { return io.confirm(renameQuestion(c)); };
    AutogenerateResult result = autogenerate(session.project(), request);

    Json applied = Json::array(), candidates = Json::array();
    for (const RenameCandidate& c : result.renames) {
        session.print("rename " + describeRename(c));
        applied.push_back(renameJson(c));
    }
    for (const RenameCandidate& c : result.candidates) {
        session.print("rename candidate not confirmed, written as drop + add: " + describeRename(c) +
                      " (confirm with " + renameFlag(c) + " or --autorename)");
        candidates.push_back(renameJson(c));
    }
    session.result()["renames"] = applied;
    session.result()["renameCandidates"] = candidates;
    return result.operations;
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
    const std::string revision = newRevisionId(graph, args.value("--rev-id"));
    if (args.has("--rev-id") && args.value("--rev-id").empty())
        throw InputError("invalid revision id \"\": expected letters, digits, '_' or '-'");
    const std::string head = args.has("--head") ? args.value("--head") : std::string();
    const std::vector<std::string> parents = chooseParents(graph, head);

    session.result() = Json::object();
    session.result()["revision"] = revision;
    session.result()["parents"] = parents;
    std::vector<Operation> up;
    if (autogen) {
        up = autogenerateOperations(session, head, args, renames);
        if (up.empty()) {
            session.print("no changes detected; no revision written");
            session.result()["file"] = nullptr;
            session.result()["operations"] = Json::array();
            return 0;
        }
    }

    const WrittenRevision written = writeRevision(session.project(), revision, parents, label, up, format);
    Json described = Json::array();
    for (const Operation& op : up) {
        session.print("  " + describe(op));
        described.push_back(describe(op));
    }
    for (const std::string& path : written.files)
        session.print("created " + path);
    session.result()["operations"] = described;
    session.result()["file"] = written.files.back();
    session.result()["files"] = written.files;
    return 0;
}

} // namespace tempest
