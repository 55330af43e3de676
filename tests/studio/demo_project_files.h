#pragma once
// The demo's models and migrations (users, posts, a tags branch and a score branch,
// their merge, comments) copied into a folder with a tempest.json of the given dialect
// and database: a project the Studio tests can point at any server.

#include <QDir>
#include <QFile>
#include <QString>

#include <string>

namespace tempest::test {

inline bool writeDemoProjectFiles(const QString& dir, const QString& dialect, const std::string& database)
{
    const QDir demo(QStringLiteral(TEMPEST_SOURCE_DIR "/resources/demo"));
    QDir().mkpath(dir + "/migrations");
    bool ok = QFile::copy(demo.filePath(QStringLiteral("models.json")), dir + "/models.json");
    for (const QString& f : QDir(demo.filePath(QStringLiteral("migrations"))).entryList({"*.json"}, QDir::Files))
        ok = ok && QFile::copy(demo.filePath("migrations/" + f), dir + "/migrations/" + f);
    QFile project(dir + "/tempest.json");
    ok = ok && project.open(QIODevice::WriteOnly);
    QString escaped = QString::fromStdString(database);
    escaped.replace('\\', QLatin1String("\\\\")).replace('"', QLatin1String("\\\""));
    project.write(QStringLiteral(R"({"dialect": "%1", "database": "%2", "migrations": "migrations", "models": "models.json"})")
                      .arg(dialect, escaped)
                      .toUtf8());
    return ok;
}

} // namespace tempest::test
