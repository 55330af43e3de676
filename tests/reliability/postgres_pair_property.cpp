// The random-pair property on a real PostgreSQL 15 server (see pair_property.h and
// pair_harness.h), the test cluster of the CTest fixture `postgres`, with the real
// `psql -X -q -v ON_ERROR_STOP=1` running the scripts.
//
// Speed: CREATE DATABASE (… TEMPLATE …) costs about 0.7 s on this cluster, three per
// pair would be 2 s. So the process makes three scratch databases once (online, range,
// live), keeps a connection to each, and every pair starts with DROP SCHEMA public
// CASCADE; CREATE SCHEMA public in each. The range and live databases are brought to A the way the online one was (the
// same upgrade, rows and hand-made objects: the same database, sequences included, only
// applied_at differs, which is not compared) rather than copied.
#include "pair_harness.h"

#include "pg_test.h"

#include <QFileInfo>
#include <QStandardPaths>

#include <array>
#include <future>

namespace tempest::test {

namespace {

/// The catalog, row by row: each query's rows as "v1 | v2 | …" lines under its title.
std::string dumpQueries(Driver& db, const std::vector<std::pair<std::string, std::string>>& queries)
{
    std::string out;
    for (const auto& [title, sql] : queries) {
        const ResultSet rows = db.query(sql);
        for (const auto& row : rows.rows) {
            out += title + ":";
            for (const Value& value : row)
                out += " | " + valueToString(value);
            out += "\n";
        }
    }
    return out;
}

const std::vector<std::pair<std::string, std::string>>& handMadeQueries()
{
    static const std::vector<std::pair<std::string, std::string>> queries = {
        {"view", "SELECT viewname, definition FROM pg_catalog.pg_views WHERE schemaname = 'public' ORDER BY 1"},
        {"trigger",
         "SELECT t.tgrelid::regclass::text, t.tgname, pg_catalog.pg_get_triggerdef(t.oid) FROM pg_catalog.pg_trigger t "
         "JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal "
         "AND c.relnamespace = 'public'::regnamespace ORDER BY 1, 2"},
        {"function",
         "SELECT proname, prosrc FROM pg_catalog.pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1"},
    };
    return queries;
}

const std::vector<std::pair<std::string, std::string>>& catalogQueries()
{
    static const std::vector<std::pair<std::string, std::string>> queries = [] {
        std::vector<std::pair<std::string, std::string>> q = {
            {"relation",
             "SELECT relname, relkind, pg_catalog.obj_description(oid, 'pg_class') FROM pg_catalog.pg_class "
             "WHERE relnamespace = 'public'::regnamespace ORDER BY 1"},
            {"column",
             "SELECT c.relname, a.attnum, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, "
             "a.attidentity, pg_catalog.pg_get_expr(d.adbin, d.adrelid), pg_catalog.col_description(c.oid, a.attnum) "
             "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid "
             "LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum "
             "WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v') AND a.attnum > 0 "
             "AND NOT a.attisdropped ORDER BY 1, 2"},
            {"constraint",
             "SELECT conrelid::regclass::text, conname, pg_catalog.pg_get_constraintdef(oid), convalidated "
             "FROM pg_catalog.pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2"},
            {"index",
             "SELECT c.relname, pg_catalog.pg_get_indexdef(i.indexrelid) FROM pg_catalog.pg_index i "
             "JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace = 'public'::regnamespace "
             "ORDER BY 1"},
            {"enum",
             "SELECT t.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) FROM pg_catalog.pg_type t "
             "JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid WHERE t.typnamespace = 'public'::regnamespace "
             "GROUP BY 1 ORDER BY 1"},
            {"sequence",
             "SELECT sequencename, data_type::text, start_value, last_value FROM pg_catalog.pg_sequences "
             "WHERE schemaname = 'public' ORDER BY 1"},
        };
        q.insert(q.end(), handMadeQueries().begin(), handMadeQueries().end());
        return q;
    }();
    return queries;
}

/// Views only on the key and the columns that B keeps with their type, and no enum
/// column: PostgreSQL binds a view to its columns (by number, so renames of tables and
/// columns follow) and refuses to drop or retype a column a view reads ("cannot drop
/// column … because other objects depend on it"; an enum value dropped on the way down
/// retypes the enum's columns). Tempest does not recreate views on PostgreSQL (DESIGN.md's
/// rebuild is SQLite's), and a user whose view reads such a column expects exactly that
/// refusal — the revision rolled back, the view theirs to drop and recreate in an
/// `execute` — so a `SELECT *` view is not a pair anyone can migrate. What a user does
/// expect, and this checks, is that every other change leaves their views and triggers
/// as they were, through renames of the table and of the columns the view reads.
bool sameTypeNoEnum(const Column& a, const Column& b)
{
    return sameType(a, b) && a.type != ColumnType::Enum;
}

class PostgresDatabases final : public PairDatabases {
public:
    PostgresDatabases()
    {
        m_psql = QStandardPaths::findExecutable(QStringLiteral("psql"));
        if (m_psql.isEmpty() && QFileInfo::exists(QStringLiteral("/usr/lib/postgresql/15/bin/psql")))
            m_psql = QStringLiteral("/usr/lib/postgresql/15/bin/psql");
        for (auto& database : m_databases)
            database = std::make_unique<PgScratchDatabase>();
    }

