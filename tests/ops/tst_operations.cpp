// Operation values on their own: kinds, the human one-liners, which operations count
// as destructive, inversion, and the Op facade.

#include "core/ops/op_facade.h"
#include "core/ops/operation.h"
#include "operation_samples.h"

#include <QTest>

#include <set>

using namespace tempest;
using namespace tempest::testing;

Q_DECLARE_METATYPE(tempest::Operation)

class TestOperations : public QObject {
    Q_OBJECT

private slots:
    void samplesCoverEveryKind();
    void kindAndTable_data();
    void kindAndTable();
    void describeLine_data();
    void describeLine();
    void destructive_data();
    void destructive();
    void invertTwiceIsIdentity_data();
    void invertTwiceIsIdentity();
    void invertPairsKinds_data();
    void invertPairsKinds();
    void invertListReversesOrder();
    void executeWithoutDownIsIrreversible();
    void facadeAppendsInOrder();
};

namespace {

void addSampleRows()
{
    QTest::addColumn<Operation>("op");
    for (const auto& sample : sampleOperations())
        QTest::newRow(sample.name.c_str()) << sample.op;
}

Column withType(Column column, ColumnType type, std::optional<int> length = {})
{
    column.type = type;
    column.length = length;
    return column;
}

} // namespace

// The samples drive every per-kind row here and in the other ops tests: a kind missing
// from them would silently go untested.
void TestOperations::samplesCoverEveryKind()
{
    std::set<std::string> kinds;
    for (const auto& sample : sampleOperations()) {
        QCOMPARE(std::string(operationKind(sample.op)), sample.name);
        kinds.insert(sample.name);
    }
    QCOMPARE(kinds.size(), std::variant_size_v<Operation>);
}

void TestOperations::kindAndTable_data()
{
    QTest::addColumn<Operation>("op");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("table");
    QTest::newRow("create_table") << Operation(CreateTable{postsTable()}) << "create_table" << "posts";
    QTest::newRow("rename_table: new name") << Operation(RenameTable{"users", "accounts"}) << "rename_table" << "accounts";
    QTest::newRow("add_column") << Operation(AddColumn{"users", makeColumn("x", ColumnType::Text)}) << "add_column" << "users";
    QTest::newRow("alter_primary_key") << Operation(AlterPrimaryKey{"posts", {"id"}, {}}) << "alter_primary_key" << "posts";
    QTest::newRow("recreate_table") << Operation(RecreateTable{postsTable(), postsTable()}) << "recreate_table" << "posts";
    QTest::newRow("enum op: none") << Operation(AddEnumValue{"user_role", "x", {}}) << "add_enum_value" << "";
    QTest::newRow("rename_enum: none") << Operation(RenameEnum{"a", "b"}) << "rename_enum" << "";
    QTest::newRow("execute: none") << Operation(Execute{{{"sqlite", "SELECT 1"}}, {}}) << "execute" << "";
    QTest::newRow("domain op: none") << Operation(DropDomain{yearDomain()}) << "drop_domain" << "";
    QTest::newRow("sequence op: none") << Operation(DropSequence{ticketSequence()}) << "drop_sequence" << "";
}

void TestOperations::kindAndTable()
{
    QFETCH(Operation, op);
    QFETCH(QString, kind);
    QFETCH(QString, table);
    QCOMPARE(QString::fromStdString(std::string(operationKind(op))), kind);
    QCOMPARE(QString::fromStdString(operationTable(op)), table);
}

