// Concurrency on SQLite (issue 9): rounds of 8 `tempest-migrate upgrade` processes
// started at once on one database with a 12-revision history. Every revision is
// applied exactly once: the processes' "applied" lines are disjoint and together the
// whole history, the version table holds each id once with seq 1..12, every process
// exits 0, and the schema is the one a single run gives.
#include "cli_test_project.h"

#include "drivers/sqlite/sqlite_driver.h"

#include <QtTest>

#include <set>

using namespace tempest::test;

class TestConcurrentRunnersSqlite : public QObject {
    Q_OBJECT

private slots:
    void eightRunnersApplyEachRevisionOnce();
};

void TestConcurrentRunnersSqlite::eightRunnersApplyEachRevisionOnce()
{
    constexpr int kRounds = 5, kRunners = 8, kRevisions = 12;
    std::string expectedSchema;
    for (int round = 0; round < kRounds; ++round) {
        TestProject p;
        p.writeConfig();
        std::vector<std::string> ids;
        for (int i = 0; i < kRevisions; ++i) {
            const std::string id = "c" + std::to_string(100 + i);
            // Tables, columns added in place and a rebuild (a NOT NULL column) in turn.
            std::vector<std::string> ops;
            if (i % 3 == 0)
                ops = {createTableOp("t" + std::to_string(i), R"("v": {"type": "text"})")};
            else if (i % 3 == 1)
                ops = {addColumnOp("t" + std::to_string(i - 1), "w")};
            else
                ops = {R"({"kind": "add_column", "table": "t)" + std::to_string(i - 2)
                       + R"(", "column": "n", "definition": {"type": "integer", "nullable": false, "default": {"value": 1}}})"};
            p.writeMigration(id, ids.empty() ? std::vector<std::string>{} : std::vector<std::string>{ids.back()},
                             "step " + std::to_string(i), ops);
            ids.push_back(id);
        }
        std::vector<std::unique_ptr<QProcess>> runners;
        for (int r = 0; r < kRunners; ++r)
            runners.push_back(p.start({"upgrade"}));
        std::multiset<std::string> appliedLines;
        for (auto& runner : runners) {
            const CliRun run = TestProject::collect(*runner);
            QVERIFY2(run.exitCode == 0, run.describe().c_str());
            for (const std::string& line : run.outLines())
                if (line.rfind("applied ", 0) == 0)
                    appliedLines.insert(line.substr(8));
        }
        QCOMPARE(appliedLines, std::multiset<std::string>(ids.begin(), ids.end()));
        QCOMPARE(p.appliedIds(), ids);
        const std::string schema = p.schemaDump();
        if (expectedSchema.empty())
            expectedSchema = schema;
        QCOMPARE(schema, expectedSchema);
        auto db = tempest::SqliteDriver::open(p.dbPath());
        const auto seq = db->query("SELECT group_concat(seq, ',') AS s FROM (SELECT seq FROM tempest_db_migrations "
                                   "ORDER BY seq)");
        QCOMPARE(seq.text(0, "s"), std::string("1,2,3,4,5,6,7,8,9,10,11,12"));
    }
}

QTEST_GUILESS_MAIN(TestConcurrentRunnersSqlite)
#include "tst_concurrent_runners_sqlite.moc"
