#include "core/project/import_alembic.h"

#include "core/codegen/codegen.h"
#include "core/ir/errors.h"
#include "core/project/run_plan.h"
#include "core/revision/alembic_import.h"
#include "core/revision/revision_graph.h"

#include <filesystem>
#include <map>

namespace tempest {

AlembicImport importAlembic(const Project& project, const std::string& versionsDir, bool forStamp)
{
    const std::vector<AlembicScript> scripts = readAlembicVersions(versionsDir);
    if (scripts.empty())
        throw InputError("no Alembic revision script here (a .py file with a module-level `revision = \"…\"`)",
                         versionsDir);

    const RevisionGraph& existing = project.graph();
    std::vector<Migration> combined = existing.migrations();
    std::map<std::string, std::size_t> imported;  // revision → index in combined
    AlembicImport result;
    for (const AlembicScript& script : scripts) {
        Migration m = migrationFromAlembic(script);
        if (const Migration* clash = existing.find(m.revision))
            throw InputError("revision " + m.revision + " is already in the project (" + clash->file + ")",
                             script.file, "", m.revision);
        if (!script.upgradeBody.empty()) {
            ++result.toPort;
            if (!script.downgradeBody.empty())
                ++result.irreversible;
        }
        m.file = script.file;  // until written, the script is what an error names
        imported[m.revision] = combined.size();
        combined.push_back(std::move(m));
    }
    const RevisionGraph graph(combined);  // refuses a dangling parent, a cycle, a label twice
    if (forStamp)
        for (const std::string& head : graph.heads())
            if (!imported.count(head))
                throw InputError("--stamp would also record head " + head +
                                     " of the project as applied; import without --stamp and `stamp` each "
                                     "imported head",
                                 versionsDir, "", head);

    std::vector<GeneratedMigration> files;
    for (const std::string& id : graph.topoOrder()) {
        const auto it = imported.find(id);
        if (it == imported.end())
            continue;
        Migration m = graph.at(id);  // dependsOn already cleaned of parents
        for (auto& file : generateMigration(m, MigrationFormat::Json))
            files.push_back(std::move(file));
        m.file = (std::filesystem::path(project.config().migrationsDir) / files.back().fileName).string();
        result.files.push_back(m.file);
        result.migrations.push_back(std::move(m));
    }
    writeGeneratedFiles(project.config().migrationsDir, files);  // all or nothing
    result.heads = graph.heads();
    result.warnings = graph.warnings();
    return result;
}

RunResult stampImport(const Project& project, Driver& db)
{
    // `project` may have loaded its graph before the import wrote the files.
    const Project reread(project.config(), project.environment());
    return stampDatabase(reread, db, "heads");
}

} // namespace tempest