void TestOperations::describeLine_data()
{
    QTest::addColumn<Operation>("op");
    QTest::addColumn<QString>("line");
    QTest::newRow("add_column") << Operation(AddColumn{"users", numericColumn("score", 10, 2)})
                                << "add column users.score (numeric(10,2))";
    QTest::newRow("add_column not null") << Operation(AddColumn{"users", varcharColumn("handle", 30, false)})
                                         << "add column users.handle (varchar(30) NOT NULL)";
    QTest::newRow("alter_column")
        << Operation(AlterColumn{"users", varcharColumn("email", 255, false), makeColumn("email", ColumnType::Text)})
        << "alter column users.email: varchar(255) NOT NULL -> text NULL";
    Column withDefault = makeColumn("state", ColumnType::Text);
    withDefault.defaultValue = DefaultValue::string("new");
    QTest::newRow("alter_column default only")
        << Operation(AlterColumn{"posts", makeColumn("state", ColumnType::Text), withDefault})
        << "alter column posts.state: text NULL no default -> text NULL DEFAULT 'new'";
    QTest::newRow("create_table") << Operation(CreateTable{postsTable()}) << "create table posts";
    QTest::newRow("drop_table") << Operation(DropTable{postsTable()}) << "drop table posts";
    QTest::newRow("rename_table") << Operation(RenameTable{"users", "accounts"}) << "rename table users -> accounts";
    QTest::newRow("rename_column") << Operation(RenameColumn{"users", "email", "mail"})
                                   << "rename column users.email -> mail";
    QTest::newRow("create_index") << Operation(CreateIndex{"users", usersTable().indexes[1]})
                                  << "create index ix_users_lower_email on users (lower(email)) where email IS NOT NULL";
    QTest::newRow("add_foreign_key") << Operation(AddForeignKey{"posts", postsTable().foreignKeys[0]})
                                     << "add foreign key fk_posts_user_id on posts (user_id) -> users (id) on delete cascade";
    QTest::newRow("alter_primary_key") << Operation(AlterPrimaryKey{"posts", {"id"}, {"id", "user_id"}})
                                       << "alter primary key of posts: (id) -> (id, user_id)";
    QTest::newRow("alter_table_comment") << Operation(AlterTableComment{"users", "registered accounts", {}})
                                         << "alter comment of table users: 'registered accounts' -> none";
    QTest::newRow("create_enum") << Operation(CreateEnum{EnumType{"user_role", {"member", "admin"}, {}}})
                                 << "create enum user_role (member, admin)";
    QTest::newRow("add_enum_value") << Operation(AddEnumValue{"user_role", "moderator", "admin"})
                                    << "add value 'moderator' to enum user_role before 'admin'";
    QTest::newRow("create_domain") << Operation(CreateDomain{yearDomain()})
                                   << "create domain year (integer CHECK year_check (VALUE >= 1901 AND VALUE <= 2155))";
    Domain strictYear = yearDomain();
    strictYear.base.nullable = false;
    strictYear.base.defaultValue = DefaultValue::number("2000");
    strictYear.checks.clear();
    QTest::newRow("alter_domain") << Operation(AlterDomain{yearDomain(), strictYear})
                                  << "alter domain year: integer CHECK year_check (VALUE >= 1901 AND VALUE <= 2155)"
                                     " -> integer NOT NULL DEFAULT 2000";
    QTest::newRow("execute without down") << Operation(Execute{{{"sqlite", "DELETE FROM t"}}, {}})
                                          << "execute DELETE FROM t (irreversible)";
    QTest::newRow("create_sequence") << Operation(CreateSequence{ticketSequence()})
                                     << "create sequence ticket_seq (integer, start 1000, cache 10)";
    QTest::newRow("drop_sequence") << Operation(DropSequence{ticketSequence()}) << "drop sequence ticket_seq";
    Sequence owned = ticketSequence();
    owned.start = 1;  // the default: not shown
    owned.ownedBy = SequenceOwner{"posts", "id"};
    QTest::newRow("alter_sequence") << Operation(AlterSequence{ticketSequence(), owned})
                                    << "alter sequence ticket_seq: integer, start 1000, cache 10 -> integer, cache 10, owned by posts.id";
}

void TestOperations::describeLine()
{
    QFETCH(Operation, op);
    QFETCH(QString, line);
    QCOMPARE(QString::fromStdString(describe(op)), line);
}

