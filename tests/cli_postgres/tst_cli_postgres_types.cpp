// Type and enum changes through `tempest-migrate` on PostgreSQL 15, from hand-written
// migration files: varchar → integer keeps the numbers, an enum value added by one
// revision is usable by the next one in the same run (PostgreSQL refuses a value used in
// the transaction that added it), rename_enum keeps every row, and dropping a value that
// rows still hold is refused before anything is touched.
#include "pg_cli_project.h"

#include <QTest>

using namespace tempest::test;

namespace {

using Ids = std::vector<std::string>;

std::string createEnumOp(const std::string& name, const std::string& valuesJson)
{
    return R"({"kind": "create_enum", "name": ")" + name + R"(", "values": )" + valuesJson + "}";
}

// A table `people` (id, mood enum `enumName`).
std::string createPeopleOp(const std::string& enumName)
{
    return R"({"kind": "create_table", "table": "people", "definition": {"columns": {"id": {"type": "integer"}, )"
           R"("mood": {"type": "enum", "enum": ")" + enumName + R"("}}, "primaryKey": ["id"]}})";
}

// Enum values in their sort order ("" when the type does not exist).
std::string enumValues(const PgCliProject& p, const std::string& name)
{
    return p.text("SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum "
                  "WHERE enumtypid = to_regtype('" + name + "')");
}

std::string moodsDigest(const PgCliProject& p)
{
    return p.text("SELECT md5(string_agg(id || ':' || coalesce(mood::text, '-'), ',' ORDER BY id)) FROM people");
}

} // namespace

class TestCliPostgresTypes : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { TEMPEST_REQUIRE_PG(); }
    void varcharToIntegerKeepsValues();
    void addedEnumValueIsUsableByALaterRevision();
    void renameEnumKeepsEveryRow();
    void droppingAValueInUseIsRefusedUntouched();
    void revisionThatAddsAndUsesAValueDowngrades();
};

