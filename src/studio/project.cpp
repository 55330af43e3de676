#include "studio/project.h"

#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>

namespace tempest::studio {

ProjectEnvironment studioEnvironment(std::string* stderrText)
{
    ProjectEnvironment environment;
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    for (const QString& key : system.keys())
        environment.variables[key.toStdString()] = system.value(key).toStdString();
    environment.cwd = QDir::currentPath().toStdString();
    if (stderrText)
        environment.stderrSink = [stderrText](std::string_view text) { stderrText->append(text); };
    return environment;
}

tempest::Project openStudioProject(const QString& path, const std::string& database)
{
    return tempest::Project::open(QFileInfo(path).absoluteFilePath().toStdString(), database, studioEnvironment());
}

QString projectTitle(const tempest::Project& project)
{
    return QFileInfo(QString::fromStdString(project.config().projectDir)).fileName();
}

QString projectDatabase(const tempest::Project& project)
{
    return QString::fromStdString(project.config().displayDatabase());
}

} // namespace tempest::studio
