#pragma once
// Translates a column(...) into a ColumnDraft: the deduced type, then each attribute
// in turn; references(&S::member) is resolved to names through Model<S>.

#include "model/column.h"
#include "model/table.h"

#include <optional>
#include <string>
#include <tuple>
#include <type_traits>

namespace tempest::model {

/// True when Model<S> is specialised with a static define().
template <typename S>
concept HasModel = requires { Model<S>::define(); };

namespace detail {

inline void applyAttribute(ColumnDraft& d, const PrimaryKeyAttr&) { d.primaryKey = true; }
inline void applyAttribute(ColumnDraft& d, const AutoincrementAttr&) { d.column.autoincrement = true; }
inline void applyAttribute(ColumnDraft& d, const NullableAttr&)
{
    d.column.nullable = true;
    d.explicitNullable = true;
}
inline void applyAttribute(ColumnDraft& d, const LengthAttr& a)
{
    d.column.type = ColumnType::Varchar;
    d.column.length = a.length;
}
inline void applyAttribute(ColumnDraft& d, const FixedLengthAttr& a)
{
    d.column.type = ColumnType::Char;
    d.column.length = a.length;
}
inline void applyAttribute(ColumnDraft& d, const PrecisionAttr& a)
{
    const ColumnType t = d.column.type;
    // On a time member precision means fractional seconds and keeps the type.
    if (t != ColumnType::Time && t != ColumnType::Timestamp && t != ColumnType::Timestamptz)
        d.column.type = ColumnType::Numeric;
    d.column.precision = a.precision;
}
inline void applyAttribute(ColumnDraft& d, const PrecisionScaleAttr& a)
{
    d.column.type = ColumnType::Numeric;
    d.column.precision = a.precision;
    d.column.scale = a.scale;
}
inline void applyAttribute(ColumnDraft& d, const UniqueAttr&) { d.unique = true; }
inline void applyAttribute(ColumnDraft& d, const IndexAttr&) { d.index = true; }
inline void applyAttribute(ColumnDraft& d, const DefaultExprAttr& a)
{
    d.column.defaultValue = DefaultValue::expression(a.sql);
}
inline void applyAttribute(ColumnDraft& d, const CheckAttr& a) { d.check = a.expr; }
inline void applyAttribute(ColumnDraft& d, const Comment& a) { d.column.comment = a.text; }
inline void applyAttribute(ColumnDraft& d, const CollationAttr& a) { d.column.collation = a.name; }
inline void applyAttribute(ColumnDraft& d, const GeneratedAttr& a)
{
    d.column.generated = a.expr;
    d.column.generatedStored = a.stored;
}
inline void applyAttribute(ColumnDraft& d, const ArrayAttr& a) { d.column.arrayDims = a.dims; }
inline void applyAttribute(ColumnDraft& d, const RenamedFrom& a) { d.column.renamedFrom = a.name; }
inline void applyAttribute(ColumnDraft& d, const JsonAttr&) { d.column.type = ColumnType::Json; }
inline void applyAttribute(ColumnDraft& d, const UuidAttr&) { d.column.type = ColumnType::Uuid; }
inline void applyAttribute(ColumnDraft& d, const SqlTypeAttr& a)
{
    d.column.type = ColumnType::Custom;
    d.column.sql = a.sql;
}
inline void applyAttribute(ColumnDraft& d, const StringEnumAttr& a)
{
    d.column.type = ColumnType::Enum;
    d.column.enumName = a.type.name;
    d.enumType = a.type;
}
template <typename E>
void applyAttribute(ColumnDraft& d, const EnumClassAttr<E>& a)
{
    d.column.type = ColumnType::Enum;
    d.column.enumName = a.type.name;
    d.enumType = a.type;
    for (const auto& [enumerator, text] : a.enumerators)
        d.enumerators.emplace_back(static_cast<long long>(enumerator), text);
}
template <typename V>
void applyAttribute(ColumnDraft& d, const DefaultValueAttr<V>& a)
{
    if constexpr (std::is_same_v<V, bool>)
        d.column.defaultValue = DefaultValue::boolean(a.value);
    else if constexpr (std::is_same_v<V, long long>)
        d.column.defaultValue = DefaultValue::number(numberText(a.value));
    else if constexpr (std::is_same_v<V, double>)
        d.column.defaultValue = DefaultValue::number(numberText(a.value));
    else if constexpr (std::is_same_v<V, std::string>)
        d.column.defaultValue = DefaultValue::string(a.value);
    else
        d.enumeratorDefault = static_cast<long long>(a.value);  // a string once the list is known
}
inline void applyAttribute(ColumnDraft& d, const NamedReferenceAttr& a)
{
    d.reference = ReferenceDraft{a.table, a.column, a.actions.onDelete, a.actions.onUpdate};
}
template <typename S>
void applyAttribute(ColumnDraft& d, const ModelReferenceAttr<S>& a)
{
    static_assert(HasModel<S>, "tempest: references<S>(\"column\") needs a tempest::Model<S> specialisation");
    d.reference = ReferenceDraft{Model<S>::define().name, a.column, a.actions.onDelete, a.actions.onUpdate};
}

template <typename Item, typename P>
void matchMember(const Item& item, P member, std::optional<std::string>& found)
{
    if constexpr (isColumnDef<Item>) {
        if constexpr (std::is_same_v<decltype(item.member), P>) {
            if (!found && item.member == member)
                found = item.name;
        }
    }
}

template <typename S, typename M>
void applyAttribute(ColumnDraft& d, const MemberReferenceAttr<S, M>& a)
{
    static_assert(HasModel<S>, "tempest: references(&S::member) needs a tempest::Model<S> specialisation");
    // Only the referenced table's name and columns are read, never its references:
    // a self-reference or a cycle of models cannot recurse.
    const auto target = Model<S>::define();
    std::optional<std::string> column;
    std::apply([&](const auto&... items) { (matchMember(items, a.member, column), ...); }, target.items);
    if (!column)
        throw InputError("column \"" + d.column.name + "\" references a member of the model of table \""
                             + target.name + "\" that none of its column()s maps",
                         kModelSource);
    d.reference = ReferenceDraft{target.name, *column, a.actions.onDelete, a.actions.onUpdate};
}

template <typename S, typename M, typename... A>
ColumnDraft toColumnDraft(const ColumnDef<S, M, A...>& def)
{
    constexpr MemberInfo info = memberInfo<ValueType<M>>();
    ColumnDraft d;
    d.column.name = def.name;
    d.column.type = info.type;
    d.column.nullable = isOptionalMember<M>;
    std::apply([&](const auto&... attrs) { (applyAttribute(d, attrs), ...); }, def.attrs);
    return d;
}

} // namespace detail

} // namespace tempest::model
