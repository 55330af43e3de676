// The Studio's item models and layout without a window: the schema tree over a large
// schema (addressing is arithmetic, states per table on demand), diff states against a
// counterpart, and the DAG lane layout on branches and merges.

#include "core/dialect/dialect.h"
#include "core/ir/schema_json.h"
#include "core/revision/graph_layout.h"
#include "studio/operation_text.h"
#include "studio/schema_tree_model.h"

#include <functional>

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QFile>
#include <QTest>
#include <QXmlStreamReader>
#include <QTranslator>

using namespace tempest;
using namespace tempest::studio;

namespace {

Table table(const std::string& name, std::vector<std::string> columns)
{
    Table t;
    t.name = name;
    for (const auto& c : columns) {
        Column col;
        col.name = c;
        col.type = ColumnType::Integer;
        t.columns.push_back(col);
    }
    t.primaryKey = {t.columns.front().name};
    t.columns.front().nullable = false;
    return t;
}

Migration migration(const std::string& id, std::vector<std::string> parents, const std::string& createdAt)
{
    Migration m;
    m.revision = id;
    m.downRevision = std::move(parents);
    m.createdAt = createdAt;
    return m;
}

} // namespace

class TestStudioModels : public QObject {
    Q_OBJECT

private slots:
    void treePassesTheModelTester();
    void fiveThousandTablesStayCheap();
    void statesAgainstTheCounterpart();
    void enumsDomainsAndSequencesAreRowsOfBothTrees();
    void lanes_data();
    void lanes();
    void translationsAreCompiledIn();
    void germanCatalogueIsComplete();
    void operationTextsFollowTheLanguage();
};

void TestStudioModels::treePassesTheModelTester()
{
    Schema s;
    s.tables = {table("a", {"id", "x"}), table("b", {"id"})};
    Index ix;
    ix.name = "ix_a_x";
    ix.columns = {IndexColumn::column("x")};
    s.tables[0].indexes.push_back(ix);
    SchemaTreeModel model(DiffState::Added);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSchemas(s, Schema{}, nullptr);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex a = model.indexOfTable(QStringLiteral("a"));
    QCOMPARE(model.rowCount(a), 3);  // Columns, Indexes, Constraints (the primary key)
    QCOMPARE(model.rowCount(model.index(0, 0, a)), 2);
    QCOMPARE(model.parent(model.index(0, 0, model.index(1, 0, a))), model.index(1, 0, a));
}

void TestStudioModels::fiveThousandTablesStayCheap()
{
    // A model that built a node per column, or compared every table up front, would do
    // ~50,000 allocations / 5,000 comparisons on load; this one answers from arithmetic
    // and compares a table only when it is first asked about.
    Schema s;
    for (int i = 0; i < 5000; ++i)
        s.tables.push_back(table("t" + std::to_string(i), {"id", "a", "b", "c", "d", "e", "f", "g", "h", "i"}));
    Schema other = s;
    other.tables.resize(2500);
    SchemaTreeModel model(DiffState::Added);
    model.setSchemas(std::move(s), std::move(other), std::shared_ptr<const Dialect>(makeDialect("sqlite")));
    QCOMPARE(model.computedTableStates(), 0);
    QCOMPARE(model.rowCount(), 5000);
    QCOMPARE(model.indexOfTable(QStringLiteral("t4999")).row(), 4999);
    QCOMPARE(model.computedTableStates(), 0);  // addressing a table compares nothing
    QCOMPARE(model.index(4999, 0).data(SchemaTreeModel::DiffStateRole).toInt(), int(DiffState::Added));
    QCOMPARE(model.index(10, 0).data(SchemaTreeModel::DiffStateRole).toInt(), int(DiffState::Same));
    QCOMPARE(model.computedTableStates(), 2);
    // Walking into one table's columns touches that table only; its nodes are addresses,
    // equal however often they are asked for (nothing allocated per node).
    const QModelIndex t20 = model.index(20, 0);
    const QModelIndex columns = model.index(0, 0, t20);
    QCOMPARE(model.rowCount(columns), 10);
    QCOMPARE(model.index(9, 0, columns).data(SchemaTreeModel::DiffStateRole).toInt(), int(DiffState::Same));
    QCOMPARE(model.index(9, 0, columns).internalId(), model.index(9, 0, model.index(0, 0, t20)).internalId());
    QCOMPARE(model.parent(model.index(9, 0, columns)), columns);
    QVERIFY(model.computedTableStates() <= 3);
}

