// The aligned compare (object_compare.h): both schemas as one list of rows in one order,
// with placeholders, the attributes that differ and renames as one row. Tempest Studio's
// two trees are drawn from these rows, so a wrong pairing or order here is a misaligned
// screen there.

#include "core/dialect/dialect.h"
#include "core/ir/schema_json.h"
#include "core/project/object_compare.h"

#include <QStringList>
#include <QTest>

#include <memory>

using namespace tempest;

namespace {

Schema schemaOf(const char* json)
{
    return parseSchema(json, "inline");
}

/// One readable line per row: `column legacy| removed`, `column name|name changed type: …`.
QStringList lines(const std::vector<AlignedRow>& rows)
{
    static const char* kinds[] = {"table",       "column", "index", "primary key", "unique",
                                  "foreign key", "check",  "enum",  "domain",      "sequence"};
    QStringList out;
    for (const AlignedRow& row : rows) {
        QString line = QStringLiteral("%1 %2|%3 %4")
                           .arg(QLatin1String(kinds[int(row.kind)]), QString::fromStdString(row.current),
                                QString::fromStdString(row.target),
                                QString::fromUtf8(rowStateName(row.state).data(), qsizetype(rowStateName(row.state).size())));
        if (!row.differences.empty())
            line += QLatin1Char(' ') + QString::fromStdString(differencesText(row.differences));
        out << line;
    }
    return out;
}

const char* kCurrent = R"({"tables": {
  "users": {"columns": {"id": {"type": "integer"}, "legacy": {"type": "text"}, "name": {"type": "text"},
                        "born": {"type": "text"}},
            "primaryKey": ["id"],
            "indexes": {"sqlite_autoindex_users_1": {"columns": ["name"]}}},
  "old_only": {"columns": {"id": {"type": "integer"}}},
  "posts": {"columns": {"id": {"type": "integer"}, "user_id": {"type": "integer"}},
            "foreignKeys": {"fk_posts_user_id": {"columns": ["user_id"], "refTable": "users", "refColumns": ["id"]}}}
}})";

const char* kTarget = R"({"tables": {
  "users": {"columns": {"id": {"type": "integer"}, "name": {"type": "text", "nullable": false},
                        "born": {"type": "integer"}, "email": {"type": "varchar", "length": 255}},
            "primaryKey": ["id"],
            "indexes": {"ix_users_name": {"columns": ["name"]}}},
  "posts": {"columns": {"id": {"type": "integer"}, "user_id": {"type": "integer"}},
            "foreignKeys": {"fk_posts_user_id": {"columns": ["user_id"], "refTable": "users", "refColumns": ["id"],
                                                 "onDelete": "cascade"}}},
  "new_only": {"columns": {"id": {"type": "integer"}}}
}})";

} // namespace

class TestObjectCompare : public QObject {
    Q_OBJECT

private slots:
    void rowsAreAlignedWithPlaceholdersAndDifferences();
    void bothSidesListEveryObjectOnce();
    void renamedFromHintIsOneRenamedRow();
    void confirmedRenameIsOneRenamedRow();
    void sqliteRulesDecideWhatIsChanged();
    void collationIsAnAttributeThatDiffers();
    void partitioningIsATableAttribute();
    void enumsDomainsAndSequencesAreRowsAfterTheTables();
};

void TestObjectCompare::rowsAreAlignedWithPlaceholdersAndDifferences()
{
    // The models' order, with what only the database has right after the object it
    // follows there; a changed row names each differing attribute with both values.
    const auto rows = alignSchemas(schemaOf(kCurrent), schemaOf(kTarget), exactRules());
    const QStringList expected{
        "table users|users changed",
        "column id|id same",
        "column legacy| removed",
        "column name|name changed nullable: null → not null",
        "column born|born changed type: text → integer",
        "column |email added",
        "index sqlite_autoindex_users_1|ix_users_name same",
        "primary key primary key|primary key same",
        "table old_only| removed",
        "column id| removed",
        "table posts|posts changed",
        "column id|id same",
        "column user_id|user_id same",
        "foreign key fk_posts_user_id|fk_posts_user_id changed on delete: no action → cascade",
        "table |new_only added",
        "column |id added",
    };
    QCOMPARE(lines(rows), expected);
}

