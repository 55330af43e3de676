// Crash safety on SQLite (issue 9): a multi-revision upgrade with table rebuilds of
// 20,000-row tables (one with a child table and a cascading foreign key), killed with
// SIGKILL before each of its driver calls (crash_runner) and at random moments (the
// real binary, kill -9). After every kill the database passes integrity and
// foreign-key checks, is exactly at a revision boundary (schema and every row as a
// clean run leaves them there), and a rerun completes to the same end state.
#include "cli_test_project.h"
#include "crash_trials.h"

#include "core/driver/driver.h"
#include "drivers/sqlite/sqlite_driver.h"

#include <QProcess>
#include <QtTest>

#include <filesystem>
#include <functional>
#include <map>
#include <random>

using namespace tempest;
using namespace tempest::test;

namespace {

const char* kModelsV1 = R"({"tables": {
  "parent": {"columns": {"id": {"type": "integer", "autoincrement": true}, "name": {"type": "text", "nullable": false},
                         "code": {"type": "text"}}, "primaryKey": ["id"]},
  "child": {"columns": {"id": {"type": "integer"}, "parent_id": {"type": "integer", "nullable": false},
                        "note": {"type": "text"}}, "primaryKey": ["id"],
            "indexes": {"ix_child_parent": {"columns": ["parent_id"]}},
            "foreignKeys": {"fk_child_parent": {"columns": ["parent_id"], "refTable": "parent", "refColumns": ["id"],
                                                "onDelete": "cascade"}}}}})";
// code text → integer (rebuild with CAST), a NOT NULL column with a default, an index.
const char* kModelsV2 = R"({"tables": {
  "parent": {"columns": {"id": {"type": "integer", "autoincrement": true}, "name": {"type": "text", "nullable": false},
                         "code": {"type": "integer"}, "score": {"type": "integer", "nullable": false, "default": {"value": 0}}},
             "primaryKey": ["id"], "indexes": {"ix_parent_name": {"columns": ["name"]}}},
  "child": {"columns": {"id": {"type": "integer"}, "parent_id": {"type": "integer", "nullable": false},
                        "note": {"type": "text"}}, "primaryKey": ["id"],
            "indexes": {"ix_child_parent": {"columns": ["parent_id"]}},
            "foreignKeys": {"fk_child_parent": {"columns": ["parent_id"], "refTable": "parent", "refColumns": ["id"],
                                                "onDelete": "cascade"}}}}})";
// child: note renamed to body and made NOT NULL with a default (rebuild of the child
// table under a cascading key), the parent's index dropped, a check added.
const char* kModelsV3 = R"({"tables": {
  "parent": {"columns": {"id": {"type": "integer", "autoincrement": true}, "name": {"type": "text", "nullable": false},
                         "code": {"type": "integer"}, "score": {"type": "integer", "nullable": false, "default": {"value": 0}}},
             "primaryKey": ["id"], "checks": {"ck_parent_score": {"expr": "score >= 0"}}},
  "child": {"columns": {"id": {"type": "integer"}, "parent_id": {"type": "integer", "nullable": false},
                        "body": {"type": "varchar", "length": 200, "nullable": false, "default": {"value": ""},
                                 "renamedFrom": "note"}}, "primaryKey": ["id"],
            "indexes": {"ix_child_parent": {"columns": ["parent_id"]}},
            "foreignKeys": {"fk_child_parent": {"columns": ["parent_id"], "refTable": "parent", "refColumns": ["id"],
                                                "onDelete": "cascade"}}}}})";

constexpr int kRows = 20000;

