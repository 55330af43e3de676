#include "core/cli/cli_session.h"

#include "core/cli/load_models.h"
#include "core/cli/models_command.h"
#include "core/ir/errors.h"
#include "core/ir/schema_json.h"
#include "core/revision/migration.h"

#include <filesystem>

namespace tempest {

CliSession::CliSession(const CliConfig& config, GlobalOptions options)
    : m_config(config), m_options(std::move(options)), m_result(nullptr)
{
}

void CliSession::print(std::string_view line)
{
    if (m_options.json || !io().out)
        return;
    std::string text(line);
    text += '\n';
    io().out(text);
}

void CliSession::printRaw(std::string_view text)
{
    m_rawOutput = true;
    if (io().out)
        io().out(text);
}

void CliSession::warn(const std::string& text)
{
    m_warnings.push_back(text);
    if (!m_options.json && io().err)
        io().err("warning: " + text + "\n");
}

const ProjectConfig& CliSession::project()
{
    if (!m_project) {
        DatabaseOverrides overrides;
        overrides.flag = m_options.database;
        if (auto it = io().env.find("TEMPEST_DATABASE"); it != io().env.end())
            overrides.environment = it->second;
        overrides.cwd = io().cwd;
        m_project = loadProjectConfig(m_options.configPath, overrides);
    }
    return *m_project;
}

const Dialect& CliSession::dialect()
{
    if (!m_dialect)
        m_dialect = makeDialect(project().dialect);
    return *m_dialect;
}

const RevisionGraph& CliSession::graph()
{
    if (!m_graph) {
        const std::string& dir = project().migrationsDir;
        std::vector<Migration> migrations;
        // A project whose migrations folder was never created simply has no history yet.
        if (std::filesystem::exists(dir))
            migrations = loadMigrationsDir(dir);
        m_graph.emplace(std::move(migrations));
        for (const std::string& warning : m_graph->warnings())
            warn(warning);
    }
    return *m_graph;
}

Schema CliSession::loadModels()
{
    return tempest::loadModels(project(), io().env, io().err);
}

DriverPtr CliSession::openDatabase(bool mayCreate)
{
    const ProjectConfig& config = project();
    if (config.database.empty())
        throw InputError("no database configured: set \"database\", TEMPEST_DATABASE or --database",
                         config.configFile, "$.database");
    if (!m_config.openDriver)
        throw InputError("this front end cannot open databases");
    return m_config.openDriver(config, mayCreate);
}

RunnerOptions CliSession::runnerOptions()
{
    RunnerOptions options;
    options.versionTable = project().versionTable;
    options.schemaName = project().schemaName;
    return options;
}

IntrospectOptions CliSession::introspectOptions()
{
    IntrospectOptions options;
    options.versionTable = project().versionTable;
    options.schemaName = project().schemaName;
    return options;
}

} // namespace tempest
