// SQLite declared-type mapping, affinity and the comparison rules drift relies on:
// what SQLite cannot tell apart must compare equal, and what it can must not.

#include "schema_fixtures.h"

#include "core/dialect/sqlite/sqlite_rules.h"
#include "core/dialect/sqlite/sqlite_type_map.h"
#include "core/dialect/sqlite/sqlite_types.h"
#include "core/ir/schema.h"

#include <QTest>

using namespace tempest;
using namespace tempest::test;

namespace {

Column columnOf(ColumnType type, std::optional<int> length = {}, std::optional<int> precision = {},
                std::optional<int> scale = {}, std::string sql = {}, std::string enumName = {})
{
    Column c;
    c.name = "c";
    c.type = type;
    c.length = length;
    c.precision = precision;
    c.scale = scale;
    c.sql = std::move(sql);
    c.enumName = std::move(enumName);
    return c;
}

std::optional<int> optionalInt(int v) { return v < 0 ? std::nullopt : std::optional<int>(v); }

std::optional<DefaultValue> parseDefaultSpec(const QString& spec)
{
    // "kind:text" — s: string, n: number, b: boolean, e: expression, "-": none.
    if (spec == "-")
        return std::nullopt;
    const std::string text = spec.mid(2).toStdString();
    switch (spec.at(0).toLatin1()) {
    case 's': return DefaultValue::string(text);
    case 'n': return DefaultValue::number(text);
    case 'b': return DefaultValue::boolean(text == "true");
    default: return DefaultValue::expression(text);
    }
}

} // namespace

class TestSqliteTypeRules : public QObject {
    Q_OBJECT

private slots:
    void declaredTypes_data();
    void declaredTypes();
    void rendererSpellingsMapBack_data();
    void rendererSpellingsMapBack();
    void declaredTypesSurviveTheDatabase();
    void affinity_data();
    void affinity();
    void typesEqual_data();
    void typesEqual();
    void defaultsEqual_data();
    void defaultsEqual();
    void expressionsEqual_data();
    void expressionsEqual();
    void normalizeModel();
};

void TestSqliteTypeRules::declaredTypes_data()
{
    QTest::addColumn<QString>("declared");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("length");     // -1: none
    QTest::addColumn<int>("precision");  // -1: none
    QTest::addColumn<int>("scale");      // -1: none
    QTest::addColumn<QString>("sql");
    auto row = [](const char* declared, const char* type, int length = -1, int precision = -1, int scale = -1,
                  const char* sql = "") {
        QTest::newRow(declared) << QString(declared) << QString(type) << length << precision << scale << QString(sql);
    };
    row("NVARCHAR(160)", "varchar", 160);
    row("varchar(45)", "varchar", 45);
    row("VARCHAR ( 10 )", "varchar", 10);
    row("CHARACTER VARYING(20)", "varchar", 20);
    row("VARCHAR", "varchar");
    row("NCHAR(5)", "char", 5);
    row("CHAR(1)", "char", 1);
    row("character(2)", "char", 2);
    row("DATETIME", "timestamp");
    row("TIMESTAMP", "timestamp");
    row("timestamp(3)", "timestamp", -1, 3);
    row("TIMESTAMPTZ", "timestamptz");
    row("TIMESTAMP WITH TIME ZONE", "timestamptz");
    row("DATE", "date");
    row("TIME", "time");
    row("BOOL", "boolean");
    row("BOOLEAN", "boolean");
    row("INT", "integer");
    row("INTEGER", "integer");
    row("integer", "integer");
    row("BIGINT", "bigint");
    row("SMALLINT", "smallint");
    row("DECIMAL(4,2)", "numeric", -1, 4, 2);
    row("NUMERIC(10, 2)", "numeric", -1, 10, 2);
    row("NUMERIC(8)", "numeric", -1, 8);
    row("NUMERIC", "numeric");
    row("REAL", "real");
    row("FLOAT", "double");
    row("DOUBLE", "double");
    row("DOUBLE PRECISION", "double");
    row("TEXT", "text");
    row("CLOB", "text");
    row("BLOB", "blob");
    row("JSON", "json");
    row("UUID", "uuid");
    // What no name rule knows keeps the user's spelling (its affinity is still used).
    row("TINYINT", "custom", -1, -1, -1, "TINYINT");
    row("MEDIUMINT UNSIGNED", "custom", -1, -1, -1, "MEDIUMINT UNSIGNED");
    row("BLOB SUB_TYPE TEXT", "custom", -1, -1, -1, "BLOB SUB_TYPE TEXT");
    row("bytea", "custom", -1, -1, -1, "bytea");
    row("INTEGER(11)", "custom", -1, -1, -1, "INTEGER(11)");
    row("VARCHAR(10, 2)", "custom", -1, -1, -1, "VARCHAR(10, 2)");
    row("", "custom");
}

