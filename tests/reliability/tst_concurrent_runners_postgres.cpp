// Concurrency on PostgreSQL (issue 9): rounds of 8 `tempest-migrate upgrade` processes
// started at once on a fresh scratch database with a 12-revision history (tables
// created, columns added, 20,000 rows and a type change with USING over them, an enum
// value added and used in the same revision — the runner commits that value first, with
// the advisory lock held across its commits — and a branch merged back). Every revision
// is applied exactly once: every process exits 0, their "applied" lines are disjoint and
// together the whole history, the version table holds each id once with seq 1..12 in the
// graph's topological order, and the schema and rows are the ones a single run leaves.
// The runs do overlap: pg_locks shows runners waiting for the advisory lock.
#include "pg_cli_project.h"
#include "pg_state.h"

#include "core/revision/migration.h"
#include "core/revision/revision_graph.h"

#include <QElapsedTimer>
#include <QtTest>

#include <algorithm>
#include <set>

using namespace tempest;
using namespace tempest::test;

namespace {

constexpr int kRounds = 5, kRunners = 8;

/// The history, 12 revisions: c00..c04 in a line, then two branches (c05a..c07a and
/// c05b..c06b) merged by c08m, and c09 after the merge.
void writeHistory(PgCliProject& p)
{
    p.writeMigration("c00", {}, "mood and t0",
                     {R"({"kind": "create_enum", "name": "mood", "values": ["calm", "busy"]})",
                      createTableOp("t0", R"("v": {"type": "text"})")});
    p.writeMigration("c01", {"c00"}, "t0.w", {addColumnOp("t0", "w")});
    p.writeMigration("c02", {"c01"}, "t1",
                     {createTableOp("t1", R"("mood": {"type": "enum", "enum": "mood"}, "n": {"type": "text"})"),
                      pgExecuteOp("INSERT INTO t0 (id, v, w) SELECT i, (i * 10)::text, 'w' || i FROM "
                                  "generate_series(1, 20000) i;\n"
                                  "INSERT INTO t1 (id, mood, n) VALUES (1, 'calm', '7'), (2, 'busy', '8')")});
    p.writeMigration("c03", {"c02"}, "t0.v to integer",
                     {R"({"kind": "alter_column", "table": "t0", "column": "v", "from": {"type": "text"},
                          "to": {"type": "integer"}})"});
    p.writeMigration("c04", {"c03"}, "mood idle, used",
                     {R"({"kind": "add_enum_value", "name": "mood", "value": "idle"})",
                      pgExecuteOp("INSERT INTO t1 (id, mood) VALUES (3, 'idle');\n"
                                  "UPDATE t1 SET mood = 'idle' WHERE id = 1")});
    p.writeMigration("c05a", {"c04"}, "t2", {createTableOp("t2", R"("label": {"type": "varchar", "length": 40})")});
    p.writeMigration("c06a", {"c05a"}, "t2.x", {addColumnOp("t2", "x", "integer")});
    p.writeMigration("c07a", {"c06a"}, "t2 rows", {pgExecuteOp("INSERT INTO t2 (id, label, x) VALUES (1, 'one', 1)")});
    p.writeMigration("c05b", {"c04"}, "t1.n to integer",
                     {R"({"kind": "alter_column", "table": "t1", "column": "n", "from": {"type": "text"},
                          "to": {"type": "integer"}})"});
    p.writeMigration("c06b", {"c05b"}, "t1 index",
                     {R"({"kind": "create_index", "table": "t1", "name": "ix_t1_mood",
                          "definition": {"columns": ["mood"]}})"});
    p.writeMigration("c08m", {"c07a", "c06b"}, "merge", {});
    p.writeMigration("c09", {"c08m"}, "t0.z not null",
                     {R"({"kind": "add_column", "table": "t0", "column": "z",
                          "definition": {"type": "integer", "nullable": false, "default": {"value": 1}}})"});
}

std::string schemaAndRows(const PgCliProject& p)
{
    return pgIntrospectText(p) + pgDataDigest(*p.connect());
}

} // namespace

class TestConcurrentRunnersPostgres : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { TEMPEST_REQUIRE_PG(); }
    void eightRunnersApplyEachRevisionOnce();
};

