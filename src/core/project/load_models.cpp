#include "core/project/load_models.h"

#include "core/ir/errors.h"
#include "core/ir/schema_json.h"

namespace tempest {

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
        Schema schema = parseSchema(text, source);
        refuseSequencesFor(config.dialect, schema, source);
        return schema;
    }
    if (config.modelsFile.empty())
        throw InputError("no models configured: add \"models\" (a file or {\"command\": [...]})",
                         config.configFile, "$.models");
    Schema schema = loadSchemaFile(config.modelsFile);
    refuseSequencesFor(config.dialect, schema, config.modelsFile);
    return schema;
}

} // namespace tempest
