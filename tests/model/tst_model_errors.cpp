// Model mistakes the compiler cannot see (they need more than one column, or another
// table, to show) must stop reflection with an InputError that says what and where,
// never produce IR that a later step chokes on or silently loses an item from.
#include "model/model.h"

#include "core/ir/errors.h"

#include <QTest>

#include <cmath>

using namespace tempest;

namespace bad {

enum class Role { Member, Admin };

struct Orphan { std::int32_t id; std::int32_t parent_id; };
struct StatusA { std::int32_t id; std::string status; };
struct StatusB { std::int32_t id; std::string status; };
struct KeyTwice { std::int32_t a; std::int32_t b; };
struct NameTwice { std::int32_t id; std::string email; };
struct AutoNotKey { std::int32_t id; std::int32_t counter; };
struct IndexUnknown { std::int32_t id; };
struct EnumDefault { std::int32_t id; Role role; };
struct Target { std::int32_t id; std::int32_t unmapped; };
struct RefUnmapped { std::int32_t id; std::int32_t target; };
struct NullableKey { std::int32_t a; std::int32_t b; };
struct IndexA { std::int32_t id; };
struct IndexB { std::int32_t id; };
struct NanDefault { std::int32_t id; double ratio; };
struct FkLocalMissing { std::int32_t id; };

} // namespace bad

using namespace bad;

// One model per mistake; each is otherwise valid, so the error seen is that mistake's.
template <> struct tempest::Model<Orphan> {
    static auto define()
    {
        using namespace tempest::model;
        return table<Orphan>("orphans", column("id", &Orphan::id, primaryKey()),
                             column("parent_id", &Orphan::parent_id, references("nowhere", "id")));
    }
};
template <> struct tempest::Model<StatusA> {
    static auto define()
    {
        using namespace tempest::model;
        return table<StatusA>("a", column("id", &StatusA::id, primaryKey()),
                              column("status", &StatusA::status, enumType("status", {"open", "closed"})));
    }
};
template <> struct tempest::Model<StatusB> {
    static auto define()
    {
        using namespace tempest::model;
        return table<StatusB>("b", column("id", &StatusB::id, primaryKey()),
                              column("status", &StatusB::status, enumType("status", {"open", "done"})));
    }
};
template <> struct tempest::Model<KeyTwice> {
    static auto define()
    {
        using namespace tempest::model;
        return table<KeyTwice>("key_twice", column("a", &KeyTwice::a, primaryKey()), column("b", &KeyTwice::b),
                               primaryKey({"a", "b"}));
    }
};
template <> struct tempest::Model<NameTwice> {
    static auto define()
    {
        using namespace tempest::model;
        return table<NameTwice>("accounts", column("id", &NameTwice::id, primaryKey()),
                                column("email", &NameTwice::email, unique()),
                                unique("uq_accounts_email", {"id", "email"}));
    }
};
template <> struct tempest::Model<AutoNotKey> {
    static auto define()
    {
        using namespace tempest::model;
        return table<AutoNotKey>("counters", column("id", &AutoNotKey::id, primaryKey()),
                                 column("counter", &AutoNotKey::counter, autoincrement()));
    }
};
template <> struct tempest::Model<IndexUnknown> {
    static auto define()
    {
        using namespace tempest::model;
        return table<IndexUnknown>("things", column("id", &IndexUnknown::id, primaryKey()),
                                   index("ix_things_name", {"name"}));
    }
};
template <> struct tempest::Model<EnumDefault> {
    static auto define()
    {
        using namespace tempest::model;
        return table<EnumDefault>("members", column("id", &EnumDefault::id, primaryKey()),
                                  column("role", &EnumDefault::role,
                                         enumType<Role>("member_role", {{Role::Member, "member"}}),
                                         defaultValue(Role::Admin)));
    }
};
template <> struct tempest::Model<Target> {
    static auto define()
    {
        using namespace tempest::model;
        return table<Target>("targets", column("id", &Target::id, primaryKey()));
    }
};
template <> struct tempest::Model<RefUnmapped> {
    static auto define()
    {
        using namespace tempest::model;
        return table<RefUnmapped>("refs", column("id", &RefUnmapped::id, primaryKey()),
                                  column("target", &RefUnmapped::target, references(&Target::unmapped)));
    }
};
template <> struct tempest::Model<NullableKey> {
    static auto define()
    {
        using namespace tempest::model;
        return table<NullableKey>("pairs", column("a", &NullableKey::a), column("b", &NullableKey::b, nullable()),
                                  primaryKey({"a", "b"}));
    }
};
template <> struct tempest::Model<IndexA> {
    static auto define()
    {
        using namespace tempest::model;
        return table<IndexA>("index_a", column("id", &IndexA::id, primaryKey()), index("ix_shared", {"id"}));
    }
};
template <> struct tempest::Model<IndexB> {
    static auto define()
    {
        using namespace tempest::model;
        return table<IndexB>("index_b", column("id", &IndexB::id, primaryKey()), index("ix_shared", {"id"}));
    }
};
template <> struct tempest::Model<NanDefault> {
    static auto define()
    {
        using namespace tempest::model;
        return table<NanDefault>("ratios", column("id", &NanDefault::id, primaryKey()),
                                 column("ratio", &NanDefault::ratio, defaultValue(std::nan(""))));
    }
};
template <> struct tempest::Model<FkLocalMissing> {
    static auto define()
    {
        using namespace tempest::model;
        return table<FkLocalMissing>("children", column("id", &FkLocalMissing::id, primaryKey()),
                                     foreignKey("fk_children_parent", {"parent_id"}, "parents", {"id"}));
    }
};

