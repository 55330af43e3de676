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
        return parseSchema(text, "models command `" + commandLine(config.modelsCommand) + "`");
    }
    if (config.modelsFile.empty())
        throw InputError("no models configured: add \"models\" (a file or {\"command\": [...]})",
                         config.configFile, "$.models");
    return loadSchemaFile(config.modelsFile);
}

} // namespace tempest