void TestOperations::destructive_data()
{
    QTest::addColumn<Operation>("op");
    QTest::addColumn<bool>("destructive");
    const Column email = varcharColumn("email", 255);
    const Column count = makeColumn("count", ColumnType::Integer);
    const Column score = numericColumn("score", 10, 2);
    auto alter = [](const Column& from, const Column& to) { return Operation(AlterColumn{"t", from, to}); };
    auto numeric = [](int precision, int scale) { return numericColumn("score", precision, scale); };

    QTest::newRow("drop_table") << Operation(DropTable{postsTable()}) << true;
    QTest::newRow("drop_column") << Operation(DropColumn{"posts", makeColumn("body", ColumnType::Text)}) << true;
    QTest::newRow("drop_enum") << Operation(DropEnum{EnumType{"visibility", {"public"}, {}}}) << true;
    QTest::newRow("drop_enum_value") << Operation(DropEnumValue{"user_role", "member", {}}) << true;
    QTest::newRow("create_table") << Operation(CreateTable{postsTable()}) << false;
    QTest::newRow("add_column") << Operation(AddColumn{"users", email}) << false;
    QTest::newRow("rename_table") << Operation(RenameTable{"a", "b"}) << false;
    QTest::newRow("drop_index") << Operation(DropIndex{"users", usersTable().indexes[0]}) << false;
    QTest::newRow("execute without down") << Operation(Execute{{{"sqlite", "DELETE FROM t"}}, {}}) << false;
    QTest::newRow("varchar shorter") << alter(email, varcharColumn("email", 100)) << true;
    QTest::newRow("varchar longer") << alter(email, varcharColumn("email", 300)) << false;
    QTest::newRow("varchar to text") << alter(email, withType(email, ColumnType::Text)) << false;
    QTest::newRow("text to varchar") << alter(withType(email, ColumnType::Text), email) << true;
    QTest::newRow("integer to bigint") << alter(count, withType(count, ColumnType::Bigint)) << false;
    QTest::newRow("bigint to integer") << alter(withType(count, ColumnType::Bigint), count) << true;
    QTest::newRow("double to real") << alter(withType(count, ColumnType::Double), withType(count, ColumnType::Real)) << true;
    QTest::newRow("integer to text: other family") << alter(count, withType(count, ColumnType::Text)) << true;
    QTest::newRow("numeric wider") << alter(score, numeric(12, 2)) << false;
    QTest::newRow("numeric fewer integer digits") << alter(score, numeric(8, 2)) << true;
    QTest::newRow("numeric more scale, same precision") << alter(score, numeric(10, 4)) << true;
    QTest::newRow("numeric to unbounded") << alter(score, withType(score, ColumnType::Numeric)) << false;
    Column notNull = email;
    notNull.nullable = false;
    QTest::newRow("nullability only") << alter(email, notNull) << false;
    QTest::newRow("timestamp to timestamptz")
        << alter(makeColumn("at", ColumnType::Timestamp), makeColumn("at", ColumnType::Timestamptz)) << false;
    QTest::newRow("other enum") << alter(enumColumn("role", "a"), enumColumn("role", "b")) << true;
    Table fewer = postsTable();
    fewer.columns.pop_back();
    QTest::newRow("recreate dropping a column") << Operation(RecreateTable{postsTable(), fewer}) << true;
    QTest::newRow("recreate adding a column") << Operation(RecreateTable{fewer, postsTable()}) << false;
}

void TestOperations::destructive()
{
    QFETCH(Operation, op);
    QFETCH(bool, destructive);
    QCOMPARE(isDestructive(op), destructive);
}

void TestOperations::invertTwiceIsIdentity_data()
{
    addSampleRows();
}

void TestOperations::invertTwiceIsIdentity()
{
    QFETCH(Operation, op);
    QVERIFY(isReversible(op));
    const Operation inverse = invert(op);
    QVERIFY(inverse != op);
    QVERIFY(invert(inverse) == op);
}

