#include "core/project/project.h"

#include "core/ir/errors.h"
#include "core/project/load_models.h"
#include "core/revision/migration.h"

#include <filesystem>
#include <system_error>

namespace tempest {

Project Project::open(const std::string& configPath, const std::string& databaseFlag,
                      ProjectEnvironment environment)
{
    DatabaseOverrides overrides;
    overrides.flag = databaseFlag;
    if (auto it = environment.variables.find("TEMPEST_DATABASE"); it != environment.variables.end())
        overrides.environment = it->second;
    overrides.cwd = environment.cwd;
    return Project(loadProjectConfig(configPath, overrides), std::move(environment));
}

Project::Project(ProjectConfig config, ProjectEnvironment environment)
    : m_config(std::move(config))
    , m_environment(std::move(environment))
    , m_dialect(makeDialect(m_config.dialect))
{
}

const RevisionGraph& Project::graph() const
{
    return *sharedGraph();
}

std::shared_ptr<const RevisionGraph> Project::sharedGraph() const
{
    if (!m_graph) {
        const std::string& dir = m_config.migrationsDir;
        std::error_code ec;
        if (!std::filesystem::is_directory(dir, ec))
            throw InputError(std::string(std::filesystem::exists(dir, ec) ? "the migrations path is not a folder"
                                                                          : "the migrations folder does not exist")
                                 + ": " + dir + " (fix \"migrations\" in the project file, or create the folder)",
                             m_config.configFile, "$.migrations");
        m_graph = std::make_shared<const RevisionGraph>(loadMigrationsDir(dir));
    }
    return m_graph;
}

std::vector<std::string> Project::graphWarnings() const
{
    return m_graph ? m_graph->warnings() : std::vector<std::string>{};
}

Schema Project::loadModels() const
{
    return tempest::loadModels(m_config, m_environment.variables, m_environment.stderrSink);
}

RunnerOptions Project::runnerOptions() const
{
    RunnerOptions options;
    options.versionTable = m_config.versionTable;
    options.schemaName = m_config.schemaName;
    options.versionTableSchema = m_config.versionTablePlace();
    options.schemas = m_config.schemas;
    return options;
}

IntrospectOptions Project::introspectOptions() const
{
    IntrospectOptions options;
    options.versionTable = m_config.versionTable;
    options.schemaName = m_config.schemaName;
    options.versionTableSchema = m_config.versionTablePlace();
    options.schemas = m_config.schemas;
    return options;
}

std::string revisionLine(const std::string& id, const std::string& label)
{
    return label.empty() ? id : id + " — " + label;
}

std::string joinIds(const std::vector<std::string>& ids)
{
    std::string out;
    for (const std::string& id : ids)
        out += (out.empty() ? "" : ", ") + id;
    return out;
}

} // namespace tempest
