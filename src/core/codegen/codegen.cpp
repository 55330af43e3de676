#include "core/codegen/codegen.h"

#include "core/codegen/codegen_cpp.h"

#include "core/ir/errors.h"
#include "core/ir/json.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace tempest {

Migration makeMigration(std::string revision, std::vector<std::string> parents, std::string label,
                        std::vector<Operation> up)
{
    Migration m;
    m.revision = std::move(revision);
    m.downRevision = std::move(parents);
    m.label = std::move(label);
    m.createdAt = nowIso8601();
    m.up = std::move(up);
    try {
        m.down = invert(m.up);
    } catch (const IrreversibleError&) {
        m.down.clear();  // Migration::reversible() now reports false
    }
    return m;
}

std::vector<GeneratedMigration> generateMigration(const Migration& migration, MigrationFormat format)
{
    switch (format) {
    case MigrationFormat::Json:
        return {{migrationFileName(migration.revision, migration.label),
                 writeCanonicalJson(migrationToJson(migration))}};
    case MigrationFormat::Cpp: {
        // The JSON twin goes last: it is the file the CLI and the Studio read.
        const std::string jsonName = migrationFileName(migration.revision, migration.label);
        return {{migrationCppFileName(migration.revision, migration.label), generateMigrationCpp(migration, jsonName)},
                {jsonName, writeCanonicalJson(migrationToJson(migration))}};
    }
    }
    throw std::logic_error("generateMigration: unknown format");
}

void writeGeneratedFiles(const std::string& dir, const std::vector<GeneratedMigration>& files)
{
    namespace fs = std::filesystem;
    for (const GeneratedMigration& f : files) {
        const fs::path path = fs::path(dir) / f.fileName;
        std::error_code ec;
        if (fs::exists(fs::symlink_status(path, ec)))
            throw InputError("refusing to overwrite an existing file", path.string());
    }
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw InputError("cannot create folder: " + ec.message(), dir);
    for (const GeneratedMigration& f : files) {
        const std::string path = (fs::path(dir) / f.fileName).string();
        // "x": fail rather than overwrite a file that appeared since the check above.
        std::FILE* out = std::fopen(path.c_str(), "wx");
        if (!out)
            throw InputError(errno == EEXIST ? std::string("refusing to overwrite an existing file")
                                             : std::string("cannot write: ") + std::strerror(errno),
                             path);
        const bool written = std::fwrite(f.text.data(), 1, f.text.size(), out) == f.text.size();
        const bool closed = std::fclose(out) == 0;
        if (!written || !closed)
            throw InputError("cannot write: " + std::string(std::strerror(errno)), path);
    }
}

} // namespace tempest
