// `graph [--format svg|png|dot] [--output FILE]`: the revision DAG as Tempest Studio
// draws it (core/revision/graph_picture.h), applied state from the project layer.
#include "core/cli/cmd_common.h"
#include "core/cli/commands.h"
#include "core/ir/errors.h"
#include "core/project/status.h"
#include "core/revision/graph_layout.h"
#include "core/revision/graph_picture.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace tempest {

namespace {

// The version table's view of the graph, or nothing: the picture never needs a database,
// so an unreachable one is a warning, not an error, and no SQLite file is created.
std::optional<RevisionState> readRevisionState(CliSession& session)
{
    if (session.config().database.empty()) {
        session.warn("no database configured: every revision is drawn as pending");
        return std::nullopt;
    }
    try {
        DriverPtr db = session.openDatabase(false);
        if (!db) {
            session.warn("the database does not exist yet: every revision is drawn as pending");
            return std::nullopt;
        }
        RevisionState state = revisionState(session.project(), db.get());
        warnChecksums(session, state.checksumWarnings);
        return state;
    } catch (const InputError& e) {  // a front end without a driver factory
        session.warn(e.message() + "; drawn without applied state (every revision pending)");
    } catch (const ConnectionError& e) {
        session.warn(maskPassword(e.what()) + "; drawn without applied state (every revision pending)");
    } catch (const DatabaseError& e) {
        session.warn("cannot read the version table: " + maskPassword(e.serverMessage()) +
                     "; drawn without applied state (every revision pending)");
    }
    return std::nullopt;
}

std::string absolutePath(const CliSession& session, const std::string& path)
{
    const std::filesystem::path p(path);
    return p.is_absolute() || session.io().cwd.empty() ? path : (std::filesystem::path(session.io().cwd) / p).string();
}

void writeTextFile(const std::string& path, const std::string& text)
{
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    if (file)
        file << text;
    if (file)
        file.close();
    if (!file)
        throw InputError(std::string("cannot write the graph: ") + std::strerror(errno), path);
}

} // namespace

int cmdGraph(CliSession& session, const ParsedArgs& args)
{
    requirePositionals(args, 0, 0, "graph");
    const std::string format = args.value("--format", "dot");
    if (format != "dot" && format != "svg" && format != "png")
        throw UsageError("unknown graph format \"" + format + "\": use svg, png or dot", "graph");
    const bool toFile = args.has("--output");
    const std::string output = toFile ? absolutePath(session, args.value("--output")) : std::string();
    if (toFile && args.value("--output").empty())
        throw UsageError("--output needs a file name", "graph");
    if (format == "png") {
        if (!toFile)
            throw UsageError("--format png needs --output FILE (svg and dot can go to stdout)", "graph");
        if (!session.pngWriter())
            throw UsageError("this tempest-migrate was built without Qt Gui and cannot write PNG: "
                             "use --format svg or --format dot", "graph");
    }

    const RevisionGraph& graph = session.graph();
    const std::optional<RevisionState> state = readRevisionState(session);
    std::vector<std::string> applied, currentHeads;
    if (state) {
        for (const AppliedRevision& row : state->appliedRows)
            applied.push_back(row.id);
        currentHeads = state->currentHeads;
    }
    const DagLayout layout = layoutDag(graph);
    const std::vector<RevisionFacts> facts = revisionFacts(graph, layout, applied, currentHeads);

    std::size_t edges = 0;
    for (const RevisionFacts& f : facts)
        edges += f.parents.size();
    Json result = Json::object();
    result["format"] = format;
    result["output"] = toFile ? Json(output) : Json(nullptr);
    result["revisions"] = facts.size();
    result["edges"] = edges;
    result["appliedState"] = state.has_value();

    if (format == "png") {
        session.pngWriter()(graphPicture(layout, facts), output);
    } else {
        const std::string text = format == "dot" ? writeGraphDot(facts) : writeGraphSvg(graphPicture(layout, facts));
        if (toFile)
            writeTextFile(output, text);
        else if (session.jsonMode())
            result["text"] = text;
        else
            session.printRaw(text);
    }
    if (toFile)
        session.print("wrote " + output + " (" + std::to_string(facts.size()) + " revisions, " +
                      std::to_string(edges) + " edges)");
    session.result() = result;
    return 0;
}

} // namespace tempest
