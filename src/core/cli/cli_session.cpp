#include "core/cli/cli_session.h"

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

const Project& CliSession::project()
{
    if (!m_project) {
        ProjectEnvironment environment;
        environment.variables = io().env;
        environment.cwd = io().cwd;
        environment.stderrSink = io().err;
        m_project = Project::open(m_options.configPath, m_options.database, std::move(environment));
    }
    return *m_project;
}

const RevisionGraph& CliSession::graph()
{
    const RevisionGraph& graph = project().graph();
    if (!m_graphWarned) {
        m_graphWarned = true;
        for (const std::string& warning : graph.warnings())
            warn(warning);
    }
    return graph;
}

DriverPtr CliSession::openDatabase(bool mayCreate)
{
    const ProjectConfig& config = project().config();
    if (config.database.empty())
        throw InputError("no database configured: set \"database\", TEMPEST_DATABASE or --database",
                         config.configFile, "$.database");
    if (!m_config.openDriver)
        throw InputError("this front end cannot open databases");
    return m_config.openDriver(config, mayCreate);
}

} // namespace tempest