/// Every row of every table, hashed in rowid order: what "every row intact" compares.
std::string dataDigest(const std::string& database)
{
    auto db = SqliteDriver::open(database);
    std::string digest;
    for (const char* table : {"parent", "child"}) {
        const ResultSet rows = db->query(std::string("SELECT * FROM \"") + table + "\" ORDER BY rowid");
        std::size_t hash = 0;
        for (const auto& row : rows.rows)
            for (const auto& value : row)
                hash = hash * 1000003u ^ std::hash<std::string>{}(valueToString(value));
        digest += std::string(table) + ":" + std::to_string(rows.rows.size()) + ":" + std::to_string(hash) + " ";
    }
    return digest;
}

struct Boundary {
    std::string schema;  // sqlite_schema rows
    std::string data;
};

} // namespace

class TestCrashSafetySqlite : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void killedBeforeEveryDriverCall();
    void killedAtRandomMoments();

private:
    /// Copies the database at r1 (with its rows) to app.db.
    void resetDatabase();
    /// The revision the database is at, after checking it is a clean boundary.
    void verifyAtBoundary(const QString& trial);
    void verifyRerunCompletes(const QString& trial);

    TestProject m_project;
    std::string m_base;  // the database at r1 with rows
    std::vector<std::string> m_chain;
    std::map<std::string, Boundary> m_boundaries;  // by the last applied revision
    int m_trials = 0;
};

void TestCrashSafetySqlite::initTestCase()
{
    TestProject& p = m_project;
    p.writeConfig();
    const char* models[] = {kModelsV1, kModelsV2, kModelsV3};
    for (int i = 0; i < 3; ++i) {
        p.writeModels(models[i]);
        const std::string id = "r" + std::to_string(i + 1);
        const CliRun r = p.run({"revision", "--autogenerate", "-m", QString::fromStdString("step " + id), "--rev-id",
                                QString::fromStdString(id)});
        QVERIFY2(r.exitCode == 0, r.describe().c_str());
        m_chain.push_back(id);
        if (i == 1) {  // a trigger through execute, in a revision of its own
            p.writeMigration("r2t", {"r2"}, "trigger",
                             {executeOp("CREATE TRIGGER trg_child AFTER INSERT ON child BEGIN UPDATE parent SET "
                                        "score = score + 1 WHERE id = NEW.parent_id; END",
                                        "DROP TRIGGER trg_child")});
            m_chain.push_back("r2t");
        }
    }
    QVERIFY2(contains(p.readFile("migrations/r3_step_r3.json"), "\"r2t\""), "r3 descends from the trigger revision");

    QVERIFY2(p.run({"upgrade", "r1"}).exitCode == 0, "upgrade r1");
    {
        auto db = SqliteDriver::open(p.dbPath());
        db->execute("BEGIN");
        for (int i = 1; i <= kRows; ++i) {
            db->execute("INSERT INTO parent (name, code) VALUES (?, ?)",
                        {Value("name " + std::to_string(i)), Value(std::to_string(i % 977))});
            db->execute("INSERT INTO child (id, parent_id, note) VALUES (?, ?, ?)",
                        {Value(std::int64_t(i)), Value(std::int64_t(1 + i % kRows)),
                         i % 5 ? Value("note " + std::to_string(i)) : Value()});
        }
        db->execute("COMMIT");
    }
    m_base = p.path("base.db");
    std::filesystem::copy_file(p.dbPath(), m_base);
    // The boundaries a clean run passes, one revision at a time.
    m_boundaries["r1"] = {p.schemaDump(), dataDigest(p.dbPath())};
    for (std::size_t i = 1; i < m_chain.size(); ++i) {
        const CliRun r = p.run({"upgrade", QString::fromStdString(m_chain[i])});
        QVERIFY2(r.exitCode == 0, r.describe().c_str());
        m_boundaries[m_chain[i]] = {p.schemaDump(), dataDigest(p.dbPath())};
    }
}

void TestCrashSafetySqlite::resetDatabase()
{
    std::filesystem::remove(m_project.dbPath());
    std::filesystem::remove(m_project.dbPath() + "-journal");
    std::filesystem::copy_file(m_base, m_project.dbPath());
}

