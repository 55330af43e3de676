// Tempest Studio on a PostgreSQL project (QPSQL, the test cluster of the `postgres`
// fixture): "Upgrade to here" and "Downgrade to here" through the real widgets, checked
// through a separate libpq connection (tempest::PostgresDriver), not through the Studio.

#include "demo_project_files.h"
#include "pg_test.h"
#include "studio/confirm_destructive_dialog.h"
#include "studio/main_window.h"
#include "studio/revision_graph_model.h"

#include <QDir>
#include <QFile>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTableWidget>
#include <QTest>

#include <set>

using namespace tempest;
using namespace tempest::studio;

namespace {

using IdSet = std::set<std::string>;

IdSet column(const ResultSet& rows, const char* name)
{
    IdSet values;
    for (std::size_t i = 0; i < rows.rows.size(); ++i)
        values.insert(rows.text(i, name));
    return values;
}

IdSet appliedIds(PostgresDriver& db) { return column(db.query("SELECT id FROM tempest_db_migrations"), "id"); }

IdSet publicTables(PostgresDriver& db)
{
    return column(db.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"),
                  "table_name");
}

bool selectRevision(QAbstractItemView* dag, const QString& revision)
{
    for (int r = 0; r < dag->model()->rowCount(); ++r) {
        const QModelIndex index = dag->model()->index(r, 0);
        if (index.data(RevisionGraphModel::RevisionIdRole).toString() == revision) {
            dag->scrollTo(index);
            QTest::mouseClick(dag->viewport(), Qt::LeftButton, {}, dag->visualRect(index).center());
            return dag->currentIndex() == index;
        }
    }
    return false;
}

/// The demo project with a tempest.json pointing at `conninfo`.
bool writePostgresProject(const QString& dir, const std::string& conninfo)
{
    return tempest::test::writeDemoProjectFiles(dir, QStringLiteral("postgresql"), conninfo);
}

} // namespace

class TestStudioPostgres : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("tempest-db-tests"));
        TEMPEST_REQUIRE_PG();
    }
    void upgradeToHereThenDowngradeToHere();
};

void TestStudioPostgres::upgradeToHereThenDowngradeToHere()
{
    test::PgScratchDatabase scratch;
    QTemporaryDir dir;
    QVERIFY(writePostgresProject(dir.path(), scratch.connInfo()));
    auto check = PostgresDriver::connect(scratch.connInfo());

    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::snapshotLoaded);
    QSignalSpy finished(&window, &MainWindow::runFinished);
    window.openProject(dir.filePath(QStringLiteral("tempest.json")));
    window.show();
    QVERIFY(loaded.wait(30000));
    auto* dag = window.findChild<QAbstractItemView*>(QStringLiteral("dagView"));
    QCOMPARE(dag->model()->rowCount(), 6);
    QCOMPARE(publicTables(*check), IdSet{});

    // Up to tags03: it and its ancestors, not the score03 branch nor the merge after it.
    QVERIFY(selectRevision(dag, QStringLiteral("tags03")));
    QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("upgradeHereButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QCOMPARE(appliedIds(*check), (IdSet{"base01", "posts02", "tags03"}));
    QCOMPARE(publicTables(*check), (IdSet{"users", "posts", "tags", "post_tags", "tempest_db_migrations"}));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 30000);
    for (int r = 0; r < dag->model()->rowCount(); ++r) {
        const QModelIndex index = dag->model()->index(r, 0);
        const std::string id = index.data(RevisionGraphModel::RevisionIdRole).toString().toStdString();
        QCOMPARE(index.data(RevisionGraphModel::AppliedRole).toBool(), appliedIds(*check).count(id) == 1);
    }

    // Down to base01: reverting tags03 and posts02 drops tables, so the Studio asks first,
    // saying how many rows each holds on the server.
    check->execute("INSERT INTO users (id, email) VALUES (1, 'ada@example.com')");
    check->execute("INSERT INTO posts (id, user_id, title) VALUES (1, 1, 'a'), (2, 1, 'b'), (3, 1, 'c')");
    QVERIFY(selectRevision(dag, QStringLiteral("base01")));
    QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("downgradeHereButton")), Qt::LeftButton);
    ConfirmDestructiveDialog* confirm = nullptr;
    QTRY_VERIFY((confirm = window.findChild<ConfirmDestructiveDialog*>()) != nullptr);
    auto* facts = confirm->findChild<QTableWidget*>(QStringLiteral("factsTable"));
    QStringList rows;
    for (int r = 0; r < facts->rowCount(); ++r)
        rows << facts->item(r, 1)->text().section(QLatin1Char(' '), 0, 2) + QStringLiteral(": ") + facts->item(r, 3)->text();
    QVERIFY2(rows.contains(QStringLiteral("drop table posts: 3 rows")), qPrintable(rows.join(QLatin1Char('\n'))));
    QTest::mouseClick(confirm->findChild<QPushButton*>(QStringLiteral("applyAnywayButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QVERIFY2(finished.at(1).at(0).toBool(), qPrintable(finished.at(1).at(1).toString()));
    QCOMPARE(appliedIds(*check), IdSet{"base01"});
    QCOMPARE(publicTables(*check), (IdSet{"users", "tempest_db_migrations"}));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 3, 30000);
}

QTEST_MAIN(TestStudioPostgres)
#include "tst_studio_postgres.moc"
