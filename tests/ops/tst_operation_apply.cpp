// Replaying operations onto a Schema: what each kind changes, that its inverse restores
// the schema exactly, that renames reach everything that names the renamed thing, and
// that an operation that does not fit its history is refused with a message naming it.

#include "core/ir/errors.h"
#include "core/ops/op_facade.h"
#include "core/ops/operation.h"
#include "operation_samples.h"

#include <QTest>

#include <algorithm>

using namespace tempest;
using namespace tempest::testing;

Q_DECLARE_METATYPE(tempest::Operation)

class TestOperationApply : public QObject {
    Q_OBJECT

private slots:
    void applyThenInvertRestores_data();
    void applyThenInvertRestores();
    void downOfAWholeMigrationRestores();
    void readdingAppends();
    void renameColumnPropagates();
    void renameTablePropagates();
    void renameEnumPropagates();
    void partitionsFollowTheirParent();
    void positions();
    void recreateReplacesTheTable();
    void executeLeavesSchemaAlone();
    void refuses_data();
    void refuses();
};

namespace {

/// Tables and named items sorted by name: the order DESIGN.md's equality ignores.
/// Columns keep their order, which is significant to a database.
Schema withNamedItemsSorted(Schema schema)
{
    auto byName = [](const auto& a, const auto& b) { return a.name < b.name; };
    std::sort(schema.tables.begin(), schema.tables.end(), byName);
    std::sort(schema.enums.begin(), schema.enums.end(), byName);
    for (Table& table : schema.tables) {
        std::sort(table.indexes.begin(), table.indexes.end(), byName);
        std::sort(table.uniques.begin(), table.uniques.end(), byName);
        std::sort(table.foreignKeys.begin(), table.foreignKeys.end(), byName);
        std::sort(table.checks.begin(), table.checks.end(), byName);
    }
    return schema;
}

} // namespace

void TestOperationApply::applyThenInvertRestores_data()
{
    QTest::addColumn<Operation>("op");
    for (const auto& sample : sampleOperations())
        QTest::newRow(sample.name.c_str()) << sample.op;
}

void TestOperationApply::applyThenInvertRestores()
{
    QFETCH(Operation, op);
    const Schema original = blogSchema();
    Schema schema = original;
    applyOperation(schema, op);
    if (!std::holds_alternative<Execute>(op))
        QVERIFY2(schema != original, "the operation changed nothing");
    applyOperation(schema, invert(op));
    QVERIFY(schema == original);
}

// A down migration is the up list inverted in reverse order; operations that depend on
// each other (a column using an enum created just before) must unwind cleanly.
void TestOperationApply::downOfAWholeMigrationRestores()
{
    Column state = enumColumn("state", "post_state");
    state.defaultValue = DefaultValue::string("draft");
    Op op;
    op.createEnum(EnumType{"post_state", {"draft", "published"}, {}})
        .addColumn("posts", state)
        .createIndex("posts", Index{"ix_posts_state", {IndexColumn::column("state")}, false, {}})
        .renameColumn("posts", "state", "status")
        .renameTable("posts", "articles")
        .dropForeignKey("articles", postsTable().foreignKeys[0])
        .dropTable(usersTable());

    const Schema original = blogSchema();
    Schema schema = original;
    applyOperations(schema, op.operations());
    QVERIFY(!schema.findTable("users"));
    const Table* articles = schema.findTable("articles");
    QVERIFY(articles);
    QCOMPARE(articles->indexes.back().columns[0].value, std::string("status"));
    applyOperations(schema, invert(op.operations()));
    // users was dropped and created again: it now comes after posts, as it would in a
    // database's catalog; everything else is exactly as before.
    QCOMPARE(schema.tables.back().name, std::string("users"));
    QVERIFY(withNamedItemsSorted(schema) == withNamedItemsSorted(original));
}

// Replay mirrors the database: a column or index added back goes to the end, so the
// replayed schema matches what introspection of the real database will show.
void TestOperationApply::readdingAppends()
{
    Schema schema = blogSchema();
    const Column editor = makeColumn("editor_id", ColumnType::Integer);
    const Index byCreation = usersTable().indexes.front();
    applyOperations(schema, {DropColumn{"posts", editor}, AddColumn{"posts", editor},
                             DropIndex{"users", byCreation}, CreateIndex{"users", byCreation}});
    QCOMPARE(schema.findTable("posts")->columns.back().name, std::string("editor_id"));
    QCOMPARE(schema.findTable("users")->indexes.back().name, byCreation.name);
    QVERIFY(withNamedItemsSorted(schema) != withNamedItemsSorted(blogSchema()));  // column order counts
}

