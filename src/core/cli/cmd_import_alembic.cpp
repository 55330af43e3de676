// `import-alembic VERSIONS_DIR [--stamp]`: an Alembic history as this project's
// migrations, optionally recorded as applied (core/project/import_alembic.h does the
// work; this prints it).
#include "core/cli/cmd_common.h"
#include "core/cli/commands.h"

#include "core/project/import_alembic.h"

namespace tempest {

int cmdImportAlembic(CliSession& session, const ParsedArgs& args)
{
    requirePositionals(args, 1, 1, "import-alembic");
    const bool stamp = args.has("--stamp");
    const AlembicImport imported = importAlembic(session.project(), args.positionals.front(), stamp);
    for (const std::string& warning : imported.warnings)
        session.warn(warning);
    for (std::size_t i = 0; i < imported.migrations.size(); ++i)
        session.print("imported " + imported.migrations[i].revision + " — " + imported.migrations[i].label);
    session.print("imported " + std::to_string(imported.migrations.size()) + " revisions into " +
                  session.project().config().migrationsDir + " (heads: " + joinIds(imported.heads) + ")");
    if (imported.toPort > 0)
        session.print(std::to_string(imported.toPort) + " of them hold an `execute` placeholder with the Python "
                      "upgrade() as comments, to port to SQL (" + std::to_string(imported.irreversible) +
                      " stay irreversible until their downgrade() is ported too)");
    session.result() = Json::object();
    if (stamp) {
        DriverPtr db = session.openDatabase(true);
        printStampResult(session, stampImport(session.project(), *db));
    } else {
        session.print("a database Alembic manages: `tempest-migrate stamp <id>` for each id in its alembic_version "
                      "table (or import with --stamp)");
    }
    Json revisions = Json::array();
    for (std::size_t i = 0; i < imported.migrations.size(); ++i)
        revisions.push_back({{"revision", imported.migrations[i].revision}, {"file", imported.files[i]}});
    session.result()["revisions"] = revisions;
    session.result()["heads"] = imported.heads;
    session.result()["toPort"] = imported.toPort;
    session.result()["irreversible"] = imported.irreversible;
    return 0;
}

} // namespace tempest