void TestStudioModels::statesAgainstTheCounterpart()
{
    Schema live;
    live.tables = {table("users", {"id", "legacy"})};
    Schema models;
    models.tables = {table("users", {"id", "email"})};
    models.tables[0].columns[1].type = ColumnType::Text;
    SchemaTreeModel liveModel(DiffState::Removed);
    liveModel.setSchemas(live, models, nullptr);
    const QModelIndex users = liveModel.indexOfTable(QStringLiteral("users"));
    QCOMPARE(users.data(SchemaTreeModel::DiffStateRole).toInt(), int(DiffState::Changed));
    const QModelIndex columns = liveModel.index(0, 0, users);
    QCOMPARE(liveModel.index(0, 0, columns).data(SchemaTreeModel::DiffStateRole).toInt(), int(DiffState::Same));
    QCOMPARE(liveModel.index(1, 0, columns).data(SchemaTreeModel::DiffStateRole).toInt(), int(DiffState::Removed));
    QCOMPARE(liveModel.index(1, 0, columns).data().toString(), QString(QChar(0x2212)) + QStringLiteral(" legacy"));
}

void TestStudioModels::enumsDomainsAndSequencesAreRowsOfBothTrees()
{
    // A PostgreSQL schema's enums, domains and sequences are rows after the tables in
    // both trees, aligned like the tables: a placeholder where a side lacks one, the
    // definition as the side has it, what differs in the third column.
    const Schema models = parseSchema(R"J({
        "enums": {"mood": ["sad", "ok", "happy"]},
        "domains": {"year": {"type": "integer", "checks": {"year_check": {"expr": "VALUE >= 1901"}}}},
        "sequences": {"ticket_seq": {"type": "integer", "increment": 5}},
        "tables": {"t": {"columns": {"a": {"type": "integer"}}}}})J", "models");
    const Schema live = parseSchema(R"J({
        "enums": {"mood": ["sad", "ok"]},
        "sequences": {"ticket_seq": {"type": "integer", "increment": 5}},
        "tables": {"t": {"columns": {"a": {"type": "integer"}}}}})J", "live");
    const auto postgres = std::shared_ptr<const Dialect>(makeDialect("postgresql"));
    SchemaTreeModel modelsTree(DiffState::Added);
    SchemaTreeModel liveTree(DiffState::Removed);
    QAbstractItemModelTester tester(&modelsTree, QAbstractItemModelTester::FailureReportingMode::QtTest);
    modelsTree.setSchemas(models, live, postgres);
    liveTree.setSchemas(live, models, postgres);
    QCOMPARE(modelsTree.rowCount(), 4);  // t, then mood, year, ticket_seq
    QCOMPARE(liveTree.rowCount(), 4);

    const QModelIndex mood = modelsTree.indexOfTable(QStringLiteral("mood"));
    QCOMPARE(mood.row(), 1);
    QCOMPARE(modelsTree.rowCount(mood), 0);
    QCOMPARE(mood.data(SchemaTreeModel::NodeKindRole).toInt(), int(SchemaTreeModel::NodeKind::Object));
    QCOMPARE(mood.data(SchemaTreeModel::DiffStateRole).toInt(), int(DiffState::Changed));
    QCOMPARE(mood.siblingAtColumn(SchemaTreeModel::DefinitionColumn).data().toString(),
             QStringLiteral("enum ('sad', 'ok', 'happy')"));
    QCOMPARE(liveTree.index(1, SchemaTreeModel::DefinitionColumn).data().toString(), QStringLiteral("enum ('sad', 'ok')"));
    QCOMPARE(mood.siblingAtColumn(SchemaTreeModel::ChangesColumn).data().toString(),
             QStringLiteral("values: ('sad', 'ok') → ('sad', 'ok', 'happy')"));

    // The domain only the models have: created by an upgrade, a placeholder in the database tree.
    const QModelIndex year = modelsTree.index(2, 0);
    QCOMPARE(year.data(SchemaTreeModel::DiffStateRole).toInt(), int(DiffState::Added));
    QCOMPARE(year.siblingAtColumn(SchemaTreeModel::DefinitionColumn).data().toString(),
             QStringLiteral("domain integer CHECK year_check (VALUE >= 1901)"));
    QVERIFY(liveTree.index(2, 0).data(SchemaTreeModel::PlaceholderRole).toBool());
    QCOMPARE(liveTree.index(2, 0).data(SchemaTreeModel::TableNameRole).toString(), QStringLiteral("year"));

    const QModelIndex sequence = liveTree.indexOfTable(QStringLiteral("ticket_seq"));
    QCOMPARE(sequence.row(), 3);
    QCOMPARE(sequence.data(SchemaTreeModel::DiffStateRole).toInt(), int(DiffState::Same));
    QCOMPARE(sequence.siblingAtColumn(SchemaTreeModel::DefinitionColumn).data().toString(),
             QStringLiteral("sequence integer, increment 5"));
    // Keys tell objects from tables and from each other across refreshes.
    QVERIFY(sequence.data(SchemaTreeModel::NodeKeyRole).toString() != mood.data(SchemaTreeModel::NodeKeyRole).toString());
    QCOMPARE(liveTree.tableState(1), DiffState::Changed);
}

