// The checksum's text (DESIGN.md "Version table": the compact canonical JSON of
// {"up": …, "down": …}) is written straight from the IR by appendCompactOperationJson.
// It must stay byte-identical to the JSON DOM's text (operationToJson + writeCompactJson):
// for every operation kind, for every migration file under tests/, for the tables of the
// real schemas in tests/data/schemas and for random schema pairs' diffs.

#include "core/diff/diff.h"
#include "core/ops/operation.h"
#include "core/revision/migration.h"
#include "core/revision/sha256.h"
#include "random_schema.h"

#include "../introspect_sqlite/schema_fixtures.h"
#include "../ops/operation_samples.h"

#include <QTest>

#include <filesystem>

using namespace tempest;

namespace {

std::string domText(const Operation& op) { return writeCompactJson(operationToJson(op)); }

std::string directText(const Operation& op)
{
    std::string out = "prefix";
    appendCompactOperationJson(op, out);
    return out.substr(6);
}

/// The checksum as DESIGN.md defines it, through the DOM.
std::string domChecksum(const Migration& m)
{
    Json json = Json::object();
    json["up"] = operationsToJson(m.up);
    json["down"] = operationsToJson(m.downOperations());
    return "sha256:" + sha256Hex(writeCompactJson(json));
}

/// Compares one operation and, when it has one, its inverse.
void compareWithInverse(const Operation& op, const std::string& where)
{
    const std::string dom = domText(op);
    if (directText(op) != dom)
        QFAIL(qPrintable(QString::fromStdString(where + "\n  dom:    " + dom + "\n  direct: " + directText(op))));
    if (isReversible(op)) {
        const Operation inverse = invert(op);
        const std::string inverseDom = domText(inverse);
        if (directText(inverse) != inverseDom)
            QFAIL(qPrintable(QString::fromStdString(where + " (inverse)\n  dom:    " + inverseDom +
                                                    "\n  direct: " + directText(inverse))));
    }
}

Column columnWithDefault(std::string name, ColumnType type, DefaultValue value)
{
    Column column = testing::makeColumn(std::move(name), type);
    column.defaultValue = std::move(value);
    return column;
}

} // namespace

class TestChecksumText : public QObject {
    Q_OBJECT

private slots:
    void everyOperationKind();
    void awkwardValues();
    void repeatedNamesFollowTheDom();
    void everyMigrationFileUnderTests();
    void realSchemas();
    void randomSchemaPairs();
};

void TestChecksumText::everyOperationKind()
{
    const auto samples = testing::sampleOperations();
    std::set<std::string> kinds;
    for (const auto& sample : samples) {
        kinds.insert(std::string(operationKind(sample.op)));
        compareWithInverse(sample.op, sample.name);
    }
    QCOMPARE(kinds.size(), std::variant_size_v<Operation>);
}

void TestChecksumText::awkwardValues()
{
    // Escapes, non-ASCII, invalid UTF-8, numbers the DOM re-formats, every optional member.
    Table t;
    t.name = "we\"ird\\ tab\tle";
    Column a;
    a.name = "na\xc3\xafve \xe2\x82\xac \x01";
    a.type = ColumnType::Numeric;
    a.precision = 10;
    a.scale = -2;
    a.collation = "de-x-icu";
    a.defaultValue = DefaultValue::number("1.50");
    a.comment = "bad \xff utf-8";
    a.renamedFrom = "old\n";
    Column b;
    b.name = "g";
    b.type = ColumnType::Custom;
    b.sql = "tsvector";
    b.arrayDims = 2;
    b.nullable = false;
    b.generated = "lower(x)";
    b.generatedStored = false;
    Column c = columnWithDefault("id", ColumnType::Integer, DefaultValue::number("-12"));
    c.nullable = true;  // a key column written nullable: stated
    c.autoincrement = true;
    Column d = columnWithDefault("e", ColumnType::Enum, DefaultValue::boolean(true));
    d.enumName = "mood";
    const Column e = columnWithDefault("big", ColumnType::Bigint, DefaultValue::number("123456789012345678901234"));
    const Column f = columnWithDefault("exp", ColumnType::Real, DefaultValue::number("1e3"));
    const Column g = columnWithDefault("zero", ColumnType::Integer, DefaultValue::number("-0"));
    Column h = columnWithDefault("s", ColumnType::Varchar, DefaultValue::string("it's \"quoted\""));
    h.length = 255;
    Column i;
    i.name = "x";
    i.defaultValue = DefaultValue::expression("CURRENT_TIMESTAMP");
    t.columns = {a, b, c, d, e, f, g, h, i};
    t.primaryKey = {"id"};
    Index idx;
    idx.name = "ix \"1\"";
    idx.columns = {IndexColumn::column("g"), IndexColumn::expr("lower(s)")};
    idx.unique = true;
    idx.where = "s <> ''";
    t.indexes = {idx};
    t.uniques = {UniqueConstraint{"u1", {"s", "e"}, Deferral{true, true}}};
    t.foreignKeys = {ForeignKey{"fk", {"id"}, "other", {"id"}, FkAction::Cascade, FkAction::SetNull, Deferral{true, false}}};
    t.checks = {CheckConstraint{"ck", "id > 0"}};
    t.comment = "\xe2\x9c\x93 comment";
    t.partitionBy = "RANGE (id)";
    t.partitionOf = "parent";
    t.partitionBound = "FOR VALUES FROM (1) TO (2)";
    t.renamedFrom = "before";

    const std::vector<Operation> ops = {
        CreateTable{t},
        RecreateTable{t, t},
        AlterColumn{"t", a, b},
        AlterTableComment{"t", std::nullopt, "x\"y"},
        AlterPrimaryKey{"t", {}, {"a", "b"}},
        AddEnumValue{"mood", "h\xc3\xa4ppy", std::string("sad")},
        Execute{{{"sqlite", "SELECT '\\';"}, {"postgresql", "SELECT 1;\n"}, {"zzz", "other"}}, std::nullopt},
        Execute{{{"postgresql", "x"}}, std::map<std::string, std::string>{{"sqlite", "y"}}},
    };
    for (std::size_t n = 0; n < ops.size(); ++n)
        compareWithInverse(ops[n], "awkward op " + std::to_string(n));
}

