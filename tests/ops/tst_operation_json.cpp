// Operations in migration files: the exact JSON shape of DESIGN.md's operations table,
// lossless round trips for every kind, and strict reading that names the JSON path.

#include "core/ir/errors.h"
#include "core/ops/operation.h"
#include "operation_samples.h"

#include <QTest>

using namespace tempest;
using namespace tempest::testing;

Q_DECLARE_METATYPE(tempest::Operation)

class TestOperationJson : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void exactShape_data();
    void exactShape();
    void columnDefinitionsAreNotPrimaryKeyColumns();
    void listRoundTrip();
    void rejects_data();
    void rejects();
};

namespace {

const std::string migrationFile = "migrations/3f2a9c1b7d4e_add_score.json";

Operation reparse(const std::string& text)
{
    return operationFromJson(parseJsonStrict(text, migrationFile), migrationFile, "$.up[0]");
}

} // namespace

void TestOperationJson::roundTrip_data()
{
    QTest::addColumn<Operation>("op");
    for (const auto& sample : sampleOperations())
        QTest::newRow(sample.name.c_str()) << sample.op;
    // Optional fields absent: they must stay absent, not come back as empty values.
    QTest::newRow("add_enum_value appended") << Operation(AddEnumValue{"user_role", "guest", std::nullopt});
    QTest::newRow("alter_table_comment from none") << Operation(AlterTableComment{"posts", std::nullopt, "articles"});
    QTest::newRow("execute without down") << Operation(Execute{{{"postgresql", "VACUUM"}}, std::nullopt});
    QTest::newRow("alter_primary_key to none") << Operation(AlterPrimaryKey{"posts", {"id"}, {}});
}

void TestOperationJson::roundTrip()
{
    QFETCH(Operation, op);
    const std::string text = writeCanonicalJson(operationToJson(op));
    const Operation back = reparse(text);
    QVERIFY2(back == op, text.c_str());
    QCOMPARE(writeCanonicalJson(operationToJson(back)), text);
}

void TestOperationJson::exactShape_data()
{
    QTest::addColumn<Operation>("op");
    QTest::addColumn<QString>("json");
    QTest::newRow("add_column as in DESIGN.md")
        << Operation(AddColumn{"users", numericColumn("score", 10, 2)})
        << R"({"kind":"add_column","table":"users","column":"score","definition":{"type":"numeric","precision":10,"scale":2}})";
    QTest::newRow("drop_column writes nullable false")
        << Operation(DropColumn{"users", varcharColumn("email", 255, false)})
        << R"({"kind":"drop_column","table":"users","column":"email","definition":{"type":"varchar","length":255,"nullable":false}})";
    QTest::newRow("alter_column")
        << Operation(AlterColumn{"users", varcharColumn("email", 255, false), makeColumn("email", ColumnType::Text)})
        << R"({"kind":"alter_column","table":"users","column":"email","from":{"type":"varchar","length":255,"nullable":false},"to":{"type":"text"}})";
    Table tags;
    tags.name = "tags";
    tags.columns = {makeColumn("id", ColumnType::Integer, false)};
    tags.primaryKey = {"id"};
    QTest::newRow("create_table: definition without name")
        << Operation(CreateTable{tags})
        << R"({"kind":"create_table","table":"tags","definition":{"columns":{"id":{"type":"integer"}},"primaryKey":["id"]}})";
    QTest::newRow("create_index")
        << Operation(CreateIndex{"users", usersTable().indexes[0]})
        << R"({"kind":"create_index","table":"users","name":"ix_users_created_at","definition":{"columns":["created_at"]}})";
    QTest::newRow("rename_table") << Operation(RenameTable{"users", "accounts"})
                                  << R"({"kind":"rename_table","from":"users","to":"accounts"})";
    QTest::newRow("rename_column") << Operation(RenameColumn{"users", "email", "mail"})
                                   << R"({"kind":"rename_column","table":"users","from":"email","to":"mail"})";
    QTest::newRow("alter_primary_key") << Operation(AlterPrimaryKey{"posts", {"id"}, {"id", "user_id"}})
                                       << R"({"kind":"alter_primary_key","table":"posts","from":["id"],"to":["id","user_id"]})";
    QTest::newRow("alter_table_comment: null") << Operation(AlterTableComment{"users", "accounts", std::nullopt})
                                               << R"({"kind":"alter_table_comment","table":"users","from":"accounts","to":null})";
    QTest::newRow("create_enum") << Operation(CreateEnum{EnumType{"user_role", {"member", "admin"}, {}}})
                                 << R"({"kind":"create_enum","name":"user_role","values":["member","admin"]})";
    QTest::newRow("drop_enum_value with before") << Operation(DropEnumValue{"user_role", "member", "admin"})
                                                 << R"({"kind":"drop_enum_value","name":"user_role","value":"member","before":"admin"})";
    QTest::newRow("add_enum_value appended") << Operation(AddEnumValue{"user_role", "guest", std::nullopt})
                                             << R"({"kind":"add_enum_value","name":"user_role","value":"guest"})";
    QTest::newRow("rename_enum") << Operation(RenameEnum{"a", "b"}) << R"({"kind":"rename_enum","from":"a","to":"b"})";
    QTest::newRow("execute: sqlite first")
        << Operation(Execute{{{"postgresql", "P"}, {"sqlite", "S"}}, std::map<std::string, std::string>{{"sqlite", "D"}}})
        << R"({"kind":"execute","up":{"sqlite":"S","postgresql":"P"},"down":{"sqlite":"D"}})";
}

