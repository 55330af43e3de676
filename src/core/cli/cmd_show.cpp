// `show REV`: a revision's metadata, operations, and its SQL in the project dialect.
#include "core/cli/cmd_common.h"
#include "core/cli/commands.h"


namespace tempest {

int cmdShow(CliSession& session, const ParsedArgs& args)
{
    requirePositionals(args, 1, 1, "show");
    const RevisionGraph& graph = session.graph();
    const Migration& m = graph.at(graph.resolve(args.positionals[0]));

    session.print("revision: " + m.revision);
    session.print("label: " + m.label);
    session.print("parents: " + (m.downRevision.empty() ? std::string("(base)") : joinIds(m.downRevision)));
    if (!m.dependsOn.empty())
        session.print("depends on: " + joinIds(m.dependsOn));
    if (!m.branchLabels.empty())
        session.print("branch labels: " + joinIds(m.branchLabels));
    if (!m.createdAt.empty())
        session.print("created: " + m.createdAt);
    session.print("file: " + m.file);
    session.print("checksum: " + migrationChecksum(m));
    if (!m.reversible())
        session.print("irreversible: an execute operation has no \"down\"");

    auto listOps = [&](const char* title, const std::vector<Operation>& ops) {
        session.print(std::string(title) + ":" + (ops.empty() ? " (none)" : ""));
        for (std::size_t i = 0; i < ops.size(); ++i)
            session.print("  " + std::to_string(i + 1) + ". " + describe(ops[i]));
    };
    listOps("up", m.up);
    const std::vector<Operation> down = m.downOperations();
    listOps("down", down);

    const std::string sql = revisionSql(session.project(), m.revision);
    session.print("sql (" + session.dialect().name() + "):");
    std::string text = sql;
    if (!text.empty() && text.back() == '\n')
        text.pop_back();
    session.print(text);

    Json result = revisionJson(m);
    result["parents"] = m.downRevision;
    result["dependsOn"] = m.dependsOn;
    result["branchLabels"] = m.branchLabels;
    result["createdAt"] = m.createdAt;
    result["file"] = m.file;
    result["checksum"] = migrationChecksum(m);
    result["reversible"] = m.reversible();
    result["up"] = operationsToJson(m.up);
    result["down"] = operationsToJson(down);
    result["sql"] = sql;
    session.result() = result;
    return 0;
}

} // namespace tempest
