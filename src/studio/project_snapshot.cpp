#include "studio/project_snapshot.h"

#include "core/cli/models_command.h"
#include "core/diff/diff.h"
#include "core/ir/errors.h"
#include "core/ir/schema_json.h"
#include "core/revision/migration.h"
#include "core/revision/replay.h"
#include "core/runner/migration_runner.h"
#include "drivers/qtsql/qtsql_driver.h"

#include <QFileInfo>

#include <algorithm>

namespace tempest::studio {

namespace {

Schema loadModels(const ProjectConfig& config)
{
    if (!config.modelsFile.empty())
        return loadSchemaFile(config.modelsFile);
    if (!config.modelsCommand.empty()) {
        ModelsCommandOptions options;
        options.workingDir = config.projectDir;
        const std::string out = runModelsCommand(config.modelsCommand, options);
        return parseSchema(out, commandLine(config.modelsCommand));
    }
    return emptySchema();
}

} // namespace

ProjectSnapshot loadSnapshot(const ProjectConfig& config)
{
    ProjectSnapshot snapshot;
    try {
        auto dialect = makeDialect(config.dialect);
        if (QFileInfo::exists(QString::fromStdString(config.migrationsDir)))
            snapshot.graph = std::make_shared<RevisionGraph>(loadMigrationsDir(config.migrationsDir));
        snapshot.warnings = snapshot.graph->warnings();
        snapshot.models = loadModels(config);

        std::unique_ptr<QtSqlDriver> driver;
        if (config.dialect == "sqlite") {
            snapshot.databaseExists = QFileInfo::exists(QString::fromStdString(config.database));
            if (snapshot.databaseExists) {
                QtSqlSqliteOptions options;
                options.create = false;
                options.readOnly = true;
                driver = QtSqlDriver::openSqlite(config.database, options);
            }
        } else if (!config.database.empty()) {
            driver = QtSqlDriver::connectPostgres(config.database);
            snapshot.databaseExists = true;
        }

        RunnerOptions runnerOptions;
        runnerOptions.versionTable = config.versionTable;
        runnerOptions.schemaName = config.schemaName;
        MigrationRunner runner(*snapshot.graph, *dialect, runnerOptions);
        if (driver) {
            IntrospectOptions options;
            options.schemaName = config.schemaName;
            options.versionTable = config.versionTable;
            snapshot.live = dialect->introspect(*driver, options);
            snapshot.applied = runner.applied(*driver);
            for (const auto& w : runner.checksumWarnings(runner.appliedRows(*driver)))
                snapshot.warnings.push_back(w);
        }

        DriftHistory history;
        std::vector<std::string> appliedInOrder;
        for (const auto& id : snapshot.graph->topoOrder()) {
            if (std::find(snapshot.applied.begin(), snapshot.applied.end(), id) != snapshot.applied.end())
                appliedInOrder.push_back(id);
            else
                history.pendingRevisions.push_back(id);
        }
        history.appliedSchema = replaySchema(*snapshot.graph, appliedInOrder);
        snapshot.drift = compareDrift(snapshot.live, *dialect, snapshot.models, history);

        DiffOptions diffOptions;
        diffOptions.rules = &dialect->rules();
        snapshot.operations = diffSchema(snapshot.live, dialect->normalizeModel(snapshot.models), diffOptions);
    } catch (const std::exception& e) {
        snapshot.error = QString::fromUtf8(e.what());
    }
    return snapshot;
}

} // namespace tempest::studio
