#include "studio/project_snapshot.h"

#include "drivers/qtsql/qtsql_driver.h"
#include "studio/project.h"

#include <QFileInfo>

namespace tempest::studio {

ProjectSnapshot loadSnapshot(const tempest::Project& opened)
{
    ProjectSnapshot snapshot;
    std::string modelsStderr;
    try {
        // A fresh copy: the migrations and models are read again, as they are now.
        tempest::Project project(opened.config(), studioEnvironment(&modelsStderr));
        snapshot.graph = project.sharedGraph();
        const ProjectConfig& config = project.config();

        snapshot.status = projectStatusOrOffline(project, [&config] { return openDatabaseReadOnly(config); });
        snapshot.project = project;
        snapshot.models = snapshot.status.models;
        snapshot.live = snapshot.status.live;
        snapshot.databaseExists = snapshot.status.databaseExists;
        snapshot.operations = snapshot.status.driftOperations;
        snapshot.sourcedOperations = operationsBySource(project, snapshot.status);
        for (const AppliedRevision& row : snapshot.status.appliedRows)
            snapshot.applied.push_back(row.id);
        snapshot.warnings = snapshot.status.warnings;
    } catch (const std::exception& e) {
        snapshot.error = QString::fromUtf8(e.what());
    }
    if (!modelsStderr.empty())
        snapshot.warnings.push_back("models command: " + modelsStderr);
    return snapshot;
}

std::unique_ptr<Driver> openDatabaseReadOnly(const ProjectConfig& config)
{
    if (config.dialect == "sqlite") {
        if (!QFileInfo::exists(QString::fromStdString(config.database)))
            return nullptr;
        QtSqlSqliteOptions options;
        options.create = false;
        options.readOnly = true;
        return QtSqlDriver::openSqlite(config.database, options);
    }
    if (config.database.empty())
        return nullptr;
    return QtSqlDriver::connectPostgres(config.database, kStudioConnectTimeoutSeconds);
}

QString revisionRunSql(const tempest::Project& project, Direction direction, const std::string& revision)
{
    try {
        const std::unique_ptr<Driver> driver = openDatabaseReadOnly(project.config());
        const RunPlan plan = planRun(project, driver.get(), direction, revision);
        return QString::fromStdString(planSql(project, plan, driver.get()));
    } catch (const std::exception& e) {
        return QStringLiteral("-- ") + QString::fromUtf8(e.what());
    }
}

} // namespace tempest::studio
