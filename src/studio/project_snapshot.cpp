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

        std::unique_ptr<QtSqlDriver> driver;
        if (config.dialect == "sqlite") {
            if (QFileInfo::exists(QString::fromStdString(config.database))) {
                QtSqlSqliteOptions options;
                options.create = false;
                options.readOnly = true;
                driver = QtSqlDriver::openSqlite(config.database, options);
            }
        } else if (!config.database.empty()) {
            driver = QtSqlDriver::connectPostgres(config.database);
        }
        snapshot.status = projectStatus(project, driver.get());
        snapshot.project = project;
        snapshot.models = snapshot.status.models;
        snapshot.live = snapshot.status.live;
        snapshot.databaseExists = snapshot.status.databaseExists;
        snapshot.operations = snapshot.status.driftOperations;
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

} // namespace tempest::studio
