// Issue 12: writeJson writes each table's text straight from the IR, without building its
// JSON document. The text must be the document's to the byte — `introspect`'s output,
// models files and checksums rely on it — so every case here compares the two writers:
// random schemas of both generators, the IR example of DESIGN.md, and the family of
// edge cases (repeated names, escapes, numbers JSON rewrites, the 100-column line).
#include "core/ir/json.h"
#include "core/ir/schema_json.h"

#include "random_schema.h"

#include <QTest>

#include <string>

using namespace tempest;

namespace {

/// The text of the document (the reference writer) against writeJson's.
void compareWriters(const Schema& schema, const char* what)
{
    const std::string fromDocument = writeCanonicalJson(schemaToJson(schema));
    const std::string straight = toJson(schema);
    if (straight != fromDocument) {
        std::size_t at = 0;
        while (at < straight.size() && at < fromDocument.size() && straight[at] == fromDocument[at])
            ++at;
        const std::size_t from = at > 80 ? at - 80 : 0;
        QFAIL(qPrintable(QString("%1: the texts differ at byte %2\n-- document:\n%3\n-- straight:\n%4")
                             .arg(what)
                             .arg(at)
                             .arg(QString::fromStdString(fromDocument.substr(from, 200)))
                             .arg(QString::fromStdString(straight.substr(from, 200)))));
    }
}

Column column(std::string name, ColumnType type = ColumnType::Integer)
{
    Column c;
    c.name = std::move(name);
    c.type = type;
    return c;
}

Table tableWithColumns(std::string name, std::vector<std::string> columns)
{
    Table t;
    t.name = std::move(name);
    for (auto& c : columns)
        t.columns.push_back(column(std::move(c)));
    return t;
}

} // namespace

class TstSchemaText : public QObject {
    Q_OBJECT
private slots:
    void randomSchemas_data()
    {
        QTest::addColumn<int>("dialect");
        QTest::newRow("sqlite generator") << int(test::GeneratorDialect::Sqlite);
        QTest::newRow("postgresql generator") << int(test::GeneratorDialect::Postgresql);
    }
    void randomSchemas()
    {
        QFETCH(int, dialect);
        for (unsigned seed = 1; seed <= 150; ++seed) {
            test::RandomSchemaPairs pairs(seed, test::GeneratorDialect(dialect));
            const test::SchemaPair pair = pairs.next();
            const std::string what = "seed " + std::to_string(seed);
            compareWriters(pair.a, (what + ", schema A").c_str());
            compareWriters(pair.b, (what + ", schema B").c_str());
        }
    }

    void designExample()
    {
        compareWriters(loadSchemaFile(TEMPEST_TEST_DATA_DIR "/ir/design_example.json"), "design_example.json");
    }

    void everyTableMember()
    {
        Table t = tableWithColumns("orders", {"id", "customer_id"});
        Column& id = t.columns[0];
        id.autoincrement = true;
        id.comment = "the key";
        Column note = column("note", ColumnType::Varchar);
        note.length = 80;
        note.collation = "NOCASE";
        note.defaultValue = DefaultValue::string("none");
        note.renamedFrom = "remark";
        Column price = column("price", ColumnType::Numeric);
        price.precision = 10;
        price.scale = 2;
        price.defaultValue = DefaultValue::number("0.50");
        Column total = column("total", ColumnType::Numeric);
        total.generated = "price * 2";
        total.generatedStored = false;
        Column stamped = column("stamped", ColumnType::Timestamptz);
        stamped.defaultValue = DefaultValue::expression("now()");
        Column tags = column("tags", ColumnType::Text);
        tags.arrayDims = 2;
        Column kind = column("kind", ColumnType::Enum);
        kind.enumName = "order_kind";
        kind.defaultValue = DefaultValue::boolean(true);
        Column geo = column("geo", ColumnType::Custom);
        geo.sql = "geometry(Point, 4326)";
        for (Column* c : {&note, &price, &total, &stamped, &tags, &kind, &geo})
            t.columns.push_back(std::move(*c));
        t.primaryKey = {"id"};
        t.columns[1].nullable = false;
        Index plain{"ix_orders_note", {IndexColumn::column("note")}, false, std::nullopt};
        Index mixed{"ix_orders_expr", {IndexColumn::column("note"), IndexColumn::expr("lower(note)")}, true,
                    std::string("price > 0")};
        t.indexes = {plain, mixed};
        t.uniques = {UniqueConstraint{"uq_orders_note", {"note", "price"}, Deferral{true, true}}};
        ForeignKey fk;
        fk.name = "fk_orders_customer";
        fk.columns = {"customer_id"};
        fk.refTable = "customers";
        fk.refColumns = {"id"};
        fk.onDelete = FkAction::Cascade;
        fk.onUpdate = FkAction::SetNull;
        fk.deferral = Deferral{true, false};
        t.foreignKeys = {fk};
        t.checks = {CheckConstraint{"ck_orders_price", "price >= 0"}};
        t.comment = "Orders, \"quoted\" and\ttabbed, caf\xc3\xa9";
        t.partitionBy = "RANGE (stamped)";
        t.renamedFrom = "purchases";
        Table part = tableWithColumns("orders_2026", {});
        part.partitionOf = "orders";
        part.partitionBound = "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')";
        Schema s;
        s.tables = {t, part, tableWithColumns("empty", {})};
        compareWriters(s, "every member");
    }

