// Renames in diffSchema: renamedFrom hints, rename candidates (reported, confirmed by
// --rename-*, --autorename when unambiguous, or the prompt), validateRenames, and the
// replay property for each (a rename keeps data, so a wrong decision here loses rows).

#include "diff_test_support.h"

#include "core/ir/errors.h"

using namespace tempest;
using namespace difftest;

namespace {

/// "old:new" confirms a table rename, "t.old:new" a column rename.
RenameCandidate parseRename(const QString& text)
{
    const QStringList sides = text.split(':');
    const int dot = sides[0].indexOf('.');
    if (dot < 0)
        return {RenameCandidate::Kind::Table, {}, sides[0].toStdString(), sides[1].toStdString()};
    return {RenameCandidate::Kind::Column, sides[0].left(dot).toStdString(), sides[0].mid(dot + 1).toStdString(),
            sides[1].toStdString()};
}

QString text(const RenameCandidate& c)
{
    return (c.kind == RenameCandidate::Kind::Column ? q(c.table) + "." : QString()) + q(c.from) + "->" + q(c.to);
}

QStringList texts(const std::vector<RenameCandidate>& list)
{
    QStringList out;
    for (const RenameCandidate& c : list)
        out << text(c);
    return out;
}

} // namespace

class TestDiffRenames : public QObject {
    Q_OBJECT

private slots:
    void hints_data();
    void hints();
    void candidates_data();
    void candidates();
    void promptIsAskedPerCandidate();
    void unknownRenamesAreInputErrors_data();
    void unknownRenamesAreInputErrors();
};

void TestDiffRenames::hints_data()
{
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("expected");

    // The foreign key and index follow the renamed table, as they do in the database.
    QTest::newRow("table")
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]}, "posts": {"columns": {"uid": {"type": "integer"}}, "indexes": {"ix_uid": {"columns": ["uid"]}}, "foreignKeys": {"fk": {"columns": ["uid"], "refTable": "users", "refColumns": ["id"]}}}}})"
        << R"({"tables": {"accounts": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"], "renamedFrom": "users"}, "posts": {"columns": {"uid": {"type": "integer"}}, "indexes": {"ix_uid": {"columns": ["uid"]}}, "foreignKeys": {"fk": {"columns": ["uid"], "refTable": "accounts", "refColumns": ["id"]}}}}})"
        << QStringList{"rename_table users->accounts"};
    QTest::newRow("primary key column referenced elsewhere")
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]}, "posts": {"columns": {"uid": {"type": "integer"}}, "foreignKeys": {"fk": {"columns": ["uid"], "refTable": "users", "refColumns": ["id"]}}}}})"
        << R"({"tables": {"users": {"columns": {"user_id": {"type": "integer", "renamedFrom": "id"}}, "primaryKey": ["user_id"]}, "posts": {"columns": {"uid": {"type": "integer"}}, "foreignKeys": {"fk": {"columns": ["uid"], "refTable": "users", "refColumns": ["user_id"]}}}}})"
        << QStringList{"rename_column users.id->user_id"};
    QTest::newRow("table and column, then changes on the new names")
        << R"({"tables": {"a": {"columns": {"x": {"type": "integer"}, "y": {"type": "text"}}, "indexes": {"ix_x": {"columns": ["x"]}}}}})"
        << R"({"tables": {"b": {"columns": {"z": {"type": "bigint", "renamedFrom": "x"}, "y": {"type": "text"}, "w": {"type": "text"}}, "indexes": {"ix_x": {"columns": ["z"], "unique": true}}, "renamedFrom": "a"}}})"
        << QStringList{"drop_index a.ix_x", "rename_table a->b", "rename_column b.x->z", "add_column b.w",
                       "alter_column b.z", "create_index b.ix_x"};
    QTest::newRow("stale hint: both names exist")
        << R"({"tables": {"a": {"columns": {"x": {"type": "integer"}}}, "b": {"columns": {"x": {"type": "integer"}}}}})"
        << R"({"tables": {"b": {"columns": {"x": {"type": "integer"}}, "renamedFrom": "a"}}})"
        << QStringList{"drop_table a"};
    QTest::newRow("hint applies when the old name is reused")
        << R"({"tables": {"b": {"columns": {"x": {"type": "integer"}}}}})"
        << R"({"tables": {"b": {"columns": {"y": {"type": "integer", "renamedFrom": "x"}, "x": {"type": "text"}}}}})"
        << QStringList{"rename_column b.x->y", "add_column b.x"};
    // Found by the random pairs (tests/reliability, seed 106): a rename into a name that
    // another rename of the same revision frees must wait for it, or the data is lost.
    QTest::newRow("rename into a name another rename frees")
        << R"({"tables": {"t": {"columns": {"a": {"type": "date"}, "b": {"type": "timestamp"}}}}})"
        << R"({"tables": {"t": {"columns": {"b": {"type": "date", "renamedFrom": "a"}, "c": {"type": "timestamp", "renamedFrom": "b"}}}}})"
        << QStringList{"rename_column t.b->c", "rename_column t.a->b"};
    QTest::newRow("table renamed into a name another table rename frees")
        << R"({"tables": {"x": {"columns": {"i": {"type": "integer"}}}, "y": {"columns": {"j": {"type": "text"}}}}})"
        << R"({"tables": {"y": {"columns": {"i": {"type": "integer"}}, "renamedFrom": "x"}, "z": {"columns": {"j": {"type": "text"}}, "renamedFrom": "y"}}})"
        << QStringList{"rename_table y->z", "rename_table x->y"};
    QTest::newRow("hint wins over a same-shaped candidate")
        << R"({"tables": {"a": {"columns": {"x": {"type": "integer"}}}, "c": {"columns": {"x": {"type": "integer"}}}}})"
        << R"({"tables": {"b": {"columns": {"x": {"type": "integer"}}, "renamedFrom": "c"}}})"
        << QStringList{"rename_table c->b", "drop_table a"};
}