void TestOperationApply::renameColumnPropagates()
{
    Schema schema = blogSchema();
    applyOperations(schema, {RenameColumn{"users", "id", "uid"}, RenameColumn{"users", "email", "mail"},
                             RenameColumn{"users", "created_at", "created"}, RenameColumn{"posts", "user_id", "author_id"}});
    const Table& users = *schema.findTable("users");
    const Table& posts = *schema.findTable("posts");
    QCOMPARE(users.primaryKey, std::vector<std::string>{"uid"});
    QCOMPARE(users.uniques[0].columns, std::vector<std::string>{"mail"});
    QCOMPARE(users.indexes[0].columns[0].value, std::string("created"));
    // Expressions are SQL text the IR does not parse: they stay as written.
    QCOMPARE(users.indexes[1].columns[0].value, std::string("lower(email)"));
    QCOMPARE(posts.foreignKeys[0].columns, std::vector<std::string>{"author_id"});
    QCOMPARE(posts.foreignKeys[0].refColumns, std::vector<std::string>{"uid"});
    QCOMPARE(posts.indexes[0].columns[0].value, std::string("author_id"));
    QCOMPARE(users.columns[0].name, std::string("uid"));  // renamed in place
}

void TestOperationApply::renameTablePropagates()
{
    Schema schema = blogSchema();
    // A self-reference must follow the rename too.
    ForeignKey parent{"fk_users_referrer", {"referrer_id"}, "users", {"id"}, FkAction::SetNull, FkAction::NoAction};
    applyOperations(schema, {AddColumn{"users", makeColumn("referrer_id", ColumnType::Integer)},
                             AddForeignKey{"users", parent}, RenameTable{"users", "accounts"}});
    QVERIFY(!schema.findTable("users"));
    QCOMPARE(schema.findTable("posts")->foreignKeys[0].refTable, std::string("accounts"));
    QCOMPARE(schema.findTable("accounts")->foreignKeys[0].refTable, std::string("accounts"));
    QCOMPARE(schema.tables[0].name, std::string("accounts"));  // position kept
}

// docs/ir.md "Partitioning (PostgreSQL)": a partition names its parent (renamed with
// it), has the parent's columns (its index may name them), and keeps the parent from
// being dropped before it.
void TestOperationApply::partitionsFollowTheirParent()
{
    Schema schema;
    Table parent{.name = "m", .columns = {makeColumn("day", ColumnType::Date)}, .partitionBy = "RANGE (day)"};
    Table partition{.name = "m_2024", .partitionOf = "m", .partitionBound = "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"};
    Index byDay{"ix_m_2024_day", {IndexColumn::column("day")}, false, std::nullopt};
    applyOperations(schema, {CreateTable{parent}, CreateTable{partition}, CreateIndex{"m_2024", byDay}});
    QCOMPARE(schema.findTable("m_2024")->indexes.size(), std::size_t(1));
    Index missing{"ix_m_2024_x", {IndexColumn::column("x")}, false, std::nullopt};
    QVERIFY_THROWS_EXCEPTION(InputError, applyOperation(schema, CreateIndex{"m_2024", missing}));
    QVERIFY_THROWS_EXCEPTION(InputError, applyOperation(schema, DropTable{parent}));
    applyOperation(schema, RenameTable{"m", "readings"});
    QCOMPARE(schema.findTable("m_2024")->partitionOf.value_or(""), std::string("readings"));
}

void TestOperationApply::renameEnumPropagates()
{
    Schema schema = blogSchema();
    applyOperation(schema, RenameEnum{"user_role", "account_role"});
    QVERIFY(!schema.findEnum("user_role"));
    QCOMPARE(schema.findTable("users")->findColumn("role")->enumName, std::string("account_role"));
    // The column follows the rename, so it now blocks dropping the enum under its new name.
    QVERIFY_THROWS_EXCEPTION(InputError, applyOperation(schema, DropEnum{EnumType{"account_role", {}, {}}}));
}

