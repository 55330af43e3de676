// schemaEquals and describeDifferences: the equality drift and every round-trip test
// rely on (DESIGN.md "Equality"), with exact rules and with a dialect-like subclass of
// ComparisonRules; the lines are what `check` prints, so their wording is asserted.

#include "diff_test_support.h"

using namespace tempest;
using namespace difftest;

namespace {

/// What a SQLite-like dialect cannot tell apart: text vs varchar, comments, enums, and
/// expressions that differ only in spaces and parentheses (how servers re-render them).
class LenientRules : public ComparisonRules {
public:
    bool typesEqual(const Column& a, const Column& b) const override
    {
        auto texty = [](const Column& c) { return c.type == ColumnType::Text || c.type == ColumnType::Varchar; };
        return (texty(a) && texty(b)) || ComparisonRules::typesEqual(a, b);
    }
    bool expressionsEqual(const std::string& a, const std::string& b) const override
    {
        return normalised(a) == normalised(b);
    }
    bool compareComments() const override { return false; }
    bool compareEnums() const override { return false; }

private:
    static std::string normalised(std::string s)
    {
        std::erase_if(s, [](char c) { return c == ' ' || c == '(' || c == ')'; });
        return s;
    }
};

const ComparisonRules* rulesNamed(const QString& name)
{
    static const LenientRules lenient;
    return name == "lenient" ? &lenient : nullptr;
}

} // namespace

class TestSchemaEquals : public QObject {
    Q_OBJECT

private slots:
    void equality_data();
    void equality();
    void equalityIsSymmetric();
    void largeEqualSchemas();
};

