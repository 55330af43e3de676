// Crash safety on PostgreSQL (issue 9): a 4-revision upgrade doing real work on a
// 50,000-row table with a 50,000-row child table under a cascading foreign key (a type
// change with USING and a cascading delete; a NOT NULL column with a default filled into
// existing rows; an enum value added and used in the same revision; an execute creating a
// trigger), killed with SIGKILL just before driver calls of the upgrade (crash_runner)
// and with kill -9 at random moments (the real binary). After every kill:
//
// - the session of the killed client ends (the server notices on its own) and no
//   advisory lock is left in the database;
// - the database is exactly at a revision boundary: the version table is a prefix of the
//   chain, and `introspect`, the functions and triggers and a digest of every row equal
//   what a clean run leaves there (recorded once, upgrading step by step); a kill before
//   driver call N lands on the boundary the COMMITs before N make;
// - the commit-first window: the runner commits `ALTER TYPE … ADD VALUE` ahead of the
//   revision that uses the value, so a kill there leaves the previous boundary with the
//   enum value already added, and nothing else of that revision. That is what a user
//   sees, and it is the only deviation from a boundary accepted;
// - foreign keys are validated and no child row is an orphan;
// - a rerun of `upgrade` completes promptly (it would wait for a lock left held) and
//   leaves exactly what a clean run leaves.
//
// Each trial starts from a copy of the database at r1 made with CREATE DATABASE …
// TEMPLATE, not by inserting the rows again.
#include "crash_trials.h"
#include "pg_cli_project.h"
#include "pg_state.h"

#include <QElapsedTimer>
#include <QThread>
#include <QtTest>

#include <algorithm>
#include <map>
#include <optional>
#include <random>

using namespace tempest;
using namespace tempest::test;

namespace {

constexpr int kRows = 50000;
// r4 adds enum value 'archived' to status and uses it: the runner commits the value first.
const std::string kEnumRevision = "r4";
const std::string kBeforeEnumRevision = "r3";
const std::string kVersionInsert = "INSERT INTO \"tempest_db_migrations\"";

struct Revision {
    std::string id;
    std::string label;
    std::vector<std::string> ops;
};

std::vector<Revision> chain()
{
    return {
        {"r1", "parent and child",
         {R"({"kind": "create_enum", "name": "status", "values": ["new", "active"]})",
          R"({"kind": "create_table", "table": "parent", "definition": {"columns": {
               "id": {"type": "integer", "autoincrement": true}, "name": {"type": "text", "nullable": false},
               "code": {"type": "text"}, "status": {"type": "enum", "enum": "status", "default": {"value": "new"}}},
             "primaryKey": ["id"]}})",
          R"({"kind": "create_table", "table": "child", "definition": {"columns": {
               "id": {"type": "integer"}, "parent_id": {"type": "integer", "nullable": false},
               "note": {"type": "text"}},
             "primaryKey": ["id"], "indexes": {"ix_child_parent": {"columns": ["parent_id"]}},
             "foreignKeys": {"fk_child_parent": {"columns": ["parent_id"], "refTable": "parent",
                                                 "refColumns": ["id"], "onDelete": "cascade"}}}})"}},
        // A type change with USING (every row rewritten), an index on it, and a delete
        // that cascades into the child table.
        {"r2", "code becomes an integer",
         {R"({"kind": "alter_column", "table": "parent", "column": "code", "from": {"type": "text"},
              "to": {"type": "integer"}})",
          R"({"kind": "create_index", "table": "parent", "name": "ix_parent_code",
              "definition": {"columns": ["code"]}})",
          pgExecuteOp("DELETE FROM parent WHERE id % 100 = 0")}},
        // A NOT NULL column with a default, and a column made NOT NULL with a default
        // filled into the rows that hold NULL (an UPDATE of 10,000 rows).
        {"r3", "score and notes",
         {R"({"kind": "add_column", "table": "parent", "column": "score",
              "definition": {"type": "integer", "nullable": false, "default": {"value": 0}}})",
          R"({"kind": "alter_column", "table": "child", "column": "note", "from": {"type": "text"},
              "to": {"type": "text", "nullable": false, "default": {"value": ""}}})"}},
        {"r4", "archived status",
         {R"({"kind": "add_enum_value", "name": "status", "value": "archived"})",
          pgExecuteOp("UPDATE parent SET status = 'archived' WHERE code % 10 = 0")}},
        {"r5", "child counts kept by a trigger",
         {pgExecuteOp("UPDATE parent p SET score = c.n FROM (SELECT parent_id, count(*) AS n FROM child "
                      "GROUP BY parent_id) c WHERE c.parent_id = p.id;\n"
                      "CREATE FUNCTION child_counted() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                      "BEGIN\n  UPDATE parent SET score = score + 1 WHERE id = NEW.parent_id;\n"
                      "  RETURN NEW;\nEND\n$$;\n"
                      "CREATE TRIGGER trg_child_counted AFTER INSERT ON child FOR EACH ROW "
                      "EXECUTE FUNCTION child_counted()",
                      "DROP TRIGGER trg_child_counted ON child;\nDROP FUNCTION child_counted()")}},
    };
}