void TestStudioModels::lanes_data()
{
    QTest::addColumn<int>("dag");
    QTest::addColumn<int>("laneCount");
    QTest::addColumn<QString>("lanes");  // revision:lane, newest first
    QTest::newRow("linear") << 0 << 1 << "c:0 b:0 a:0";
    QTest::newRow("branch and merge") << 1 << 2 << "m:0 b2:0 b1:1 a:0";
    QTest::newRow("two heads") << 2 << 2 << "h2:0 h1:1 a:0";
}

void TestStudioModels::lanes()
{
    QFETCH(int, dag);
    QFETCH(int, laneCount);
    QFETCH(QString, lanes);
    std::vector<Migration> ms;
    if (dag == 0)
        ms = {migration("a", {}, "1"), migration("b", {"a"}, "2"), migration("c", {"b"}, "3")};
    else if (dag == 1)
        ms = {migration("a", {}, "1"), migration("b1", {"a"}, "2"), migration("b2", {"a"}, "3"),
              migration("m", {"b2", "b1"}, "4")};
    else
        ms = {migration("a", {}, "1"), migration("h1", {"a"}, "2"), migration("h2", {"a"}, "3")};
    const DagLayout layout = layoutDag(RevisionGraph(ms));
    QCOMPARE(layout.laneCount, laneCount);
    QStringList got;
    for (const auto& row : layout.rows)
        got << QStringLiteral("%1:%2").arg(QString::fromStdString(row.revision)).arg(row.lane);
    QCOMPARE(got.join(QLatin1Char(' ')), lanes);
    // Every row is drawable alone: a merge has two lines out; a second child of a shared
    // parent bends into the lane already heading for that parent.
    for (const auto& row : layout.rows) {
        if (row.revision == "m")
            QCOMPARE(row.outgoing, (std::vector<int>{0, 1}));
        if (row.revision == "b1" || row.revision == "h1")
            QCOMPARE(row.outgoing, std::vector<int>{0});
    }
}

void TestStudioModels::translationsAreCompiledIn()
{
    // The German catalogue ships inside the library; English carries the plural forms.
    QTranslator german;
    QVERIFY(german.load(QStringLiteral(":/i18n/tempest_studio_de.qm")));
    QCOMPARE(german.translate("tempest::studio::MainWindow", "&Refresh"), QStringLiteral("&Aktualisieren"));
    QTranslator english;
    QVERIFY(english.load(QStringLiteral(":/i18n/tempest_studio_en.qm")));
    QCOMPARE(english.translate("tempest::studio::SchemaTreeModel", "%n column(s)", nullptr, 1), QStringLiteral("%n column"));
}

