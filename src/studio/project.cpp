#include "studio/project.h"

#include <QDir>
#include <QFileInfo>

#include <cstdlib>

namespace tempest::studio {

Project Project::load(const QString& path)
{
    DatabaseOverrides overrides;
    if (const char* env = std::getenv("TEMPEST_DATABASE"))
        overrides.environment = env;
    overrides.cwd = QDir::currentPath().toStdString();
    Project project;
    project.config = loadProjectConfig(QFileInfo(path).absoluteFilePath().toStdString(), overrides);
    return project;
}

QString Project::title() const
{
    return QFileInfo(QString::fromStdString(config.projectDir)).fileName();
}

QString Project::displayDatabase() const { return QString::fromStdString(config.displayDatabase()); }

} // namespace tempest::studio