void TestDiffRenames::hints()
{
    QFETCH(QString, current);
    QFETCH(QString, target);
    QFETCH(QStringList, expected);
    const Schema from = schemaOf(current.toUtf8().constData());
    const Schema to = schemaOf(target.toUtf8().constData());
    const DiffResult result = diffSchemaDetailed(from, to);
    QCOMPARE(joined(summaries(result.operations)), joined(expected));
    QVERIFY(result.candidates.empty());
    verifyReplay(from, to, result.operations);
}

void TestDiffRenames::candidates_data()
{
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("confirmed");
    QTest::addColumn<bool>("autoRename");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("candidates");
    QTest::addColumn<QStringList>("applied");

    const QString oldTable = R"({"tables": {"old": {"columns": {"a": {"type": "integer"}, "b": {"type": "text"}}}}})";
    const QString newTable = R"({"tables": {"new": {"columns": {"b": {"type": "text"}, "a": {"type": "integer"}}}}})";
    const QString twoNew = R"({"tables": {"new1": {"columns": {"a": {"type": "integer"}, "b": {"type": "text"}}}, "new2": {"columns": {"a": {"type": "integer"}, "b": {"type": "text"}}}}})";
    const QString colB = R"({"tables": {"t": {"columns": {"a": {"type": "integer"}, "b": {"type": "text", "nullable": false}}}}})";
    const QString colC = R"({"tables": {"t": {"columns": {"a": {"type": "integer"}, "c": {"type": "text", "nullable": false}}}}})";

    QTest::newRow("table candidate, unconfirmed: drop + create, reported")
        << oldTable << newTable << QStringList{} << false << QStringList{"create_table new", "drop_table old"}
        << QStringList{"old->new"} << QStringList{};
    QTest::newRow("table candidate confirmed by --rename-table")
        << oldTable << newTable << QStringList{"old:new"} << false << QStringList{"rename_table old->new"}
        << QStringList{} << QStringList{"old->new"};
    QTest::newRow("table candidate confirmed by --autorename")
        << oldTable << newTable << QStringList{} << true << QStringList{"rename_table old->new"} << QStringList{}
        << QStringList{"old->new"};
    QTest::newRow("ambiguous table candidate is not auto-confirmed")
        << oldTable << twoNew << QStringList{} << true
        << QStringList{"create_table new1", "create_table new2", "drop_table old"}
        << QStringList{"old->new1", "old->new2"} << QStringList{};
    QTest::newRow("ambiguous table candidate confirmed explicitly")
        << oldTable << twoNew << QStringList{"old:new2"} << false
        << QStringList{"rename_table old->new2", "create_table new1"} << QStringList{} << QStringList{"old->new2"};
    QTest::newRow("different column types: no candidate")
        << oldTable << R"({"tables": {"new": {"columns": {"a": {"type": "text"}, "b": {"type": "text"}}}}})"
        << QStringList{} << true << QStringList{"create_table new", "drop_table old"} << QStringList{}
        << QStringList{};
    // Explicit confirmation applies even when the shapes differ: the user knows.
    QTest::newRow("confirmed rename of differently shaped tables")
        << oldTable << R"({"tables": {"new": {"columns": {"a": {"type": "integer"}, "c": {"type": "text"}}}}})"
        << QStringList{"old:new"} << false << QStringList{"rename_table old->new", "add_column new.c", "drop_column new.b"}
        << QStringList{"new.b->c"} << QStringList{"old->new"};
    QTest::newRow("column candidate, unconfirmed")
        << colB << colC << QStringList{} << false << QStringList{"add_column t.c", "drop_column t.b"}
        << QStringList{"t.b->c"} << QStringList{};
    QTest::newRow("column candidate confirmed by --rename-column")
        << colB << colC << QStringList{"t.b:c"} << false << QStringList{"rename_column t.b->c"} << QStringList{}
        << QStringList{"t.b->c"};
    QTest::newRow("column candidate confirmed by --autorename")
        << colB << colC << QStringList{} << true << QStringList{"rename_column t.b->c"} << QStringList{}
        << QStringList{"t.b->c"};
    QTest::newRow("column nullability differs: no candidate")
        << colB << R"({"tables": {"t": {"columns": {"a": {"type": "integer"}, "c": {"type": "text"}}}}})"
        << QStringList{} << true << QStringList{"add_column t.c", "drop_column t.b"} << QStringList{} << QStringList{};
    QTest::newRow("ambiguous column candidates")
        << R"({"tables": {"t": {"columns": {"b": {"type": "text"}, "c": {"type": "text"}}}}})"
        << R"({"tables": {"t": {"columns": {"d": {"type": "text"}, "e": {"type": "text"}}}}})" << QStringList{}
        << true << QStringList{"add_column t.d", "add_column t.e", "drop_column t.b", "drop_column t.c"}
        << QStringList{"t.b->d", "t.b->e", "t.c->d", "t.c->e"} << QStringList{};
    // --rename-column may name the table by its old name when the table is renamed too.
    QTest::newRow("column rename inside a renamed table, named by the old table")
        << oldTable << R"({"tables": {"new": {"columns": {"a": {"type": "integer"}, "bb": {"type": "text"}}}}})"
        << QStringList{"old:new", "old.b:bb"} << false << QStringList{"rename_table old->new", "rename_column new.b->bb"}
        << QStringList{} << QStringList{"old->new", "new.b->bb"};
    QTest::newRow("autorename takes the unambiguous table, creates the rest")
        << oldTable << R"({"tables": {"new": {"columns": {"a": {"type": "integer"}, "b": {"type": "text"}}}, "other": {"columns": {"z": {"type": "text"}}}}})"
        << QStringList{} << true << QStringList{"rename_table old->new", "create_table other"} << QStringList{}
        << QStringList{"old->new"};
}