/// What a kill just before driver call `n` must leave, read from the statements the
/// counting run logged: calls 1..n-1 were answered by the server, call n never sent.
struct Expectation {
    std::string at;  // the last revision committed
    bool enumValueAdded = false;
    bool lockHeld = false;  // the killed session held the advisory lock
};

Expectation expectedAfterKillBefore(const std::vector<std::string>& calls, int n)
{
    Expectation e{"r1", false, false};
    std::string inserted = "r1";
    for (int i = 0; i < n - 1; ++i) {
        const std::string& sql = calls[std::size_t(i)];
        if (sql.rfind(kVersionInsert, 0) == 0) {
            const std::size_t open = sql.find("VALUES ('") + 9;
            inserted = sql.substr(open, sql.find('\'', open) - open);
        } else if (sql == "COMMIT") {
            e.at = inserted;
        } else if (sql.find(" ADD VALUE ") != std::string::npos) {
            // The first is sent between the COMMIT and the BEGIN: committed on its own.
            e.enumValueAdded = true;
        } else if (sql.find("pg_advisory_lock(") != std::string::npos) {
            e.lockHeld = true;
        } else if (sql.find("pg_advisory_unlock(") != std::string::npos) {
            e.lockHeld = false;
        }
    }
    return e;
}

/// 1-based index of the first call containing `needle`, 0 when none does.
int firstCall(const std::vector<std::string>& calls, const std::string& needle)
{
    for (std::size_t i = 0; i < calls.size(); ++i)
        if (calls[i].find(needle) != std::string::npos)
            return int(i) + 1;
    return 0;
}

struct Boundary {
    std::string schema;  // introspect + functions and triggers
    std::string data;    // pgDataDigest
};

} // namespace

class TestCrashSafetyPostgres : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void killedBeforeDriverCalls();
    void killedAtRandomMoments();
    void cleanupTestCase();

private:
    /// The trial database again as a copy of the one at r1 with its rows.
    void resetDatabase();
    Boundary boundaryNow() const;
    /// After a kill: sessions end, no lock is left, the database is at a boundary (the
    /// expected one when given) with valid foreign keys.
    void verifyAfterKill(const QString& trial, const std::optional<Expectation>& expected);
    void verifyRerunCompletes(const QString& trial);

    std::unique_ptr<PostgresDriver> m_admin;
    std::unique_ptr<PgCliProject> m_project;  // its scratch database is the trial database
    std::unique_ptr<PgScratchDatabase> m_base;  // the template: r1 with rows
    std::vector<std::string> m_chain;
    std::map<std::string, Boundary> m_boundaries;  // by the last applied revision
    Boundary m_enumValueOnly;  // r3 with enum value 'archived' added, nothing else of r4
    int m_trials = 0, m_inEnumWindow = 0, m_lockHeldAtKill = 0;
    qint64 m_slowestSessionEndMs = 0, m_slowestRerunMs = 0;
};

