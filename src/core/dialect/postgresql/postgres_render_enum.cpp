// drop_enum_value: PostgreSQL cannot remove a value from an enum, so the type is swapped
// for one without it. Rows holding the value make the cast fail at run time; with a live
// connection we refuse earlier, before anything runs, naming where the value is used.

#include "core/dialect/postgresql/postgres_render.h"

#include "core/dialect/postgresql/postgres_sql.h"
#include "core/ir/errors.h"

#include <cstdio>

namespace tempest {

namespace {

struct EnumUse {
    const Table* table;
    const Column* column;
};

std::vector<EnumUse> columnsUsing(const Schema& schema, std::string_view enumName)
{
    std::vector<EnumUse> out;
    for (const auto& table : schema.tables)
        for (const auto& column : table.columns)
            if (column.type == ColumnType::Enum && column.enumName == enumName)
                out.push_back({&table, &column});
    return out;
}

/// A scratch name for the new type that fits in 63 bytes whatever the enum is called.
std::string swapTypeName(std::string_view enumName)
{
    const auto key = static_cast<std::uint64_t>(pgAdvisoryLockKey("enum", enumName));
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(key));
    return std::string("tempest_enum_swap_") + hex;
}

/// Throws InputError when rows still hold `value`: one query for all the columns.
void refuseValueInUse(Driver& live, const std::vector<EnumUse>& uses, const DropEnumValue& op,
                      std::string_view schema)
{
    if (uses.empty())
        return;
    std::string sql;
    for (std::size_t i = 0; i < uses.size(); ++i) {
        const std::string column = pgQuoteIdentifier(uses[i].column->name);
        sql += (i ? " UNION ALL " : "") + std::string("SELECT ") + std::to_string(i) + " AS k, count(*) AS n FROM "
             + pgQualified(schema, uses[i].table->name) + " WHERE " + column + "::text = $1";
    }
    ResultSet rows;
    try {
        rows = live.query(sql, {Value(op.value)});
    } catch (const DatabaseError&) {
        // The tables are not there yet (an offline rendering ahead of the database): the
        // cast in the swap remains the guard.
        return;
    }
    std::string where;
    for (std::size_t r = 0; r < rows.rows.size(); ++r) {
        const std::int64_t n = rows.integer(r, "n");
        if (n == 0)
            continue;
        const auto& use = uses[static_cast<std::size_t>(rows.integer(r, "k"))];
        where += std::string(where.empty() ? "" : ", ") + "\"" + use.table->name + "\".\"" + use.column->name
               + "\" (" + std::to_string(n) + (n == 1 ? " row)" : " rows)");
    }
    if (!where.empty())
        throw InputError("cannot drop value '" + op.value + "' from enum \"" + op.name + "\": still used by " + where);
}

} // namespace

std::vector<std::string> pgDropEnumValue(const DropEnumValue& op, const RenderContext& context)
{
    const std::string& schema = context.schemaName;
    const EnumType* type = context.before ? context.before->findEnum(op.name) : nullptr;
    if (!type)
        throw InputError("cannot drop value '" + op.value + "': enum \"" + op.name
                         + "\" is not in the schema this revision starts from");
    const auto uses = columnsUsing(*context.before, op.name);
    if (context.live)
        refuseValueInUse(*context.live, uses, op, schema);

    const std::string swap = swapTypeName(op.name);
    std::string values;
    for (const auto& v : type->values)
        if (v != op.value)
            values += (values.empty() ? "" : ", ") + pgQuoteLiteral(v);
    std::vector<std::string> out;
    out.push_back("CREATE TYPE " + pgQualified(schema, swap) + " AS ENUM (" + values + ")");
    for (const auto& use : uses) {
        const std::string prefix = "ALTER TABLE " + pgQualified(schema, use.table->name) + " ALTER COLUMN "
                                 + pgQuoteIdentifier(use.column->name) + " ";
        // A default cast to the old type would block the type change: re-set it after.
        if (use.column->defaultValue)
            out.push_back(prefix + "DROP DEFAULT");
        out.push_back(prefix + "TYPE " + pgQualified(schema, swap) + " USING " + pgQuoteIdentifier(use.column->name)
                      + "::text::" + pgQualified(schema, swap));
    }
    out.push_back("DROP TYPE " + pgQualified(schema, op.name));
    out.push_back("ALTER TYPE " + pgQualified(schema, swap) + " RENAME TO " + pgQuoteIdentifier(op.name));
    for (const auto& use : uses)
        if (use.column->defaultValue)
            out.push_back("ALTER TABLE " + pgQualified(schema, use.table->name) + " ALTER COLUMN "
                          + pgQuoteIdentifier(use.column->name) + " SET DEFAULT "
                          + pgDefaultSql(*use.column->defaultValue));
    return out;
}

} // namespace tempest