void TestOperationApply::positions()
{
    Schema schema = blogSchema();
    applyOperations(schema, {AddColumn{"users", makeColumn("bio", ColumnType::Text)},
                             AlterColumn{"users", varcharColumn("email", 255, false), varcharColumn("email", 320, false)},
                             AddEnumValue{"user_role", "guest", "member"}, AddEnumValue{"user_role", "owner", std::nullopt}});
    const Table& users = *schema.findTable("users");
    QCOMPARE(users.columns.back().name, std::string("bio"));
    QCOMPARE(users.columns[1].name, std::string("email"));
    QCOMPARE(users.columns[1].length, std::optional<int>(320));
    QCOMPARE(schema.findEnum("user_role")->values, (std::vector<std::string>{"guest", "member", "admin", "owner"}));
    applyOperation(schema, DropEnumValue{"user_role", "member", "admin"});
    QCOMPARE(schema.findEnum("user_role")->values, (std::vector<std::string>{"guest", "admin", "owner"}));
}

void TestOperationApply::recreateReplacesTheTable()
{
    Schema schema = blogSchema();
    Table rebuilt = postsTable();
    rebuilt.columns = {makeColumn("id", ColumnType::Integer, false), makeColumn("user_id", ColumnType::Integer, false)};
    rebuilt.indexes.clear();
    applyOperation(schema, RecreateTable{postsTable(), rebuilt});
    QVERIFY(*schema.findTable("posts") == rebuilt);
    QCOMPARE(schema.tables[1].name, std::string("posts"));
}

void TestOperationApply::executeLeavesSchemaAlone()
{
    Schema schema = blogSchema();
    applyOperation(schema, Execute{{{"sqlite", "DROP TABLE users"}}, std::nullopt});
    QVERIFY(schema == blogSchema());
}