void TestCliPostgresTypes::varcharToIntegerKeepsValues()
{
    PgCliProject p;
    p.writeConfig();
    p.writeMigration("r1", {}, "items", {createTableOp("items", R"("qty": {"type": "varchar", "length": 10})")});
    p.writeMigration("r2", {"r1"}, "seed",
                     {pgExecuteOp("INSERT INTO items (id, qty) SELECT i, CASE WHEN i % 10 = 0 THEN NULL "
                                  "ELSE (i * 13 - 5000)::text END FROM generate_series(1, 5000) AS i",
                                  "DELETE FROM items")});
    p.writeMigration("r3", {"r2"}, "qty is a number",
                     {R"({"kind": "alter_column", "table": "items", "column": "qty", )"
                      R"("from": {"type": "varchar", "length": 10}, "to": {"type": "integer"}})"});
    CliRun r = p.run(cliArgs({"upgrade", "r2"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    const std::string asText = p.text("SELECT md5(string_agg(id || ':' || coalesce(qty, '-'), ',' ORDER BY id)) "
                                      "FROM items");

    r = p.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(r.out, std::string("applied r3\n"));
    QCOMPARE(p.text("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                    "WHERE attrelid = 'items'::regclass AND attname = 'qty'"),
             std::string("integer"));
    QCOMPARE(p.integer("SELECT count(*) FROM items"), std::int64_t(5000));
    QCOMPARE(p.integer("SELECT count(*) FROM items WHERE qty IS DISTINCT FROM "
                       "CASE WHEN id % 10 = 0 THEN NULL ELSE id * 13 - 5000 END"),
             std::int64_t(0));

    r = p.run(cliArgs({"downgrade", "1"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(p.text("SELECT md5(string_agg(id || ':' || coalesce(qty, '-'), ',' ORDER BY id)) FROM items"), asText);
}

void TestCliPostgresTypes::addedEnumValueIsUsableByALaterRevision()
{
    PgCliProject p;
    p.writeConfig();
    p.writeMigration("r1", {}, "moods", {createEnumOp("mood", R"(["sad", "ok"])"), createPeopleOp("mood")});
    p.writeMigration("r2", {"r1"}, "happy",
                     {R"({"kind": "add_enum_value", "name": "mood", "value": "happy"})",
                      R"({"kind": "add_enum_value", "name": "mood", "value": "meh", "before": "ok"})"});
    p.writeMigration("r3", {"r2"}, "someone is happy",
                     {pgExecuteOp("INSERT INTO people (id, mood) VALUES (1, 'happy'), (2, 'meh')",
                                  "DELETE FROM people WHERE id IN (1, 2)")});

    // All three in one run: r2's values must be committed before r3 uses them.
    const CliRun r = p.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(r.out, std::string("applied r1\napplied r2\napplied r3\n"));
    QCOMPARE(enumValues(p, "mood"), std::string("sad,meh,ok,happy"));
    QCOMPARE(p.text("SELECT string_agg(id || ':' || mood, ',' ORDER BY id) FROM people"),
             std::string("1:happy,2:meh"));
    QCOMPARE(p.appliedIds(), (Ids{"r1", "r2", "r3"}));

    // Back down: the rows go with r3, the values with r2 (a type swap, no row uses them).
    const CliRun down = p.run(cliArgs({"downgrade", "r1"}));
    QVERIFY2(down.exitCode == 0, down.describe().c_str());
    QCOMPARE(enumValues(p, "mood"), std::string("sad,ok"));
    QCOMPARE(p.appliedIds(), (Ids{"r1"}));
}

void TestCliPostgresTypes::renameEnumKeepsEveryRow()
{
    PgCliProject p;
    p.writeConfig();
    p.writeMigration("r1", {}, "moods", {createEnumOp("mood", R"(["sad", "ok", "happy"])"), createPeopleOp("mood")});
    p.writeMigration("r2", {"r1"}, "seed",
                     {pgExecuteOp("INSERT INTO people (id, mood) SELECT i, CASE WHEN i % 7 = 0 THEN NULL ELSE "
                                  "(ARRAY['sad', 'ok', 'happy'])[i % 3 + 1]::mood END FROM generate_series(1, 3000) AS i",
                                  "DELETE FROM people")});
    QVERIFY(p.run(cliArgs({"upgrade"})).exitCode == 0);
    const std::string before = moodsDigest(p);

    p.writeMigration("r3", {"r2"}, "mood is a feeling", {R"({"kind": "rename_enum", "from": "mood", "to": "feeling"})"});
    CliRun r = p.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(enumValues(p, "mood"), std::string());
    QCOMPARE(enumValues(p, "feeling"), std::string("sad,ok,happy"));
    QCOMPARE(p.text("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                    "WHERE attrelid = 'people'::regclass AND attname = 'mood'"),
             std::string("feeling"));
    QCOMPARE(p.integer("SELECT count(*) FROM people"), std::int64_t(3000));
    QCOMPARE(moodsDigest(p), before);
    QVERIFY2(contains(p.run(cliArgs({"introspect"})).out, "\"feeling\""), "introspect names the new type");

    r = p.run(cliArgs({"downgrade", "1"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(enumValues(p, "mood"), std::string("sad,ok,happy"));
    QCOMPARE(moodsDigest(p), before);
}

void TestCliPostgresTypes::droppingAValueInUseIsRefusedUntouched()
{
    PgCliProject p;
    p.writeConfig();
    p.writeMigration("r1", {}, "moods", {createEnumOp("mood", R"(["sad", "ok", "happy"])"), createPeopleOp("mood")});
    p.writeMigration("r2", {"r1"}, "seed",
                     {pgExecuteOp("INSERT INTO people (id, mood) VALUES (1, 'sad'), (2, 'ok'), (3, 'ok')",
                                  "DELETE FROM people")});
    QVERIFY(p.run(cliArgs({"upgrade"})).exitCode == 0);
    const std::string before = p.snapshot();
    const std::string rows = moodsDigest(p);

    // A pending revision first, then the drop: the refusal must leave both unapplied.
    p.writeMigration("r3", {"r2"}, "notes", {addColumnOp("people", "note")});
    p.writeMigration("r4", {"r3"}, "no more ok",
                     {addColumnOp("people", "other"),
                      R"({"kind": "drop_enum_value", "name": "mood", "value": "ok"})"});
    CliRun r = p.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 2, r.describe().c_str());
    QVERIFY2(contains(r.err, "'ok'") && contains(r.err, "people") && contains(r.err, "2 rows"), r.describe().c_str());
    QVERIFY2(contains(r.err, "r4"), r.describe().c_str());
    QCOMPARE(p.snapshot(), before);
    QCOMPARE(moodsDigest(p), rows);
    QCOMPARE(enumValues(p, "mood"), std::string("sad,ok,happy"));

    // Once no row holds it, the same revision drops it and keeps the other rows.
    p.execute("UPDATE people SET mood = 'happy' WHERE mood = 'ok'");
    r = p.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(r.out, std::string("applied r3\napplied r4\n"));
    QCOMPARE(enumValues(p, "mood"), std::string("sad,happy"));
    QCOMPARE(p.text("SELECT string_agg(id || ':' || mood, ',' ORDER BY id) FROM people"),
             std::string("1:sad,2:happy,3:happy"));
}

// One revision adds a value and rows using it; its down (generated: reversed inverses)
// deletes the rows, then drops the value. Refusing because rows use the value *before*
// the revision ran would make it irreversible in practice; the type swap's cast still
// refuses (exit 1, rolled back) when the down leaves rows behind.
void TestCliPostgresTypes::revisionThatAddsAndUsesAValueDowngrades()
{
    PgCliProject p;
    p.writeConfig();
    p.writeMigration("r1", {}, "moods", {createEnumOp("mood", R"(["sad", "ok"])"), createPeopleOp("mood")});
    p.writeMigration("r2", {"r1"}, "glad people",
                     {R"({"kind": "add_enum_value", "name": "mood", "value": "glad"})",
                      pgExecuteOp("INSERT INTO people (id, mood) VALUES (1, 'glad'), (2, 'sad')",
                                  "DELETE FROM people WHERE id IN (1, 2)")});
    p.writeMigration("r3", {"r1"}, "glad people who stay",
                     {R"({"kind": "add_enum_value", "name": "mood", "value": "happy"})",
                      pgExecuteOp("INSERT INTO people (id, mood) VALUES (3, 'happy')", "SELECT 1")});
    CliRun r = p.run(cliArgs({"upgrade", "r2"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(enumValues(p, "mood"), std::string("sad,ok,glad"));

    r = p.run(cliArgs({"downgrade", "1"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(r.out, std::string("reverted r2\n"));
    QCOMPARE(enumValues(p, "mood"), std::string("sad,ok"));
    QCOMPARE(p.integer("SELECT count(*) FROM people"), std::int64_t(0));

    // r3's down leaves its row: the swap's cast fails, and the revision is rolled back.
    r = p.run(cliArgs({"upgrade", "r3"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    const std::string before = p.snapshot();
    r = p.run(cliArgs({"downgrade", "1"}));
    QVERIFY2(r.exitCode == 1, r.describe().c_str());
    QVERIFY2(contains(r.err, "revision r3 failed and was rolled back"), r.describe().c_str());
    QCOMPARE(p.snapshot(), before);
    QCOMPARE(p.text("SELECT string_agg(id || ':' || mood, ',' ORDER BY id) FROM people"), std::string("3:happy"));
}

QTEST_GUILESS_MAIN(TestCliPostgresTypes)
#include "tst_cli_postgres_types.moc"
