#include "core/project/load_models.h"

#include "core/ir/errors.h"
#include "core/ir/json.h"
#include "core/ir/schema_json.h"

#include <algorithm>

namespace tempest {

namespace {

/// What one dialect has and the other lacks (docs/ir.md): the models of a project that
/// use it are refused at load, naming the JSON path, before anything is diffed or applied.
/// SQLite has no domains, arrays, deferrable unique constraints or partitioning; PostgreSQL 15 has no
/// virtual generated columns.
Schema refuseOtherDialectFeatures(Schema models, const ProjectConfig& config, const std::string& source)
{
    const bool sqlite = config.dialect == "sqlite";
    if (sqlite && !models.domains.empty())
        throw InputError("domain \"" + models.domains.front().name
                             + "\" is PostgreSQL-only: a SQLite project cannot declare domains",
                         source, jsonPathMember("$.domains", models.domains.front().name));
    for (const Table& table : models.tables) {
        const std::string tablePath = jsonPathMember("$.tables", table.name);
        // On PostgreSQL `schema.table` names a table of a named schema (docs/ir.md "Named
        // schemas"), which the project must read for check to see it. SQLite has no named
        // schemas in tempest: there a '.' is an ordinary character of the (quoted) name.
        if (const auto dot = table.name.find('.'); dot != std::string::npos) {
            const std::string schema = table.name.substr(0, dot);
            if (!sqlite && std::find(config.schemas.begin(), config.schemas.end(), schema) == config.schemas.end())
                throw InputError("table \"" + table.name + "\" is in schema \"" + schema
                                     + "\", which the project file does not name under \"schemas\" ("
                                     + config.configFile + ")",
                                 source, tablePath);
        }
        if (sqlite && (table.partitionOf || table.partitionBy)) {
            const char* key = table.partitionOf ? "partitionOf" : "partitionBy";
            throw InputError("table \"" + table.name + "\" uses \"" + key
                                 + "\", which is PostgreSQL-only: SQLite has no declarative partitioning",
                             source, jsonPathMember(tablePath, key));
        }
        for (const Column& column : table.columns) {
            const std::string path = jsonPathMember(jsonPathMember(tablePath, "columns"), column.name);
            if (sqlite && column.arrayDims > 0)
                throw InputError("column \"" + table.name + "." + column.name
                                     + "\" is an array, which is PostgreSQL-only: SQLite has no array types",
                                 source, jsonPathMember(path, "array"));
            if (!sqlite && column.generated && !column.generatedStored)
                throw InputError("column \"" + table.name + "." + column.name
                                     + "\" is a virtual generated column: PostgreSQL 15 has stored ones only "
                                       "(\"stored\": true)",
                                 source, jsonPathMember(jsonPathMember(path, "generated"), "stored"));
        }
        if (sqlite)
            for (const UniqueConstraint& unique : table.uniques)
                if (unique.deferral.deferrable)
                    throw InputError("unique constraint \"" + unique.name
                                         + "\" is deferrable, which is PostgreSQL-only: SQLite checks unique "
                                           "constraints at once (only its foreign keys can be deferred)",
                                     source,
                                     jsonPathMember(jsonPathMember(jsonPathMember(tablePath, "uniques"), unique.name),
                                                    "deferrable"));
    }
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
        Schema schema = refuseOtherDialectFeatures(parseSchema(text, source), config, source);
        refuseSequencesFor(config.dialect, schema, source);
        return schema;
    }
    if (config.modelsFile.empty())
        throw InputError("no models configured: add \"models\" (a file or {\"command\": [...]})",
                         config.configFile, "$.models");
    Schema schema = refuseOtherDialectFeatures(loadSchemaFile(config.modelsFile), config, config.modelsFile);
    refuseSequencesFor(config.dialect, schema, config.modelsFile);
    return schema;
}

} // namespace tempest
