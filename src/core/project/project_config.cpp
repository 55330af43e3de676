#include "core/project/project_config.h"

#include "core/driver/driver.h"
#include "core/ir/errors.h"
#include "core/ir/json.h"

#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace tempest {

std::string absolutePath(const std::string& path, const std::string& base)
{
    fs::path p(path);
    if (p.is_relative())
        p = fs::path(base) / p;
    return p.lexically_normal().string();
}

std::string ProjectConfig::displayDatabase() const
{
    return maskPassword(database);
}

namespace {

std::string readModels(const JsonObjectReader& reader, ProjectConfig& config)
{
    const Json& models = reader.get("models");
    const std::string path = reader.path("models");
    if (models.is_string()) {
        if (models.get<std::string>().empty())
            reader.fail("models", "expected a file path or {\"command\": [...]}, got an empty string");
        return absolutePath(models.get<std::string>(), config.projectDir);
    }
    if (!models.is_object())
        reader.fail("models", "expected a file path or {\"command\": [...]}");
    JsonObjectReader command(models, reader.file(), path);
    command.rejectUnknown({"command"});
    config.modelsCommand = command.stringList("command", true);
    if (config.modelsCommand.empty() || config.modelsCommand.front().empty())
        command.fail("command", "expected a non-empty list: the program and its arguments");
    return {};
}

} // namespace

ProjectConfig loadProjectConfig(const std::string& path, const DatabaseOverrides& overrides)
{
    ProjectConfig config;
    config.configFile = absolutePath(path, overrides.cwd);
    config.projectDir = fs::path(config.configFile).parent_path().string();

    std::error_code ec;
    if (!fs::exists(config.configFile, ec))
        throw InputError("project file not found (create one with `tempest-migrate init`, or pass --config)",
                         config.configFile);
    return projectConfigFromJson(readJsonFile(config.configFile), config.configFile, overrides);
}

ProjectConfig projectConfigFromJson(const Json& json, const std::string& configFile, const DatabaseOverrides& overrides)
{
    ProjectConfig config;
    config.configFile = configFile;
    config.projectDir = fs::path(config.configFile).parent_path().string();
    JsonObjectReader reader(json, config.configFile, "$");
    reader.rejectUnknown(
        {"dialect", "database", "migrations", "models", "versionTable", "schema", "versionTableSchema", "schemas"});

    if (reader.has("dialect")) {
        config.dialect = reader.requireString("dialect");
        if (config.dialect != "sqlite" && config.dialect != "postgresql")
            reader.fail("dialect", "unknown dialect \"" + config.dialect + "\": expected \"sqlite\" or \"postgresql\"");
    }
    config.migrationsDir = absolutePath(reader.optionalString("migrations").value_or("migrations"), config.projectDir);
    if (reader.has("models"))
        config.modelsFile = readModels(reader, config);
    if (auto table = reader.optionalString("versionTable")) {
        if (table->empty())
            reader.fail("versionTable", "expected a table name, got an empty string");
        config.versionTable = *table;
    }
    if (auto schema = reader.optionalString("schema")) {
        if (config.dialect != "postgresql")
            reader.fail("schema", "\"schema\" applies to the postgresql dialect only");
        config.schemaName = *schema;
    }
    if (auto schema = reader.optionalString("versionTableSchema")) {
        if (config.dialect != "postgresql")
            reader.fail("versionTableSchema", "\"versionTableSchema\" applies to the postgresql dialect only");
        if (schema->empty())
            reader.fail("versionTableSchema", "expected a schema name, got an empty string");
        config.versionTableSchema = *schema;
    }
    if (reader.has("schemas")) {
        if (config.dialect != "postgresql")
            reader.fail("schemas", "\"schemas\" applies to the postgresql dialect only");
        config.schemas = reader.stringList("schemas", true);
        for (std::size_t i = 0; i < config.schemas.size(); ++i) {
            const std::string& name = config.schemas[i];
            auto fail = [&](const std::string& message) {
                throw InputError(message, config.configFile, jsonPathIndex("$.schemas", i));
            };
            if (name.empty())
                fail("expected a schema name, got an empty string");
            if (name.find('.') != std::string::npos)
                fail("schema \"" + name + "\" has a '.', which the IR's schema.table names cannot tell apart");
            if (name == (config.schemaName.empty() ? "public" : config.schemaName))
                fail("\"" + name + "\" is the project's own schema; \"schemas\" lists the others");
            for (std::size_t j = 0; j < i; ++j)
                if (config.schemas[j] == name)
                    fail("schema \"" + name + "\" is named twice");
        }
    }

    // flag > environment > file (DESIGN.md); a relative SQLite path is relative to where
    // it was written: the command line's working directory, or the project folder.
    std::string fileDatabase = reader.optionalString("database").value_or("");
    std::string base = config.projectDir;
    if (!overrides.flag.empty()) {
        config.database = overrides.flag;
        config.databaseSource = "--database";
        base = overrides.cwd;
    } else if (!overrides.environment.empty()) {
        config.database = overrides.environment;
        config.databaseSource = "TEMPEST_DATABASE";
        base = overrides.cwd;
    } else {
        config.database = fileDatabase;
        config.databaseSource = config.configFile;
    }
    if (config.dialect == "sqlite" && !config.database.empty() && config.database != ":memory:")
        config.database = absolutePath(config.database, base);
    return config;
}

} // namespace tempest