void TestConcurrentRunnersPostgres::eightRunnersApplyEachRevisionOnce()
{
    QElapsedTimer timer;
    timer.start();
    // What a single run leaves.
    std::string expected;
    std::vector<std::string> topo;
    {
        PgCliProject single;
        single.writeConfig();
        writeHistory(single);
        const RevisionGraph graph(loadMigrationsDir(single.path("migrations")));
        topo = graph.topoOrder();
        QCOMPARE(int(topo.size()), 12);
        const CliRun run = single.run(cliArgs({"upgrade"}));
        QVERIFY2(run.exitCode == 0, run.describe().c_str());
        QCOMPARE(single.appliedIds(), topo);
        expected = schemaAndRows(single);
    }
    auto admin = PostgresDriver::connect(*pgTestConnInfo());
    std::int64_t mostWaiting = 0;
    std::string seqList;
    for (std::size_t i = 1; i <= topo.size(); ++i)
        seqList += (i > 1 ? "," : "") + std::to_string(i);

    for (int round = 0; round < kRounds; ++round) {
        const std::string at = "round " + std::to_string(round + 1) + ": ";
        PgCliProject p;
        p.writeConfig();
        writeHistory(p);
        std::vector<std::unique_ptr<QProcess>> runners;
        for (int r = 0; r < kRunners; ++r)
            runners.push_back(p.start(cliArgs({"upgrade"})));
        // While they run: how many wait for the advisory lock at once.
        std::int64_t waiting = 0;
        QElapsedTimer deadline;
        deadline.start();
        for (bool running = true; running;) {
            waiting = std::max(waiting, admin->query("SELECT count(*) AS n FROM pg_catalog.pg_locks l JOIN "
                                                     "pg_catalog.pg_database d ON d.oid = l.database WHERE "
                                                     "d.datname = $1 AND l.locktype = 'advisory' AND NOT l.granted",
                                                     {Value(p.database().name())})
                                            .integer(0, "n"));
            running = false;
            for (auto& runner : runners)
                if (runner->state() != QProcess::NotRunning && !runner->waitForFinished(2))
                    running = true;
            QVERIFY2(deadline.elapsed() < 120000, (at + "the runners did not finish in 120 s").c_str());
        }
        mostWaiting = std::max(mostWaiting, waiting);
        std::multiset<std::string> appliedLines;
        int applying = 0;
        for (auto& runner : runners) {
            CliRun run;
            run.exitCode = runner->exitStatus() == QProcess::NormalExit ? runner->exitCode() : -1;
            run.out = runner->readAllStandardOutput().toStdString();
            run.err = runner->readAllStandardError().toStdString();
            QVERIFY2(run.exitCode == 0, (at + run.describe()).c_str());
            const std::vector<std::string> lines = linesStartingWith(run, "applied ");
            for (const std::string& line : lines)
                appliedLines.insert(line.substr(8));
            applying += lines.empty() ? 0 : 1;
        }
        QCOMPARE(appliedLines, std::multiset<std::string>(topo.begin(), topo.end()));
        QCOMPARE(p.appliedIds(), topo);
        auto db = p.connect();
        const ResultSet seq = db->query("SELECT string_agg(seq::text, ',' ORDER BY seq) AS s, count(*) AS n, "
                                        "count(DISTINCT id) AS ids FROM tempest_db_migrations");
        QCOMPARE(seq.text(0, "s"), seqList);
        QCOMPARE(seq.integer(0, "ids"), std::int64_t(topo.size()));
        QCOMPARE(seq.integer(0, "n"), std::int64_t(topo.size()));
        QCOMPARE(schemaAndRows(p), expected);
        qInfo("%sthe history applied by %d of %d runners; at most %lld waited for the lock at once", at.c_str(),
              applying, kRunners, static_cast<long long>(waiting));
    }
    // The runs overlapped: runners did wait for the one holding the lock.
    QVERIFY(mostWaiting >= 1);
    qInfo("%d rounds of %d runners in %lld ms", kRounds, kRunners, timer.elapsed());
}

QTEST_GUILESS_MAIN(TestConcurrentRunnersPostgres)
#include "tst_concurrent_runners_postgres.moc"
