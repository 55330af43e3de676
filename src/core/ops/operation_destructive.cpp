// isDestructive(): which operations can lose data, so that the Studio and the CLI ask
// before applying them. A type change counts when values of the old type may not fit
// the new one: another type family, or a smaller length, precision or range.

#include "core/ops/operation.h"

#include <type_traits>

namespace tempest {
namespace {

enum class Family { Integer, Float, Numeric, Text, Boolean, Date, Time, Timestamp, Blob, Json, Uuid, Enum, Custom };

Family familyOf(ColumnType type)
{
    switch (type) {
    case ColumnType::Smallint:
    case ColumnType::Integer:
    case ColumnType::Bigint: return Family::Integer;
    case ColumnType::Real:
    case ColumnType::Double: return Family::Float;
    case ColumnType::Numeric: return Family::Numeric;
    case ColumnType::Text:
    case ColumnType::Varchar:
    case ColumnType::Char: return Family::Text;
    case ColumnType::Boolean: return Family::Boolean;
    case ColumnType::Date: return Family::Date;
    case ColumnType::Time: return Family::Time;
    case ColumnType::Timestamp:
    case ColumnType::Timestamptz: return Family::Timestamp;
    case ColumnType::Blob: return Family::Blob;
    case ColumnType::Json: return Family::Json;
    case ColumnType::Uuid: return Family::Uuid;
    case ColumnType::Enum: return Family::Enum;
    case ColumnType::Custom: return Family::Custom;
    }
    return Family::Custom;
}

/// Width rank inside the integer and float families.
int rankOf(ColumnType type)
{
    switch (type) {
    case ColumnType::Smallint:
    case ColumnType::Real: return 1;
    case ColumnType::Integer:
    case ColumnType::Double: return 2;
    case ColumnType::Bigint: return 3;
    default: return 0;
    }
}

/// A text column's maximum length; nullopt for unbounded (text, or no length given).
std::optional<int> textLimit(const Column& column)
{
    return column.type == ColumnType::Text ? std::nullopt : column.length;
}

bool numericNarrows(const Column& from, const Column& to)
{
    if (!to.precision)
        return false;  // unbounded numeric holds anything another numeric held
    if (!from.precision)
        return true;
    const int fromScale = from.scale.value_or(0);
    const int toScale = to.scale.value_or(0);
    return fromScale > toScale || (*from.precision - fromScale) > (*to.precision - toScale);
}

/// Fractional-second precision; PostgreSQL's default when none is given is 6.
bool fractionalSecondsNarrow(const Column& from, const Column& to)
{
    constexpr int defaultPrecision = 6;
    return to.precision.value_or(defaultPrecision) < from.precision.value_or(defaultPrecision);
}

bool isNarrowing(const Column& from, const Column& to)
{
    const Family family = familyOf(from.type);
    if (family != familyOf(to.type))
        return true;
    switch (family) {
    case Family::Integer:
    case Family::Float: return rankOf(to.type) < rankOf(from.type);
    case Family::Numeric: return numericNarrows(from, to);
    case Family::Text: {
        const auto fromLimit = textLimit(from);
        const auto toLimit = textLimit(to);
        return toLimit && (!fromLimit || *fromLimit > *toLimit);
    }
    case Family::Time:
    case Family::Timestamp: return fractionalSecondsNarrow(from, to);
    case Family::Enum: return from.enumName != to.enumName;
    case Family::Custom: return from.sql != to.sql;
    default: return false;
    }
}

bool recreateLosesData(const RecreateTable& op)
{
    for (const Column& before : op.from.columns) {
        const Column* after = op.to.findColumn(before.name);
        if (!after || isNarrowing(before, *after))
            return true;
    }
    return false;
}

} // namespace

bool isDestructive(const Operation& op)
{
    return std::visit(
        [](const auto& o) {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, DropTable> || std::is_same_v<T, DropColumn>
                          || std::is_same_v<T, DropEnum> || std::is_same_v<T, DropEnumValue>
                          || std::is_same_v<T, DropSequence>)
                return true;
            else if constexpr (std::is_same_v<T, AlterColumn>)
                return isNarrowing(o.from, o.to);
            else if constexpr (std::is_same_v<T, RecreateTable>)
                return recreateLosesData(o);
            else
                return false;
        },
        op);
}

} // namespace tempest
