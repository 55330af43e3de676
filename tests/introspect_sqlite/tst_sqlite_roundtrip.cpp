// Introspection and rendering agree: the IR introspected from a database, rendered as
// create_table operations into a fresh database, introspects back to the same IR. That
// is what makes a SQLite rebuild lossless and `check` free of false drift.

#include "schema_fixtures.h"

#include "core/dialect/dialect.h"
#include "core/dialect/sqlite/sqlite_rules.h"
#include "core/ir/schema_json.h"
#include "core/ops/operation.h"

#include <QTest>

#include <set>

using namespace tempest;
using namespace tempest::test;

namespace {

/// create_enum for every enum, then create_table in FK order (parents first; tables in
/// a cycle, such as sakila's store <-> staff, follow in name order: SQLite does not
/// check FK targets at CREATE time).
std::vector<Operation> createOperations(const Schema& schema)
{
    std::vector<Operation> ops;
    for (const auto& e : schema.enums)
        ops.push_back(CreateEnum{e});
    std::set<std::string> created;
    std::vector<const Table*> pending;
    for (const auto& t : schema.tables)
        pending.push_back(&t);
    while (!pending.empty()) {
        bool progressed = false;
        for (auto it = pending.begin(); it != pending.end();) {
            bool ready = true;
            for (const auto& fk : (*it)->foreignKeys)
                ready = ready && (fk.refTable == (*it)->name || created.count(fk.refTable));
            if (ready) {
                ops.push_back(CreateTable{**it});
                created.insert((*it)->name);
                it = pending.erase(it);
                progressed = true;
            } else {
                ++it;
            }
        }
        if (!progressed) {
            ops.push_back(CreateTable{*pending.front()});
            created.insert(pending.front()->name);
            pending.erase(pending.begin());
        }
    }
    return ops;
}

/// A fresh database holding `schema`, created through the SQLite dialect's rendering.
std::unique_ptr<SqliteDriver> recreate(const Schema& schema)
{
    auto dialect = makeDialect("sqlite");
    auto driver = SqliteDriver::open(":memory:");
    for (const auto& statement : dialect->render(createOperations(schema), RenderContext{}))
        if (!statement.commentOnly)
            driver->execute(statement.sql);
    return driver;
}

/// Compares table by table so that a failure names the table and shows both JSON forms.
void compareTables(const Schema& expected, const Schema& actual)
{
    QCOMPARE(actual.tables.size(), expected.tables.size());
    for (const auto& table : expected.tables) {
        const Table* back = actual.findTable(table.name);
        QVERIFY2(back, table.name.c_str());
        if (!(*back == table)) {
            const std::string message = "table " + table.name + " differs:\nexpected "
                                      + writeCanonicalJson(tableToJson(table)) + "actual   "
                                      + writeCanonicalJson(tableToJson(*back));
            QFAIL(message.c_str());
        }
    }
    QCOMPARE(actual.enums, expected.enums);
}

} // namespace

class TestSqliteRoundtrip : public QObject {
    Q_OBJECT

private slots:
    void sampleSchemas_data();
    void sampleSchemas();
    void modelFeatures();
    void handWrittenQuirks();
};

void TestSqliteRoundtrip::sampleSchemas_data()
{
    QTest::addColumn<QString>("file");
    for (const char* file : {"chinook.sqlite.sql", "chinook-autoincrement.sqlite.sql", "northwind.sqlite.sql",
                             "sakila.sqlite.sql", "synapse.sqlite.sql"})
        QTest::newRow(file) << QString(file);
}

void TestSqliteRoundtrip::sampleSchemas()
{
    QFETCH(QString, file);
    auto original = databaseFromSchemaFile(file.toStdString());
    const Schema first = introspect(*original);
    QVERIFY(!first.tables.empty());

    auto fresh = recreate(first);
    const Schema second = introspect(*fresh);
    compareTables(first, second);
    // What cannot be recreated from IR is exactly the unsupported list: the fresh
    // database has none of it.
    QVERIFY(second.unsupported.empty());
}