void TestObjectCompare::bothSidesListEveryObjectOnce()
{
    // Each side's names, read down the rows without placeholders, are exactly its own
    // objects: nothing lost, nothing twice.
    const Schema current = schemaOf(kCurrent);
    const Schema target = schemaOf(kTarget);
    QStringList currentColumns, targetColumns;
    for (const TablePair& pair : pairTables(current, target))
        for (const AlignedRow& row : alignTableContents(pair, exactRules()))
            if (row.kind == RowKind::Column) {
                const std::string& table = pair.current ? pair.current->name : pair.target->name;
                if (!row.current.empty())
                    currentColumns << QString::fromStdString(table + "." + row.current);
                if (!row.target.empty())
                    targetColumns << QString::fromStdString(table + "." + row.target);
            }
    auto allColumns = [](const Schema& s) {
        QStringList out;
        for (const Table& t : s.tables)
            for (const Column& c : t.columns)
                out << QString::fromStdString(t.name + "." + c.name);
        out.sort();
        return out;
    };
    currentColumns.sort();
    targetColumns.sort();
    QCOMPARE(currentColumns, allColumns(current));
    QCOMPARE(targetColumns, allColumns(target));
}

void TestObjectCompare::renamedFromHintIsOneRenamedRow()
{
    const Schema current = schemaOf(R"({"tables": {"authors": {"columns": {
        "id": {"type": "integer"}, "name": {"type": "text"}}}}})");
    const Schema target = schemaOf(R"({"tables": {"writers": {"renamedFrom": "authors", "columns": {
        "id": {"type": "integer"}, "full_name": {"type": "text", "nullable": false, "renamedFrom": "name"}}}}})");
    const QStringList expected{
        "table authors|writers renamed",
        "column id|id same",
        "column name|full_name renamed nullable: null → not null",
    };
    QCOMPARE(lines(alignSchemas(current, target, exactRules())), expected);
}

void TestObjectCompare::confirmedRenameIsOneRenamedRow()
{
    // No hint in the models: the user's "treat as rename" pairs the two columns; without
    // it they are a removed and an added row.
    const Schema current = schemaOf(R"({"tables": {"t": {"columns": {"id": {"type": "integer"}, "a": {"type": "text"}}}}})");
    const Schema target = schemaOf(R"({"tables": {"t": {"columns": {"id": {"type": "integer"}, "b": {"type": "text"}}}}})");
    QCOMPARE(lines(alignSchemas(current, target, exactRules())),
             (QStringList{"table t|t changed", "column id|id same", "column a| removed", "column |b added"}));
    const std::vector<RenameCandidate> renames{{RenameCandidate::Kind::Column, "t", "a", "b"}};
    QCOMPARE(lines(alignSchemas(current, target, exactRules(), renames)),
             (QStringList{"table t|t changed", "column id|id same", "column a|b renamed"}));
}

void TestObjectCompare::sqliteRulesDecideWhatIsChanged()
{
    // Drift compares by SQLite affinity: varchar(255) and text are the same column there.
    const std::unique_ptr<Dialect> sqlite = makeDialect("sqlite");
    const Schema current = schemaOf(R"({"tables": {"t": {"columns": {"c": {"type": "text"}}}}})");
    const Schema target = schemaOf(R"({"tables": {"t": {"columns": {"c": {"type": "varchar", "length": 255}}}}})");
    QCOMPARE(lines(alignSchemas(current, target, sqlite->rules())), (QStringList{"table t|t same", "column c|c same"}));
    QCOMPARE(lines(alignSchemas(current, target, exactRules())),
             (QStringList{"table t|t changed", "column c|c changed type: text → varchar(255)"}));
}

void TestObjectCompare::collationIsAnAttributeThatDiffers()
{
    // A collation changed by hand is a changed column that names both collations; on
    // SQLite, names compare case-blind and BINARY is the default.
    const std::unique_ptr<Dialect> sqlite = makeDialect("sqlite");
    const Schema current = schemaOf(
        R"({"tables": {"t": {"columns": {"a": {"type": "text", "collation": "NOCASE"}, "b": {"type": "text", "collation": "binary"}}}}})");
    const Schema target = schemaOf(
        R"({"tables": {"t": {"columns": {"a": {"type": "text", "collation": "RTRIM"}, "b": {"type": "text"}}}}})");
    QCOMPARE(lines(alignSchemas(current, target, sqlite->rules())),
             (QStringList{"table t|t changed", "column a|a changed collation: NOCASE → RTRIM", "column b|b same"}));
    const Schema nocase = schemaOf(R"({"tables": {"t": {"columns": {"a": {"type": "text", "collation": "nocase"}}}}})");
    const Schema none = schemaOf(R"({"tables": {"t": {"columns": {"a": {"type": "text"}}}}})");
    QCOMPARE(lines(alignSchemas(nocase, none, sqlite->rules())),
             (QStringList{"table t|t changed", "column a|a changed collation: nocase → default"}));
}

