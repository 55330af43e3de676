// `upgrade A:B --sql` and `downgrade B:A --sql` on SQLite, run by the real sqlite3 shell,
// against the online runs: for every pair (A, B) of the 6-revision chain of
// sql_range_chain.h (rebuilds, a rename with a rebuild, enum CHECK changes, a trigger
// and a view), both leave the same sqlite_schema, introspected schema, version table and
// rows, and `check` after each online step is clean at the head and "behind heads" below.
#include "sql_range_chain.h"

#include "drivers/sqlite/sqlite_driver.h"

#include <QFile>
#include <QTest>

using namespace tempest;
using namespace tempest::test;
using namespace tempest::test::sqlrange;

class TestCliSqlRanges : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void upgradeRangeMatchesOnlineRun_data() { addPairRows(); }
    void upgradeRangeMatchesOnlineRun();
    void downgradeRangeMatchesOnlineRun_data() { addPairRows(); }
    void downgradeRangeMatchesOnlineRun();
    void scriptChecksForeignKeysAsTheOnlineRunDoes();

private:
    RangeSuite suite();
    std::string record(const std::string& database) const;

    TestProject m_project;
    /// m_states[k]: a database file at chain state k, made by online runs ("" for base).
    std::vector<std::string> m_states;
    int m_copies = 0;
};

void TestCliSqlRanges::initTestCase()
{
    QVERIFY2(!sqlite3Shell().isEmpty(), "the sqlite3 shell (Debian package sqlite3) is not on PATH");
    QVERIFY(m_project.isValid());
    m_project.writeConfig();
    for (const auto& [file, text] : chainFiles())
        m_project.writeFile(file, text);

    // One database per state, each brought there online from nothing.
    m_states.assign(1, std::string());
    for (std::size_t k = 1; k < chainStates().size(); ++k) {
        const std::string file = m_project.path("state_" + chainStates()[k] + ".db");
        const CliRun run = m_project.run(withDatabase(file, {"upgrade", QString::fromStdString(chainStates()[k])}));
        QVERIFY2(run.exitCode == 0, run.describe().c_str());
        const std::string check = checkProblem(m_project.run(withDatabase(file, {"--json", "check"})), int(k));
        QVERIFY2(passes(check), firstLine(check).c_str());
        m_states.push_back(file);
    }
}

RangeSuite TestCliSqlRanges::suite()
{
    RangeSuite s;
    s.cli = [this](const QStringList& args) { return m_project.run(args); };
    s.databaseAt = [this](int state) {
        const std::string file = m_project.path("copy_" + std::to_string(++m_copies) + ".db");
        if (!m_states[std::size_t(state)].empty())
            QFile::copy(QString::fromStdString(m_states[std::size_t(state)]), QString::fromStdString(file));
        return file;
    };
    s.runScript = [](const std::string& database, const std::string& sql) { return runSqlite3(database, sql); };
    s.record = [this](const std::string& database) { return record(database); };
    return s;
}

std::string TestCliSqlRanges::record(const std::string& database) const
{
    const CliRun introspect = m_project.run(withDatabase(database, {"introspect"}));
    std::string state = "--- introspect (exit " + std::to_string(introspect.exitCode) + ")\n" + introspect.out +
                        introspect.err;
    SqliteOpenOptions options;
    options.create = false;
    auto db = SqliteDriver::open(database, options);
    state += "--- sqlite_schema\n" +
             dumpQuery(*db, "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' "
                            "ORDER BY name");
    const std::string tables =
        dumpQuery(*db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    if (contains(tables, "tempest_db_migrations"))
        state += "--- version table\n" +
                 dumpQuery(*db, "SELECT id, label, checksum, seq FROM tempest_db_migrations ORDER BY seq");
    for (const char* table : {"authors", "books"})
        if (contains(tables, std::string(table) + "\n"))
            state += std::string("--- ") + table + "\n" + dumpQuery(*db, std::string("SELECT * FROM ") + table + " ORDER BY 1");
    return state;
}

void TestCliSqlRanges::upgradeRangeMatchesOnlineRun()
{
    QFETCH(int, a);
    QFETCH(int, b);
    const std::string problem = compareRange(suite(), false, a, b);
    QVERIFY2(passes(problem), firstLine(problem).c_str());
}

void TestCliSqlRanges::downgradeRangeMatchesOnlineRun()
{
    QFETCH(int, a);
    QFETCH(int, b);
    const std::string problem = compareRange(suite(), true, a, b);
    QVERIFY2(passes(problem), firstLine(problem).c_str());
}

void TestCliSqlRanges::scriptChecksForeignKeysAsTheOnlineRunDoes()
{
    // DESIGN.md: before releasing each revision's savepoint the online run checks the
    // touched tables' foreign keys; --sql prints the same check.
    const CliRun sql = m_project.run({"upgrade", "r1:r2", "--sql"});
    QVERIFY2(sql.exitCode == 0, sql.describe().c_str());
    QVERIFY2(contains(sql.out, "pragma_foreign_key_check("), sql.out.c_str());
    QVERIFY2(contains(sql.out, "PRAGMA foreign_keys"), sql.out.c_str());
}

QTEST_GUILESS_MAIN(TestCliSqlRanges)
#include "tst_cli_sql_ranges.moc"
