// An application's C++ models are one of the three ways into the pipeline: their IR
// must be exactly what a hand-written models.json would say, or every diff against
// them is noise. These tests pin that IR to a reviewed file, and the deduction table
// the header promises.
#include "blog_models.h"

#include "core/ir/errors.h"
#include "core/ir/schema_json.h"
#include "model/models_main.h"

#include <QTest>

#include <fstream>
#include <sstream>

using namespace tempest;
using model::MemberKind;
using model::memberInfo;

// The deduction table of model/member_types.h, checked where it is decided: a wrong
// row breaks the build of this test.
static_assert(memberInfo<std::int64_t>().type == ColumnType::Bigint);
static_assert(memberInfo<long long>().type == ColumnType::Bigint);
static_assert(memberInfo<std::int32_t>().type == ColumnType::Integer);
static_assert(memberInfo<int>().type == ColumnType::Integer);
static_assert(memberInfo<std::int16_t>().type == ColumnType::Smallint);
static_assert(memberInfo<bool>().type == ColumnType::Boolean);
static_assert(memberInfo<float>().type == ColumnType::Real);
static_assert(memberInfo<double>().type == ColumnType::Double);
static_assert(memberInfo<std::string>().type == ColumnType::Text);
static_assert(memberInfo<std::chrono::system_clock::time_point>().type == ColumnType::Timestamptz);
static_assert(memberInfo<std::chrono::local_time<std::chrono::microseconds>>().type == ColumnType::Timestamp);
static_assert(memberInfo<std::chrono::year_month_day>().type == ColumnType::Date);
static_assert(memberInfo<std::chrono::sys_days>().type == ColumnType::Date);
static_assert(memberInfo<std::chrono::hh_mm_ss<std::chrono::milliseconds>>().type == ColumnType::Time);
static_assert(memberInfo<std::vector<std::uint8_t>>().type == ColumnType::Blob);
static_assert(memberInfo<std::vector<std::byte>>().type == ColumnType::Blob);
static_assert(memberInfo<blog::Role>().kind == MemberKind::Enum);
// No SQL integer holds every std::uint64_t, a char is not a number, and nothing
// deduces silently to "custom".
static_assert(memberInfo<std::uint32_t>().kind == MemberKind::Unmapped);
static_assert(memberInfo<std::uint64_t>().kind == MemberKind::Unmapped);
static_assert(memberInfo<char>().kind == MemberKind::Unmapped);
static_assert(memberInfo<std::int8_t>().kind == MemberKind::Unmapped);
static_assert(memberInfo<long double>().kind == MemberKind::Unmapped);
static_assert(memberInfo<std::vector<int>>().kind == MemberKind::Unmapped);
static_assert(model::isOptionalMember<std::optional<int>> && !model::isOptionalMember<int>);

// A tree: its parent column references the table's own key by member pointer.
struct Category {
    std::int64_t id;
    std::optional<std::int64_t> parent_id;
};
template <>
struct tempest::Model<Category> {
    static auto define()
    {
        using namespace tempest::model;
        return table<Category>("categories", column("id", &Category::id, primaryKey()),
                               column("parent_id", &Category::parent_id,
                                      references(&Category::id, onDelete(FkAction::SetNull))));
    }
};

// PostgreSQL partitioning (docs/ir.md "Partitioning (PostgreSQL)"): a partitioned
// table, and a partition of it that lists no column() but has its own index.
struct Reading {
    std::int64_t id;
    std::chrono::sys_days day;
};
struct Reading2024 {};
template <>
struct tempest::Model<Reading> {
    static auto define()
    {
        using namespace tempest::model;
        return table<Reading>("readings", column("id", &Reading::id), column("day", &Reading::day),
                              primaryKey({"id", "day"}), partitionBy("RANGE (day)"));
    }
};
template <>
struct tempest::Model<Reading2024> {
    static auto define()
    {
        using namespace tempest::model;
        return table<Reading2024>("readings_2024",
                                  partitionOf("readings", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"),
                                  index("ix_readings_2024_day", {"day"}));
    }
};

namespace {

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const std::string kExpectedIr = TEMPEST_TEST_DATA_DIR "/model/expected_ir.json";

Schema blogSchema()
{
    return reflectSchema<blog::Account, blog::Post, blog::Tag, blog::PostTag, blog::Event>();
}

// "line N: expected … / actual …" for the first differing line: a failure readable
// without diffing two 300-line strings by eye.
QString firstDifference(const std::string& expected, const std::string& actual)
{
    std::istringstream e(expected), a(actual);
    std::string le, la;
    for (int line = 1;; ++line) {
        const bool me = static_cast<bool>(std::getline(e, le));
        const bool ma = static_cast<bool>(std::getline(a, la));
        if (!me && !ma)
            return {};
        if (!me || !ma || le != la)
            return QStringLiteral("line %1: expected \"%2\", actual \"%3\"")
                .arg(line)
                .arg(QString::fromStdString(me ? le : "<end>"), QString::fromStdString(ma ? la : "<end>"));
    }
}

} // namespace

class TstModelReflect : public QObject {
    Q_OBJECT
private slots:
    void schemaJsonEqualsReviewedFileByteForByte()
    {
        const std::string expected = readFile(kExpectedIr);
        QVERIFY2(!expected.empty(), "expected_ir.json is missing");
        const std::string actual = toJson(blogSchema());
        const QString diff = firstDifference(expected, actual);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(actual, expected);  // also catches a missing final newline
    }

    // The committed file is valid IR as the strict reader sees it (what a models
    // command's stdout goes through), and means the same schema.
    void reviewedFileReadsBackAsTheReflectedSchema()
    {
        QVERIFY(loadSchemaFile(kExpectedIr) == blogSchema());
    }

