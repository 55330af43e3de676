// `init [DIR]`: scaffold a project without ever overwriting a file.
#include "core/cli/cmd_common.h"
#include "core/cli/commands.h"

#include "core/ir/errors.h"
#include "core/ir/schema_json.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace fs = std::filesystem;

namespace tempest {

namespace {

// "wx": fails when the file appeared since we looked, so a race cannot overwrite either.
void writeNewFile(const std::string& path, const std::string& text)
{
    std::FILE* file = std::fopen(path.c_str(), "wx");
    if (!file)
        throw InputError(std::string("cannot create file: ") + std::strerror(errno), path);
    const bool ok = std::fwrite(text.data(), 1, text.size(), file) == text.size();
    if (std::fclose(file) != 0 || !ok)
        throw InputError("cannot write file", path);
}

} // namespace

int cmdInit(CliSession& session, const ParsedArgs& args)
{
    requirePositionals(args, 0, 1, "init");
    const std::string dir = absolutePath(args.positionals.empty() ? "." : args.positionals[0], session.io().cwd);
    const std::string configFile = (fs::path(dir) / "tempest.json").string();
    const std::string modelsFile = (fs::path(dir) / "models.json").string();
    const std::string migrationsDir = (fs::path(dir) / "migrations").string();

    // Everything is checked before anything is created: init never overwrites.
    std::error_code ec;
    for (const std::string& path : {configFile, modelsFile}) {
        if (fs::exists(fs::symlink_status(path, ec)))
            throw InputError("already exists; init never overwrites a file", path);
    }
    if (fs::exists(migrationsDir, ec) && !fs::is_directory(migrationsDir, ec))
        throw InputError("already exists and is not a folder; init never overwrites a file", migrationsDir);

    Json config = Json::object();
    config["dialect"] = "sqlite";
    config["database"] = "app.db";
    config["migrations"] = "migrations";
    config["models"] = "models.json";
    config["versionTable"] = "tempest_db_migrations";

    std::vector<std::string> created;
    fs::create_directories(dir, ec);
    if (ec)
        throw InputError("cannot create folder: " + ec.message(), dir);
    writeNewFile(configFile, writeCanonicalJson(config));
    created.push_back(configFile);
    if (!fs::exists(migrationsDir, ec)) {
        fs::create_directory(migrationsDir, ec);
        if (ec)
            throw InputError("cannot create folder: " + ec.message(), migrationsDir);
        created.push_back(migrationsDir + "/");
    }
    writeNewFile(modelsFile, toJson(Schema{}));
    created.push_back(modelsFile);

    for (const std::string& path : created)
        session.print("created " + path);
    session.result()["created"] = created;
    return 0;
}

} // namespace tempest
