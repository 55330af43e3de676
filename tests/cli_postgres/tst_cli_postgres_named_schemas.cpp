// Issue 11's named schemas through the real `tempest-migrate` on PostgreSQL 15: a project
// with "schema" keeps its version table (and its run lock) in that schema, so two
// projects on two schemas of one database keep separate histories; versionTableSchema
// moves the table elsewhere; a history left in public is refused with the fix; DDL runs
// with the project's schema first on search_path, so a CHECK calling a function of that
// schema survives introspect → autogenerate → upgrade → check.
#include "pg_cli_project.h"

#include "core/dialect/postgresql/postgres_sql.h"
#include "core/ir/json.h"

#include <QTest>

using namespace tempest::test;

namespace {

using Ids = std::vector<std::string>;

bool relationExists(const PgCliProject& p, const std::string& qualified)
{
    return !p.text("SELECT coalesce(to_regclass('" + qualified + "')::text, '')").empty();
}

/// Ids of "schema"."table" by seq; empty when the table does not exist.
Ids versionIds(const PgCliProject& p, const std::string& schema, const std::string& table = "tempest_db_migrations")
{
    const std::string qualified = "\"" + schema + "\".\"" + table + "\"";
    if (!relationExists(p, qualified))
        return {};
    Ids ids;
    const auto rows = p.connect()->query("SELECT id FROM " + qualified + " ORDER BY seq");
    for (std::size_t r = 0; r < rows.rows.size(); ++r)
        ids.push_back(rows.text(r, "id"));
    return ids;
}

/// A project sharing `owner`'s database, with `extraMembers` in its tempest.json.
void shareDatabase(PgCliProject& p, const PgCliProject& owner, const std::string& extraMembers)
{
    p.writeConfigWithDatabase(owner.database().connInfo(), extraMembers);
    p.writeModels(R"({"tables": {}})");
}

const char* kSchemaFunction =
    "CREATE FUNCTION app.is_even(n integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT n % 2 = 0'";

} // namespace

class TestCliPostgresNamedSchemas : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { TEMPEST_REQUIRE_PG(); }
    void twoProjectsOnTwoSchemasKeepSeparateHistories();
    void runLockIsKeyedOnTheVersionTablesPlace();
    void versionTableSchemaIsHonoured();
    void missingSchemaIsRefusedBeforeWriting_data();
    void missingSchemaIsRefusedBeforeWriting();
    void versionTableSchemaOnSqliteIsRefused();
    void historyLeftInPublicIsRefusedWithTheFix();
    void checkCallingASchemaFunctionRoundTrips();
    void crossSchemaForeignKeyIsListedNotDropped();
    void severalSchemasRoundTripAndMoveBetweenThem();
    void aTableOfASchemaTheProjectDoesNotNameIsRefused_data();
    void aTableOfASchemaTheProjectDoesNotNameIsRefused();
    void missingNamedSchemaIsRefusedBeforeWriting();
    void schemasListIsChecked_data();
    void schemasListIsChecked();
    void schemasOnSqliteIsRefused();
};