void TestSqliteTypeRules::declaredTypes()
{
    QFETCH(QString, declared);
    QFETCH(QString, type);
    QFETCH(int, length);
    QFETCH(int, precision);
    QFETCH(int, scale);
    QFETCH(QString, sql);
    const Column c = mapSqliteDeclaredType(declared.toStdString());
    QCOMPARE(QString::fromUtf8(typeName(c.type).data(), int(typeName(c.type).size())), type);
    QCOMPARE(c.length, optionalInt(length));
    QCOMPARE(c.precision, optionalInt(precision));
    QCOMPARE(c.scale, optionalInt(scale));
    QCOMPARE(QString::fromStdString(c.sql), sql);
}

void TestSqliteTypeRules::rendererSpellingsMapBack_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("length");
    QTest::addColumn<int>("precision");
    QTest::addColumn<int>("scale");
    QTest::addColumn<QString>("sql");
    auto row = [](const char* name, const char* type, int length = -1, int precision = -1, int scale = -1,
                  const char* sql = "") {
        QTest::newRow(name) << QString(type) << length << precision << scale << QString(sql);
    };
    for (const char* t : {"smallint", "integer", "bigint", "boolean", "real", "double", "numeric", "text",
                          "varchar", "char", "date", "time", "timestamp", "timestamptz", "blob", "json", "uuid"})
        row(t, t);
    row("varchar(255)", "varchar", 255);
    row("char(3)", "char", 3);
    row("numeric(10,2)", "numeric", -1, 10, 2);
    row("numeric(7)", "numeric", -1, 7);
    row("time(3)", "time", -1, 3);
    row("timestamp(6)", "timestamp", -1, 6);
    row("timestamptz(0)", "timestamptz", -1, 0);
    row("custom inet", "custom", -1, -1, -1, "inet");
    row("custom untyped", "custom");
}

void TestSqliteTypeRules::rendererSpellingsMapBack()
{
    // Whatever the renderer writes for an IR type reads back as that IR type: the basis
    // of introspection → CREATE → introspection being a fixed point.
    QFETCH(QString, type);
    QFETCH(int, length);
    QFETCH(int, precision);
    QFETCH(int, scale);
    QFETCH(QString, sql);
    const Column model = columnOf(*parseTypeName(type.toStdString()), optionalInt(length), optionalInt(precision),
                                  optionalInt(scale), sql.toStdString());
    const std::string declared = sqliteColumnType(model);
    const Column back = mapSqliteDeclaredType(declared);
    QVERIFY2(back.type == model.type, declared.c_str());
    QCOMPARE(back.length, model.length);
    QCOMPARE(back.precision, model.precision);
    QCOMPARE(back.scale, model.scale);
    QCOMPARE(back.sql, model.sql);
}

