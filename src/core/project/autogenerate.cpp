#include "core/project/autogenerate.h"

#include "core/ir/errors.h"
#include "core/revision/replay.h"

#include <algorithm>
#include <filesystem>

namespace tempest {

namespace {

/// What the dialect could not apply, found now rather than at `upgrade`.
void checkModelsFitDialect(const Project& project, const Schema& current, const Schema& models,
                           const std::vector<Operation>& operations)
{
    const ProjectConfig& config = project.config();
    for (const Table& table : models.tables)
        if (table.name == config.versionTable && config.versionTablePlace() == config.schemaName)
            throw InputError("the models declare a table named \"" + table.name +
                                 "\", the project's version table; rename the table or set \"versionTable\"",
                             config.modelsFile.empty() ? config.configFile : config.modelsFile,
                             "$.tables." + table.name);
    RenderContext context{&current, nullptr, config.schemaName};
    try {
        project.dialect().render(operations, context);
    } catch (const InputError& e) {
        throw InputError("the models cannot be applied on " + config.dialect + ": " + e.message(),
                         config.modelsFile.empty() ? config.configFile : config.modelsFile, e.jsonPath());
    }
}

} // namespace

std::vector<std::string> chooseParents(const RevisionGraph& graph, std::string_view head)
{
    if (!head.empty())
        return {graph.resolve(head)};
    std::vector<std::string> heads = graph.heads();
    if (heads.size() > 1)
        throw InputError("there are " + std::to_string(heads.size()) + " heads (" + joinIds(heads) +
                         "): pick the parent with --head REV, or join them with `tempest-migrate merge heads -m LABEL`");
    return heads;
}

AutogenerateResult autogenerate(const Project& project, const AutogenerateRequest& request)
{
    const RevisionGraph& graph = project.graph();
    AutogenerateResult result;
    result.parents = chooseParents(graph, request.head);
    const Schema models = request.models ? *request.models : project.loadModels();
    const Schema current = replaySchemaTo(graph, result.parents);

    DiffOptions options;
    options.confirmedRenames = request.confirmedRenames;
    options.autoRename = request.autoRename;
    options.confirm = request.confirm;
    DiffResult diff = diffSchemaDetailed(current, models, options);
    checkModelsFitDialect(project, current, models, diff.operations);
    result.operations = std::move(diff.operations);
    result.renames = std::move(diff.applied);
    result.candidates = std::move(diff.candidates);
    return result;
}

std::string newRevisionId(const RevisionGraph& graph, std::string_view requested)
{
    if (!requested.empty()) {
        const std::string id(requested);
        if (!isValidRevisionId(id))
            throw InputError("invalid revision id \"" + id + "\": expected letters, digits, '_' or '-'");
        if (const Migration* existing = graph.find(id))
            throw InputError("revision id already exists", existing->file, "", id);
        return id;
    }
    std::string id;
    do
        id = generateRevisionId();
    while (graph.contains(id));
    return id;
}

WrittenRevision writeRevision(const Project& project, const std::string& revision,
                              const std::vector<std::string>& parents, const std::string& label,
                              const std::vector<Operation>& up, MigrationFormat format)
{
    WrittenRevision written;
    written.migration = makeMigration(revision, parents, label, up);
    const std::vector<GeneratedMigration> files = generateMigration(written.migration, format);
    const std::string& dir = project.config().migrationsDir;
    writeGeneratedFiles(dir, files);
    for (const GeneratedMigration& file : files)
        written.files.push_back((std::filesystem::path(dir) / file.fileName).string());
    // The JSON file is what every door reads, whichever format was chosen: keep it last.
    std::stable_partition(written.files.begin(), written.files.end(),
                          [](const std::string& path) { return path.size() < 5 || path.substr(path.size() - 5) != ".json"; });
    written.migration.file = written.files.back();
    return written;
}

std::vector<std::string> mergeParents(const RevisionGraph& graph, const std::vector<std::string>& targets)
{
    std::vector<std::string> parents;
    if (targets.size() == 1 && targets[0] == "heads") {
        parents = graph.heads();
        if (parents.size() < 2)
            throw InputError("nothing to merge: there is " + std::string(parents.empty() ? "no head" : "only one head"));
        return parents;
    }
    if (targets.size() < 2)
        throw InputError("merge: give two or more revisions, or `heads`");
    for (const std::string& target : targets) {
        const std::string id = graph.resolve(target);
        if (std::find(parents.begin(), parents.end(), id) != parents.end())
            throw InputError("revision " + id + " is given twice", "", "", id);
        parents.push_back(id);
    }
    // A parent that is an ancestor of another adds nothing but a confusing edge.
    // Each parent's ancestors are marked once (not listed again for every pair).
    std::vector<std::vector<bool>> ancestorsOf(parents.size());
    for (std::size_t k = 0; k < parents.size(); ++k) {
        graph.markAncestors(graph.indexOf(parents[k]), ancestorsOf[k]);
        ancestorsOf[k][graph.indexOf(parents[k])] = false;
    }
    for (const std::string& a : parents)
        for (std::size_t k = 0; k < parents.size(); ++k) {
            const std::string& b = parents[k];
            if (a != b && ancestorsOf[k][graph.indexOf(a)])
                throw InputError("revision " + a + " is an ancestor of " + b + "; there is nothing to merge", "", "",
                                 a);
        }
    return parents;
}

} // namespace tempest
