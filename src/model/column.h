#pragma once
// column("name", &S::member, attributes...): one column of a model, type-checked
// against the member's type when it is written (static_assert messages start with
// "tempest:"), translated to a ColumnDraft when the model is reflected.

#include "core/ir/errors.h"
#include "model/attributes.h"
#include "model/member_types.h"
#include "model/table_draft.h"

#include <cstddef>
#include <string>
#include <tuple>
#include <type_traits>

namespace tempest {

/// Specialise for each model struct, with `static auto define()` returning
/// tempest::model::table<S>(...). Declared only: a struct without one is not a model.
template <typename S>
struct Model;

} // namespace tempest

namespace tempest::model {

template <typename S, typename M, typename... Attrs>
struct ColumnDef {
    using Struct = S;
    using Member = M;
    std::string name;
    M S::*member;
    std::tuple<Attrs...> attrs;
};

namespace detail {

template <typename T>
inline constexpr bool isColumnDef = false;
template <typename S, typename M, typename... A>
inline constexpr bool isColumnDef<ColumnDef<S, M, A...>> = true;

template <typename A, typename = void>
inline constexpr bool hasAttrKind = false;
template <typename A>
inline constexpr bool hasAttrKind<A, std::void_t<decltype(A::kind)>> = true;

template <typename A>
constexpr bool isKind(AttrKind k)
{
    if constexpr (hasAttrKind<A>)
        return A::kind == k;
    else
        return false;
}

template <AttrKind K, typename... Attrs>
inline constexpr std::size_t countKind = (std::size_t(isKind<Attrs>(K)) + ... + 0);

template <AttrKind K, typename... Attrs>
inline constexpr bool hasKind = countKind<K, Attrs...> != 0;

/// True when A's family appears once among Attrs (and for a non-attribute, which
/// column() reports on its own).
template <typename A, typename... Attrs>
constexpr bool givenOnce()
{
    if constexpr (hasAttrKind<A>)
        return countKind<A::kind, Attrs...> == 1;
    else
        return true;
}

template <typename A>
inline constexpr bool isEnumClassAttr = false;
template <typename E>
inline constexpr bool isEnumClassAttr<EnumClassAttr<E>> = true;

template <typename A>
inline constexpr bool isMemberReference = false;
template <typename S, typename M>
inline constexpr bool isMemberReference<MemberReferenceAttr<S, M>> = true;

template <typename A>
inline constexpr bool isModelReference = false;
template <typename S>
inline constexpr bool isModelReference<ModelReferenceAttr<S>> = true;

template <typename A>
inline constexpr bool isDefaultLiteral = false;
template <typename V>
inline constexpr bool isDefaultLiteral<DefaultValueAttr<V>> = true;

/// Whether a defaultValue(v) of type V suits a member of value type MV.
template <typename V, typename MV, bool customType>
constexpr bool defaultSuits()
{
    constexpr MemberInfo info = memberInfo<MV>();
    if constexpr (std::is_enum_v<V>)
        return std::is_same_v<V, MV>;
    else if constexpr (customType)
        return true;  // the member type says nothing about what sqlType() stores
    else if constexpr (std::is_same_v<V, bool>)
        return info.kind == MemberKind::Boolean;
    else if constexpr (std::is_same_v<V, std::string>)
        return info.kind == MemberKind::String || info.kind == MemberKind::Temporal;
    else
        return info.kind == MemberKind::Integer || info.kind == MemberKind::Floating;
}

/// Checks one attribute against the member's value type MV. `customType` is true when
/// sqlType() decides the column type.
template <typename A, typename MV, bool customType>
constexpr bool attributeChecks()
{
    constexpr MemberInfo info = memberInfo<MV>();
    constexpr bool fractionalSeconds = info.type == ColumnType::Time
        || info.type == ColumnType::Timestamp || info.type == ColumnType::Timestamptz;
    if constexpr (std::is_same_v<A, AutoincrementAttr>) {
        static_assert(info.kind == MemberKind::Integer, "tempest: autoincrement() needs an integer member");
    } else if constexpr (std::is_same_v<A, LengthAttr>) {
        static_assert(info.kind == MemberKind::String, "tempest: length(n) needs a std::string member");
    } else if constexpr (std::is_same_v<A, FixedLengthAttr>) {
        static_assert(info.kind == MemberKind::String, "tempest: fixedLength(n) needs a std::string member");
    } else if constexpr (std::is_same_v<A, PrecisionAttr>) {
        static_assert(info.kind == MemberKind::Integer || info.kind == MemberKind::Floating
                          || info.kind == MemberKind::String || fractionalSeconds,
                      "tempest: precision(p) needs a number, std::string, time or timestamp member");
    } else if constexpr (std::is_same_v<A, PrecisionScaleAttr>) {
        static_assert(info.kind == MemberKind::Integer || info.kind == MemberKind::Floating
                          || info.kind == MemberKind::String,
                      "tempest: precision(p, s) needs a number or std::string member");
    } else if constexpr (std::is_same_v<A, JsonAttr>) {
        static_assert(info.kind == MemberKind::String, "tempest: json() needs a std::string member");
    } else if constexpr (std::is_same_v<A, UuidAttr>) {
        static_assert(info.kind == MemberKind::String, "tempest: uuid() needs a std::string member");
    } else if constexpr (std::is_same_v<A, StringEnumAttr>) {
        static_assert(info.kind == MemberKind::String,
                      "tempest: enumType(name, {values}) needs a std::string member; a member of enum "
                      "type E takes enumType<E>(name, {{E::a, \"a\"}, ...})");
    } else if constexpr (isEnumClassAttr<A>) {
        static_assert(std::is_same_v<A, EnumClassAttr<MV>>,
                      "tempest: enumType<E>(...) must name the member's own enum type");
    } else if constexpr (isDefaultLiteral<A>) {
        static_assert(defaultSuits<decltype(A::value), MV, customType>(),
                      "tempest: defaultValue() does not suit the member's type (a number for a number, "
                      "true/false for bool, a string for string, date and time members, an enumerator "
                      "of the member's enum type)");
    } else if constexpr (isMemberReference<A>) {
        static_assert(std::is_same_v<ValueType<typename A::Member>, MV>,
                      "tempest: references(&S::member) must name a member of the same type as this column's");
    }
    return true;
}

} // namespace detail

/// One column of a model. Compile errors (static_assert, "tempest: ...") for: a member
/// function instead of a data member, an unmapped member type without sqlType(), an
/// enum member without enumType<E>, an attribute given twice or two type attributes,
/// autoincrement() on a non-integer, length()/fixedLength()/json()/uuid() on a
/// non-string, precision() on an unsuitable member, nullable() on a primary key, a
/// defaultValue() or reference whose type does not fit the member.
template <typename S, typename M, typename... Attrs>
ColumnDef<S, M, Attrs...> column(std::string name, M S::*member, Attrs... attrs)
{
    static_assert(!std::is_function_v<M>, "tempest: column() maps a data member, not a member function");
    static_assert((detail::hasAttrKind<Attrs> && ...),
                  "tempest: column() takes column attributes (primaryKey(), length(n), ...); table items "
                  "such as index(name, {columns}) go to table()");
    using MV = ValueType<M>;
    constexpr MemberInfo info = memberInfo<MV>();
    constexpr bool custom = detail::hasKind<AttrKind::SqlType, Attrs...>;
    constexpr bool hasEnum = detail::hasKind<AttrKind::EnumType, Attrs...>;
    static_assert((detail::givenOnce<Attrs, Attrs...>() && ...),
                  "tempest: an attribute is given twice in one column()");
    static_assert(detail::countKind<AttrKind::Length, Attrs...> + detail::countKind<AttrKind::FixedLength, Attrs...>
                          + (info.kind == MemberKind::Temporal ? 0 : detail::countKind<AttrKind::Precision, Attrs...>)
                          + detail::countKind<AttrKind::EnumType, Attrs...> + detail::countKind<AttrKind::Json, Attrs...>
                          + detail::countKind<AttrKind::Uuid, Attrs...> + detail::countKind<AttrKind::SqlType, Attrs...>
                      <= 1,
                  "tempest: a column takes at most one type attribute (length, fixedLength, precision, "
                  "enumType, json, uuid, sqlType)");
    static_assert(custom || info.kind != MemberKind::Unmapped,
                  "tempest: no column type is deduced for this member type: use std::int16_t/int32_t/"
                  "int64_t, bool, float, double, std::string, a std::chrono time point, year_month_day, "
                  "hh_mm_ss, std::vector<std::uint8_t> or std::vector<std::byte> (optionally in "
                  "std::optional), or say the type with sqlType(\"...\")");
    static_assert(custom || hasEnum || info.kind != MemberKind::Enum,
                  "tempest: a member of enum type E needs enumType<E>(\"name\", {{E::a, \"a\"}, ...})");
    static_assert(!(detail::hasKind<AttrKind::PrimaryKey, Attrs...> && detail::hasKind<AttrKind::Nullable, Attrs...>),
                  "tempest: a primary-key column cannot be nullable()");
    static_assert((detail::attributeChecks<Attrs, MV, custom>() && ...));
    return {std::move(name), member, std::tuple<Attrs...>(std::move(attrs)...)};
}

} // namespace tempest::model