void TestOperationJson::exactShape()
{
    QFETCH(Operation, op);
    QFETCH(QString, json);
    QCOMPARE(QString::fromStdString(writeCompactJson(operationToJson(op))), json);
}

// A column inside add_column is not read as a primary-key column: an omitted
// `nullable` means nullable, whatever the column is called.
void TestOperationJson::columnDefinitionsAreNotPrimaryKeyColumns()
{
    const Operation op = reparse(R"({"kind": "add_column", "table": "t", "column": "id", "definition": {"type": "integer"}})");
    const auto* add = std::get_if<AddColumn>(&op);
    QVERIFY(add);
    QCOMPARE(add->definition.name, std::string("id"));
    QVERIFY(add->definition.nullable);
}

void TestOperationJson::listRoundTrip()
{
    std::vector<Operation> ops;
    for (const auto& sample : sampleOperations())
        ops.push_back(sample.op);
    const std::string text = writeCanonicalJson(operationsToJson(ops));
    const auto back = operationsFromJson(parseJsonStrict(text, migrationFile), migrationFile, "$.up");
    QVERIFY(back == ops);
}

void TestOperationJson::rejects_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    const QString valid = R"({"kind": "rename_table", "from": "a", "to": "b"}, )";
    QTest::newRow("unknown kind") << "[" + valid + R"({"kind": "foo"}])" << "$.up[1].kind"
                                  << R"(unknown operation kind "foo")";
    QTest::newRow("kind not a string") << R"([{"kind": 3}])" << "$.up[0].kind" << "expected a string";
    QTest::newRow("missing kind") << R"([{"from": "a"}])" << "$.up[0]" << R"(missing required key "kind")";
    QTest::newRow("unknown key") << R"([{"kind": "rename_table", "from": "a", "to": "b", "table": "x"}])"
                                 << "$.up[0].table" << R"(unknown key "table")";
    QTest::newRow("missing field") << R"([{"kind": "rename_table", "from": "a"}])" << "$.up[0]"
                                   << R"(missing required key "to")";
    QTest::newRow("wrong type") << "[" + valid + R"({"kind": "rename_column", "table": "t", "from": 1, "to": "b"}])"
                                << "$.up[1].from" << "expected a string";
    QTest::newRow("bad column definition")
        << R"([{"kind": "add_column", "table": "t", "column": "c", "definition": {"type": "integer", "primaryKey": true}}])"
        << "$.up[0].definition.primaryKey" << R"(unknown key "primaryKey")";
    QTest::newRow("alter_column to not an object")
        << R"([{"kind": "alter_column", "table": "t", "column": "c", "from": {"type": "text"}, "to": "text"}])"
        << "$.up[0].to" << "expected an object";
    QTest::newRow("comment neither string nor null")
        << R"([{"kind": "alter_table_comment", "table": "t", "from": null, "to": 5}])" << "$.up[0].to"
        << "expected a string or null";
    QTest::newRow("execute: unknown dialect") << R"([{"kind": "execute", "up": {"mysql": "SELECT 1"}}])"
                                              << "$.up[0].up.mysql" << R"(unknown key "mysql")";
    QTest::newRow("execute: sql not a string") << R"([{"kind": "execute", "up": {"sqlite": ["SELECT 1"]}}])"
                                               << "$.up[0].up.sqlite" << "expected a string";
    QTest::newRow("execute: down not an object")
        << R"([{"kind": "execute", "up": {"sqlite": "x"}, "down": "y"}])" << "$.up[0].down" << "expected an object";
    QTest::newRow("enum values not strings") << R"([{"kind": "create_enum", "name": "e", "values": ["a", 2]}])"
                                             << "$.up[0].values[1]" << "";
    QTest::newRow("operation not an object") << R"([[]])" << "$.up[0]" << "expected an object";
    QTest::newRow("not a list") << R"({"kind": "rename_table"})" << "$.up" << "expected an array of operations";
}

void TestOperationJson::rejects()
{
    QFETCH(QString, json);
    QFETCH(QString, path);
    QFETCH(QString, message);
    const Json parsed = parseJsonStrict(json.toStdString(), migrationFile);
    try {
        operationsFromJson(parsed, migrationFile, "$.up");
        QFAIL("accepted invalid operations");
    } catch (const InputError& error) {
        QCOMPARE(QString::fromStdString(error.jsonPath()), path);
        QCOMPARE(error.file(), migrationFile);
        const QString what = QString::fromUtf8(error.what());
        QVERIFY2(what.contains(path) && what.contains(QString::fromStdString(migrationFile)), qPrintable(what));
        QVERIFY2(what.contains(message), qPrintable(what));
    }
}

QTEST_APPLESS_MAIN(TestOperationJson)
#include "tst_operation_json.moc"
