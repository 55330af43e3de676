#include "core/project/object_compare.h"

#include "core/diff/diff.h"

namespace tempest {

namespace {

template <typename T>
bool sameIgnoringName(T a, const T& b)
{
    a.name = b.name;
    return a == b;
}

/// Same by name, or else by content (introspection synthesises names for unnamed items).
template <typename T>
ObjectState namedState(const T& item, const std::vector<T>& others)
{
    for (const T& o : others)
        if (o.name == item.name)
            return sameIgnoringName(item, o) ? ObjectState::Same : ObjectState::Changed;
    for (const T& o : others)
        if (sameIgnoringName(item, o))
            return ObjectState::Same;
    return ObjectState::Missing;
}

} // namespace

ObjectState compareTable(const Table& table, const Table* other, const ComparisonRules& rules)
{
    if (!other)
        return ObjectState::Missing;
    Schema a, b;
    a.tables = {table};
    b.tables = {*other};
    return schemaEquals(a, b, &rules) ? ObjectState::Same : ObjectState::Changed;
}

ObjectState compareColumn(const Column& column, const Table* other, const ComparisonRules& rules)
{
    const Column* o = other ? other->findColumn(column.name) : nullptr;
    if (!o)
        return ObjectState::Missing;
    const bool same = rules.typesEqual(column, *o) && rules.defaultsEqual(column.defaultValue, o->defaultValue)
                   && column.nullable == o->nullable && column.autoincrement == o->autoincrement;
    return same ? ObjectState::Same : ObjectState::Changed;
}

ObjectState comparePrimaryKey(const Table& table, const Table* other)
{
    if (!other || other->primaryKey.empty())
        return ObjectState::Missing;
    return other->primaryKey == table.primaryKey ? ObjectState::Same : ObjectState::Changed;
}

ObjectState compareIndex(const Index& index, const Table* other)
{
    return other ? namedState(index, other->indexes) : ObjectState::Missing;
}

ObjectState compareUnique(const UniqueConstraint& unique, const Table* other)
{
    return other ? namedState(unique, other->uniques) : ObjectState::Missing;
}

ObjectState compareForeignKey(const ForeignKey& foreignKey, const Table* other)
{
    return other ? namedState(foreignKey, other->foreignKeys) : ObjectState::Missing;
}

ObjectState compareCheck(const CheckConstraint& check, const Table* other, const ComparisonRules& rules)
{
    if (!other)
        return ObjectState::Missing;
    for (const auto& o : other->checks)
        if (rules.expressionsEqual(o.expr, check.expr))
            return ObjectState::Same;
    return ObjectState::Missing;
}

} // namespace tempest