void TestSqliteRoundtrip::modelFeatures()
{
    // A model using every IR feature SQLite stores, written as a user would.
    const Schema model = parseSchema(R"json({
      "tables": {
        "users": {
          "columns": {
            "id": {"type": "integer", "autoincrement": true},
            "email": {"type": "varchar", "length": 255, "nullable": false},
            "role": {"type": "enum", "enum": "user_role", "nullable": false, "default": {"value": "member"}},
            "score": {"type": "numeric", "precision": 10, "scale": 2, "default": {"value": 0}},
            "active": {"type": "boolean", "default": {"value": true}},
            "ratio": {"type": "double", "default": {"value": -1.5}},
            "created_at": {"type": "timestamp", "nullable": false, "default": {"expr": "CURRENT_TIMESTAMP"}},
            "token": {"type": "uuid", "default": {"expr": "lower(hex(randomblob(16)))"}},
            "settings": {"type": "json"},
            "raw": {"type": "custom", "sql": "MEDIUMINT UNSIGNED"},
            "anything": {"type": "custom", "sql": ""},
            "nick": {"type": "text", "default": {"value": "it's"}}
          },
          "primaryKey": ["id"],
          "indexes": {
            "ix_users_created_at": {"columns": ["created_at"]},
            "ix_users_lower_email": {"columns": [{"expr": "lower(email)"}], "where": "email IS NOT NULL", "unique": true}
          },
          "uniques": {"uq_users_email": {"columns": ["email"]}},
          "checks": {"ck_users_score": {"expr": "score >= 0"}}
        },
        "posts": {
          "columns": {
            "user_id": {"type": "integer", "nullable": false},
            "slug": {"type": "char", "length": 8},
            "body": {"type": "text"}
          },
          "primaryKey": ["user_id", "slug"],
          "foreignKeys": {"posts_author": {"columns": ["user_id"], "refTable": "users",
                          "refColumns": ["id"], "onDelete": "cascade", "onUpdate": "set null"}}
        }
      },
      "enums": {"user_role": ["member", "admin"]}
    })json", "model");

    auto fresh = recreate(model);
    const Schema live = introspect(*fresh);
    compareTables(model, live);
}

void TestSqliteRoundtrip::handWrittenQuirks()
{
    // DDL as people write it by hand, not as the renderer would: every spelling must
    // settle on IR that the renderer reproduces.
    auto original = databaseWith(R"sql(
        CREATE TABLE "we""ird name" (
          [key] INTEGER NOT NULL PRIMARY KEY,
          `select` TEXT DEFAULT 'it''s' COLLATE NOCASE,
          n INT DEFAULT -5 CHECK (n <> 0),
          h DEFAULT 0x1F,
          flag BOOL DEFAULT TRUE,
          stamp DATETIME DEFAULT CURRENT_TIMESTAMP,
          expr_default TEXT DEFAULT ((strftime('%s', 'now'))),
          word DEFAULT abc,
          odd MEDIUMINT  UNSIGNED,
          numb NUMERIC(7),
          g TEXT AS (upper(`select`)),
          CONSTRAINT "both" UNIQUE (n, h)
        );
        CREATE TABLE child (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          a INT, b INT,
          parent_key INTEGER REFERENCES "we""ird name" ON DELETE SET NULL,
          CONSTRAINT pair FOREIGN KEY (a, b) REFERENCES "we""ird name" (n, h) ON UPDATE CASCADE,
          CHECK (a > 0 OR b > 0)
        );
        CREATE UNIQUE INDEX ix_child_expr ON child (((a + b) * 2), b) WHERE a IS NOT NULL;
    )sql");
    const Schema first = introspect(*original);
    QVERIFY(first.findTable("we\"ird name"));
    QVERIFY2(first.unsupported.empty(), toJson(first).c_str());
    // `AS (…)` without a kind is a virtual generated column (docs/ir.md "Generated columns").
    const Column* g = first.findTable("we\"ird name")->findColumn("g");
    QCOMPARE(g->generated.value_or("none"), std::string("upper(`select`)"));
    QVERIFY(!g->generatedStored);
    auto fresh = recreate(first);
    compareTables(first, introspect(*fresh));
}

QTEST_APPLESS_MAIN(TestSqliteRoundtrip)
#include "tst_sqlite_roundtrip.moc"
