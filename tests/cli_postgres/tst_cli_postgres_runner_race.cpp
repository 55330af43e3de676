// The race behind "four concurrent upgrades" made deterministic: a runner reads the
// version table, plans, and before it takes the lock another runner applies part of that
// plan. The late runner must apply only what is still pending — not refuse the plan as
// if its revisions did not fit the history (it once failed with exit 2: `create_table
// posts: table "posts" already exists`, 1 run in 6 of cli_postgres_migrate).
#include "pg_cli_project.h"

#include "core/dialect/dialect.h"
#include "core/revision/migration.h"
#include "core/revision/revision_graph.h"
#include "core/runner/migration_runner.h"

#include <QTest>

#include <functional>

using namespace tempest::test;

namespace {

// Forwards to a real connection; runs `interlude` once, just before the version table's
// rows are read for the `nth` time.
class InterleavingDriver : public tempest::Driver {
public:
    InterleavingDriver(tempest::Driver& inner, int nth, std::function<void()> interlude)
        : m_inner(inner), m_nth(nth), m_interlude(std::move(interlude))
    {
    }
    std::string dialectName() const override { return m_inner.dialectName(); }
    std::string description() const override { return m_inner.description(); }
    void execute(std::string_view sql, const std::vector<tempest::Value>& params = {}) override
    {
        m_inner.execute(sql, params);
    }
    tempest::ResultSet query(std::string_view sql, const std::vector<tempest::Value>& params = {}) override
    {
        if (sql.find("ORDER BY \"seq\"") != std::string_view::npos && ++m_reads == m_nth && m_interlude)
            std::exchange(m_interlude, {})();
        return m_inner.query(sql, params);
    }
    void interrupt() override { m_inner.interrupt(); }
    bool interludeRan() const { return !m_interlude; }

private:
    tempest::Driver& m_inner;
    int m_nth;
    int m_reads = 0;
    std::function<void()> m_interlude;
};

} // namespace

class TestCliPostgresRunnerRace : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { TEMPEST_REQUIRE_PG(); }
    void anotherRunnerGoesFirst_data();
    void anotherRunnerGoesFirst();
};

void TestCliPostgresRunnerRace::anotherRunnerGoesFirst_data()
{
    // Which read of the version table the other runner slips in front of: upgrade()'s own
    // (1), or the one run() checks the plan against before taking the lock (2). (The
    // third is under the lock: the other runner would wait for it.)
    QTest::addColumn<int>("nth");
    QTest::newRow("before planning") << 1;
    QTest::newRow("between planning and the lock") << 2;
}

void TestCliPostgresRunnerRace::anotherRunnerGoesFirst()
{
    QFETCH(int, nth);
    PgCliProject p;
    p.writeConfig();
    p.writeMigration("r1", {}, "create users", {createTableOp("users")});
    p.writeMigration("r2", {"r1"}, "create posts", {createTableOp("posts")});
    p.writeMigration("r3", {"r2"}, "add users.name", {addColumnOp("users", "name")});
    const tempest::RevisionGraph graph(tempest::loadMigrationsDir(p.path("migrations")));
    const auto dialect = tempest::makeDialect("postgresql");
    QVERIFY(p.run(cliArgs({"upgrade", "r1"})).exitCode == 0);

    auto mine = p.connect();
    auto theirs = p.connect();
    InterleavingDriver driver(*mine, nth, [&] {
        tempest::MigrationRunner other(graph, *dialect);
        other.upgrade(*theirs, "r2");
    });
    tempest::MigrationRunner runner(graph, *dialect);
    tempest::RunResult result;
    try {
        result = runner.upgrade(driver, "heads");
    } catch (const std::exception& e) {
        QFAIL(e.what());
    }
    QVERIFY(driver.interludeRan());
    QCOMPARE(result.applied, std::vector<std::string>{"r3"});
    QCOMPARE(p.appliedIds(), (std::vector<std::string>{"r1", "r2", "r3"}));
    QCOMPARE(p.columns("users"), (std::vector<std::string>{"id", "name"}));
}

QTEST_GUILESS_MAIN(TestCliPostgresRunnerRace)
#include "tst_cli_postgres_runner_race.moc"