    std::string dialect() const override { return "postgresql"; }
    std::string begin(const std::string&) override
    {
        for (std::size_t i = 0; i < m_databases.size(); ++i) {
            // A connection a failed pair left inside a transaction is rolled back, one it
            // lost is made again.
            try {
                if (m_connections[i])
                    m_connections[i]->execute("ROLLBACK");
            } catch (const std::exception&) {
                m_connections[i].reset();
            }
            if (!m_connections[i])
                m_connections[i] = PostgresDriver::connect(m_databases[i]->connInfo());
            m_connections[i]->executeScript("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public");
            m_connections[i]->takeNotices();
        }
        return connInfo(PairDb::Online);
    }
    /// The database's one connection, lent: a connection costs more than the work of a
    /// pair's step on it.
    std::unique_ptr<Driver> open(PairDb which) override
    {
        return std::make_unique<CountingDriver>(*m_connections[std::size_t(which)]);
    }
    void bringToA(const std::function<void(Driver&)>& bringToA) override
    {
        // The three at once, each on its own connection: the server does the work.
        std::vector<std::future<void>> runs;
        for (PairDb which : {PairDb::Online, PairDb::Range, PairDb::Live})
            runs.push_back(std::async(std::launch::async, [&, which] { bringToA(*open(which)); }));
        for (auto& run : runs)
            run.wait();
        for (auto& run : runs)
            run.get();  // the first exception, if any
    }

    void createHandMadeObjects(Driver& db, const SchemaPair& pair) override
    {
        // On every table B keeps (renamed or not): a trigger function, a trigger on the
        // table reading NEW.id, a view reading what it may (see sameTypeNoEnum), an
        // INSTEAD OF trigger on the view.
        const KeptColumns viewable = columnCounterparts(pair.a, pair.b, sameTypeNoEnum);
        for (const Table& t : pair.a.tables) {
            std::string columns;
            for (const auto& [from, to] : viewable)
                if (from.first == t.name)
                    columns += (columns.empty() ? "" : ", ") + quoteSql(from.second);
            if (columns.empty())
                continue;  // not even the key: B drops the table
            const std::string table = quoteSql(t.name), view = quoteSql("v " + t.name),
                              function = quoteSql("trg f " + t.name);
            db.execute("CREATE FUNCTION " + function
                       + "() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$");
            db.execute("CREATE TRIGGER " + quoteSql("trg " + t.name) + " BEFORE UPDATE ON " + table
                       + " FOR EACH ROW WHEN (NEW.\"id\" > 0) EXECUTE FUNCTION " + function + "()");
            db.execute("CREATE VIEW " + view + " AS SELECT " + columns + " FROM " + table);
            db.execute("CREATE TRIGGER " + quoteSql("trg v " + t.name) + " INSTEAD OF DELETE ON " + view
                       + " FOR EACH ROW EXECUTE FUNCTION " + function + "()");
        }
    }
    std::string handMadeObjects(Driver& db) override { return dumpQueries(db, handMadeQueries()); }
    std::string catalog(Driver& db) override { return dumpQueries(db, catalogQueries()); }
    bool rangeScriptKeepsCatalog() const override { return true; }
    std::optional<std::string> integrity(Driver& db) override
    {
        const ResultSet rows = db.query("SELECT conname FROM pg_catalog.pg_constraint "
                                        "WHERE connamespace = 'public'::regnamespace AND NOT convalidated");
        if (!rows.rows.empty())
            return "constraint " + rows.text(0, "conname") + " is not validated";
        return std::nullopt;
    }
    std::pair<QString, QStringList> shell(PairDb which) const override
    {
        return {m_psql.isEmpty() ? QStringLiteral("psql") : m_psql,
                {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                 QStringLiteral("-d"), QString::fromStdString(connInfo(which))}};
    }

private:
    std::string connInfo(PairDb which) const { return m_databases[std::size_t(which)]->connInfo(); }

    QString m_psql;
    std::array<std::unique_ptr<PgScratchDatabase>, 3> m_databases;  // by PairDb
    std::array<std::unique_ptr<PostgresDriver>, 3> m_connections;   // to each, kept across pairs
};

} // namespace

std::optional<std::string> postgresPairProperty(const SchemaPair& pair)
{
    try {
        // One set of scratch databases for the process, dropped at exit.
        static PostgresDatabases databases;
        return runPairProperty(pair, databases);
    } catch (const std::exception& e) {
        return std::string("error: ") + e.what();
    }
}

} // namespace tempest::test