void TestSqliteTypeRules::declaredTypesSurviveTheDatabase()
{
    // The declared text as SQLite reports it (pragma table_xinfo) maps like the text itself.
    auto driver = databaseWith("CREATE TABLE t (a VARCHAR ( 10 ), b MEDIUMINT  UNSIGNED, c, d decimal(5, 2))");
    const Schema schema = introspect(*driver);
    const Table& t = schema.tables.at(0);
    QCOMPARE(t.columns[0].type, ColumnType::Varchar);
    QCOMPARE(t.columns[0].length, std::optional<int>(10));
    QCOMPARE(t.columns[1].type, ColumnType::Custom);
    QCOMPARE(t.columns[1].sql, std::string("MEDIUMINT  UNSIGNED"));
    QCOMPARE(t.columns[2].type, ColumnType::Custom);
    QCOMPARE(t.columns[2].sql, std::string());
    QCOMPARE(t.columns[3].scale, std::optional<int>(2));
}

void TestSqliteTypeRules::affinity_data()
{
    QTest::addColumn<QString>("declared");
    QTest::addColumn<QString>("affinity");
    // Examples of https://www.sqlite.org/datatype3.html §3.1.1, through the IR.
    for (const char* d : {"INT", "INTEGER", "TINYINT", "SMALLINT", "MEDIUMINT", "BIGINT", "UNSIGNED BIG INT", "INT2", "INT8"})
        QTest::newRow(d) << QString(d) << "I";
    for (const char* d : {"CHARACTER(20)", "VARCHAR(255)", "VARYING CHARACTER(255)", "NCHAR(55)",
                          "NATIVE CHARACTER(70)", "NVARCHAR(100)", "TEXT", "CLOB", "JSON", "UUID"})
        QTest::newRow(d) << QString(d) << "T";
    for (const char* d : {"BLOB", ""})
        QTest::newRow(d[0] ? d : "untyped") << QString(d) << "B";
    for (const char* d : {"REAL", "DOUBLE", "DOUBLE PRECISION", "FLOAT"})
        QTest::newRow(d) << QString(d) << "R";
    for (const char* d : {"NUMERIC", "DECIMAL(10,5)", "BOOLEAN", "DATE", "DATETIME", "bytea"})
        QTest::newRow(d) << QString(d) << "N";
}

void TestSqliteTypeRules::affinity()
{
    QFETCH(QString, declared);
    QFETCH(QString, affinity);
    QCOMPARE(QString(QChar(sqliteAffinity(mapSqliteDeclaredType(declared.toStdString())))), affinity);
}

void TestSqliteTypeRules::typesEqual_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("varchar(255) = TEXT") << "VARCHAR(255)" << "TEXT" << true;
    QTest::newRow("integer = bigint") << "INTEGER" << "BIGINT" << true;
    QTest::newRow("int = custom tinyint") << "INT" << "TINYINT" << true;
    QTest::newRow("char(1) = clob") << "CHAR(1)" << "CLOB" << true;
    QTest::newRow("real = double") << "REAL" << "DOUBLE" << true;
    QTest::newRow("numeric(10,2) = decimal") << "NUMERIC(10,2)" << "DECIMAL" << true;
    QTest::newRow("text != integer") << "TEXT" << "INTEGER" << false;
    QTest::newRow("blob != text") << "BLOB" << "TEXT" << false;
    QTest::newRow("untyped != text") << "" << "TEXT" << false;
    QTest::newRow("real != numeric") << "REAL" << "NUMERIC" << false;
}

void TestSqliteTypeRules::typesEqual()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, equal);
    const Column x = mapSqliteDeclaredType(a.toStdString());
    const Column y = mapSqliteDeclaredType(b.toStdString());
    QCOMPARE(sqliteRules().typesEqual(x, y), equal);
    QCOMPARE(sqliteRules().typesEqual(y, x), equal);
}