void TestCrashSafetyPostgres::initTestCase()
{
    TEMPEST_REQUIRE_PG();
    QElapsedTimer timer;
    timer.start();
    m_admin = PostgresDriver::connect(*pgTestConnInfo());
    m_project = std::make_unique<PgCliProject>();
    PgCliProject& p = *m_project;
    p.writeConfig();
    std::string parent;
    for (const Revision& r : chain()) {
        p.writeMigration(r.id, parent.empty() ? std::vector<std::string>{} : std::vector<std::string>{parent},
                         r.label, r.ops);
        m_chain.push_back(r.id);
        parent = r.id;
    }
    const CliRun r1 = p.run(cliArgs({"upgrade", "r1"}));
    QVERIFY2(r1.exitCode == 0, r1.describe().c_str());
    p.execute("INSERT INTO parent (name, code, status) SELECT 'name ' || i, (i % 977)::text, "
              "(CASE WHEN i % 3 = 0 THEN 'active' ELSE 'new' END)::status FROM generate_series(1, "
              + std::to_string(kRows) + ") i");
    // Every fifth note NULL (r3 fills them); parents spread so that r2's delete cascades.
    p.execute("INSERT INTO child (id, parent_id, note) SELECT i, 1 + (i * 7) % " + std::to_string(kRows)
              + ", CASE WHEN i % 5 = 0 THEN NULL ELSE 'note ' || i END FROM generate_series(1, "
              + std::to_string(kRows) + ") i");
    m_base = std::make_unique<PgScratchDatabase>();
    m_admin->query("SELECT pg_catalog.pg_terminate_backend(pid) FROM pg_catalog.pg_stat_activity "
                   "WHERE datname = $1 AND pid <> pg_catalog.pg_backend_pid()",
                   {Value(p.database().name())});
    m_admin->execute("DROP DATABASE \"" + m_base->name() + "\"");
    m_admin->execute("CREATE DATABASE \"" + m_base->name() + "\" TEMPLATE \"" + p.database().name() + "\"");

    // The boundaries a clean run passes, one revision at a time.
    m_boundaries["r1"] = boundaryNow();
    for (std::size_t i = 1; i < m_chain.size(); ++i) {
        const CliRun r = p.run({QStringLiteral("upgrade"), QString::fromStdString(m_chain[i])});
        QVERIFY2(r.exitCode == 0, r.describe().c_str());
        m_boundaries[m_chain[i]] = boundaryNow();
    }
    auto db = p.connect();
    QCOMPARE(db->query("SELECT count(*) AS n FROM child").integer(0, "n"), std::int64_t(kRows - kRows / 100));
    QVERIFY(db->query("SELECT count(*) AS n FROM parent WHERE status = 'archived'").integer(0, "n") > 4000);
    QVERIFY(contains(m_boundaries.at("r5").schema, "trg_child_counted"));
    db.reset();
    // r3 with only the enum value of r4: what a kill in the commit-first window leaves.
    resetDatabase();
    QVERIFY(p.run(cliArgs({"upgrade", "r3"})).exitCode == 0);
    p.execute("ALTER TYPE status ADD VALUE 'archived'");
    m_enumValueOnly = boundaryNow();
    QCOMPARE(m_enumValueOnly.data, m_boundaries.at(kBeforeEnumRevision).data);
    QVERIFY(m_enumValueOnly.schema != m_boundaries.at(kBeforeEnumRevision).schema);
    qInfo("set-up (rows, template, boundaries): %lld ms", timer.elapsed());
}

void TestCrashSafetyPostgres::resetDatabase()
{
    const std::string trial = m_project->database().name();
    m_admin->query("SELECT pg_catalog.pg_terminate_backend(pid) FROM pg_catalog.pg_stat_activity "
                   "WHERE datname = $1 AND pid <> pg_catalog.pg_backend_pid()",
                   {Value(m_base->name())});
    m_admin->execute("DROP DATABASE IF EXISTS \"" + trial + "\" WITH (FORCE)");
    m_admin->execute("CREATE DATABASE \"" + trial + "\" TEMPLATE \"" + m_base->name() + "\"");
}

Boundary TestCrashSafetyPostgres::boundaryNow() const
{
    auto db = m_project->connect();
    return {pgIntrospectText(*m_project) + pgFunctionsAndTriggers(*db), pgDataDigest(*db)};
}

