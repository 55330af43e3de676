// The replay property over many generated schema pairs: whatever two schemas are, the
// diff applies to the first and gives the second, and its inverse comes back. Hand-picked
// rows (tst_diff) cannot reach every mix of foreign keys, shared names, renames and enum
// changes; a seeded generator does, reproducibly.

#include "diff_test_support.h"

#include <random>
#include <set>

using namespace tempest;
using namespace difftest;

namespace {

class SchemaGenerator {
public:
    explicit SchemaGenerator(unsigned seed) : m_random(seed) {}

    Schema generate()
    {
        Schema schema;
        m_sharedIndexUsed = false;
        for (int e = 0; e < 3; ++e) {
            if (chance(2))
                continue;
            EnumType type{"e" + std::to_string(e), {}};
            for (int v : shuffled(6))
                if (chance(2))
                    type.values.push_back("v" + std::to_string(v));
            if (type.values.empty())
                type.values.push_back("v0");
            schema.enums.push_back(std::move(type));
        }
        for (int t : shuffled(7)) {
            if (chance(3))
                continue;
            schema.tables.push_back(table("t" + std::to_string(t), schema));
        }
        for (Table& table : schema.tables)
            addForeignKeys(table, schema);
        for (Table& table : schema.tables)
            if (chance(4))
                table.renamedFrom = "t" + std::to_string(pick(7));
        return schema;
    }

private:
    Table table(const std::string& name, const Schema& schema)
    {
        Table table;
        table.name = name;
        for (int c : shuffled(6)) {
            if (chance(3) && !table.columns.empty())
                continue;
            Column column;
            column.name = "c" + std::to_string(c);
            switch (pick(5)) {
            case 0: column.type = ColumnType::Integer; break;
            case 1: column.type = ColumnType::Text; break;
            case 2: column.type = ColumnType::Varchar; column.length = 10 * (1 + pick(3)); break;
            case 3: column.type = ColumnType::Bigint; break;
            default:
                if (schema.enums.empty()) {
                    column.type = ColumnType::Text;
                } else {
                    column.type = ColumnType::Enum;
                    column.enumName = schema.enums[pick(schema.enums.size())].name;
                }
            }
            column.nullable = chance(2);
            if (chance(4))
                column.defaultValue = DefaultValue::number(std::to_string(pick(3)));
            if (chance(5))
                column.comment = "note " + std::to_string(pick(2));
            if (chance(6))
                column.renamedFrom = "c" + std::to_string(pick(6));
            table.columns.push_back(std::move(column));
        }
        if (chance(2)) {
            table.primaryKey = {table.columns[0].name};
            table.columns[0].nullable = false;
        }
        for (int i = 0; i < 2; ++i)
            if (chance(2))
                table.indexes.push_back({"ix_" + name + "_" + std::to_string(i), {IndexColumn::column(anyColumn(table))},
                                         chance(3), chance(3) ? std::optional<std::string>("x > 0") : std::nullopt});
        // One name every table may use (once per schema, index names being global): a
        // name that moves between tables must be freed before it is taken again.
        if (!m_sharedIndexUsed && chance(4)) {
            m_sharedIndexUsed = true;
            table.indexes.push_back({"ix_shared", {IndexColumn::expr("lower(" + anyColumn(table) + ")")}});
        }
        if (chance(3))
            table.uniques.push_back({"uq_" + name, {anyColumn(table)}});
        if (chance(3))
            table.checks.push_back({"ck_" + name + "_1", anyColumn(table) + " > " + std::to_string(pick(2))});
        if (chance(5))
            table.comment = "table " + std::to_string(pick(2));
        return table;
    }

    void addForeignKeys(Table& table, const Schema& schema)
    {
        for (int i = 0; i < 2; ++i) {
            if (!chance(2))
                continue;
            const Table& referenced = schema.tables[pick(schema.tables.size())];
            ForeignKey fk{"fk_" + table.name + "_" + std::to_string(i), {anyColumn(table)}, referenced.name,
                          {anyColumn(referenced)}};
            fk.onDelete = chance(2) ? FkAction::Cascade : FkAction::NoAction;
            table.foreignKeys.push_back(std::move(fk));
        }
    }

    std::string anyColumn(const Table& table) { return table.columns[pick(table.columns.size())].name; }
    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(m_random); }
    bool chance(int oneIn) { return pick(oneIn) == 0; }
    std::vector<int> shuffled(int n)
    {
        std::vector<int> values(n);
        for (int i = 0; i < n; ++i)
            values[i] = i;
        std::shuffle(values.begin(), values.end(), m_random);
        return values;
    }

    std::mt19937 m_random;
    bool m_sharedIndexUsed = false;
};

} // namespace

class TestDiffRandom : public QObject {
    Q_OBJECT

private slots:
    void replay_data();
    void replay();
    void tableDifferencesAreTheWholeComparisonsLines_data() { replay_data(); }
    void tableDifferencesAreTheWholeComparisonsLines();
};

void TestDiffRandom::replay_data()
{
    QTest::addColumn<unsigned>("seed");
    QTest::addColumn<bool>("autoRename");
    for (unsigned seed = 1; seed <= 400; ++seed)
        QTest::addRow("seed %u", seed) << seed << (seed % 2 == 0);
}

void TestDiffRandom::replay()
{
    QFETCH(unsigned, seed);
    QFETCH(bool, autoRename);
    SchemaGenerator generator(seed);
    const Schema current = generator.generate();
    const Schema target = generator.generate();
    validateSchema(current);
    validateSchema(target);
    DiffOptions options;
    options.autoRename = autoRename;
    const std::vector<Operation> ops = diffSchema(current, target, options);
    verifyReplay(current, target, ops);
}

void TestDiffRandom::tableDifferencesAreTheWholeComparisonsLines()
{
    // tableDifferences (drift's fixed point compares the tables it rendered again, not the
    // whole schemas) gives, for the tables it is asked about, exactly the lines of the
    // whole comparison, in the same order: with an index name moving between tables
    // (ix_shared) and tables on one side only among those asked about.
    QFETCH(unsigned, seed);
    SchemaGenerator generator(seed);
    const Schema a = generator.generate();
    const Schema b = generator.generate();
    std::mt19937 random(seed);
    std::set<std::string> asked;
    for (int t = 0; t < 7; ++t)
        if (random() % 2)
            asked.insert("t" + std::to_string(t));
    std::vector<std::string> expected;
    for (const SchemaDifference& line : schemaDifferences(a, b))
        if (asked.count(line.table) && a.findTable(line.table) && b.findTable(line.table))
            expected.push_back(line.table + ": " + line.text);
    std::vector<std::string> got;
    for (const SchemaDifference& line : tableDifferences(a, b, asked))
        got.push_back(line.table + ": " + line.text);
    QCOMPARE(got, expected);
}

QTEST_APPLESS_MAIN(TestDiffRandom)
#include "tst_diff_random.moc"