void TestSqliteTypeRules::defaultsEqual_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("none") << "-" << "-" << true;
    QTest::newRow("none vs 0") << "-" << "n:0" << false;
    QTest::newRow("1 = 1.0") << "n:1" << "n:1.0" << true;
    QTest::newRow("1 = '1'") << "n:1" << "s:1" << true;
    QTest::newRow("1 != 'one'") << "n:1" << "s:one" << false;
    QTest::newRow("true = 1") << "b:true" << "n:1" << true;
    QTest::newRow("false = (0)") << "b:false" << "e:(0)" << true;
    QTest::newRow("true != false") << "b:true" << "b:false" << false;
    QTest::newRow("'a' = expr 'a'") << "s:a" << "e:('a')" << true;
    QTest::newRow("'a' != 'A'") << "s:a" << "s:A" << false;
    QTest::newRow("expr NULL = none") << "e:NULL" << "-" << true;
    QTest::newRow("-1 = expr -1") << "n:-1" << "e:-1" << true;
    QTest::newRow("current_timestamp case") << "e:CURRENT_TIMESTAMP" << "e:(current_timestamp)" << true;
    QTest::newRow("expression spacing") << "e:datetime('now')" << "e:datetime( 'now' )" << true;
    QTest::newRow("expression string case") << "e:datetime('now')" << "e:datetime('NOW')" << false;
    QTest::newRow("different expressions") << "e:CURRENT_DATE" << "e:CURRENT_TIMESTAMP" << false;
}

void TestSqliteTypeRules::defaultsEqual()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, equal);
    QCOMPARE(sqliteRules().defaultsEqual(parseDefaultSpec(a), parseDefaultSpec(b)), equal);
    QCOMPARE(sqliteRules().defaultsEqual(parseDefaultSpec(b), parseDefaultSpec(a)), equal);
}

void TestSqliteTypeRules::expressionsEqual_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("whitespace") << "score>=0" << "score >= 0" << true;
    QTest::newRow("newlines and comments") << "a > 0\n  AND /* why */ b < 1" << "a > 0 AND b < 1" << true;
    QTest::newRow("outer parentheses") << "((a > 0))" << "a > 0" << true;
    QTest::newRow("not outer parentheses") << "(a) + (b)" << "a + b" << false;
    QTest::newRow("quoting") << "[Discount]>=(0)" << "\"Discount\" >= (0)" << true;
    QTest::newRow("backticks and case") << "`Name` IS NOT NULL" << "name is not null" << true;
    QTest::newRow("quoted name with space") << "\"a b\" > 0" << "[a b] > 0" << true;
    QTest::newRow("string literals keep case") << "x = 'A'" << "x = 'a'" << false;
    QTest::newRow("operators") << "a <> b" << "a != b" << true;
    QTest::newRow("different") << "a > 0" << "a >= 0" << false;
}

void TestSqliteTypeRules::expressionsEqual()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, equal);
    QCOMPARE(sqliteRules().expressionsEqual(a.toStdString(), b.toStdString()), equal);
    QCOMPARE(sqliteRules().expressionsEqual(b.toStdString(), a.toStdString()), equal);
}

void TestSqliteTypeRules::normalizeModel()
{
    QVERIFY(!sqliteRules().compareComments());
    QVERIFY(!sqliteRules().compareEnums());
    Schema model;
    Table users;
    users.name = "users";
    users.comment = "registered accounts";
    Column role = columnOf(ColumnType::Enum, {}, {}, {}, {}, "user_role");
    role.name = "role";
    role.comment = "what they may do";
    users.columns.push_back(role);
    model.tables.push_back(users);
    model.enums.push_back({"user_role", {"member", "admin"}, std::nullopt});
    model.enums.push_back({"unused", {"x"}, std::nullopt});

    const Schema normal = sqliteNormalizeModel(model);
    QVERIFY(!normal.tables[0].comment);
    QVERIFY(!normal.tables[0].columns[0].comment);
    QCOMPARE(normal.tables[0].columns[0].type, ColumnType::Enum);
    QCOMPARE(normal.enums.size(), std::size_t(1));
    QCOMPARE(normal.enums[0].name, std::string("user_role"));
}

QTEST_APPLESS_MAIN(TestSqliteTypeRules)
#include "tst_sqlite_type_rules.moc"
