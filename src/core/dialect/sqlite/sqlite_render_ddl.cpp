#include "core/dialect/sqlite/sqlite_render_ddl.h"

#include "core/dialect/sqlite/sqlite_types.h"
#include "core/ir/errors.h"

#include <algorithm>
#include <cctype>

namespace tempest {

namespace {

std::string columnList(const std::vector<std::string>& columns)
{
    std::string out;
    for (const auto& column : columns) {
        if (!out.empty())
            out += ", ";
        out += sqliteQuoteIdentifier(column);
    }
    return out;
}

std::string enumCheck(const Table& table, const Column& column, const Schema& schema)
{
    const EnumType* type = schema.findEnum(column.enumName);
    if (!type)
        throw InputError("column " + table.name + "." + column.name + " uses enum \"" + column.enumName
                         + "\", which does not exist");
    std::string values;
    for (const auto& value : type->values) {
        if (!values.empty())
            values += ",";
        values += sqliteQuoteLiteral(value);
    }
    // IN yields NULL for a NULL column, so a nullable enum column still accepts NULL.
    return "CONSTRAINT " + sqliteQuoteIdentifier(sqliteEnumCheckName(column.enumName, column.name))
         + " CHECK (" + sqliteQuoteIdentifier(column.name) + " IN (" + values + "))";
}

std::string fkAction(const char* event, FkAction action)
{
    if (action == FkAction::NoAction)
        return {};
    std::string name(fkActionName(action));
    for (char& c : name)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return std::string(" ON ") + event + " " + name;
}

} // namespace

std::string sqliteCollationName(std::string_view name)
{
    const bool bare = !name.empty() && (std::isalpha(static_cast<unsigned char>(name.front())) || name.front() == '_')
                   && std::all_of(name.begin(), name.end(), [](char c) {
                          return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
                      });
    return bare ? std::string(name) : sqliteQuoteIdentifier(name);
}

const Column* sqliteInlinePrimaryKey(const Table& table)
{
    if (table.primaryKey.size() != 1)
        return nullptr;
    const Column* column = table.findColumn(table.primaryKey.front());
    return column && column->autoincrement ? column : nullptr;
}

std::string sqliteColumnDefinition(const Table& table, const Column& column, const Schema& schema,
                                   bool strictTypes)
{
    std::string sql = sqliteQuoteIdentifier(column.name);
    if (sqliteInlinePrimaryKey(table) == &column) {
        // AUTOINCREMENT exists only on the rowid alias, whose type must be exactly INTEGER.
        return sql + " INTEGER PRIMARY KEY AUTOINCREMENT";
    }
    if (column.arrayDims > 0)
        throw InputError("column " + table.name + "." + column.name
                         + " is an array, which is PostgreSQL-only: SQLite has no array types");
    std::string type = sqliteColumnType(column);
    // A single-column primary key declared exactly INTEGER is the rowid, which is never
    // NULL: a nullable one is declared INT (the same affinity, an ordinary column).
    if (type == "INTEGER" && column.nullable && table.primaryKey.size() == 1 && table.primaryKey.front() == column.name)
        type = "INT";
    if (strictTypes)
        type = sqliteStrictType(type);
    if (!type.empty())
        sql += " " + type;
    if (column.collation)
        sql += " COLLATE " + sqliteCollationName(*column.collation);
    if (!column.nullable)
        sql += " NOT NULL";
    if (column.defaultValue)
        sql += " DEFAULT " + sqliteDefaultSql(*column.defaultValue);
    if (column.generated)
        sql += " GENERATED ALWAYS AS (" + *column.generated + ")" + (column.generatedStored ? " STORED" : " VIRTUAL");
    if (column.type == ColumnType::Enum)
        sql += " " + enumCheck(table, column, schema);
    return sql;
}

std::string sqlitePrimaryKeyConstraint(const std::vector<std::string>& columns)
{
    return "PRIMARY KEY (" + columnList(columns) + ")";
}

std::string sqliteUniqueConstraint(const UniqueConstraint& unique)
{
    if (unique.deferral.deferrable)
        throw InputError("unique constraint " + unique.name
                         + " is deferrable, which is PostgreSQL-only: SQLite can defer only foreign keys");
    return "CONSTRAINT " + sqliteQuoteIdentifier(unique.name) + " UNIQUE (" + columnList(unique.columns) + ")";
}

std::string sqliteForeignKeyConstraint(const ForeignKey& fk)
{
    std::string sql = "CONSTRAINT " + sqliteQuoteIdentifier(fk.name) + " FOREIGN KEY (" + columnList(fk.columns)
                    + ") REFERENCES " + sqliteQuoteIdentifier(fk.refTable);
    if (!fk.refColumns.empty())
        sql += " (" + columnList(fk.refColumns) + ")";
    sql += fkAction("DELETE", fk.onDelete) + fkAction("UPDATE", fk.onUpdate);
    if (fk.deferral.deferrable)
        sql += fk.deferral.initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
    return sql;
}

std::string sqliteCheckConstraint(const CheckConstraint& check)
{
    return "CONSTRAINT " + sqliteQuoteIdentifier(check.name) + " CHECK (" + check.expr + ")";
}

std::string sqliteCreateTable(const Table& table, const Schema& schema, const SqliteTableSpelling& spelling)
{
    if (table.partitionBy || table.partitionOf)
        throw InputError("table " + table.name + (table.partitionOf ? " is a partition" : " is partitioned")
                         + ", which is PostgreSQL-only: SQLite has no declarative partitioning");
    std::vector<std::string> parts;
    for (const auto& column : table.columns)
        parts.push_back(sqliteColumnDefinition(table, column, schema, spelling.strictTypes));
    if (!table.primaryKey.empty() && !sqliteInlinePrimaryKey(table))
        parts.push_back(sqlitePrimaryKeyConstraint(table.primaryKey));
    for (const auto& unique : table.uniques)
        parts.push_back(sqliteUniqueConstraint(unique));
    for (const auto& fk : table.foreignKeys)
        parts.push_back(sqliteForeignKeyConstraint(fk));
    for (const auto& check : table.checks)
        parts.push_back(sqliteCheckConstraint(check));

    std::string sql = "CREATE TABLE "
                    + sqliteQuoteIdentifier(spelling.name.empty() ? table.name : spelling.name) + " (";
    for (std::size_t i = 0; i < parts.size(); ++i)
        sql += (i ? ",\n  " : "\n  ") + parts[i];
    sql += "\n)";
    if (!spelling.options.empty())
        sql += " " + spelling.options;
    return sql;
}

std::string sqliteCreateIndex(std::string_view table, const Index& index)
{
    std::string columns;
    for (const auto& column : index.columns) {
        if (!columns.empty())
            columns += ", ";
        // Expressions verbatim: SQLite stores them as written, so introspection reads
        // back the same text.
        columns += column.expression ? column.value : sqliteQuoteIdentifier(column.value);
    }
    std::string sql = std::string("CREATE ") + (index.unique ? "UNIQUE " : "") + "INDEX "
                    + sqliteQuoteIdentifier(index.name) + " ON " + sqliteQuoteIdentifier(table) + " ("
                    + columns + ")";
    if (index.where)
        sql += " WHERE " + *index.where;
    return sql;
}

} // namespace tempest
