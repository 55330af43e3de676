// drop_enum_value: PostgreSQL cannot remove a value from an enum, so the type is swapped
// for one without it. Rows holding the value make the cast fail at run time; with a live
// connection we refuse earlier, before anything runs, naming where the value is used.

#include "core/dialect/postgresql/postgres_render.h"

#include "core/dialect/postgresql/postgres_sql.h"
#include "core/ir/errors.h"

#include <cstdio>
#include <type_traits>

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

/// The uses whose column `liveNames` finds in the live database and the catalog has: the
/// use and its (table, column) there. One catalog query that cannot fail.
std::vector<std::pair<EnumUse, std::pair<std::string, std::string>>> usesInLive(Driver& live,
                                                                               const std::vector<EnumUse>& uses,
                                                                               const PgLiveNames* liveNames,
                                                                               std::string_view schema)
{
    std::vector<std::pair<EnumUse, std::pair<std::string, std::string>>> candidates;
    for (const auto& use : uses) {
        auto there = liveNames ? liveNames->column(use.table->name, use.column->name)
                               : std::optional(std::pair(use.table->name, use.column->name));
        if (there)
            candidates.push_back({use, *there});
    }
    if (candidates.empty())
        return {};
    std::string values;
    for (std::size_t i = 0; i < candidates.size(); ++i)
        values += (i ? ", " : "") + std::string("(") + std::to_string(i) + ", "
                + pgQuoteLiteral(pgObjectName(schema, candidates[i].second.first)) + ", "
                + pgQuoteLiteral(candidates[i].second.second) + ")";
    const ResultSet rows = live.query(
        "SELECT u.k FROM (VALUES " + values + ") AS u(k, t, c) WHERE EXISTS (SELECT FROM pg_catalog.pg_attribute a "
        "WHERE a.attrelid = pg_catalog.to_regclass(u.t) AND a.attname = u.c AND a.attnum > 0 AND NOT a.attisdropped) "
        "ORDER BY u.k");
    std::vector<std::pair<EnumUse, std::pair<std::string, std::string>>> out;
    for (std::size_t r = 0; r < rows.rows.size(); ++r)
        out.push_back(candidates[static_cast<std::size_t>(rows.integer(r, "k"))]);
    return out;
}

/// Throws InputError when rows still hold `value`: one query for all the columns.
void refuseValueInUse(Driver& live, const std::vector<EnumUse>& allUses, const DropEnumValue& op,
                      std::string_view schema, const PgLiveNames* liveNames)
{
    // A column renamed earlier in the revision is still under its old name in the live
    // database; one the revision adds, or one of a table not there yet (an offline
    // rendering ahead of the database), cannot be counted: the cast in the swap remains
    // the guard for those.
    const auto uses = usesInLive(live, allUses, liveNames, schema);
    if (uses.empty())
        return;
    std::string sql;
    for (std::size_t i = 0; i < uses.size(); ++i) {
        const auto& [table, column] = uses[i].second;
        sql += (i ? " UNION ALL " : "") + std::string("SELECT ") + std::to_string(i) + " AS k, count(*) AS n FROM "
             + pgObjectName(schema, table) + " WHERE " + pgQuoteIdentifier(column) + "::text = $1";
    }
    const ResultSet rows = live.query(sql, {Value(op.value)});
    std::string where;
    for (std::size_t r = 0; r < rows.rows.size(); ++r) {
        const std::int64_t n = rows.integer(r, "n");
        if (n == 0)
            continue;
        const auto& use = uses[static_cast<std::size_t>(rows.integer(r, "k"))].first;
        where += std::string(where.empty() ? "" : ", ") + "\"" + use.table->name + "\".\"" + use.column->name
               + "\" (" + std::to_string(n) + (n == 1 ? " row)" : " rows)");
    }
    if (!where.empty())
        throw InputError("cannot drop value '" + op.value + "' from enum \"" + op.name + "\": still used by " + where);
}

} // namespace