void TestSchemaEquals::equality_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("rules");
    QTest::addColumn<QStringList>("lines");

    const QString t = R"({"tables": {"t": {"columns": {"id": {"type": "integer"}, "name": {"type": "varchar", "length": 50, "default": {"value": "x"}, "comment": "who"}}, "primaryKey": ["id"], "comment": "people"}}})";

    QTest::newRow("identical") << t << t << "exact" << QStringList{};
    QTest::newRow("column order")
        << t
        << R"({"tables": {"t": {"columns": {"name": {"type": "varchar", "length": 50, "default": {"value": "x"}, "comment": "who"}, "id": {"type": "integer"}}, "primaryKey": ["id"], "comment": "people"}}})"
        << "exact" << QStringList{};
    QTest::newRow("renamedFrom hints are not compared")
        << t
        << R"({"tables": {"t": {"columns": {"id": {"type": "integer", "renamedFrom": "pk"}, "name": {"type": "varchar", "length": 50, "default": {"value": "x"}, "comment": "who"}}, "primaryKey": ["id"], "comment": "people", "renamedFrom": "old"}}})"
        << "exact" << QStringList{};
    QTest::newRow("unsupported objects are not compared")
        << t
        << R"({"tables": {"t": {"columns": {"id": {"type": "integer"}, "name": {"type": "varchar", "length": 50, "default": {"value": "x"}, "comment": "who"}}, "primaryKey": ["id"], "comment": "people"}}, "unsupported": [{"kind": "trigger", "name": "tr", "table": "t"}]})"
        << "exact" << QStringList{};
    QTest::newRow("table added and removed")
        << R"({"tables": {"a": {"columns": {"x": {"type": "integer"}}}}})"
        << R"({"tables": {"b": {"columns": {"x": {"type": "integer"}}}}})" << "exact"
        << QStringList{"table \"a\" removed", "table \"b\" added"};
    QTest::newRow("column added and removed")
        << R"({"tables": {"t": {"columns": {"a": {"type": "integer"}}}}})"
        << R"({"tables": {"t": {"columns": {"b": {"type": "text", "nullable": false, "default": {"value": "x"}}}}}})"
        << "exact"
        << QStringList{"column \"t\".\"b\" added (text not null default 'x')", "column \"t\".\"a\" removed"};
    QTest::newRow("column changes, all at once")
        << t
        << R"({"tables": {"t": {"columns": {"id": {"type": "integer"}, "name": {"type": "text", "nullable": false, "comment": "what"}}, "primaryKey": ["id"], "comment": "people"}}})"
        << "exact"
        << QStringList{"column \"t\".\"name\" changed: type varchar(50) → text; nullable → not null; "
                       "default 'x' → none; comment \"who\" → \"what\""};
    QTest::newRow("lenient rules: text is varchar, comments ignored")
        << t
        << R"({"tables": {"t": {"columns": {"id": {"type": "integer"}, "name": {"type": "text", "default": {"value": "x"}}}, "primaryKey": ["id"]}}})"
        << "lenient" << QStringList{};
    QTest::newRow("lenient rules still see nullability")
        << t
        << R"({"tables": {"t": {"columns": {"id": {"type": "integer"}, "name": {"type": "text", "nullable": false, "default": {"value": "x"}}}, "primaryKey": ["id"]}}})"
        << "lenient" << QStringList{"column \"t\".\"name\" changed: nullable → not null"};
    QTest::newRow("numeric precision")
        << R"({"tables": {"t": {"columns": {"n": {"type": "numeric", "precision": 10, "scale": 2}}}}})"
        << R"({"tables": {"t": {"columns": {"n": {"type": "numeric", "precision": 12, "scale": 2}}}}})" << "exact"
        << QStringList{"column \"t\".\"n\" changed: type numeric(10,2) → numeric(12,2)"};
    QTest::newRow("table comment")
        << t
        << R"({"tables": {"t": {"columns": {"id": {"type": "integer"}, "name": {"type": "varchar", "length": 50, "default": {"value": "x"}, "comment": "who"}}, "primaryKey": ["id"]}}})"
        << "exact" << QStringList{"comment of table \"t\" changed: \"people\" → none"};
    QTest::newRow("primary key")
        << R"({"tables": {"t": {"columns": {"a": {"type": "integer"}, "b": {"type": "integer", "nullable": false}}, "primaryKey": ["a"]}}})"
        << R"({"tables": {"t": {"columns": {"a": {"type": "integer"}, "b": {"type": "integer", "nullable": false}}, "primaryKey": ["b", "a"]}}})"
        << "exact" << QStringList{"primary key of table \"t\" changed: (a) → (b, a)"};
    QTest::newRow("index added, removed, changed")
        << R"({"tables": {"t": {"columns": {"a": {"type": "integer"}, "b": {"type": "integer"}}, "indexes": {"ix_a": {"columns": ["a"]}, "ix_b": {"columns": ["b"]}}}}})"
        << R"({"tables": {"t": {"columns": {"a": {"type": "integer"}, "b": {"type": "integer"}}, "indexes": {"ix_a": {"columns": ["a"], "where": "a > 0"}, "ix_ab": {"columns": ["a", "b"]}}}}})"
        << "exact"
        << QStringList{"index \"ix_a\" on table \"t\" changed", "index \"ix_b\" on table \"t\" removed",
                       "index \"ix_ab\" on table \"t\" added"};
    QTest::newRow("synthesised names are compared by content")
        << R"({"tables": {"p": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]}, "t": {"columns": {"a": {"type": "integer"}}, "uniques": {"uq_t_a": {"columns": ["a"]}}, "foreignKeys": {"fk_t_a": {"columns": ["a"], "refTable": "p", "refColumns": ["id"]}}, "checks": {"ck_t_1": {"expr": "a > 0"}}}}})"
        << R"({"tables": {"p": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]}, "t": {"columns": {"a": {"type": "integer"}}, "uniques": {"t_a_key": {"columns": ["a"]}}, "foreignKeys": {"t_a_fkey": {"columns": ["a"], "refTable": "p", "refColumns": ["id"]}}, "checks": {"positive": {"expr": "a > 0"}}}}})"
        << "exact" << QStringList{};
    QTest::newRow("foreign key action and check expression")
        << R"({"tables": {"p": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]}, "t": {"columns": {"a": {"type": "integer"}}, "foreignKeys": {"fk": {"columns": ["a"], "refTable": "p", "refColumns": ["id"]}}, "checks": {"ck": {"expr": "a > 0"}}}}})"
        << R"j({"tables": {"p": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]}, "t": {"columns": {"a": {"type": "integer"}}, "foreignKeys": {"fk": {"columns": ["a"], "refTable": "p", "refColumns": ["id"], "onDelete": "set null"}}, "checks": {"ck": {"expr": "(a > (0))"}}}}})j"
        << "exact"
        << QStringList{"foreign key \"fk\" on table \"t\" changed", "check constraint \"ck\" on table \"t\" changed"};
    // The server re-renders expressions; a dialect's rules decide they are the same.
    QTest::newRow("expressions through the rules")
        << R"({"tables": {"t": {"columns": {"a": {"type": "integer"}}, "checks": {"ck": {"expr": "a > 0"}}, "indexes": {"ix": {"columns": [{"expr": "a + 1"}], "where": "a > 0"}}}}})"
        << R"j({"tables": {"t": {"columns": {"a": {"type": "integer"}}, "checks": {"ck": {"expr": "(a > (0))"}}, "indexes": {"ix": {"columns": [{"expr": "(a + 1)"}], "where": "(a > 0)"}}}}})j"
        << "lenient" << QStringList{};
    QTest::newRow("unique constraint columns are ordered")
        << R"({"tables": {"t": {"columns": {"a": {"type": "integer"}, "b": {"type": "integer"}}, "uniques": {"uq": {"columns": ["a", "b"]}}}}})"
        << R"({"tables": {"t": {"columns": {"a": {"type": "integer"}, "b": {"type": "integer"}}, "uniques": {"uq": {"columns": ["b", "a"]}}}}})"
        << "exact" << QStringList{"unique constraint \"uq\" on table \"t\" changed"};
    QTest::newRow("enums")
        << R"({"enums": {"e": ["a", "b"], "gone": ["x"]}})" << R"({"enums": {"e": ["b", "a"], "new": ["y"]}})" << "exact"
        << QStringList{"enum \"e\" values changed: [a, b] → [b, a]", "enum \"gone\" removed", "enum \"new\" added"};
    QTest::newRow("enums ignored by rules that do not compare them")
        << R"({"enums": {"e": ["a", "b"]}})" << R"({"enums": {"e": ["b"]}})" << "lenient" << QStringList{};
}

