// replaySchema: the schema a history produces, which --autogenerate diffs the models
// against; a migration that does not fit its history must be named precisely.

#include "core/ir/errors.h"
#include "core/revision/replay.h"

#include <QTest>

using namespace tempest;

namespace {

Column column(std::string name, ColumnType type)
{
    Column c;
    c.name = std::move(name);
    c.type = type;
    return c;
}

Table table(std::string name, std::vector<Column> columns)
{
    Table t;
    t.name = std::move(name);
    t.columns = std::move(columns);
    return t;
}

Migration rev(std::string id, std::vector<std::string> parents, std::vector<Operation> up)
{
    Migration m;
    m.revision = std::move(id);
    m.downRevision = std::move(parents);
    m.up = std::move(up);
    m.down = invert(m.up);
    m.file = "migrations/" + m.revision + ".json";
    return m;
}

// base creates users; one branch adds users.score, the other creates posts; a merge
// renames users to accounts.
RevisionGraph history()
{
    return RevisionGraph({
        rev("base0001", {}, {CreateTable{table("users", {column("id", ColumnType::Integer)})}}),
        rev("scor0002", {"base0001"}, {AddColumn{"users", column("score", ColumnType::Real)}}),
        rev("post0003", {"base0001"}, {CreateTable{table("posts", {column("body", ColumnType::Text)})}}),
        rev("merg0004", {"scor0002", "post0003"}, {RenameTable{"users", "accounts"}}),
    });
}

} // namespace

class TstReplay : public QObject {
    Q_OBJECT

private slots:
    void replayToOneBranch();
    void replayToMergeHasBothBranches();
    void replayOfNothingIsEmpty();
    void misfitNamesRevisionFileAndOperation();
};

void TstReplay::replayToOneBranch()
{
    const Schema s = replaySchemaTo(history(), {"scor0002"});
    QCOMPARE(s.tables.size(), std::size_t(1));
    QVERIFY(s.findTable("users"));
    QVERIFY(s.findTable("users")->findColumn("score"));
    QVERIFY(!s.findTable("posts"));
}

void TstReplay::replayToMergeHasBothBranches()
{
    const RevisionGraph graph = history();
    const Schema s = replaySchemaTo(graph, {"merg"});
    QVERIFY(!s.findTable("users"));
    QVERIFY(s.findTable("accounts"));
    QVERIFY(s.findTable("accounts")->findColumn("score"));
    QVERIFY(s.findTable("posts"));
    // Two heads' union equals the merge's ancestors before the rename.
    const Schema both = replaySchemaTo(graph, {"scor0002", "post0003"});
    QVERIFY(both.findTable("users") && both.findTable("posts"));
    QCOMPARE(replaySchema(graph, graph.topoOrder()), s);
}

void TstReplay::replayOfNothingIsEmpty()
{
    QCOMPARE(replaySchemaTo(history(), {}), emptySchema());
}

void TstReplay::misfitNamesRevisionFileAndOperation()
{
    // Applying the score branch without its base: users does not exist.
    try {
        replaySchema(history(), {"scor0002"});
        QFAIL("replayed an operation on a missing table");
    } catch (const InputError& e) {
        QCOMPARE(e.revision(), std::string("scor0002"));
        QCOMPARE(e.file(), std::string("migrations/scor0002.json"));
        QCOMPARE(e.jsonPath(), std::string("$.up[0]"));
        QVERIFY2(std::string(e.what()).find("users") != std::string::npos, e.what());
    }
    QVERIFY_THROWS_EXCEPTION(InputError, replaySchemaTo(history(), {"nope0000"}));
}

QTEST_APPLESS_MAIN(TstReplay)
#include "tst_replay.moc"