void TestCrashSafetySqlite::verifyAtBoundary(const QString& trial)
{
    const std::string at = trial.toStdString();
    {
        auto db = SqliteDriver::open(m_project.dbPath());
        QVERIFY2(db->query("PRAGMA integrity_check").text(0, "integrity_check") == "ok", at.c_str());
        QVERIFY2(db->query("PRAGMA foreign_key_check").rows.empty(), at.c_str());
    }
    const std::vector<std::string> applied = m_project.appliedIds();
    QVERIFY2(!applied.empty() && applied.size() <= m_chain.size(), at.c_str());
    QVERIFY2(std::equal(applied.begin(), applied.end(), m_chain.begin()), (at + ": not a prefix of the chain").c_str());
    const Boundary& expected = m_boundaries.at(applied.back());
    QVERIFY2(m_project.schemaDump() == expected.schema,
             (at + ": schema is not the one at " + applied.back() + "\n" + m_project.schemaDump()).c_str());
    QVERIFY2(dataDigest(m_project.dbPath()) == expected.data, (at + ": rows differ at " + applied.back()).c_str());
}

void TestCrashSafetySqlite::verifyRerunCompletes(const QString& trial)
{
    const CliRun rerun = m_project.run({"upgrade"});
    QVERIFY2(rerun.exitCode == 0, (trial.toStdString() + ": " + rerun.describe()).c_str());
    const Boundary& end = m_boundaries.at(m_chain.back());
    QVERIFY2(m_project.schemaDump() == end.schema, qPrintable(trial));
    QVERIFY2(dataDigest(m_project.dbPath()) == end.data, qPrintable(trial));
    ++m_trials;
}

void TestCrashSafetySqlite::killedBeforeEveryDriverCall()
{
    // How many driver calls the whole upgrade makes.
    resetDatabase();
    const CrashRun counting = runCrashRunner(m_project.dir(), {QStringLiteral("upgrade")}, 0);
    QVERIFY2(counting.finished && !counting.killed && counting.exitCode == 0, counting.err.c_str());
    const int calls = counting.driverCalls();
    QVERIFY2(calls > 20, counting.err.c_str());

    for (int n = 1; n <= calls; ++n) {
        resetDatabase();
        const CrashRun run = runCrashRunner(m_project.dir(), {QStringLiteral("upgrade")}, n);
        QVERIFY2(run.finished && run.killed, qPrintable(QStringLiteral("call %1 was not reached").arg(n)));
        const QString trial = QStringLiteral("killed before driver call %1 of %2").arg(n).arg(calls);
        verifyAtBoundary(trial);
        verifyRerunCompletes(trial);
    }
    qInfo("%d kills, one before each driver call of the upgrade", calls);
}

void TestCrashSafetySqlite::killedAtRandomMoments()
{
    std::mt19937 random(20261202);
    // TEMPEST_CRASH_RANDOM=N (the long form): N kills instead of 15.
    const int trials = qEnvironmentVariableIsSet("TEMPEST_CRASH_RANDOM")
                           ? qEnvironmentVariableIntValue("TEMPEST_CRASH_RANDOM")
                           : 15;
    for (int i = 0; i < trials; ++i) {
        resetDatabase();
        const int delayMs = std::uniform_int_distribution<int>(0, 400)(random);
        auto process = m_project.start({"upgrade"});
        QThread::msleep(static_cast<unsigned long>(delayMs));
        process->kill();  // SIGKILL
        process->waitForFinished(120000);
        const QString trial = QStringLiteral("kill -9 after %1 ms").arg(delayMs);
        // Killed before the first commit, the database may still be untouched at r1.
        verifyAtBoundary(trial);
        verifyRerunCompletes(trial);
    }
    qInfo("%d crash trials in all", m_trials);
}

QTEST_GUILESS_MAIN(TestCrashSafetySqlite)
#include "tst_crash_safety_sqlite.moc"