namespace {

using Reflect = void (*)();

template <typename... S>
void schemaOf()
{
    (void)reflectSchema<S...>();
}

template <typename S>
void tableOf()
{
    (void)reflectTable<S>();
}

} // namespace

Q_DECLARE_METATYPE(Reflect)

class TstModelErrors : public QObject {
    Q_OBJECT
private slots:
    void invalidModelThrowsInputError_data()
    {
        QTest::addColumn<Reflect>("reflect");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("jsonPath");

        QTest::newRow("foreign key to an unknown table")
            << Reflect(&schemaOf<Orphan>) << "references table \"nowhere\", which does not exist"
            << "$.tables.orphans.foreignKeys.fk_orphans_parent_id.refTable";
        QTest::newRow("references() a member its model does not map")
            << Reflect(&schemaOf<RefUnmapped>) << "none of its column()s maps" << "$.tables.refs.columns.target";
        QTest::newRow("one enum, two value lists")
            << Reflect(&schemaOf<StatusA, StatusB>)
            << "enum \"status\" is declared by a.status and by b.status with different values"
            << "$.enums.status";
        QTest::newRow("primary key on a column and for the table")
            << Reflect(&schemaOf<KeyTwice>) << "the primary key is declared both by primaryKey({...})"
            << "$.tables.key_twice.primaryKey";
        QTest::newRow("a synthesised name taken by a named item")
            << Reflect(&schemaOf<NameTwice>) << "the name \"uq_accounts_email\" is used twice in table \"accounts\""
            << "$.tables.accounts.uniques.uq_accounts_email";
        QTest::newRow("autoincrement off the primary key")
            << Reflect(&schemaOf<AutoNotKey>) << "autoincrement needs a single-column integer primary key"
            << "$.tables.counters.columns.counter.autoincrement";
        QTest::newRow("index on an unknown column")
            << Reflect(&schemaOf<IndexUnknown>) << "index \"ix_things_name\" names column \"name\""
            << "$.tables.things.indexes.ix_things_name.columns";
        QTest::newRow("default enumerator missing from the value list")
            << Reflect(&schemaOf<EnumDefault>) << "defaultValue() names an enumerator"
            << "$.tables.members.columns.role.default";
        QTest::newRow("nullable() column in the table's primary key")
            << Reflect(&schemaOf<NullableKey>) << "column \"b\" is in the primary key and cannot be nullable()"
            << "$.tables.pairs.columns.b.nullable";
        QTest::newRow("one index name in two tables")
            << Reflect(&schemaOf<IndexA, IndexB>)
            << "index name \"ix_shared\" is used by tables \"index_a\" and \"index_b\""
            << "$.tables.index_b.indexes.ix_shared";
        QTest::newRow("NaN default")
            << Reflect(&schemaOf<NanDefault>) << "not a finite number" << "$.tables.ratios.columns.ratio";
        QTest::newRow("reflectTable: foreign key on an unknown own column")
            << Reflect(&tableOf<FkLocalMissing>) << "names column \"parent_id\", which table \"children\" does not have"
            << "$.tables.children.foreignKeys.fk_children_parent.columns";
        QTest::newRow("reflectTable: enum default") << Reflect(&tableOf<EnumDefault>) << "names an enumerator"
                                                    << "$.tables.members.columns.role.default";
    }

    void invalidModelThrowsInputError()
    {
        QFETCH(Reflect, reflect);
        QFETCH(QString, message);
        QFETCH(QString, jsonPath);
        try {
            reflect();
            QFAIL("no InputError");
        } catch (const InputError& e) {
            QVERIFY2(QString::fromStdString(e.message()).contains(message), e.what());
            QCOMPARE(QString::fromStdString(e.jsonPath()), jsonPath);
            QCOMPARE(e.file(), std::string("C++ models"));
        }
    }

    // The same models are fine where the mistake is not made: the errors above are
    // about the mistake, not about the model's shape.
    void validNeighboursReflect()
    {
        QCOMPARE(reflectSchema<StatusA>().enums.front().values, (std::vector<std::string>{"open", "closed"}));
        QCOMPARE(reflectSchema<IndexA>().tables.size(), std::size_t(1));
        QCOMPARE(reflectTable<Orphan>().foreignKeys.front().refTable, std::string("nowhere"));
    }
};

QTEST_APPLESS_MAIN(TstModelErrors)
#include "tst_model_errors.moc"