void TestOperationApply::refuses_data()
{
    QTest::addColumn<Operation>("op");
    QTest::addColumn<QString>("message");
    const Column text = makeColumn("note", ColumnType::Text);
    QTest::newRow("create_table existing") << Operation(CreateTable{usersTable()})
                                           << R"(create_table users: table "users" already exists)";
    QTest::newRow("create_table unknown enum")
        << Operation(CreateTable{Table{"t", {enumColumn("c", "nope")}, {}, {}, {}, {}, {}, {}, {}}})
        << R"(create_table t: column "c" uses enum "nope", which does not exist)";
    QTest::newRow("drop_table referenced")
        << Operation(DropTable{usersTable()})
        << R"(drop_table users: table is still referenced by foreign key "fk_posts_user_id" of table "posts")";
    QTest::newRow("drop_table missing") << Operation(DropTable{Table{"nope", {}, {}, {}, {}, {}, {}, {}, {}}})
                                        << R"(drop_table nope: table "nope" does not exist)";
    QTest::newRow("rename_table onto existing") << Operation(RenameTable{"posts", "users"})
                                                << R"(rename_table posts -> users: table "users" already exists)";
    QTest::newRow("add_column no table") << Operation(AddColumn{"nope", text})
                                         << R"(add_column nope.note: table "nope" does not exist)";
    QTest::newRow("add_column existing") << Operation(AddColumn{"users", varcharColumn("email", 10)})
                                         << R"(add_column users.email: table "users" already has column "email")";
    QTest::newRow("drop_column missing") << Operation(DropColumn{"users", text})
                                         << R"(drop_column users.note: table "users" has no column "note")";
    QTest::newRow("drop_column in primary key") << Operation(DropColumn{"posts", makeColumn("id", ColumnType::Integer, false)})
                                                << "drop_column posts.id: column is part of the primary key";
    QTest::newRow("drop_column indexed") << Operation(DropColumn{"posts", makeColumn("user_id", ColumnType::Integer, false)})
                                         << R"(drop_column posts.user_id: column is used by index "ix_posts_user_id")";
    QTest::newRow("alter_column renaming")
        << Operation(AlterColumn{"users", varcharColumn("email", 255), varcharColumn("mail", 255)})
        << "alter_column users.email: from and to name different columns";
    QTest::newRow("alter_column missing") << Operation(AlterColumn{"users", text, text})
                                          << R"(alter_column users.note: table "users" has no column "note")";
    QTest::newRow("rename_column onto existing") << Operation(RenameColumn{"users", "email", "score"})
                                                 << R"(rename_column users.email -> score: table "users" already has column "score")";
    QTest::newRow("create_index name taken elsewhere")
        << Operation(CreateIndex{"posts", Index{"ix_users_created_at", {IndexColumn::column("body")}, false, {}}})
        << R"(create_index posts.ix_users_created_at: index "ix_users_created_at" already exists on table "users")";
    QTest::newRow("create_index unknown column")
        << Operation(CreateIndex{"posts", Index{"ix_posts_title", {IndexColumn::column("title")}, false, {}}})
        << R"(create_index posts.ix_posts_title: table "posts" has no column "title")";
    QTest::newRow("drop_index missing")
        << Operation(DropIndex{"posts", Index{"ix_nope", {}, false, {}}})
        << R"(drop_index posts.ix_nope: table "posts" has no index "ix_nope")";
    QTest::newRow("add_unique existing") << Operation(AddUnique{"users", usersTable().uniques[0]})
                                         << R"(table "users" already has unique constraint "uq_users_email")";
    QTest::newRow("add_foreign_key to missing table")
        << Operation(AddForeignKey{"posts", ForeignKey{"fk_x", {"editor_id"}, "editors", {"id"}, {}, {}}})
        << R"(add_foreign_key posts.fk_x: table "editors" does not exist)";
    QTest::newRow("drop_check missing") << Operation(DropCheck{"posts", CheckConstraint{"ck_nope", "1"}})
                                        << R"(drop_check posts.ck_nope: table "posts" has no check constraint "ck_nope")";
    QTest::newRow("alter_primary_key unknown column") << Operation(AlterPrimaryKey{"posts", {"id"}, {"slug"}})
                                                      << R"(alter_primary_key posts: table "posts" has no column "slug")";
    QTest::newRow("create_enum existing") << Operation(CreateEnum{EnumType{"user_role", {"x"}, {}}})
                                          << R"(create_enum user_role: enum "user_role" already exists)";
    QTest::newRow("drop_enum in use") << Operation(DropEnum{EnumType{"user_role", {"member", "admin"}, {}}})
                                      << "drop_enum user_role: enum is still used by column users.role";
    QTest::newRow("add_enum_value existing") << Operation(AddEnumValue{"user_role", "admin", std::nullopt})
                                             << R"(add_enum_value user_role.admin: enum "user_role" already has value "admin")";
    QTest::newRow("add_enum_value before unknown") << Operation(AddEnumValue{"user_role", "guest", "owner"})
                                                   << R"(enum "user_role" has no value "owner" to insert before)";
    QTest::newRow("drop_enum_value missing") << Operation(DropEnumValue{"user_role", "owner", std::nullopt})
                                             << R"(drop_enum_value user_role.owner: enum "user_role" has no value "owner")";
    QTest::newRow("rename_enum missing") << Operation(RenameEnum{"nope", "x"})
                                         << R"(rename_enum nope -> x: enum "nope" does not exist)";
    QTest::newRow("create_domain existing") << Operation(CreateDomain{yearDomain()})
                                            << R"(create_domain year: domain "year" already exists)";
    QTest::newRow("alter_domain missing") << Operation(AlterDomain{Domain{"nope", {}, {}}, Domain{"nope", {}, {}}})
                                          << R"(alter_domain nope: domain "nope" does not exist)";
    Table other = postsTable();
    other.name = "articles";
    QTest::newRow("recreate_table renaming") << Operation(RecreateTable{postsTable(), other})
                                             << "recreate_table articles: from and to name different tables";
}

void TestOperationApply::refuses()
{
    QFETCH(Operation, op);
    QFETCH(QString, message);
    Schema schema = blogSchema();
    try {
        applyOperation(schema, op);
        QFAIL("applied an operation that does not fit");
    } catch (const InputError& error) {
        QVERIFY2(QString::fromUtf8(error.what()).contains(message), error.what());
    }
    QVERIFY2(schema == blogSchema(), "a refused operation changed the schema");
}

QTEST_APPLESS_MAIN(TestOperationApply)
#include "tst_operation_apply.moc"
