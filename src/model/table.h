#pragma once
// table<S>("name", columns and table items...): a model's table. Table items are the
// constraints that span columns or carry their own names: primaryKey({...}),
// index(name, {...}), unique(name, {...}), foreignKey(...), check(name, expr), and
// comment()/renamedFrom()/partitionBy()/partitionOf() for the table itself. table<S> checks at compile time that
// every column maps a member of S (or of a base of S).

#include "model/column.h"

#include <initializer_list>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace tempest::model {

/// An expression as an index entry: index("ix", {expr("lower(email)")}).
struct Expr {
    std::string sql;
};
inline Expr expr(std::string sql) { return {std::move(sql)}; }

/// An index entry: a column name (implicitly, from a string) or an Expr.
struct IndexKey {
    IndexColumn key;
    IndexKey(const char* column) : key(IndexColumn::column(column)) {}
    IndexKey(std::string column) : key(IndexColumn::column(std::move(column))) {}
    IndexKey(Expr e) : key(IndexColumn::expr(std::move(e.sql))) {}
};

struct PrimaryKeyItem {
    std::vector<std::string> columns;
};

/// index(name, {...}), refined with .unique() and .where("predicate").
struct IndexItem {
    Index index;
    [[nodiscard]] IndexItem unique() const
    {
        IndexItem copy = *this;
        copy.index.unique = true;
        return copy;
    }
    [[nodiscard]] IndexItem where(std::string predicate) const
    {
        IndexItem copy = *this;
        copy.index.where = std::move(predicate);
        return copy;
    }
};

struct UniqueItem {
    UniqueConstraint unique;
};
struct ForeignKeyItem {
    ForeignKey fk;
};
struct CheckItem {
    CheckConstraint check;
};

/// A composite (or single) primary key, in key order. Its columns are NOT NULL.
inline PrimaryKeyItem primaryKey(std::initializer_list<std::string> columns) { return {columns}; }

inline IndexItem index(std::string name, std::initializer_list<IndexKey> keys)
{
    IndexItem item;
    item.index.name = std::move(name);
    for (const auto& k : keys)
        item.index.columns.push_back(k.key);
    return item;
}

inline UniqueItem unique(std::string name, std::initializer_list<std::string> columns)
{
    return {UniqueConstraint{std::move(name), std::vector<std::string>(columns), {}}};
}

template <typename... A>
ForeignKeyItem foreignKey(std::string name, std::initializer_list<std::string> columns, std::string refTable,
                          std::initializer_list<std::string> refColumns, A... actions)
{
    const FkActions a = detail::fkActions(actions...);
    return {ForeignKey{std::move(name), std::vector<std::string>(columns), std::move(refTable),
                       std::vector<std::string>(refColumns), a.onDelete, a.onUpdate}};
}

inline CheckItem check(std::string name, std::string expr) { return {CheckConstraint{std::move(name), std::move(expr)}}; }

/// PostgreSQL declarative partitioning (docs/ir.md "Partitioning (PostgreSQL)"):
/// partitionBy("RANGE (day)") makes the table partitioned; partitionOf("parent", "FOR
/// VALUES …") makes it a partition of `parent`, whose columns, primary key and uniques
/// it has: a partition's table() lists no column(), only its own items.
struct PartitionByItem {
    std::string key;
};
struct PartitionOfItem {
    std::string parent;
    std::string bound;
};
inline PartitionByItem partitionBy(std::string key) { return {std::move(key)}; }
inline PartitionOfItem partitionOf(std::string parent, std::string bound)
{
    return {std::move(parent), std::move(bound)};
}

template <typename S, typename... Items>
struct TableDef {
    using Struct = S;
    std::string name;
    std::tuple<Items...> items;
};

namespace detail {

template <typename T>
inline constexpr bool isTableItem = std::is_same_v<T, PrimaryKeyItem> || std::is_same_v<T, IndexItem>
    || std::is_same_v<T, UniqueItem> || std::is_same_v<T, ForeignKeyItem> || std::is_same_v<T, CheckItem>
    || std::is_same_v<T, Comment> || std::is_same_v<T, RenamedFrom> || std::is_same_v<T, PartitionByItem>
    || std::is_same_v<T, PartitionOfItem>;

template <typename Item, typename S>
constexpr bool belongsTo()
{
    if constexpr (isColumnDef<Item>)
        return std::is_base_of_v<typename Item::Struct, S>;
    else
        return true;
}

template <typename T, typename... Items>
inline constexpr std::size_t countSame = (std::size_t(std::is_same_v<T, Items>) + ... + 0);

} // namespace detail

/// A model's table. Compile errors for: a column whose member is not S's ("tempest:
/// column member does not belong to this model's struct"), an argument that is neither
/// a column nor a table item, no column at all, primaryKey({...}), comment() or
/// renamedFrom() given twice.
template <typename S, typename... Items>
TableDef<S, Items...> table(std::string name, Items... items)
{
    static_assert(std::is_class_v<S>, "tempest: table<S>() needs the model's struct as S");
    static_assert(((detail::isColumnDef<Items> || detail::isTableItem<Items>) && ...),
                  "tempest: table() takes column(...) and table items (primaryKey({...}), index(name, "
                  "{...}), unique(name, {...}), foreignKey(...), check(name, expr), comment(), "
                  "renamedFrom()); column attributes go inside column()");
    static_assert((detail::belongsTo<Items, S>() && ...),
                  "tempest: column member does not belong to this model's struct");
    static_assert((std::size_t(detail::isColumnDef<Items>) + ... + 0) > 0
                      || detail::countSame<PartitionOfItem, Items...> == 1,
                  "tempest: a table needs at least one column()");
    static_assert(detail::countSame<PrimaryKeyItem, Items...> <= 1 && detail::countSame<Comment, Items...> <= 1
                      && detail::countSame<RenamedFrom, Items...> <= 1
                      && detail::countSame<PartitionByItem, Items...> <= 1
                      && detail::countSame<PartitionOfItem, Items...> <= 1,
                  "tempest: primaryKey({...}), comment(), renamedFrom(), partitionBy() and partitionOf() are given "
                  "at most once per table");
    return {std::move(name), std::tuple<Items...>(std::move(items)...)};
}

} // namespace tempest::model