std::vector<std::string> pgDropEnumValue(const DropEnumValue& op, const RenderContext& context,
                                         const PgLiveNames* liveNames)
{
    const std::string& schema = context.schemaName;
    const EnumType* type = context.before ? context.before->findEnum(op.name) : nullptr;
    if (!type)
        throw InputError("cannot drop value '" + op.value + "': enum \"" + op.name
                         + "\" is not in the schema this revision starts from");
    const auto uses = columnsUsing(*context.before, op.name);
    if (context.live)
        refuseValueInUse(*context.live, uses, op, schema, liveNames);

    const std::string swap = swapTypeName(op.name);
    std::string values;
    for (const auto& v : type->values)
        if (v != op.value)
            values += (values.empty() ? "" : ", ") + pgQuoteLiteral(v);
    std::vector<std::string> out;
    out.push_back("CREATE TYPE " + pgSiblingName(schema, op.name, swap) + " AS ENUM (" + values + ")");
    for (const auto& use : uses) {
        const std::string prefix = "ALTER TABLE " + pgObjectName(schema, use.table->name) + " ALTER COLUMN "
                                 + pgQuoteIdentifier(use.column->name) + " ";
        // A default cast to the old type would block the type change: re-set it after.
        if (use.column->defaultValue)
            out.push_back(prefix + "DROP DEFAULT");
        out.push_back(prefix + "TYPE " + pgSiblingName(schema, op.name, swap) + " USING " + pgQuoteIdentifier(use.column->name)
                      + "::text::" + pgSiblingName(schema, op.name, swap));
    }
    out.push_back("DROP TYPE " + pgObjectName(schema, op.name));
    out.push_back("ALTER TYPE " + pgSiblingName(schema, op.name, swap) + " RENAME TO " + pgQuoteIdentifier(pgBareName(op.name)));
    for (const auto& use : uses)
        if (use.column->defaultValue)
            out.push_back("ALTER TABLE " + pgObjectName(schema, use.table->name) + " ALTER COLUMN "
                          + pgQuoteIdentifier(use.column->name) + " SET DEFAULT "
                          + pgDefaultSql(*use.column->defaultValue));
    return out;
}

PgLiveNames::PgLiveNames(const Schema& start)
{
    for (const auto& table : start.tables) {
        m_tables[table.name] = table.name;
        for (const auto& column : table.columns)
            m_columns[{table.name, column.name}] = column.name;
    }
}

void PgLiveNames::forgetTable(const std::string& table)
{
    m_tables.erase(table);
    std::erase_if(m_columns, [&](const auto& entry) { return entry.first.first == table; });
}

void PgLiveNames::renameTable(const std::string& from, const std::string& to)
{
    if (from == to)
        return;
    std::map<std::pair<std::string, std::string>, std::string> moved;
    for (const auto& [key, live] : m_columns)
        if (key.first == from)
            moved[{to, key.second}] = live;
    auto table = m_tables.find(from);
    const std::optional<std::string> live = table == m_tables.end() ? std::nullopt : std::optional(table->second);
    forgetTable(from);
    forgetTable(to);
    if (live)
        m_tables[to] = *live;
    m_columns.merge(moved);
}

void PgLiveNames::follow(const Operation& op)
{
    std::visit(
        [&](const auto& o) {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, CreateTable> || std::is_same_v<T, DropTable>) {
                forgetTable(o.definition.name);
            } else if constexpr (std::is_same_v<T, RenameTable>) {
                renameTable(o.from, o.to);
            } else if constexpr (std::is_same_v<T, AddColumn> || std::is_same_v<T, DropColumn>) {
                m_columns.erase({o.table, o.definition.name});
            } else if constexpr (std::is_same_v<T, RenameColumn>) {
                auto it = m_columns.find({o.table, o.from});
                const std::optional<std::string> live = it == m_columns.end() ? std::nullopt : std::optional(it->second);
                m_columns.erase({o.table, o.from});
                m_columns.erase({o.table, o.to});
                if (live)
                    m_columns[{o.table, o.to}] = *live;
            } else if constexpr (std::is_same_v<T, RecreateTable>) {
                renameTable(o.from.name, o.to.name);  // per-column ALTERs: no other rename
                for (const auto& column : o.from.columns)
                    if (!o.to.findColumn(column.name))
                        m_columns.erase({o.to.name, column.name});
                for (const auto& column : o.to.columns)
                    if (!o.from.findColumn(column.name))
                        m_columns.erase({o.to.name, column.name});
            }
        },
        op);
}

std::optional<std::pair<std::string, std::string>> PgLiveNames::column(const std::string& table,
                                                                         const std::string& column) const
{
    auto t = m_tables.find(table);
    auto c = m_columns.find({table, column});
    if (t == m_tables.end() || c == m_columns.end())
        return std::nullopt;
    return std::pair(t->second, c->second);
}

} // namespace tempest
