// `upgrade A:B --sql` and `downgrade B:A --sql` on PostgreSQL 15, run by the real psql
// (ON_ERROR_STOP) against the online runs: for every pair (A, B) of the 6-revision chain
// of tests/cli/sql_range_chain.h (type and NOT NULL changes, a rename with a CHECK, an
// enum value added and used in one revision, a value dropped, a trigger and a view), both
// leave the same introspected schema, pg_catalog trigger, view, function, constraint and
// index definitions, version table and rows; `check` after each online step is clean at
// the head and "behind heads" below. The enum revision's script commits the new value
// before the revision's transaction, as the online run does.
//
// Each database at a state is a CREATE DATABASE … TEMPLATE copy of one brought there online.
#include "pg_cli_project.h"
#include "sql_range_chain.h"

#include <QTest>

using namespace tempest;
using namespace tempest::test;
using namespace tempest::test::sqlrange;

class TestCliPostgresSqlRanges : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void upgradeRangeMatchesOnlineRun_data() { addPairRows(); }
    void upgradeRangeMatchesOnlineRun();
    void downgradeRangeMatchesOnlineRun_data() { addPairRows(); }
    void downgradeRangeMatchesOnlineRun();
    void enumValueIsCommittedBeforeTheRevisionUsesIt();

private:
    RangeSuite suite();
    std::string record(const std::string& database) const;
    /// CREATE DATABASE <new> [TEMPLATE <name>]; its connection string. Dropped by cleanup()
    /// (`keep`: by cleanupTestCase()).
    std::string createDatabase(const std::string& templateName, bool keep);
    void dropDatabases(std::vector<std::string>& names);

    std::unique_ptr<PgCliProject> m_project;
    std::unique_ptr<PostgresDriver> m_admin;
    std::string m_adminConnInfo;
    /// m_states[k]: the name of a database at chain state k, made by online runs.
    std::vector<std::string> m_states;
    std::vector<std::string> m_scratch;  // dropped after each test row
    std::vector<std::string> m_kept;     // dropped at the end
};

void TestCliPostgresSqlRanges::initTestCase()
{
    TEMPEST_REQUIRE_PG();
    QVERIFY2(!psqlShell().isEmpty(), "psql (Debian package postgresql-15) not found");
    m_adminConnInfo = *pgTestConnInfo();
    m_admin = PostgresDriver::connect(m_adminConnInfo);
    m_project = std::make_unique<PgCliProject>();
    m_project->writeConfig();
    for (const auto& [file, text] : chainFiles())
        m_project->writeFile(file, text);

    // One database per state, each brought there online from nothing; base is empty.
    for (std::size_t k = 0; k < chainStates().size(); ++k) {
        const std::string conninfo = createDatabase({}, true);
        m_states.push_back(m_kept.back());
        if (k == 0)
            continue;
        const CliRun run = m_project->run(withDatabase(conninfo, {"upgrade", QString::fromStdString(chainStates()[k])}));
        QVERIFY2(run.exitCode == 0, run.describe().c_str());
        const std::string check = checkProblem(m_project->run(withDatabase(conninfo, {"--json", "check"})), int(k));
        QVERIFY2(passes(check), firstLine(check).c_str());
    }
}

void TestCliPostgresSqlRanges::cleanup() { dropDatabases(m_scratch); }

void TestCliPostgresSqlRanges::cleanupTestCase()
{
    dropDatabases(m_scratch);
    dropDatabases(m_kept);
}

std::string TestCliPostgresSqlRanges::createDatabase(const std::string& templateName, bool keep)
{
    const std::string name = uniquePgName("t_");
    m_admin->execute("CREATE DATABASE \"" + name + "\"" + (templateName.empty() ? "" : " TEMPLATE \"" + templateName + "\""));
    (keep ? m_kept : m_scratch).push_back(name);
    return m_adminConnInfo + " dbname=" + name;
}

void TestCliPostgresSqlRanges::dropDatabases(std::vector<std::string>& names)
{
    for (const std::string& name : names) {
        try {
            m_admin->execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        } catch (const std::exception&) {
            // A scratch database left in a throwaway cluster.
        }
    }
    names.clear();
}

RangeSuite TestCliPostgresSqlRanges::suite()
{
    RangeSuite s;
    s.cli = [this](const QStringList& args) { return m_project->run(args); };
    s.databaseAt = [this](int state) { return createDatabase(m_states[std::size_t(state)], false); };
    s.runScript = [](const std::string& database, const std::string& sql) { return runPsql(database, sql); };
    s.record = [this](const std::string& database) { return record(database); };
    return s;
}

