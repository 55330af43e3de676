// Every real Alembic history in tests/data/dags, converted into migration files: the
// files load back into a graph, `upgrade heads` on a real SQLite file applies every
// revision with its parents and dependsOn first (by the version table's seq), and
// `downgrade base` reverts them all, children before parents.
#include "alembic_dag.h"
#include "core/dialect/dialect.h"
#include "core/revision/revision_graph.h"
#include "core/runner/migration_runner.h"
#include "drivers/sqlite/sqlite_driver.h"
#include "sqlite_test.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

using namespace tempest;

class TstRunnerDags : public QObject {
    Q_OBJECT
private slots:
    void applyAndRevertRealHistories_data()
    {
        QTest::addColumn<QString>("file");
        for (const char* f : {"superset.json", "airflow.json", "airflow-main-squashed.json", "mlflow.json",
                              "neutron.json", "quay.json", "keystone.json"})
            QTest::newRow(f) << f;
    }
    void applyAndRevertRealHistories()
    {
        QFETCH(QString, file);
        const auto dag = test::readAlembicDag(std::string(TEMPEST_TEST_DATA_DIR "/dags/") + file.toStdString());
        QTemporaryDir dir;
        test::writeMigrationFiles(dir.path().toStdString(), test::toMigrations(dag));
        RevisionGraph graph(loadMigrationsDir(dir.path().toStdString()));
        QCOMPARE(graph.size(), dag.revisionCount);

        // heads: exactly the revisions no other names as a parent.
        std::set<std::string> named;
        for (const auto& r : dag.revisions)
            named.insert(r.downRevision.begin(), r.downRevision.end());
        std::set<std::string> expectedHeads;
        for (const auto& r : dag.revisions)
            if (!named.count(r.revision))
                expectedHeads.insert(r.revision);
        const auto heads = graph.heads();
        QCOMPARE(std::set<std::string>(heads.begin(), heads.end()), expectedHeads);

        test::SqliteTempFile db;
        auto driver = SqliteDriver::open(db.path());
        auto dialect = makeDialect("sqlite");
        MigrationRunner runner(graph, *dialect);
        const auto up = runner.upgrade(*driver, "heads");
        QCOMPARE(up.applied.size(), graph.size());

        std::map<std::string, std::int64_t> seq;
        for (const auto& row : runner.appliedRows(*driver))
            seq[row.id] = row.seq;
        QCOMPARE(seq.size(), graph.size());
        for (const auto& m : graph.migrations()) {
            for (const auto& p : m.downRevision)
                QVERIFY2(seq.at(p) < seq.at(m.revision), (p + " after its child " + m.revision).c_str());
            for (const auto& d : m.dependsOn)
                QVERIFY2(seq.at(d) < seq.at(m.revision), (d + " after its dependant " + m.revision).c_str());
        }

        const auto down = runner.downgrade(*driver, "base");
        QCOMPARE(down.reverted.size(), graph.size());
        std::map<std::string, std::size_t> position;
        for (std::size_t i = 0; i < down.reverted.size(); ++i)
            position[down.reverted[i]] = i;
        for (const auto& m : graph.migrations())
            for (const auto& p : m.downRevision)
                QVERIFY2(position.at(m.revision) < position.at(p), (p + " reverted before its child").c_str());
        QVERIFY(runner.applied(*driver).empty());
    }
};

QTEST_GUILESS_MAIN(TstRunnerDags)
#include "tst_runner_dags.moc"
