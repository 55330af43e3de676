#include "core/project/load_models.h"

#include "core/ir/errors.h"
#include "core/ir/json.h"
#include "core/ir/schema_json.h"

namespace tempest {

namespace {

/// Domains are PostgreSQL's (docs/ir.md "Domains"): a SQLite project refuses models that
/// declare one, naming it, before anything is diffed or applied.
Schema refusePostgresOnly(Schema models, const ProjectConfig& config, const std::string& source)
{
    if (config.dialect == "sqlite" && !models.domains.empty())
        throw InputError("domain \"" + models.domains.front().name
                             + "\" is PostgreSQL-only: a SQLite project cannot declare domains",
                         source, jsonPathMember("$.domains", models.domains.front().name));
    return models;
}

} // namespace

Schema loadModels(const ProjectConfig& config, const std::map<std::string, std::string>& environment,
                  std::function<void(std::string_view)> stderrSink)
{
    if (!config.modelsCommand.empty()) {
        ModelsCommandOptions options;
        options.workingDir = config.projectDir;
        options.environment = environment;
        options.passStderr = std::move(stderrSink);
        const std::string text = runModelsCommand(config.modelsCommand, options);
        const std::string source = "models command `" + commandLine(config.modelsCommand) + "`";
        Schema schema = refusePostgresOnly(parseSchema(text, source), config, source);
        refuseSequencesFor(config.dialect, schema, source);
        return schema;
    }
    if (config.modelsFile.empty())
        throw InputError("no models configured: add \"models\" (a file or {\"command\": [...]})",
                         config.configFile, "$.models");
    Schema schema = refusePostgresOnly(loadSchemaFile(config.modelsFile), config, config.modelsFile);
    refuseSequencesFor(config.dialect, schema, config.modelsFile);
    return schema;
}

} // namespace tempest