void TestChecksumText::repeatedNamesFollowTheDom()
{
    // The DOM keeps one member per name; the direct writer must write the same text.
    Table t;
    t.name = "dup";
    Column x;
    x.name = "x";
    Column x2 = x;
    x2.type = ColumnType::Integer;
    t.columns = {x, x2};
    t.checks = {CheckConstraint{"c", "1"}, CheckConstraint{"c", "2"}};
    compareWithInverse(CreateTable{t}, "repeated column names");
    Domain d;
    d.name = "dom";
    d.base.type = ColumnType::Integer;
    d.checks = {CheckConstraint{"c", "VALUE > 0"}, CheckConstraint{"c", "VALUE < 9"}};
    compareWithInverse(CreateDomain{d}, "repeated domain check names");
}

void TestChecksumText::everyMigrationFileUnderTests()
{
    namespace fs = std::filesystem;
    int migrations = 0;
    for (const auto& entry : fs::recursive_directory_iterator(TEMPEST_SOURCE_DIR "/tests")) {
        if (!entry.is_regular_file() || entry.path().extension() != ".json")
            continue;
        Migration m;
        try {
            m = loadMigrationFile(entry.path().string());
        } catch (const std::exception&) {
            continue;  // not a migration (IR, project files) or a deliberately broken one
        }
        ++migrations;
        QCOMPARE(migrationChecksum(m), domChecksum(m));
        for (const Operation& op : m.up)
            compareWithInverse(op, entry.path().string());
        for (const Operation& op : m.downOperations())
            compareWithInverse(op, entry.path().string());
    }
    QVERIFY2(migrations >= 10, qPrintable(QString::number(migrations)));
}

void TestChecksumText::realSchemas()
{
    namespace fs = std::filesystem;
    int tables = 0;
    for (const auto& entry : fs::directory_iterator(TEMPEST_TEST_DATA_DIR "/schemas")) {
        const std::string name = entry.path().filename().string();
        if (name.size() < 11 || name.substr(name.size() - 11) != ".sqlite.sql")
            continue;
        const Schema schema = test::introspect(*test::databaseFromSchemaFile(name));
        Migration m;
        for (const Table& t : schema.tables) {
            ++tables;
            compareWithInverse(CreateTable{t}, name + ": " + t.name);
            m.up.push_back(CreateTable{t});
        }
        m.down = invert(m.up);
        QCOMPARE(migrationChecksum(m), domChecksum(m));
        // The diff from nothing: the operations a first migration of this schema holds.
        for (const Operation& op : diffSchema(Schema{}, schema))
            compareWithInverse(op, name + " (diff)");
    }
    QVERIFY(tables > 20);
}

void TestChecksumText::randomSchemaPairs()
{
    for (auto dialect : {test::GeneratorDialect::Sqlite, test::GeneratorDialect::Postgresql}) {
        test::RandomSchemaPairs pairs(20261203, dialect);
        for (int n = 0; n < 150; ++n) {
            const test::SchemaPair pair = pairs.next();
            Migration m;
            m.up = diffSchema(pair.a, pair.b);
            for (const Operation& op : m.up)
                compareWithInverse(op, "random pair " + std::to_string(n));
            for (const Table& t : pair.a.tables)
                compareWithInverse(CreateTable{t}, "random pair " + std::to_string(n) + " table " + t.name);
            // As loaded from a file without `down`: inverted when hashed, never kept.
            Migration generated = m;
            generated.downGenerated = true;
            if (std::all_of(m.up.begin(), m.up.end(), [](const Operation& op) { return isReversible(op); }))
                m.down = invert(m.up);
            QCOMPARE(migrationChecksum(m), domChecksum(m));
            QCOMPARE(migrationChecksum(generated), migrationChecksum(m));
        }
    }
}

QTEST_GUILESS_MAIN(TestChecksumText)
#include "tst_checksum_text.moc"