void TestDiffRenames::candidates()
{
    QFETCH(QString, current);
    QFETCH(QString, target);
    QFETCH(QStringList, confirmed);
    QFETCH(bool, autoRename);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, candidates);
    QFETCH(QStringList, applied);
    const Schema from = schemaOf(current.toUtf8().constData());
    const Schema to = schemaOf(target.toUtf8().constData());
    DiffOptions options;
    for (const QString& rename : confirmed)
        options.confirmedRenames.push_back(parseRename(rename));
    options.autoRename = autoRename;

    const DiffResult result = diffSchemaDetailed(from, to, options);
    QCOMPARE(joined(summaries(result.operations)), joined(expected));
    QCOMPARE(texts(result.candidates), candidates);
    QCOMPARE(texts(result.applied), applied);
    verifyReplay(from, to, result.operations);
}

// The terminal prompt: asked for each candidate in turn, a yes renames and settles the
// other candidates of the same names.
void TestDiffRenames::promptIsAskedPerCandidate()
{
    const Schema from = schemaOf(R"({"tables": {"old": {"columns": {"a": {"type": "integer"}}}}})");
    const Schema to = schemaOf(R"({"tables": {"n1": {"columns": {"a": {"type": "integer"}}}, "n2": {"columns": {"a": {"type": "integer"}}}}})");
    QStringList asked;
    DiffOptions options;
    options.confirm = [&](const RenameCandidate& c) {
        asked << text(c);
        return c.to == "n2";
    };
    const DiffResult result = diffSchemaDetailed(from, to, options);
    QCOMPARE(asked, (QStringList{"old->n1", "old->n2"}));
    QCOMPARE(joined(summaries(result.operations)), joined((QStringList{"rename_table old->n2", "create_table n1"})));
    QVERIFY(result.candidates.empty());
    verifyReplay(from, to, result.operations);

    asked.clear();
    options.confirm = [&](const RenameCandidate& c) {
        asked << text(c);
        return false;
    };
    const DiffResult declined = diffSchemaDetailed(from, to, options);
    QCOMPARE(asked.size(), 2);
    QCOMPARE(texts(declined.candidates), (QStringList{"old->n1", "old->n2"}));
}