    void reflectTableGivesOneTableInDeclarationOrder()
    {
        const Table users = reflectTable<blog::Account>();
        QCOMPARE(users.name, std::string("users"));
        QCOMPARE(users.columns.size(), std::size_t(21));
        QCOMPARE(users.columns.front().name, std::string("id"));
        QCOMPARE(users.columns.back().name, std::string("nickname"));
        QCOMPARE(users.primaryKey, std::vector<std::string>{"id"});
        const Column* role = users.findColumn("role");
        QVERIFY(role);
        QCOMPARE(role->type, ColumnType::Enum);
        QCOMPARE(role->enumName, std::string("user_role"));
        QCOMPARE(role->defaultValue, std::optional(DefaultValue::string("member")));
        QCOMPARE(*users.comment, std::string("registered accounts"));
    }

    // A table alone can name tables it does not have at hand: its foreign keys are
    // kept, not checked against a schema that does not exist yet.
    void reflectTableKeepsForeignKeysToOtherModels()
    {
        const Table posts = reflectTable<blog::Post>();
        QCOMPARE(posts.foreignKeys.size(), std::size_t(2));
        QCOMPARE(posts.foreignKeys[0].refTable, std::string("users"));
        QCOMPARE(posts.foreignKeys[0].refColumns, std::vector<std::string>{"id"});
        QCOMPARE(posts.foreignKeys[0].onDelete, FkAction::Cascade);
        QCOMPARE(posts.foreignKeys[0].onUpdate, FkAction::Restrict);
    }

    // Resolving a member-pointer reference reads the target's columns only, so a
    // self-reference neither recurses nor needs a second model.
    void selfReferenceResolvesToOwnTable()
    {
        const Schema s = reflectSchema<Category>();
        const ForeignKey& fk = s.tables.front().foreignKeys.front();
        QCOMPARE(fk.name, std::string("fk_categories_parent_id"));
        QCOMPARE(fk.refTable, std::string("categories"));
        QCOMPARE(fk.refColumns, std::vector<std::string>{"id"});
        QCOMPARE(fk.onDelete, FkAction::SetNull);
        QVERIFY(s.tables.front().findColumn("parent_id")->nullable);
    }

    void partitionsAreTableItems()
    {
        const Schema s = reflectSchema<Reading, Reading2024>();
        QCOMPARE(s.findTable("readings")->partitionBy.value_or(""), std::string("RANGE (day)"));
        const Table& partition = *s.findTable("readings_2024");
        QVERIFY(partition.columns.empty());
        QCOMPARE(partition.partitionOf.value_or(""), std::string("readings"));
        QCOMPARE(partition.partitionBound.value_or(""), std::string("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"));
        QCOMPARE(partition.indexes.size(), std::size_t(1));
        // Alone, a partition is not checked against a parent it does not have at hand.
        QCOMPARE(reflectTable<Reading2024>().partitionOf.value_or(""), std::string("readings"));
        // In a schema without its parent it is refused, naming the JSON path.
        try {
            reflectSchema<Reading2024>();
            QFAIL("a partition without its parent was accepted");
        } catch (const InputError& e) {
            QCOMPARE(e.jsonPath(), std::string("$.tables.readings_2024.partitionOf"));
        }
    }

    void primaryKeyColumnsAreNotNullEvenWhenOptional()
    {
        const Table tags = reflectTable<blog::Tag>();
        QVERIFY(!tags.findColumn("id")->nullable);
        QVERIFY(tags.findColumn("id")->autoincrement);
        const Table postTags = reflectTable<blog::PostTag>();
        QCOMPARE(postTags.primaryKey, (std::vector<std::string>{"post_id", "tag_id"}));
        QVERIFY(!postTags.findColumn("post_id")->nullable);
        QVERIFY(!postTags.findColumn("tag_id")->nullable);
        QVERIFY(postTags.findColumn("note")->nullable);
    }

    void schemaKeepsTheOrderOfItsTypeArguments()
    {
        const Schema s = reflectSchema<blog::Event, blog::Tag>();
        QCOMPARE(s.tables.size(), std::size_t(2));
        QCOMPARE(s.tables[0].name, std::string("events"));
        QCOMPARE(s.tables[1].name, std::string("tags"));
        QVERIFY(s.enums.empty());
    }

    // Two columns declaring the same enum the same way give one enum, in the order
    // its first column declares it.
    void sharedEnumIsCollectedOnce()
    {
        const Schema s = blogSchema();
        QCOMPARE(s.enums.size(), std::size_t(2));
        QCOMPARE(s.enums[0].name, std::string("user_role"));
        QCOMPARE(s.enums[0].values, (std::vector<std::string>{"member", "admin", "owner"}));
        QCOMPARE(s.enums[1].name, std::string("plan"));
    }

    // What an application's main() does to serve as a `models: {"command": [...]}`.
    void printModelsWritesTheIrAndExitsZero()
    {
        std::ostringstream out, err;
        const int exitCode =
            model::printModels<blog::Account, blog::Post, blog::Tag, blog::PostTag, blog::Event>(out, err);
        QCOMPARE(exitCode, 0);
        QCOMPARE(out.str(), readFile(kExpectedIr));
        QCOMPARE(err.str(), std::string());
    }

    void printModelsReportsInvalidModelsWithExitTwo()
    {
        std::ostringstream out, err;
        // posts references users, which this set leaves out.
        QCOMPARE(model::printModels<blog::Post>(out, err), 2);
        QCOMPARE(out.str(), std::string());
        QVERIFY2(err.str().find("references table \"users\", which does not exist") != std::string::npos,
                 err.str().c_str());
    }
};

QTEST_APPLESS_MAIN(TstModelReflect)
#include "tst_model_reflect.moc"
