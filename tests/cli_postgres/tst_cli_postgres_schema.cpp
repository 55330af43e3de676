// A varied, real-looking schema through `tempest-migrate` on PostgreSQL 15: models →
// revision --autogenerate → upgrade → check must report no drift. The server rewrites
// CHECKs, defaults and index expressions, so this is where comparing the model "as the
// server renders it" matters. Also: downgrade base removes every object, and a real
// schema (chinook) introspected from one database migrates another without drift.
#include "pg_cli_project.h"

#include "core/ir/json.h"

#include <QFile>
#include <QTest>

using namespace tempest::test;

namespace {

std::string readText(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read " + path.toStdString());
    return f.readAll().toStdString();
}

std::size_t tableCount(const std::string& modelsJson)
{
    return tempest::Json::parse(modelsJson)["tables"].size();
}

} // namespace

class TestCliPostgresSchema : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { TEMPEST_REQUIRE_PG(); }
    void variedSchemaHasNoDriftAfterUpgrade_data();
    void variedSchemaHasNoDriftAfterUpgrade();
    void introspectedSchemaMigratesAnotherDatabase();
    void untouchedDatabaseChecksCleanAfterAutogenerateAndStamp();
};

void TestCliPostgresSchema::variedSchemaHasNoDriftAfterUpgrade_data()
{
    QTest::addColumn<QString>("schema");  // tempest.json "schema"; empty: public
    QTest::newRow("public") << QString();
    QTest::newRow("\"schema\": \"shop\"") << QString("shop");
}