void TestCrashSafetyPostgres::verifyAfterKill(const QString& trial, const std::optional<Expectation>& expected)
{
    const std::string at = trial.toStdString();
    const std::string name = m_project->database().name();
    // The server ends the session of the killed client on its own (its socket is closed;
    // a statement it was running finishes or fails first).
    QElapsedTimer waited;
    waited.start();
    while (m_admin->query("SELECT count(*) AS n FROM pg_catalog.pg_stat_activity WHERE datname = $1 "
                          "AND backend_type = 'client backend'",
                          {Value(name)})
               .integer(0, "n")
           > 0) {
        QVERIFY2(waited.elapsed() < 15000, (at + ": the killed client's session is still there after 15 s").c_str());
        QThread::msleep(10);
    }
    m_slowestSessionEndMs = std::max(m_slowestSessionEndMs, waited.elapsed());
    // …and with it its advisory lock: none is left in this database.
    const ResultSet locks = m_admin->query(
        "SELECT count(*) AS n FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_database d ON d.oid = l.database "
        "WHERE l.locktype = 'advisory' AND d.datname = $1",
        {Value(name)});
    QVERIFY2(locks.integer(0, "n") == 0, (at + ": an advisory lock is left").c_str());

    const std::vector<std::string> applied = m_project->appliedIds();
    QVERIFY2(!applied.empty() && applied.size() <= m_chain.size(), at.c_str());
    QVERIFY2(std::equal(applied.begin(), applied.end(), m_chain.begin()), (at + ": not a prefix of the chain").c_str());
    const std::string& last = applied.back();
    if (expected) {
        QVERIFY2(last == expected->at, (at + ": at " + last + ", expected " + expected->at).c_str());
        m_lockHeldAtKill += expected->lockHeld ? 1 : 0;
    }
    const Boundary now = boundaryNow();
    const Boundary& boundary = m_boundaries.at(last);
    // Between the commit of the enum value and the end of its revision: the boundary
    // before that revision, with the value added.
    const bool enumWindow = last == kBeforeEnumRevision && now.schema == m_enumValueOnly.schema;
    if (expected && last == kBeforeEnumRevision)
        QVERIFY2(enumWindow == expected->enumValueAdded,
                 (at + (enumWindow ? ": enum value added too early" : ": committed enum value missing")).c_str());
    m_inEnumWindow += enumWindow ? 1 : 0;
    QVERIFY2(enumWindow || now.schema == boundary.schema,
             (at + ": schema is not the one at " + last + "\n" + now.schema).c_str());
    QVERIFY2(now.data == boundary.data, (at + ": rows differ from those at " + last + "\n" + now.data).c_str());
    auto db = m_project->connect();
    QVERIFY(pgForeignKeyCount(*db) >= 1);
    const std::vector<std::string> problems = pgForeignKeyProblems(*db);
    std::string list;
    for (const std::string& problem : problems)
        list += "; " + problem;
    QVERIFY2(problems.empty(), (at + list).c_str());
}

void TestCrashSafetyPostgres::verifyRerunCompletes(const QString& trial)
{
    const std::string at = trial.toStdString();
    QElapsedTimer timer;
    timer.start();
    const CliRun rerun = m_project->run(cliArgs({"upgrade"}));
    const qint64 ms = timer.elapsed();
    QVERIFY2(rerun.exitCode == 0, (at + ": rerun: " + rerun.describe()).c_str());
    // A lock left held would make it wait (lock_timeout 30 s, then fail).
    QVERIFY2(ms < 10000, (at + ": the rerun took " + std::to_string(ms) + " ms").c_str());
    m_slowestRerunMs = std::max(m_slowestRerunMs, ms);
    QCOMPARE(m_project->appliedIds(), m_chain);
    const Boundary end = boundaryNow();
    QVERIFY2(end.schema == m_boundaries.at(m_chain.back()).schema, (at + ": rerun schema\n" + end.schema).c_str());
    QVERIFY2(end.data == m_boundaries.at(m_chain.back()).data, (at + ": rerun rows").c_str());
    auto db = m_project->connect();
    QVERIFY2(pgForeignKeyProblems(*db).empty(), at.c_str());
    ++m_trials;
}