void TestDiffRenames::unknownRenamesAreInputErrors_data()
{
    QTest::addColumn<QString>("rename");
    QTest::addColumn<QString>("named");
    QTest::newRow("unknown old table") << "nope:new" << "\"nope\"";
    QTest::newRow("unknown new table") << "old:nope" << "\"nope\"";
    QTest::newRow("new table already exists") << "old:keep" << "\"keep\"";
    QTest::newRow("unknown table of a column") << "nope.a:c" << "\"nope\"";
    QTest::newRow("unknown old column") << "keep.zz:c" << "\"keep.zz\"";
    QTest::newRow("unknown new column") << "keep.a:zz" << "\"keep.zz\"";
}

void TestDiffRenames::unknownRenamesAreInputErrors()
{
    QFETCH(QString, rename);
    QFETCH(QString, named);
    const Schema from = schemaOf(R"({"tables": {"old": {"columns": {"a": {"type": "integer"}}}, "keep": {"columns": {"a": {"type": "integer"}}}}})");
    const Schema to = schemaOf(R"({"tables": {"new": {"columns": {"a": {"type": "integer"}}}, "keep": {"columns": {"c": {"type": "integer"}}}}})");
    try {
        validateRenames(from, to, {parseRename(rename)});
        QFAIL("no InputError");
    } catch (const InputError& e) {
        QVERIFY2(QString(e.what()).contains(named), e.what());
    }
    DiffOptions options;
    options.confirmedRenames = {parseRename(rename)};
    QVERIFY_THROWS_EXCEPTION(InputError, diffSchemaDetailed(from, to, options));
}

QTEST_APPLESS_MAIN(TestDiffRenames)
#include "tst_diff_renames.moc"