void TestCliPostgresSchema::variedSchemaHasNoDriftAfterUpgrade()
{
    QFETCH(QString, schema);
    const std::string models = readText(TEMPEST_CLI_PG_DATA "/shop_models.json");
    QVERIFY(tableCount(models) >= 15);

    PgCliProject p;
    const std::string nspname = schema.isEmpty() ? "public" : schema.toStdString();
    if (schema.isEmpty()) {
        p.writeConfig();
    } else {
        p.execute("CREATE SCHEMA " + nspname);
        p.writeConfig("\"schema\": \"" + nspname + "\"");
    }
    // Qualified where the objects live, so the queries below work in both rows.
    const std::string q = nspname + ".";
    p.writeModels(models);
    CliRun r = p.run(cliArgs({"revision", "--autogenerate", "-m", "shop", "--rev-id", "s1"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    r = p.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(r.out, std::string("applied s1\n"));
    QCOMPARE(p.integer("SELECT count(*) FROM pg_tables WHERE schemaname = '" + nspname + "' "
                       "AND tablename <> 'tempest_db_migrations'"),
             std::int64_t(tableCount(models)));
    // The version table lives with the project's tables (issue 11), not in public.
    QCOMPARE(p.integer("SELECT count(*) FROM pg_tables WHERE tablename = 'tempest_db_migrations' "
                       "AND schemaname = '" + nspname + "'"),
             std::int64_t(1));
    QCOMPARE(p.integer("SELECT count(*) FROM pg_tables WHERE tablename = 'tempest_db_migrations'"),
             std::int64_t(1));

    r = p.run(cliArgs({"check"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(r.out, std::string("no drift; models match migrations\n"));

    // What the check relied on really is in the database, in the server's own words.
    QCOMPARE(p.integer("SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                       "WHERE n.nspname = '" + nspname + "' AND t.typtype = 'e'"),
             std::int64_t(3));
    QCOMPARE(p.text("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'ck_products_price'"),
             std::string("CHECK ((price >= (0)::numeric))"));
    QCOMPARE(p.text("SELECT confdeltype::text || confupdtype::text FROM pg_constraint "
                    "WHERE conname = 'fk_shipment_items_order_item'"),
             std::string("cc"));
    QCOMPARE(p.text("SELECT obj_description('" + q + "customers'::regclass, 'pg_class')"),
             std::string("registered accounts"));
    QCOMPARE(p.integer("SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
                       "WHERE n.nspname = '" + nspname + "' AND c.contype = 'f'"),
             std::int64_t(24));

    // The drift check compares for real: a hand-made change to an expression is found.
    p.execute("ALTER TABLE " + q + "products DROP CONSTRAINT ck_products_price, "
              "ADD CONSTRAINT ck_products_price CHECK (price > 0)");
    r = p.run(cliArgs({"check"}));
    QVERIFY2(r.exitCode == 1, r.describe().c_str());
    QVERIFY2(contains(r.out, "drift: ") && contains(r.out, "ck_products_price"), r.describe().c_str());
    p.execute("ALTER TABLE " + q + "products DROP CONSTRAINT ck_products_price, "
              "ADD CONSTRAINT ck_products_price CHECK (price >= 0)");
    QCOMPARE(p.run(cliArgs({"check"})).exitCode, 0);

    // The generated down reverses everything, and up again lands on the same schema.
    const std::string applied = p.snapshot();
    r = p.run(cliArgs({"downgrade", "base"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(p.integer("SELECT count(*) FROM pg_tables WHERE schemaname = '" + nspname + "' "
                       "AND tablename <> 'tempest_db_migrations'"),
             std::int64_t(0));
    QCOMPARE(p.integer("SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                       "WHERE n.nspname = '" + nspname + "' AND t.typtype = 'e'"),
             std::int64_t(0));
    r = p.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    r = p.run(cliArgs({"check"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    const std::string reapplied = p.snapshot();
    // Only the version row's applied_at may differ.
    QCOMPARE(reapplied.substr(0, reapplied.find("--- version table")),
             applied.substr(0, applied.find("--- version table")));
}

// A schema written by someone else's DDL (identity ALWAYS, constraint names of its own):
// its introspection, used as the models of an empty database, migrates without drift.
void TestCliPostgresSchema::introspectedSchemaMigratesAnotherDatabase()
{
    PgCliProject source;
    source.writeConfig();
    source.connect()->executeScript(readText(TEMPEST_TEST_DATA_DIR "/schemas/chinook-identity.postgres.sql"));
    const CliRun introspect = source.run(cliArgs({"introspect"}));
    QVERIFY2(introspect.exitCode == 0, introspect.describe().c_str());
    QCOMPARE(tableCount(introspect.out), std::size_t(11));

    PgCliProject p;
    p.writeConfig();
    p.writeModels(introspect.out);
    CliRun r = p.run(cliArgs({"revision", "--autogenerate", "-m", "chinook", "--rev-id", "c1"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    r = p.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    r = p.run(cliArgs({"check"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    // The same schema; tables come in creation order, so compare as unordered JSON.
    const CliRun again = p.run(cliArgs({"introspect"}));
    QVERIFY2(again.exitCode == 0, again.describe().c_str());
    QVERIFY2(nlohmann::json::parse(again.out) == nlohmann::json::parse(introspect.out), again.out.c_str());
}

// Issue 11: introspect → models → revision --autogenerate → stamp head → check on the
// untouched database. PostgreSQL renders CHECK (kind IN ('a','b')) on a varchar
// differently after a re-parse; `check` compares by the server's fixed point and must
// exit 0 — and still exit 1 when the CHECK really changes.
void TestCliPostgresSchema::untouchedDatabaseChecksCleanAfterAutogenerateAndStamp()
{
    PgCliProject p;
    p.execute("CREATE TABLE t (id int PRIMARY KEY, kind varchar(10) CHECK (kind IN ('a','b')),"
              " c char(2) DEFAULT 'x'::bpchar CHECK (c IN ('x','y')),"
              " v varchar(10) DEFAULT 'v'::character varying, n numeric(8,2) DEFAULT 1.50 CHECK (n BETWEEN 0 AND 9.5))");
    p.execute("CREATE INDEX ix_t ON t (lower(kind)) WHERE kind IN ('a','b')");
    p.writeConfig();
    const CliRun introspect = p.run(cliArgs({"introspect"}));
    QVERIFY2(introspect.exitCode == 0, introspect.describe().c_str());
    p.writeModels(introspect.out);
    CliRun r = p.run(cliArgs({"revision", "--autogenerate", "-m", "baseline", "--rev-id", "b1"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    r = p.run(cliArgs({"stamp", "head"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());

    r = p.run(cliArgs({"check"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(r.out, std::string("no drift; models match migrations\n"));

    // A real change is still drift, and only it.
    p.execute("ALTER TABLE t DROP CONSTRAINT t_kind_check");
    p.execute("ALTER TABLE t ADD CONSTRAINT t_kind_check CHECK (kind IN ('a','c'))");
    r = p.run(cliArgs({"check"}));
    QVERIFY2(r.exitCode == 1, r.describe().c_str());
    const std::vector<std::string> drift = linesStartingWith(r, "drift: ");
    QCOMPARE(drift.size(), std::size_t(1));
    QVERIFY2(drift[0].find("t_kind_check") != std::string::npos, r.describe().c_str());
}

QTEST_GUILESS_MAIN(TestCliPostgresSchema)
#include "tst_cli_postgres_schema.moc"