void TestCrashSafetyPostgres::killedBeforeDriverCalls()
{
    // Every driver call of the whole upgrade, as the counting run makes them.
    resetDatabase();
    QElapsedTimer timer;
    timer.start();
    const CrashRun counting = runCrashRunner(m_project->dir(), cliArgs({"upgrade"}), 0, true);
    const qint64 cleanMs = timer.elapsed();
    QVERIFY2(counting.finished && !counting.killed && counting.exitCode == 0, counting.err.c_str());
    const std::vector<std::string> calls = counting.calls();
    QCOMPARE(int(calls.size()), counting.driverCalls());
    QCOMPARE(boundaryNow().schema, m_boundaries.at(m_chain.back()).schema);
    const int count = int(calls.size());

    // Besides an even sample: each side of the enum value's own commit, the final
    // COMMIT and the unlock after it (a killed session then still holds the lock).
    const int addValue = firstCall(calls, " ADD VALUE ");
    QVERIFY2(addValue > 1 && calls[std::size_t(addValue - 2)] == "COMMIT", counting.err.c_str());
    QVERIFY2(calls.back().find("pg_advisory_unlock(") != std::string::npos, counting.err.c_str());
    QCOMPARE(calls[std::size_t(count - 2)], std::string("COMMIT"));
    // TEMPEST_CRASH_EVERY_CALL=1 (the long form): before every call.
    const int all = qEnvironmentVariableIntValue("TEMPEST_CRASH_EVERY_CALL") == 1 ? count : 24;
    const std::vector<int> positions =
        killPositions(count, all, 16, {addValue - 1, addValue, addValue + 1, addValue + 2, count - 1, count});
    QVERIFY(positions.size() >= 15);

    int windowBefore = m_inEnumWindow;
    for (int n : positions) {
        resetDatabase();
        const CrashRun run = runCrashRunner(m_project->dir(), cliArgs({"upgrade"}), n);
        QVERIFY2(run.finished && run.killed, qPrintable(QStringLiteral("call %1 was not reached").arg(n)));
        const QString trial = QStringLiteral("killed before driver call %1 of %2 (%3)")
                                  .arg(n)
                                  .arg(count)
                                  .arg(QString::fromStdString(calls[std::size_t(n - 1)].substr(0, 60)));
        verifyAfterKill(trial, expectedAfterKillBefore(calls, n));
        if (QTest::currentTestFailed())
            return;
        verifyRerunCompletes(trial);
        if (QTest::currentTestFailed())
            return;
    }
    QVERIFY2(m_inEnumWindow - windowBefore >= 2, "no kill landed between the enum value's commit and its revision");
    qInfo("%d kills before driver calls of %d (clean run %lld ms); %d in the enum value's window, %d while the "
          "killed session held the advisory lock",
          int(positions.size()), count, cleanMs, m_inEnumWindow - windowBefore, m_lockHeldAtKill);
}

void TestCrashSafetyPostgres::killedAtRandomMoments()
{
    // How long the real binary takes, start to end: the kills land within that.
    resetDatabase();
    QElapsedTimer timer;
    timer.start();
    const CliRun clean = m_project->run(cliArgs({"upgrade"}));
    const qint64 cleanMs = timer.elapsed();
    QVERIFY2(clean.exitCode == 0, clean.describe().c_str());

    std::mt19937 random(20261203);
    // TEMPEST_CRASH_RANDOM=N (the long form): N kills instead of 6.
    const int wanted = qEnvironmentVariableIsSet("TEMPEST_CRASH_RANDOM")
                         ? qEnvironmentVariableIntValue("TEMPEST_CRASH_RANDOM")
                         : 6;
    int kills = 0, attempts = 0;
    QStringList delays;
    while (kills < wanted && attempts < 3 * wanted) {
        ++attempts;
        resetDatabase();
        const int delayMs = std::uniform_int_distribution<int>(0, int(cleanMs))(random);
        auto process = m_project->start(cliArgs({"upgrade"}));
        QThread::msleep(static_cast<unsigned long>(delayMs));
        process->kill();  // SIGKILL
        QVERIFY(process->waitForFinished(120000));
        // A run that finished before the kill still counts as a trial, not as a kill.
        const bool killed = process->exitStatus() == QProcess::CrashExit;
        kills += killed ? 1 : 0;
        delays << QStringLiteral("%1%2").arg(delayMs).arg(killed ? "" : " (finished first)");
        const QString trial = QStringLiteral("kill -9 after %1 ms").arg(delayMs);
        verifyAfterKill(trial, std::nullopt);
        if (QTest::currentTestFailed())
            return;
        verifyRerunCompletes(trial);
        if (QTest::currentTestFailed())
            return;
    }
    QVERIFY2(kills >= wanted,
             qPrintable(QStringLiteral("only %1 of %2 runs were killed while running").arg(kills).arg(attempts)));
    qInfo("kill -9 after %s ms (a clean run: %lld ms)", qPrintable(delays.join(QStringLiteral(", "))), cleanMs);
}

void TestCrashSafetyPostgres::cleanupTestCase()
{
    if (m_trials > 0)
        qInfo("%d crash trials in all; %d in the enum value's window; slowest end of a killed session %lld ms, "
              "slowest rerun %lld ms",
              m_trials, m_inEnumWindow, m_slowestSessionEndMs, m_slowestRerunMs);
    m_project.reset();
    m_base.reset();
}

QTEST_GUILESS_MAIN(TestCrashSafetyPostgres)
#include "tst_crash_safety_postgres.moc"