void TestObjectCompare::partitioningIsATableAttribute()
{
    // docs/ir.md "Partitioning (PostgreSQL)": the three keys are table attributes; the
    // strategy word compares without case.
    const std::unique_ptr<Dialect> postgres = makeDialect("postgresql");
    const Schema current = schemaOf(R"J({"tables": {
        "m": {"columns": {"a": {"type": "integer"}}, "partitionBy": "LIST (a)"},
        "p": {"partitionOf": "m", "partitionBound": "FOR VALUES IN (1)"}}})J");
    const Schema target = schemaOf(R"J({"tables": {
        "m": {"columns": {"a": {"type": "integer"}}, "partitionBy": "list (a)"},
        "p": {"partitionOf": "m", "partitionBound": "DEFAULT"}}})J");
    const QStringList rows = lines(alignSchemas(current, target, postgres->rules()));
    QCOMPARE(rows.value(0), QString("table m|m same"));
    QVERIFY2(rows.contains("table p|p changed partitionBound: FOR VALUES IN (1) → DEFAULT"), qPrintable(rows.join("\n")));
}

void TestObjectCompare::enumsDomainsAndSequencesAreRowsAfterTheTables()
{
    // Studio's trees show a schema's enums, domains and sequences too (issue 11): after
    // the tables, enums then domains then sequences, each kind by name; a renamedFrom
    // hint pairs an enum with its old name as diffSchema does.
    const std::unique_ptr<Dialect> postgres = makeDialect("postgresql");
    const Schema current = schemaOf(R"J({
        "enums": {"mood": ["sad", "ok"], "old_level": ["low", "high"], "gone": ["x"]},
        "domains": {"year": {"type": "integer", "checks": {"year_check": {"expr": "VALUE >= 1901"}}},
                    "email": {"type": "text"}},
        "sequences": {"ticket_seq": {"type": "integer", "increment": 10}, "same_seq": {},
                      "owned_seq": {"ownedBy": {"table": "t", "column": "a"}}},
        "tables": {"t": {"columns": {"a": {"type": "integer"}, "b": {"type": "integer"}}}}})J");
    const Schema target = schemaOf(R"J({
        "enums": {"mood": ["sad", "ok", "happy"], "level": {"values": ["low", "high"], "renamedFrom": "old_level"}},
        "domains": {"year": {"type": "integer", "checks": {"year_check": {"expr": "VALUE >= 1900"}}},
                    "email": {"type": "text"}, "zip": {"type": "text"}},
        "sequences": {"ticket_seq": {"type": "integer", "increment": 5}, "same_seq": {},
                      "owned_seq": {"ownedBy": {"table": "t", "column": "b"}}},
        "tables": {"t": {"columns": {"a": {"type": "integer"}, "b": {"type": "integer"}}}}})J");
    const QStringList rows = lines(alignSchemas(current, target, postgres->rules()));
    const QStringList expected{
        "table t|t same",
        "column a|a same",
        "column b|b same",
        "enum gone| removed",
        "enum old_level|level renamed",
        "enum mood|mood changed values: ('sad', 'ok') → ('sad', 'ok', 'happy')",
        "domain email|email same",
        "domain year|year changed definition: integer CHECK year_check (VALUE >= 1901) → integer CHECK year_check (VALUE >= 1900)",
        "domain |zip added",
        "sequence owned_seq|owned_seq changed owned by: t.a → t.b",
        "sequence same_seq|same_seq same",
        "sequence ticket_seq|ticket_seq changed options: integer, increment 10 → integer, increment 5",
    };
    QCOMPARE(rows, expected);
    // Against itself every object is one row, all the same.
    for (const QString& row : lines(alignSchemaObjects(target, target, postgres->rules())))
        QVERIFY2(row.endsWith(" same"), qPrintable(row));
}

QTEST_APPLESS_MAIN(TestObjectCompare)
#include "tst_object_compare.moc"
