#pragma once
// Column attributes: the values column("name", &S::member, attributes...) accepts, and
// the functions that make them. Each attribute type names its family (AttrKind) so
// column() can reject one given twice or two that contradict each other at compile
// time. comment() and renamedFrom() also serve as table items.

#include "core/ir/schema.h"

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace tempest::model {

enum class AttrKind {
    PrimaryKey, Autoincrement, Nullable, Length, FixedLength, Precision, Unique, Index,
    Reference, Default, Check, Comment, RenamedFrom, EnumType, Json, Uuid, SqlType, Collation, Generated, Array
};

struct PrimaryKeyAttr { static constexpr AttrKind kind = AttrKind::PrimaryKey; };
struct AutoincrementAttr { static constexpr AttrKind kind = AttrKind::Autoincrement; };
struct NullableAttr { static constexpr AttrKind kind = AttrKind::Nullable; };
struct LengthAttr { static constexpr AttrKind kind = AttrKind::Length; int length; };
struct FixedLengthAttr { static constexpr AttrKind kind = AttrKind::FixedLength; int length; };
/// precision(p): numeric(p) on a number or string member; fractional-second precision
/// on a time or timestamp member.
struct PrecisionAttr { static constexpr AttrKind kind = AttrKind::Precision; int precision; };
/// precision(p, s): numeric(p, s).
struct PrecisionScaleAttr { static constexpr AttrKind kind = AttrKind::Precision; int precision; int scale; };
struct UniqueAttr { static constexpr AttrKind kind = AttrKind::Unique; };
struct IndexAttr { static constexpr AttrKind kind = AttrKind::Index; };
struct DefaultExprAttr { static constexpr AttrKind kind = AttrKind::Default; std::string sql; };
/// V is bool, long long, double, std::string or an enum type.
template <typename V>
struct DefaultValueAttr { static constexpr AttrKind kind = AttrKind::Default; V value; };
struct CheckAttr { static constexpr AttrKind kind = AttrKind::Check; std::string expr; };
/// A column's comment, or (as a table() item) the table's.
struct Comment { static constexpr AttrKind kind = AttrKind::Comment; std::string text; };
/// A rename hint (DESIGN.md renamedFrom) for a column, or (as a table() item) the table.
struct RenamedFrom { static constexpr AttrKind kind = AttrKind::RenamedFrom; std::string name; };
/// The column's collation as the dialect names it (docs/ir.md "collation").
struct CollationAttr { static constexpr AttrKind kind = AttrKind::Collation; std::string name; };
/// A generated column (docs/ir.md "Generated columns").
struct GeneratedAttr { static constexpr AttrKind kind = AttrKind::Generated; std::string expr; bool stored; };
/// A PostgreSQL array of the member's column type (docs/ir.md "Arrays").
struct ArrayAttr { static constexpr AttrKind kind = AttrKind::Array; int dims; };
struct JsonAttr { static constexpr AttrKind kind = AttrKind::Json; };
struct UuidAttr { static constexpr AttrKind kind = AttrKind::Uuid; };
struct SqlTypeAttr { static constexpr AttrKind kind = AttrKind::SqlType; std::string sql; };

/// enumType("name", {"a", "b"}) for a std::string member.
struct StringEnumAttr {
    static constexpr AttrKind kind = AttrKind::EnumType;
    EnumType type;
};
/// enumType<E>("name", {{E::a, "a"}, ...}) for a member of enum type E.
template <typename E>
struct EnumClassAttr {
    static constexpr AttrKind kind = AttrKind::EnumType;
    EnumType type;
    std::vector<std::pair<E, std::string>> enumerators;
};

struct OnDelete { FkAction action; };
struct OnUpdate { FkAction action; };

/// FK actions shared by every form of reference.
struct FkActions {
    FkAction onDelete = FkAction::NoAction;
    FkAction onUpdate = FkAction::NoAction;
};

/// references(&S::member): the target is a column of Model<S>, found by member pointer.
template <typename S, typename M>
struct MemberReferenceAttr {
    static constexpr AttrKind kind = AttrKind::Reference;
    using Struct = S;
    using Member = M;
    M S::*member;
    FkActions actions;
};
/// references<S>("column"): the target table is Model<S>'s, the column named.
template <typename S>
struct ModelReferenceAttr {
    static constexpr AttrKind kind = AttrKind::Reference;
    using Struct = S;
    std::string column;
    FkActions actions;
};
/// references("table", "column"): both by name (a table that is not a C++ model).
struct NamedReferenceAttr {
    static constexpr AttrKind kind = AttrKind::Reference;
    std::string table;
    std::string column;
    FkActions actions;
};

namespace detail {

template <typename A>
inline constexpr bool isFkAction = std::is_same_v<A, OnDelete> || std::is_same_v<A, OnUpdate>;

template <typename... A>
FkActions fkActions(A... actions)
{
    static_assert((isFkAction<A> && ...), "tempest: a reference takes onDelete(...) and onUpdate(...) only");
    static_assert((std::size_t(std::is_same_v<A, OnDelete>) + ... + 0) <= 1
                      && (std::size_t(std::is_same_v<A, OnUpdate>) + ... + 0) <= 1,
                  "tempest: onDelete(...) and onUpdate(...) are given at most once per reference");
    FkActions out;
    [[maybe_unused]] auto apply = [&](auto a) {
        if constexpr (std::is_same_v<decltype(a), OnDelete>)
            out.onDelete = a.action;
        else
            out.onUpdate = a.action;
    };
    (apply(actions), ...);
    return out;
}

} // namespace detail

/// The column is (part of) the primary key; on several columns, a composite key in
/// declaration order. For another order use the table item primaryKey({...}).
inline PrimaryKeyAttr primaryKey() { return {}; }
inline AutoincrementAttr autoincrement() { return {}; }
/// A non-optional member whose column still accepts NULL.
inline NullableAttr nullable() { return {}; }
/// varchar(n).
inline LengthAttr length(int n) { return {n}; }
/// char(n).
inline FixedLengthAttr fixedLength(int n) { return {n}; }
inline PrecisionAttr precision(int p) { return {p}; }
inline PrecisionScaleAttr precision(int p, int s) { return {p, s}; }
/// A single-column unique constraint named uq_<table>_<column>.
inline UniqueAttr unique() { return {}; }
/// A single-column index named ix_<table>_<column>.
inline IndexAttr index() { return {}; }
/// A CHECK named ck_<table>_<column>.
inline CheckAttr check(std::string expr) { return {std::move(expr)}; }
inline Comment comment(std::string text) { return {std::move(text)}; }
inline RenamedFrom renamedFrom(std::string oldName) { return {std::move(oldName)}; }
/// collation("NOCASE") on SQLite, collation("de-x-icu") on PostgreSQL.
inline CollationAttr collation(std::string name) { return {std::move(name)}; }
/// generatedAs("price * quantity"): a stored generated column; pass stored = false for a
/// virtual one (SQLite only).
inline GeneratedAttr generatedAs(std::string expr, bool stored = true) { return {std::move(expr), stored}; }
/// arrayOf(1): text[] on a std::string member, integer[][] with arrayOf(2) on an int one.
inline ArrayAttr arrayOf(int dims = 1) { return {dims}; }
inline JsonAttr json() { return {}; }
inline UuidAttr uuid() { return {}; }
/// A type the IR list lacks, as the dialect spells it ("inet", "tsvector").
inline SqlTypeAttr sqlType(std::string sql) { return {std::move(sql)}; }

/// A default SQL expression, passed through verbatim ("CURRENT_TIMESTAMP").
inline DefaultExprAttr defaultExpr(std::string sql) { return {std::move(sql)}; }
/// A default literal: a number, true/false, a string, or an enumerator of the member's
/// enum type. column() checks that it suits the member's type.
template <typename V>
auto defaultValue(const V& value)
{
    if constexpr (std::is_same_v<V, bool>)
        return DefaultValueAttr<bool>{value};
    else if constexpr (std::is_enum_v<V>)
        return DefaultValueAttr<V>{value};
    else if constexpr (std::is_integral_v<V>)
        return DefaultValueAttr<long long>{static_cast<long long>(value)};
    else if constexpr (std::is_floating_point_v<V>)
        return DefaultValueAttr<double>{static_cast<double>(value)};
    else if constexpr (std::is_convertible_v<const V&, std::string_view>)
        return DefaultValueAttr<std::string>{std::string(std::string_view(value))};
    else
        static_assert(std::is_same_v<V, bool>,
                      "tempest: defaultValue() takes a number, true/false, a string or an enumerator");
}

inline OnDelete onDelete(FkAction action) { return {action}; }
inline OnUpdate onUpdate(FkAction action) { return {action}; }

/// The column references another model's column, named by member pointer: checked by
/// the compiler (the member's type must match this column's), resolved to names by
/// reflection through Model<S>.
template <typename S, typename M, typename... A>
MemberReferenceAttr<S, M> references(M S::*member, A... actions)
{
    return {member, detail::fkActions(actions...)};
}
/// The column references column `column` of Model<S>'s table.
template <typename S, typename... A>
ModelReferenceAttr<S> references(std::string column, A... actions)
{
    return {std::move(column), detail::fkActions(actions...)};
}
/// The column references `table`.`column`, both by name.
template <typename... A>
NamedReferenceAttr references(std::string table, std::string column, A... actions)
{
    return {std::move(table), std::move(column), detail::fkActions(actions...)};
}

/// An enum type for a std::string member: its name and values, in order.
inline StringEnumAttr enumType(std::string name, std::initializer_list<std::string> values)
{
    return {EnumType{std::move(name), std::vector<std::string>(values), std::nullopt}};
}
/// An enum type for a member of enum type E: each enumerator with its stored string.
/// The order of the list is the enum's order in the database.
template <typename E>
EnumClassAttr<E> enumType(std::string name, std::initializer_list<std::pair<E, std::string>> values)
{
    static_assert(std::is_enum_v<E>, "tempest: enumType<E>(...) needs an enum type E");
    EnumClassAttr<E> attr{EnumType{std::move(name), {}, std::nullopt}, {}};
    for (const auto& [enumerator, text] : values) {
        attr.type.values.push_back(text);
        attr.enumerators.emplace_back(enumerator, text);
    }
    return attr;
}

} // namespace tempest::model