void TestSchemaEquals::equality()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, rules);
    QFETCH(QStringList, lines);
    const Schema left = schemaOf(a.toUtf8().constData());
    const Schema right = schemaOf(b.toUtf8().constData());
    const ComparisonRules* comparison = rulesNamed(rules);

    QStringList described;
    for (const std::string& line : describeDifferences(left, right, comparison))
        described << q(line);
    QCOMPARE(described, lines);
    QCOMPARE(schemaEquals(left, right, comparison), lines.isEmpty());
    // diffSchema and schemaEquals agree: no operations exactly when equal.
    DiffOptions options;
    options.rules = comparison;
    QCOMPARE(diffSchema(left, right, options).empty(), lines.isEmpty());
}

void TestSchemaEquals::equalityIsSymmetric()
{
    const Schema a = schemaOf(R"({"tables": {"t": {"columns": {"a": {"type": "integer"}}}}})");
    const Schema b = schemaOf(R"({"tables": {"t": {"columns": {"a": {"type": "integer"}, "b": {"type": "text"}}}}})");
    QVERIFY(!schemaEquals(a, b));
    QVERIFY(!schemaEquals(b, a));
    QCOMPARE(describeDifferences(b, a), std::vector<std::string>{"column \"t\".\"b\" removed"});
}

void TestSchemaEquals::largeEqualSchemas()
{
    Schema a;
    for (int i = 0; i < 5000; ++i)
        a.tables.push_back(Table{"t" + std::to_string(i), {Column{"id", ColumnType::Integer}}});
    Schema b = a;
    std::reverse(b.tables.begin(), b.tables.end());
    QVERIFY(schemaEquals(a, b));
    b.tables[4000].columns[0].type = ColumnType::Bigint;
    QCOMPARE(describeDifferences(a, b),
             std::vector<std::string>{"column \"t999\".\"id\" changed: type integer → bigint"});
}

QTEST_APPLESS_MAIN(TestSchemaEquals)
#include "tst_schema_equals.moc"