void TestOperations::invertPairsKinds_data()
{
    QTest::addColumn<Operation>("op");
    QTest::addColumn<QString>("inverseKind");
    const std::map<std::string, std::string> pairs = {
        {"create_table", "drop_table"},         {"drop_table", "create_table"},
        {"rename_table", "rename_table"},       {"add_column", "drop_column"},
        {"drop_column", "add_column"},          {"alter_column", "alter_column"},
        {"rename_column", "rename_column"},     {"create_index", "drop_index"},
        {"drop_index", "create_index"},         {"add_unique", "drop_unique"},
        {"drop_unique", "add_unique"},          {"add_foreign_key", "drop_foreign_key"},
        {"drop_foreign_key", "add_foreign_key"}, {"add_check", "drop_check"},
        {"drop_check", "add_check"},            {"alter_primary_key", "alter_primary_key"},
        {"alter_table_comment", "alter_table_comment"}, {"create_enum", "drop_enum"},
        {"drop_enum", "create_enum"},           {"add_enum_value", "drop_enum_value"},
        {"drop_enum_value", "add_enum_value"},  {"rename_enum", "rename_enum"},
        {"create_domain", "drop_domain"},       {"drop_domain", "create_domain"},
        {"alter_domain", "alter_domain"},
        {"recreate_table", "recreate_table"},   {"execute", "execute"},
        {"create_sequence", "drop_sequence"},   {"drop_sequence", "create_sequence"},
        {"alter_sequence", "alter_sequence"},
    };
    for (const auto& sample : sampleOperations())
        QTest::newRow(sample.name.c_str()) << sample.op << QString::fromStdString(pairs.at(sample.name));
}

void TestOperations::invertPairsKinds()
{
    QFETCH(Operation, op);
    QFETCH(QString, inverseKind);
    QCOMPARE(QString::fromStdString(std::string(operationKind(invert(op)))), inverseKind);
}

void TestOperations::invertListReversesOrder()
{
    Op op;
    op.createEnum(EnumType{"state", {"a"}, {}})
        .addColumn("users", enumColumn("state", "state"))
        .renameColumn("users", "state", "status");
    const std::vector<Operation> down = invert(op.operations());
    QCOMPARE(down.size(), std::size_t(3));
    QVERIFY(down[0] == Operation(RenameColumn{"users", "status", "state"}));
    QVERIFY(down[1] == Operation(DropColumn{"users", enumColumn("state", "state")}));
    QVERIFY(down[2] == Operation(DropEnum{EnumType{"state", {"a"}, {}}}));
    // Swapped execute: the down SQL becomes the up SQL.
    const Execute execute{{{"sqlite", "UP"}}, std::map<std::string, std::string>{{"sqlite", "DOWN"}}};
    QVERIFY(invert(Operation(execute)) == Operation(Execute{{{"sqlite", "DOWN"}}, execute.up}));
}

// DESIGN.md: execute without `down` makes the revision irreversible, and downgrade
// must refuse it before touching anything; the list inverter must refuse too.
void TestOperations::executeWithoutDownIsIrreversible()
{
    const Operation execute = Execute{{{"sqlite", "DELETE FROM t"}, {"postgresql", "DELETE FROM t"}}, {}};
    QVERIFY(!isReversible(execute));
    QVERIFY_THROWS_EXCEPTION(IrreversibleError, invert(execute));
    const std::vector<Operation> ops = {AddColumn{"t", makeColumn("c", ColumnType::Text)}, execute};
    QVERIFY_THROWS_EXCEPTION(IrreversibleError, invert(ops));
    QVERIFY(isReversible(Operation(Execute{{{"sqlite", "x"}}, std::map<std::string, std::string>{}})));
}

void TestOperations::facadeAppendsInOrder()
{
    Op op;
    Op& same = op.createTable(postsTable())
                   .addColumn("posts", makeColumn("title", ColumnType::Text))
                   .alterTableComment("posts", {}, "articles")
                   .addEnumValue("user_role", "guest")
                   .execute({{"sqlite", "SELECT 1"}});
    QCOMPARE(&same, &op);
    const std::vector<std::string> expected = {"create_table", "add_column", "alter_table_comment",
                                               "add_enum_value", "execute"};
    QCOMPARE(op.operations().size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        QCOMPARE(std::string(operationKind(op.operations()[i])), expected[i]);
    QVERIFY(op.operations()[2] == Operation(AlterTableComment{"posts", std::nullopt, "articles"}));
    QVERIFY(op.operations()[3] == Operation(AddEnumValue{"user_role", "guest", std::nullopt}));
    const std::vector<Operation> taken = op.take();
    QCOMPARE(taken.size(), expected.size());
}

QTEST_APPLESS_MAIN(TestOperations)
#include "tst_operations.moc"
