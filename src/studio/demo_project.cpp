#include "studio/demo_project.h"

#include "core/project/run_plan.h"
#include "core/project/status.h"
#include "drivers/sqlite/sqlite_driver.h"
#include "studio/project.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <stdexcept>

namespace tempest::studio {

QString DemoProject::displayName()
{
    return QCoreApplication::translate("tempest::studio::DemoProject", "demo (blog, SQLite)");
}

std::unique_ptr<DemoProject> DemoProject::create()
{
    std::unique_ptr<DemoProject> demo(new DemoProject);
    if (!demo->m_dir.isValid())
        throw std::runtime_error("cannot create a temporary directory for the demo project");
    QDirIterator it(QStringLiteral(":/demo"), QDir::Files, QDirIterator::Subdirectories);
    int copied = 0;
    while (it.hasNext()) {
        const QString source = it.next();
        const QString relative = source.mid(QStringLiteral(":/demo/").size());
        const QString target = QDir(demo->m_dir.path()).filePath(relative);
        QDir().mkpath(QFileInfo(target).path());
        if (!QFile::copy(source, target))
            throw std::runtime_error("cannot extract demo file " + relative.toStdString());
        // Resource files are read-only; the user may edit or add migrations.
        QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
        ++copied;
    }
    if (copied == 0)
        throw std::runtime_error("the demo project is not compiled into this build");

    const tempest::Project project = openStudioProject(demo->projectFile());
    auto driver = SqliteDriver::open(demo->databaseFile().toStdString());
    ProjectRun(project, planRun(project, driver.get(), Direction::Upgrade, "score03")).execute(*driver);
    driver->execute("INSERT INTO users (email, name, score) VALUES ('ada@example.com', 'Ada', 12.5)");
    driver->execute("INSERT INTO users (email, name, score) VALUES ('alan@example.com', 'Alan', 7)");
    driver->execute("INSERT INTO posts (id, user_id, title, body) VALUES (1, 1, 'Hello', 'First post')");
    // The drift: changes made by hand, outside any migration (and outside the version
    // table), their SQL rendered by the dialect like any other: a column only in the
    // database (posts.draft) and a column whose default differs (posts.body).
    Column draft;
    draft.name = "draft";
    draft.type = ColumnType::Integer;
    draft.defaultValue = DefaultValue::number("0");
    const Schema before = introspectDatabase(project, *driver);
    const Column* body = before.findTable("posts") ? before.findTable("posts")->findColumn("body") : nullptr;
    if (!body)
        throw std::runtime_error("the demo migrations no longer create posts.body");
    Column bodyWithDefault = *body;
    bodyWithDefault.defaultValue = DefaultValue::string("");
    RenderContext context;
    context.before = &before;
    context.live = driver.get();
    for (const Statement& st :
         project.dialect().render({AddColumn{"posts", draft}, AlterColumn{"posts", *body, bodyWithDefault}}, context))
        if (!st.commentOnly)
            driver->execute(st.sql);
    return demo;
}

QString DemoProject::projectFile() const { return QDir(m_dir.path()).filePath(QStringLiteral("tempest.json")); }

QString DemoProject::databaseFile() const { return QDir(m_dir.path()).filePath(QStringLiteral("demo.db")); }

} // namespace tempest::studio