std::string TestCliPostgresSqlRanges::record(const std::string& database) const
{
    const CliRun introspect = m_project->run(withDatabase(database, {"introspect"}));
    std::string state = "--- introspect (exit " + std::to_string(introspect.exitCode) + ")\n" + introspect.out +
                        introspect.err;
    auto db = PostgresDriver::connect(database);
    const std::pair<const char*, const char*> catalog[] = {
        {"triggers", "SELECT tgrelid::regclass::text, tgname::text, pg_catalog.pg_get_triggerdef(oid) "
                     "FROM pg_catalog.pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2"},
        {"views", "SELECT viewname::text, definition FROM pg_catalog.pg_views WHERE schemaname = 'public' ORDER BY 1"},
        {"functions", "SELECT proname::text, pg_catalog.pg_get_functiondef(oid) FROM pg_catalog.pg_proc "
                      "WHERE pronamespace = 'public'::regnamespace ORDER BY 1"},
        {"constraints", "SELECT conrelid::regclass::text, conname::text, pg_catalog.pg_get_constraintdef(oid) "
                        "FROM pg_catalog.pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2"},
        {"indexes", "SELECT indexname::text, indexdef FROM pg_catalog.pg_indexes WHERE schemaname = 'public' "
                    "ORDER BY 1"},
        {"enums", "SELECT t.typname::text, string_agg(e.enumlabel::text, ',' ORDER BY e.enumsortorder) "
                  "FROM pg_catalog.pg_enum e JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid "
                  "WHERE t.typnamespace = 'public'::regnamespace GROUP BY 1 ORDER BY 1"},
        {"columns", "SELECT table_name::text, column_name::text, data_type::text, coalesce(column_default, ''), "
                    "is_nullable::text FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2"},
    };
    for (const auto& [title, sql] : catalog)
        state += std::string("--- ") + title + "\n" + dumpQuery(*db, sql);
    const std::string tables =
        dumpQuery(*db, "SELECT tablename::text FROM pg_catalog.pg_tables WHERE schemaname = 'public' ORDER BY 1");
    if (contains(tables, "tempest_db_migrations\n"))
        state += "--- version table\n" +
                 dumpQuery(*db, "SELECT id, label, checksum, seq FROM tempest_db_migrations ORDER BY seq");
    for (const char* table : {"authors", "books"})
        if (contains(tables, std::string(table) + "\n"))
            state += std::string("--- ") + table + "\n" +
                     dumpQuery(*db, std::string("SELECT * FROM ") + table + " ORDER BY 1");
    return state;
}

void TestCliPostgresSqlRanges::upgradeRangeMatchesOnlineRun()
{
    QFETCH(int, a);
    QFETCH(int, b);
    const std::string problem = compareRange(suite(), false, a, b);
    QVERIFY2(passes(problem), firstLine(problem).c_str());
}

void TestCliPostgresSqlRanges::downgradeRangeMatchesOnlineRun()
{
    QFETCH(int, a);
    QFETCH(int, b);
    const std::string problem = compareRange(suite(), true, a, b);
    QVERIFY2(passes(problem), firstLine(problem).c_str());
}

void TestCliPostgresSqlRanges::enumValueIsCommittedBeforeTheRevisionUsesIt()
{
    // r5 adds 'archived' and uses it: PostgreSQL refuses a value used in the transaction
    // that added it ("unsafe use of new value"), so the run commits, adds the value, and
    // begins again before r5's statements.
    const CliRun sql = m_project->run({"upgrade", "r4:r5", "--sql"});
    QVERIFY2(sql.exitCode == 0, sql.describe().c_str());
    const auto lines = sql.outLines();
    std::size_t addValue = lines.size();
    for (std::size_t i = 0; i < lines.size() && addValue == lines.size(); ++i)
        if (contains(lines[i], "ALTER TYPE") && contains(lines[i], "ADD VALUE") && contains(lines[i], "archived"))
            addValue = i;
    QVERIFY2(addValue < lines.size(), sql.out.c_str());
    QVERIFY2(addValue > 0 && lines[addValue - 1] == "COMMIT;", sql.out.c_str());
    QVERIFY2(addValue + 1 < lines.size() && lines[addValue + 1] == "BEGIN;", sql.out.c_str());
    std::size_t use = lines.size();
    for (std::size_t i = addValue + 1; i < lines.size() && use == lines.size(); ++i)
        if (contains(lines[i], "SET status = 'archived'"))
            use = i;
    QVERIFY2(use < lines.size(), sql.out.c_str());
}

QTEST_GUILESS_MAIN(TestCliPostgresSqlRanges)
#include "tst_cli_postgres_sql_ranges.moc"