void TestStudioModels::germanCatalogueIsComplete()
{
    // Every message the sources carry (the lupdate target refreshes the .ts) has a German
    // translation: none left "unfinished", none empty, every plural form filled.
    QFile file(QStringLiteral(TEMPEST_SOURCE_DIR "/translations/tempest_studio_de.ts"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QString source;
    QStringList untranslated;
    int messages = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            if (type == QLatin1String("vanished") || type == QLatin1String("obsolete"))
                continue;  // no longer in the sources: nothing shows it
            ++messages;
            // Plural messages keep their forms in <numerusform> children.
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (type == QLatin1String("unfinished") || text.trimmed().isEmpty())
                untranslated << source;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > 50);
    QVERIFY2(untranslated.isEmpty(), qPrintable("untranslated: " + untranslated.join(QStringLiteral(" | "))));
}

namespace {

/// One operation of every kind, and of every variant its text has (unique/partial index,
/// enum value with a position, execute without down, a column losing its default).
std::vector<tempest::Operation> everyOperationText()
{
    using namespace tempest;
    Column id{"id", ColumnType::Integer};
    Column email{"email", ColumnType::Varchar};
    email.length = 200;
    Column withDefault = email;
    withDefault.defaultValue = DefaultValue::string("");
    Column collated = email;
    collated.collation = "NOCASE";
    Table users{"users", {id, email}, {"id"}};
    Index plain{"ix_email", {IndexColumn::column("email")}};
    Index unique = plain;
    unique.unique = true;
    Index partial = plain;
    partial.where = "email IS NOT NULL";
    Index uniquePartial = partial;
    uniquePartial.unique = true;
    const ForeignKey fk{"fk_a", {"user_id"}, "users", {"id"}, FkAction::Cascade};
    const CheckConstraint check{"ck_email", "length(email) > 3"};
    const EnumType mood{"mood", {"sad", "happy"}};
    Domain year{"year", Column{"year", ColumnType::Integer}, {{"year_check", "VALUE >= 1901"}}};
    Domain stricterYear = year;
    stricterYear.base.nullable = false;
    stricterYear.base.defaultValue = DefaultValue::number("2000");
    const Sequence tickets{.name = "tickets", .type = "integer", .start = 100};
    Sequence ownedTickets = tickets;
    ownedTickets.ownedBy = SequenceOwner{"users", "id"};
    return {CreateTable{users},
            DropTable{users},
            RenameTable{"users", "people"},
            AddColumn{"users", email},
            DropColumn{"users", email},
            AlterColumn{"users", withDefault, email},
            AlterColumn{"users", collated, email},
            AddColumn{"users", collated},
            RenameColumn{"users", "email", "mail"},
            CreateIndex{"users", plain},
            CreateIndex{"users", unique},
            CreateIndex{"users", partial},
            CreateIndex{"users", uniquePartial},
            DropIndex{"users", plain},
            AddUnique{"users", {"uq_email", {"email"}}},
            DropUnique{"users", {"uq_email", {"email"}}},
            AddForeignKey{"posts", fk},
            DropForeignKey{"posts", fk},
            AddCheck{"users", check},
            DropCheck{"users", check},
            AlterPrimaryKey{"users", {"id"}, {}},
            AlterTableComment{"users", std::nullopt, "people"},
            CreateEnum{mood},
            DropEnum{mood},
            AddEnumValue{"mood", "calm", std::nullopt},
            AddEnumValue{"mood", "calm", "happy"},
            DropEnumValue{"mood", "calm", std::nullopt},
            RenameEnum{"mood", "feeling"},
            CreateDomain{year},
            DropDomain{year},
            AlterDomain{year, stricterYear},
            CreateSequence{tickets},
            DropSequence{tickets},
            AlterSequence{tickets, ownedTickets},
            RecreateTable{users, users},
            Execute{{{"sqlite", "UPDATE users SET email = lower(email)"}}, std::nullopt},
            Execute{{}, std::map<std::string, std::string>{}}};
}

} // namespace

void TestStudioModels::operationTextsFollowTheLanguage()
{
    using namespace tempest;
    // Without a catalogue Studio shows the CLI's English text, character for character.
    for (const Operation& op : everyOperationText())
        QCOMPARE(studio::operationText(op), QString::fromStdString(describe(op)));

    QTranslator german;
    QVERIFY(german.load(QStringLiteral(":/i18n/tempest_studio_de.qm")));
    QVERIFY(QCoreApplication::installTranslator(&german));
    QCOMPARE(studio::operationText(AddColumn{"users", Column{"score", ColumnType::Integer}}),
             QStringLiteral("Spalte users.score hinzufügen (integer)"));
    QCOMPARE(studio::operationText(AlterPrimaryKey{"users", {"id"}, {}}),
             QStringLiteral("Primärschlüssel von users ändern: (id) -> keiner"));
    // Every kind and variant is translated, and its names, types and SQL survive: each
    // argument of the English text is in the German one.
    for (const Operation& op : everyOperationText()) {
        const QString english = QString::fromStdString(describe(op));
        const QString translated = studio::operationText(op);
        QVERIFY2(translated != english, qPrintable("not translated: " + english));
        std::function<void(const Phrase&)> argumentsKept = [&](const Phrase& p) {
            for (const Phrase& arg : p.args) {
                if (!arg.translatable && arg.args.empty())
                    QVERIFY2(translated.contains(QString::fromStdString(arg.text)),
                             qPrintable(translated + " lost " + QString::fromStdString(arg.text)));
                argumentsKept(arg);
            }
        };
        argumentsKept(describePhrase(op));
    }
    QCoreApplication::removeTranslator(&german);
}

QTEST_MAIN(TestStudioModels)
#include "tst_studio_models.moc"
