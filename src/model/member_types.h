#pragma once
// Which IR column type a C++ member type deduces to, at compile time.
//
//   std::int16_t → smallint, std::int32_t / int → integer, std::int64_t → bigint
//   (any signed integer of 2, 4 or 8 bytes; char types and unsigned integers map to
//   nothing: no SQL type holds every value of std::uint64_t, and a char is text),
//   bool → boolean, float → real, double → double, std::string → text,
//   std::vector<std::uint8_t> / std::vector<std::byte> → blob,
//   std::chrono::year_month_day → date, std::chrono::hh_mm_ss<D> → time,
//   std::chrono::sys_time<D> (system_clock::time_point) → timestamptz,
//   std::chrono::local_time<D> → timestamp, sys_days / local_days → date,
//   an enum → enum (it needs enumType<E>(...) to say its name and values),
//   std::optional<T> → T's type, nullable.
//
// Why system_clock → timestamptz: a system_clock time point is an instant (Unix time,
// UTC); timestamptz stores an instant, while timestamp would make the stored value
// depend on the session's time zone. A wall-clock reading with no zone is what
// local_time means, so that is the member type that gives timestamp.

#include "core/ir/schema.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace tempest::model {

/// How a member type behaves for attribute checks and default literals.
enum class MemberKind { Unmapped, Boolean, Integer, Floating, String, Enum, Temporal, Blob };

struct MemberInfo {
    MemberKind kind = MemberKind::Unmapped;
    ColumnType type = ColumnType::Custom;
};

namespace detail {

template <typename T>
struct Unwrap {
    using Type = T;
    static constexpr bool optional = false;
};
template <typename T>
struct Unwrap<std::optional<T>> {
    using Type = T;
    static constexpr bool optional = true;
};

template <typename T>
struct TimePointTraits {
    static constexpr bool sys = false;
    static constexpr bool local = false;
    static constexpr bool days = false;
};
template <typename D>
struct TimePointTraits<std::chrono::time_point<std::chrono::system_clock, D>> {
    static constexpr bool sys = true;
    static constexpr bool local = false;
    static constexpr bool days = std::is_same_v<D, std::chrono::days>;
};
template <typename D>
struct TimePointTraits<std::chrono::time_point<std::chrono::local_t, D>> {
    static constexpr bool sys = false;
    static constexpr bool local = true;
    static constexpr bool days = std::is_same_v<D, std::chrono::days>;
};

template <typename T>
inline constexpr bool isHhMmSs = false;
template <typename D>
inline constexpr bool isHhMmSs<std::chrono::hh_mm_ss<D>> = true;

template <typename T>
inline constexpr bool isCharType = std::is_same_v<T, char> || std::is_same_v<T, signed char>
    || std::is_same_v<T, unsigned char> || std::is_same_v<T, wchar_t> || std::is_same_v<T, char8_t>
    || std::is_same_v<T, char16_t> || std::is_same_v<T, char32_t>;

} // namespace detail

/// The member type with one std::optional layer removed.
template <typename M>
using ValueType = typename detail::Unwrap<M>::Type;

/// True for std::optional<T> members: the column is nullable.
template <typename M>
inline constexpr bool isOptionalMember = detail::Unwrap<M>::optional;

/// The deduced kind and IR type of a (non-optional) value type.
template <typename V>
constexpr MemberInfo memberInfo()
{
    using TP = detail::TimePointTraits<V>;
    if constexpr (std::is_same_v<V, bool>) {
        return {MemberKind::Boolean, ColumnType::Boolean};
    } else if constexpr (std::is_integral_v<V> && std::is_signed_v<V> && !detail::isCharType<V>) {
        if constexpr (sizeof(V) == 8)
            return {MemberKind::Integer, ColumnType::Bigint};
        else if constexpr (sizeof(V) == 4)
            return {MemberKind::Integer, ColumnType::Integer};
        else if constexpr (sizeof(V) == 2)
            return {MemberKind::Integer, ColumnType::Smallint};
        else
            return {};
    } else if constexpr (std::is_same_v<V, float>) {
        return {MemberKind::Floating, ColumnType::Real};
    } else if constexpr (std::is_same_v<V, double>) {
        return {MemberKind::Floating, ColumnType::Double};
    } else if constexpr (std::is_same_v<V, std::string>) {
        return {MemberKind::String, ColumnType::Text};
    } else if constexpr (std::is_enum_v<V>) {
        return {MemberKind::Enum, ColumnType::Enum};
    } else if constexpr (std::is_same_v<V, std::chrono::year_month_day>) {
        return {MemberKind::Temporal, ColumnType::Date};
    } else if constexpr (detail::isHhMmSs<V>) {
        return {MemberKind::Temporal, ColumnType::Time};
    } else if constexpr (TP::sys || TP::local) {
        if constexpr (TP::days)
            return {MemberKind::Temporal, ColumnType::Date};
        else
            return {MemberKind::Temporal, TP::sys ? ColumnType::Timestamptz : ColumnType::Timestamp};
    } else if constexpr (std::is_same_v<V, std::vector<std::uint8_t>>
                         || std::is_same_v<V, std::vector<std::byte>>) {
        return {MemberKind::Blob, ColumnType::Blob};
    } else {
        return {};
    }
}

} // namespace tempest::model