void TestCliPostgresNamedSchemas::twoProjectsOnTwoSchemasKeepSeparateHistories()
{
    PgCliProject alpha;
    alpha.execute("CREATE SCHEMA alpha");
    alpha.execute("CREATE SCHEMA beta");
    shareDatabase(alpha, alpha, "\"schema\": \"alpha\"");
    alpha.writeMigration("a1", {}, "alpha users", {createTableOp("users")});
    alpha.writeMigration("a2", {"a1"}, "alpha users.name", {addColumnOp("users", "name")});
    PgCliProject beta;
    shareDatabase(beta, alpha, "\"schema\": \"beta\"");
    beta.writeMigration("b1", {}, "beta orders", {createTableOp("orders")});
    // A third project on public: its history is not alpha's or beta's, and is not refused.
    PgCliProject pub;
    shareDatabase(pub, alpha, {});
    pub.writeMigration("p1", {}, "public things", {createTableOp("things")});

    CliRun r = pub.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    r = alpha.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(r.out, std::string("applied a1\napplied a2\n"));
    r = beta.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(r.out, std::string("applied b1\n"));
    QCOMPARE(versionIds(alpha, "alpha"), (Ids{"a1", "a2"}));
    QCOMPARE(versionIds(alpha, "beta"), (Ids{"b1"}));
    QCOMPARE(versionIds(alpha, "public"), (Ids{"p1"}));
    QVERIFY(relationExists(alpha, "alpha.users") && relationExists(alpha, "beta.orders"));

    r = beta.run(cliArgs({"current"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(r.out, std::string("b1 — beta orders\n"));
    r = alpha.run(cliArgs({"current", "--verbose"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QVERIFY2(contains(r.out, "a1") && contains(r.out, "a2") && !contains(r.out, "b1") && !contains(r.out, "p1"),
             r.describe().c_str());

    // The issue's symptom: stamp of one project printed `unstamped <the other's id>`.
    r = beta.run(cliArgs({"stamp", "heads"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QVERIFY2(!contains(r.out, "unstamped"), r.describe().c_str());
    r = beta.run(cliArgs({"stamp", "base"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(r.out, std::string("unstamped b1\n"));
    QCOMPARE(versionIds(alpha, "alpha"), (Ids{"a1", "a2"}));
    QCOMPARE(versionIds(alpha, "beta"), Ids{});
    r = beta.run(cliArgs({"stamp", "heads"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(r.out, std::string("stamped b1\n"));

    r = alpha.run(cliArgs({"downgrade", "base"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(r.out, std::string("reverted a2\nreverted a1\n"));
    QVERIFY(!relationExists(alpha, "alpha.users"));
    QVERIFY(relationExists(alpha, "beta.orders"));
    QCOMPARE(versionIds(alpha, "beta"), (Ids{"b1"}));
    QCOMPARE(versionIds(alpha, "public"), (Ids{"p1"}));
    r = beta.run(cliArgs({"current"}));
    QCOMPARE(r.out, std::string("b1 — beta orders\n"));
}

// The run lock is a session advisory lock on a hash of the version table's schema and
// name: a runner of another schema's project must not wait for it.
void TestCliPostgresNamedSchemas::runLockIsKeyedOnTheVersionTablesPlace()
{
    PgCliProject alpha;
    alpha.execute("CREATE SCHEMA alpha");
    alpha.execute("CREATE SCHEMA beta");
    PgCliProject beta;
    shareDatabase(beta, alpha, "\"schema\": \"beta\"");
    beta.writeMigration("b1", {}, "beta orders", {createTableOp("orders")});

    auto holder = alpha.connect();
    holder->execute("SELECT pg_advisory_lock("
                    + std::to_string(tempest::pgAdvisoryLockKey("alpha", "tempest_db_migrations")) + ")");
    CliRun r = beta.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(r.out, std::string("applied b1\n"));

    // beta's own key was taken and given back.
    const std::string betaKey = std::to_string(tempest::pgAdvisoryLockKey("beta", "tempest_db_migrations"));
    auto second = alpha.connect();
    QCOMPARE(second->query("SELECT pg_try_advisory_lock(" + betaKey + ")::int AS got").integer(0, "got"),
             std::int64_t(1));
}

void TestCliPostgresNamedSchemas::versionTableSchemaIsHonoured()
{
    PgCliProject p;
    p.execute("CREATE SCHEMA app");
    p.execute("CREATE SCHEMA meta");
    shareDatabase(p, p, "\"schema\": \"app\",\n  \"versionTableSchema\": \"meta\"");
    p.writeMigration("r1", {}, "users", {createTableOp("users")});
    CliRun r = p.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(versionIds(p, "meta"), (Ids{"r1"}));
    QVERIFY(!relationExists(p, "app.tempest_db_migrations"));
    QVERIFY(!relationExists(p, "public.tempest_db_migrations"));
    QVERIFY(relationExists(p, "app.users"));
    r = p.run(cliArgs({"current"}));
    QCOMPARE(r.out, std::string("r1 — users\n"));

    // The --sql script writes the same place.
    r = p.run(cliArgs({"downgrade", "r1:base", "--sql"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QVERIFY2(contains(r.out, "DELETE FROM \"meta\".\"tempest_db_migrations\" WHERE \"id\" = 'r1'"), r.out.c_str());
}

// tempest creates no schemas: a missing one is bad input (exit 2) named with its key,
// before anything is written — not a failed CREATE TABLE.
void TestCliPostgresNamedSchemas::missingSchemaIsRefusedBeforeWriting_data()
{
    QTest::addColumn<QString>("members");
    QTest::addColumn<QString>("message");
    QTest::newRow("schema") << R"("schema": "nosuch")"
                            << R"(schema "nosuch", where the project keeps its version table ("schema")";
    QTest::newRow("versionTableSchema")
        << R"("versionTableSchema": "nosuch")"
        << R"(schema "nosuch", where the project keeps its version table ("versionTableSchema")";
}

void TestCliPostgresNamedSchemas::missingSchemaIsRefusedBeforeWriting()
{
    QFETCH(QString, members);
    QFETCH(QString, message);
    PgCliProject p;
    shareDatabase(p, p, members.toStdString());
    p.writeMigration("r1", {}, "users", {createTableOp("users")});
    for (const char* command : {"upgrade", "stamp"}) {
        const CliRun r = p.run(command == std::string("stamp") ? cliArgs({"stamp", "heads"}) : cliArgs({command}));
        QVERIFY2(r.exitCode == 2, r.describe().c_str());
        QVERIFY2(contains(r.err, message.toStdString()) && contains(r.err, "CREATE SCHEMA \"nosuch\""),
                 r.describe().c_str());
    }
    QCOMPARE(p.integer("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = 'public'"), std::int64_t(0));
}

void TestCliPostgresNamedSchemas::versionTableSchemaOnSqliteIsRefused()
{
    TestProject p;
    p.writeConfig("\"versionTableSchema\": \"meta\"");
    p.writeModels(R"({"tables": {}})");
    const CliRun r = p.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 2, r.describe().c_str());
    QVERIFY2(contains(r.err, "tempest.json") && contains(r.err, "versionTableSchema")
                 && contains(r.err, "postgresql dialect only"),
             r.describe().c_str());
    QVERIFY(!p.dbExists());
}

// A project that named a schema after its history was written in public: refused, with
// the statement that moves the history, instead of starting a second, empty one.
void TestCliPostgresNamedSchemas::historyLeftInPublicIsRefusedWithTheFix()
{
    PgCliProject p;
    shareDatabase(p, p, {});
    p.writeMigration("r1", {}, "users", {createTableOp("users")});
    CliRun r = p.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    p.execute("CREATE SCHEMA app");
    p.writeMigration("r2", {"r1"}, "posts", {createTableOp("posts")});
    shareDatabase(p, p, "\"schema\": \"app\"");
    const std::string before = p.versionTableDump();

    const std::string fix = R"(ALTER TABLE "public"."tempest_db_migrations" SET SCHEMA "app")";
    for (const char* command : {"upgrade", "stamp", "current"}) {
        r = p.run(command == std::string("stamp") ? cliArgs({"stamp", "heads"}) : cliArgs({command}));
        QVERIFY2(r.exitCode == 2, r.describe().c_str());
        QVERIFY2(contains(r.err, "\"public\".\"tempest_db_migrations\"") && contains(r.err, "schema \"app\"")
                     && contains(r.err, fix) && contains(r.err, "nothing was changed"),
                 r.describe().c_str());
    }
    QCOMPARE(p.versionTableDump(), before);
    QVERIFY(!relationExists(p, "app.tempest_db_migrations"));
    QVERIFY(!relationExists(p, "app.posts"));

    // The fix, as given, is all it takes.
    p.execute(fix);
    r = p.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(r.out, std::string("applied r2\n"));
    QCOMPARE(versionIds(p, "app"), (Ids{"r1", "r2"}));
}

// The issue's round trip: pg_get_constraintdef qualifies app.is_even, introspection
// strips the project's schema, so the DDL must resolve is_even through search_path.
void TestCliPostgresNamedSchemas::checkCallingASchemaFunctionRoundTrips()
{
    PgCliProject source;
    source.execute("CREATE SCHEMA app");
    source.execute(kSchemaFunction);
    source.execute("CREATE TABLE app.items (id integer PRIMARY KEY, qty integer NOT NULL, "
                   "CONSTRAINT ck_items_qty_even CHECK (app.is_even(qty)))");
    shareDatabase(source, source, "\"schema\": \"app\"");
    const CliRun introspect = source.run(cliArgs({"introspect"}));
    QVERIFY2(introspect.exitCode == 0, introspect.describe().c_str());
    QVERIFY2(contains(introspect.out, "is_even(qty)"), introspect.out.c_str());

    PgCliProject p;
    p.execute("CREATE SCHEMA app");
    p.execute(kSchemaFunction);
    p.writeConfig("\"schema\": \"app\"");
    p.writeModels(introspect.out);
    CliRun r = p.run(cliArgs({"revision", "--autogenerate", "-m", "items", "--rev-id", "i1"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());

    r = p.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(r.out, std::string("applied i1\n"));
    // --sql prints the statement the online run executed, inside the revision.
    r = p.run(cliArgs({"upgrade", "base:i1", "--sql"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    const auto setPath = r.out.find("SET LOCAL search_path TO \"app\", public;");
    QVERIFY2(setPath != std::string::npos, r.out.c_str());
    QVERIFY2(setPath < r.out.find("CREATE TABLE \"app\".\"items\""), r.out.c_str());
    r = p.run(cliArgs({"check"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(r.out, std::string("no drift; models match migrations\n"));
    const CliRun again = p.run(cliArgs({"introspect"}));
    QVERIFY2(again.exitCode == 0, again.describe().c_str());
    QVERIFY2(nlohmann::json::parse(again.out) == nlohmann::json::parse(introspect.out), again.out.c_str());
    // The CHECK really calls the schema's function.
    QVERIFY_THROWS_EXCEPTION(std::exception, p.execute("INSERT INTO app.items VALUES (1, 3)"));
    p.execute("INSERT INTO app.items VALUES (1, 4)");
}

// A project names one schema; a foreign key from it into another schema has no IR place
// yet (the IR's refTable is a table of the same schema). It must be listed in
// `unsupported`, with its SQL, rather than vanish from introspection.
void TestCliPostgresNamedSchemas::crossSchemaForeignKeyIsListedNotDropped()
{
    PgCliProject p;
    p.execute("CREATE SCHEMA app");
    p.execute("CREATE SCHEMA ref");
    p.execute("CREATE TABLE ref.countries (code text PRIMARY KEY)");
    p.execute("CREATE TABLE app.addresses (id integer PRIMARY KEY, country text, "
              "CONSTRAINT fk_addresses_country FOREIGN KEY (country) REFERENCES ref.countries (code))");
    shareDatabase(p, p, "\"schema\": \"app\"");
    const CliRun r = p.run(cliArgs({"introspect"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    const nlohmann::json ir = nlohmann::json::parse(r.out);
    QVERIFY2(!ir["tables"]["addresses"].contains("foreignKeys"), r.out.c_str());
    bool listed = false;
    for (const auto& u : ir["unsupported"])
        listed = listed
              || (u["kind"] == "table_option" && u["name"] == "fk_addresses_country" && u["table"] == "addresses"
                  && u["sql"].get<std::string>().find("REFERENCES ref.countries(code)") != std::string::npos);
    QVERIFY2(listed, r.out.c_str());
}

namespace {

/// Three schemas: the project's (app) and two it names. A foreign key into each other
/// schema, an enum and a domain of a named schema, an index and a CHECK there, a serial
/// column outside a key (its sequence in that schema).
const char* kSeveralSchemas[] = {
    "CREATE SCHEMA app",
    "CREATE SCHEMA ref",
    "CREATE SCHEMA audit",
    "CREATE TYPE audit.level AS ENUM ('info', 'warn')",
    "CREATE DOMAIN ref.iso_code AS char(2) CHECK (VALUE ~ '^[A-Z]{2}$')",
    "CREATE TABLE ref.countries (code ref.iso_code PRIMARY KEY, name text NOT NULL, "
    "CONSTRAINT ck_countries_name CHECK (length(name) > 1))",
    "CREATE INDEX ix_countries_name ON ref.countries (lower(name))",
    "CREATE TABLE app.addresses (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
    "country ref.iso_code NOT NULL REFERENCES ref.countries (code) ON DELETE CASCADE)",
    "CREATE TABLE audit.log (id bigint NOT NULL, at timestamptz NOT NULL DEFAULT now(), "
    "level audit.level NOT NULL DEFAULT 'info', address integer REFERENCES app.addresses (id), "
    "n serial, PRIMARY KEY (id, at))",
};

} // namespace

// Issue 11's named schemas, several in one project ("schemas"): introspect names their
// tables schema.table, autogenerate → upgrade makes them again in a database that has
// the schemas, check is clean, and a table moved to another schema (renamedFrom) is
// moved with its rows, then moved back by downgrade.
void TestCliPostgresNamedSchemas::severalSchemasRoundTripAndMoveBetweenThem()
{
    const std::string schemas = "\"schema\": \"app\", \"schemas\": [\"ref\", \"audit\"]";
    PgCliProject source;
    for (const char* sql : kSeveralSchemas)
        source.execute(sql);
    shareDatabase(source, source, schemas);
    const CliRun introspect = source.run(cliArgs({"introspect"}));
    QVERIFY2(introspect.exitCode == 0, introspect.describe().c_str());
    const nlohmann::json ir = nlohmann::json::parse(introspect.out);
    QVERIFY2(ir["tables"].contains("addresses") && ir["tables"].contains("ref.countries")
                 && ir["tables"].contains("audit.log"),
             introspect.out.c_str());
    QVERIFY2(ir["tables"]["addresses"]["foreignKeys"].begin().value()["refTable"] == "ref.countries",
             introspect.out.c_str());
    QVERIFY2(ir["tables"]["audit.log"]["foreignKeys"].begin().value()["refTable"] == "addresses", introspect.out.c_str());
    QVERIFY2(ir["tables"]["audit.log"]["columns"]["level"]["enum"] == "audit.level", introspect.out.c_str());
    QVERIFY2(ir["enums"].contains("audit.level") && ir["domains"].contains("ref.iso_code"), introspect.out.c_str());
    QVERIFY2(ir["tables"]["ref.countries"]["indexes"].contains("ix_countries_name"), introspect.out.c_str());
    QVERIFY2(!ir.contains("unsupported"), introspect.out.c_str());

    PgCliProject p;
    for (const char* sql : {"CREATE SCHEMA app", "CREATE SCHEMA ref", "CREATE SCHEMA audit"})
        p.execute(sql);
    p.writeConfig(schemas);
    p.writeModels(introspect.out);
    CliRun r = p.run(cliArgs({"revision", "--autogenerate", "-m", "three schemas", "--rev-id", "s1"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    r = p.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QVERIFY(relationExists(p, "ref.countries") && relationExists(p, "audit.log") && relationExists(p, "app.addresses"));
    QCOMPARE(versionIds(p, "app"), (Ids{"s1"}));
    r = p.run(cliArgs({"check"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(r.out, std::string("no drift; models match migrations\n"));
    CliRun again = p.run(cliArgs({"introspect"}));
    QVERIFY2(nlohmann::json::parse(again.out) == ir, again.out.c_str());
    // The original database, stamped, is its own IR too.
    source.writeModels(introspect.out);
    for (const auto& name : {"s1"}) {
        const std::string file = std::string("migrations/") + name + "_three_schemas.json";
        source.writeFile(file, p.readFile(file));
    }
    r = source.run(cliArgs({"stamp", "s1"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    r = source.run(cliArgs({"check"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(r.out, std::string("no drift; models match migrations\n"));

    // Move ref.countries into app (renamedFrom): rows kept, the index with it; then
    // drop audit.log's index-free column and downgrade both back.
    p.execute("INSERT INTO ref.countries VALUES ('DE', 'Germany')");
    p.execute("INSERT INTO app.addresses (country) VALUES ('DE')");
    nlohmann::json moved = ir;
    moved["tables"]["countries"] = moved["tables"]["ref.countries"];
    moved["tables"]["countries"]["renamedFrom"] = "ref.countries";
    moved["tables"].erase("ref.countries");
    moved["tables"]["addresses"]["foreignKeys"].begin().value()["refTable"] = "countries";
    p.writeModels(moved.dump());
    r = p.run(cliArgs({"revision", "--autogenerate", "-m", "countries into app", "--rev-id", "s2"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QVERIFY2(contains(p.readFile("migrations/s2_countries_into_app.json"), "rename_table"),
             p.readFile("migrations/s2_countries_into_app.json").c_str());
    r = p.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QVERIFY(!relationExists(p, "ref.countries") && relationExists(p, "app.countries"));
    QCOMPARE(p.text("SELECT name FROM app.countries"), std::string("Germany"));
    QCOMPARE(p.text("SELECT relnamespace::regnamespace::text FROM pg_class WHERE relname = 'ix_countries_name'"),
             std::string("app"));
    r = p.run(cliArgs({"check"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(r.out, std::string("no drift; models match migrations\n"));

    r = p.run(cliArgs({"downgrade", "-1"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QVERIFY(relationExists(p, "ref.countries") && !relationExists(p, "app.countries"));
    QCOMPARE(p.text("SELECT name FROM ref.countries"), std::string("Germany"));
    again = p.run(cliArgs({"introspect"}));
    QVERIFY2(nlohmann::json::parse(again.out) == ir, again.out.c_str());
    r = p.run(cliArgs({"downgrade", "base"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QVERIFY(!relationExists(p, "ref.countries") && !relationExists(p, "audit.log"));
    QCOMPARE(p.text("SELECT count(*)::text FROM pg_type WHERE typname IN ('level', 'iso_code')"), std::string("0"));
}

void TestCliPostgresNamedSchemas::aTableOfASchemaTheProjectDoesNotNameIsRefused_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("message");
    QTest::newRow("not under schemas")
        << "\"schemas\": [\"ref\"]"
        << "table \"audit.log\" is in schema \"audit\", which the project file does not name under \"schemas\"";
    QTest::newRow("no schemas at all")
        << ""
        << "table \"audit.log\" is in schema \"audit\", which the project file does not name under \"schemas\"";
}

void TestCliPostgresNamedSchemas::aTableOfASchemaTheProjectDoesNotNameIsRefused()
{
    QFETCH(QString, config);
    QFETCH(QString, message);
    PgCliProject p;
    p.writeConfig(config.toStdString());
    p.writeModels(R"({"tables": {"audit.log": {"columns": {"id": {"type": "integer"}}}}})");
    const std::string before = p.snapshot();
    for (const QStringList& args : {cliArgs({"check"}), cliArgs({"revision", "--autogenerate", "-m", "x"})}) {
        const CliRun r = p.run(args);
        QVERIFY2(r.exitCode == 2, r.describe().c_str());
        QVERIFY2(contains(r.err, message.toStdString()), r.describe().c_str());
        QVERIFY2(contains(r.err, "models.json: $.tables"), r.describe().c_str());
    }
    QCOMPARE(p.snapshot(), before);
}

void TestCliPostgresNamedSchemas::missingNamedSchemaIsRefusedBeforeWriting()
{
    PgCliProject p;
    p.writeConfig("\"schemas\": [\"ref\"]");
    p.writeModels(R"({"tables": {}})");
    p.writeMigration("m1", {}, "things", {createTableOp("things")});
    const CliRun r = p.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 2, r.describe().c_str());
    QVERIFY2(contains(r.err, "schema \"ref\", named under \"schemas\" in the project file, does not exist; "
                             "create it first (CREATE SCHEMA \"ref\"); nothing was changed"),
             r.describe().c_str());
    QVERIFY(!relationExists(p, "public.things"));
    QCOMPARE(p.appliedIds(), Ids{});
}

void TestCliPostgresNamedSchemas::schemasListIsChecked_data()
{
    QTest::addColumn<QString>("members");
    QTest::addColumn<QString>("message");
    QTest::newRow("not a list") << "\"schemas\": \"ref\"" << "$.schemas";
    QTest::newRow("empty name") << "\"schemas\": [\"ref\", \"\"]"
                                << "$.schemas[1]: expected a schema name, got an empty string";
    QTest::newRow("dot") << "\"schemas\": [\"a.b\"]"
                         << "$.schemas[0]: schema \"a.b\" has a '.', which the IR's schema.table names cannot tell apart";
    QTest::newRow("own schema") << "\"schema\": \"app\", \"schemas\": [\"app\"]"
                                << "$.schemas[0]: \"app\" is the project's own schema; \"schemas\" lists the others";
    QTest::newRow("public is the default's") << "\"schemas\": [\"public\"]"
                                             << "\"public\" is the project's own schema";
    QTest::newRow("twice") << "\"schemas\": [\"ref\", \"ref\"]" << "$.schemas[1]: schema \"ref\" is named twice";
}

void TestCliPostgresNamedSchemas::schemasListIsChecked()
{
    QFETCH(QString, members);
    QFETCH(QString, message);
    PgCliProject p;
    p.writeConfig(members.toStdString());
    p.writeModels(R"({"tables": {}})");
    const CliRun r = p.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 2, r.describe().c_str());
    QVERIFY2(contains(r.err, "tempest.json") && contains(r.err, message.toStdString()), r.describe().c_str());
    QCOMPARE(p.appliedIds(), Ids{});
}

void TestCliPostgresNamedSchemas::schemasOnSqliteIsRefused()
{
    TestProject p;
    p.writeConfig("\"schemas\": [\"ref\"]");
    p.writeModels(R"({"tables": {}})");
    CliRun r = p.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 2, r.describe().c_str());
    QVERIFY2(contains(r.err, "tempest.json: $.schemas: \"schemas\" applies to the postgresql dialect only"),
             r.describe().c_str());
    QVERIFY(!p.dbExists());
    // SQLite has no named schemas: there a '.' is an ordinary character of a table name,
    // so check sees one table "ref.countries" the database lacks (drift, exit 1), not a
    // table of a schema "ref".
    p.writeConfig({});
    p.writeModels(R"({"tables": {"ref.countries": {"columns": {"code": {"type": "text"}}}}})");
    r = p.run(cliArgs({"check"}));
    QVERIFY2(r.exitCode == 1, r.describe().c_str());
    QVERIFY2(contains(r.out, "table \"ref.countries\""), r.describe().c_str());
    QVERIFY2(!contains(r.err, "schema"), r.describe().c_str());
}

QTEST_GUILESS_MAIN(TestCliPostgresNamedSchemas)
#include "tst_cli_postgres_named_schemas.moc"