    // Numbers are written as JSON reads them back: "-0" as 0, "0.50" as 0.5, "1e3" as 1000.0.
    void numberDefaults_data()
    {
        QTest::addColumn<QString>("number");
        for (const char* n : {"0", "-0", "7", "-7", "0.50", "1e3", "-1.5E-3", "123456789012345678",
                              "1234567890123456789", "12345678901234567890", "-9223372036854775808",
                              "99999999999999999999999", "3.141592653589793238"})
            QTest::newRow(n) << QString(n);
    }
    void numberDefaults()
    {
        QFETCH(QString, number);
        Table t = tableWithColumns("t", {"n"});
        t.columns[0].defaultValue = DefaultValue::number(number.toStdString());
        Schema s;
        s.tables = {t};
        compareWriters(s, qPrintable(number));
    }

    // A name given twice keeps its first place and its last definition in the document;
    // such a table is written through it.
    void repeatedNames()
    {
        Table t = tableWithColumns("t", {"a", "b", "a"});
        t.columns[2].type = ColumnType::Text;
        t.indexes = {Index{"ix", {IndexColumn::column("a")}, false, std::nullopt},
                     Index{"ix", {IndexColumn::column("b")}, true, std::nullopt}};
        t.checks = {CheckConstraint{"ck", "a > 0"}, CheckConstraint{"ck", "b > 0"}};
        Schema s;
        s.tables = {t};
        compareWriters(s, "repeated names");
        Table many = tableWithColumns("many", {});
        for (int i = 0; i < 300; ++i)
            many.columns.push_back(column("c" + std::to_string(i % 299)));
        s.tables = {many};
        compareWriters(s, "300 columns, one repeated");
    }

    // Names and text that JSON escapes, and bytes that are not UTF-8.
    void escapes()
    {
        Table t = tableWithColumns("t\"q\\b\n", {"caf\xc3\xa9", "tab\tcol", "ctl\x01", "bad\xff"});
        t.primaryKey = {"caf\xc3\xa9", "tab\tcol"};
        t.checks = {CheckConstraint{"ck\"", "note <> '\\u0000'"}};
        t.columns[1].defaultValue = DefaultValue::string("line\nbreak \xe2\x82\xac");
        Schema s;
        s.tables = {t};
        compareWriters(s, "escapes");
    }

    // Arrays of names stay on one line while it fits 100 columns, comma included: every
    // length around the edge, at the depths a table's arrays are written.
    void lineWidthEdge()
    {
        for (std::size_t length = 1; length <= 40; ++length) {
            const std::string n(length, 'x');
            Table t = tableWithColumns("t" + n, {n + "1", n + "2", n + "3"});
            t.primaryKey = {n + "1", n + "2", n + "3"};
            t.indexes = {Index{"ix" + n, {IndexColumn::column(n + "1"), IndexColumn::column(n + "2")}, false, std::nullopt}};
            t.uniques = {UniqueConstraint{"uq" + n, {n + "2", n + "3"}, {}}};
            ForeignKey fk;
            fk.name = "fk" + n;
            fk.columns = {n + "1", n + "2"};
            fk.refTable = "t" + n;
            fk.refColumns = {n + "1", n + "2"};
            t.foreignKeys = {fk};
            Schema s;
            s.tables = {t};
            compareWriters(s, ("names of " + std::to_string(length) + " letters").c_str());
        }
    }
};

QTEST_APPLESS_MAIN(TstSchemaText)
#include "tst_schema_text.moc"
