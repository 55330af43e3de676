// describe(): the one-line, human summary of an operation shown by `show`, `--sql`
// comments, runner progress and the Studio's operation list.

#include "core/ops/operation.h"

#include <type_traits>

namespace tempest {
namespace {

std::string typeSpelling(const Column& column)
{
    std::string out(typeName(column.type));
    switch (column.type) {
    case ColumnType::Varchar:
    case ColumnType::Char:
        if (column.length)
            out += "(" + std::to_string(*column.length) + ")";
        break;
    case ColumnType::Numeric:
        if (column.precision) {
            out += "(" + std::to_string(*column.precision);
            if (column.scale)
                out += "," + std::to_string(*column.scale);
            out += ")";
        }
        break;
    case ColumnType::Time:
    case ColumnType::Timestamp:
    case ColumnType::Timestamptz:
        if (column.precision)
            out += "(" + std::to_string(*column.precision) + ")";
        break;
    case ColumnType::Enum:
        out += "(" + column.enumName + ")";
        break;
    case ColumnType::Custom:
        if (!column.sql.empty())
            out = column.sql;
        break;
    default:
        break;
    }
    return out;
}

std::string quoted(const std::string& text)
{
    std::string out = "'";
    for (char c : text) {
        if (c == '\'')
            out += '\'';
        out += c;
    }
    return out + "'";
}

std::string defaultSpelling(const DefaultValue& value)
{
    return value.kind == DefaultValue::Kind::String ? quoted(value.text) : value.text;
}

std::string joined(const std::vector<std::string>& items)
{
    std::string out;
    for (const auto& item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

std::string columnList(const std::vector<std::string>& columns)
{
    return "(" + joined(columns) + ")";
}

std::string indexColumnList(const std::vector<IndexColumn>& columns)
{
    std::vector<std::string> items;
    for (const auto& column : columns)
        items.push_back(column.value);
    return columnList(items);
}

/// Which optional parts an alter_column line shows: only those that change, so that a
/// default-only change does not read as a no-op.
struct AlterParts {
    bool collation = false;
    bool defaultValue = false;
    bool autoincrement = false;
    bool comment = false;
};

std::string columnSummary(const Column& column, const AlterParts& parts)
{
    std::string out = typeSpelling(column);
    if (parts.collation)
        out += column.collation ? " COLLATE " + *column.collation : " default collation";
    out += column.nullable ? " NULL" : " NOT NULL";
    if (parts.defaultValue)
        out += column.defaultValue ? " DEFAULT " + defaultSpelling(*column.defaultValue) : " no default";
    if (parts.autoincrement && column.autoincrement)
        out += " AUTOINCREMENT";
    if (parts.comment)
        out += column.comment ? " COMMENT " + quoted(*column.comment) : " no comment";
    return out;
}

std::string optionalText(const std::optional<std::string>& text)
{
    return text ? quoted(*text) : "none";
}

std::string executeSnippet(const std::map<std::string, std::string>& sql)
{
    if (sql.empty())
        return "(no SQL)";
    auto it = sql.find("sqlite");
    const std::string& text = it != sql.end() ? it->second : sql.begin()->second;
    std::string line = text.substr(0, text.find('\n'));
    constexpr std::size_t maxLength = 60;
    if (line.size() > maxLength || line.size() < text.size())
        line = line.substr(0, maxLength) + "...";
    return line;
}

std::string describeOne(const CreateTable& op) { return "create table " + op.definition.name; }
std::string describeOne(const DropTable& op) { return "drop table " + op.definition.name; }
std::string describeOne(const RenameTable& op) { return "rename table " + op.from + " -> " + op.to; }

std::string describeOne(const AddColumn& op)
{
    return "add column " + op.table + "." + op.definition.name + " (" + typeSpelling(op.definition)
        + (op.definition.collation ? " COLLATE " + *op.definition.collation : "") + (op.definition.nullable ? "" : " NOT NULL") + ")";
}

std::string describeOne(const DropColumn& op) { return "drop column " + op.table + "." + op.definition.name; }

std::string describeOne(const AlterColumn& op)
{
    AlterParts parts;
    parts.collation = op.from.collation != op.to.collation;
    parts.defaultValue = op.from.defaultValue != op.to.defaultValue;
    parts.autoincrement = op.from.autoincrement != op.to.autoincrement;
    parts.comment = op.from.comment != op.to.comment;
    return "alter column " + op.table + "." + op.to.name + ": " + columnSummary(op.from, parts) + " -> "
        + columnSummary(op.to, parts);
}

std::string describeOne(const RenameColumn& op)
{
    return "rename column " + op.table + "." + op.from + " -> " + op.to;
}

std::string describeOne(const CreateIndex& op)
{
    const Index& index = op.definition;
    std::string out = std::string("create ") + (index.unique ? "unique " : "") + "index " + index.name
        + " on " + op.table + " " + indexColumnList(index.columns);
    if (index.where)
        out += " where " + *index.where;
    return out;
}

std::string describeOne(const DropIndex& op) { return "drop index " + op.definition.name + " on " + op.table; }

std::string describeOne(const AddUnique& op)
{
    return "add unique " + op.definition.name + " on " + op.table + " " + columnList(op.definition.columns);
}

std::string describeOne(const DropUnique& op) { return "drop unique " + op.definition.name + " on " + op.table; }

std::string describeOne(const AddForeignKey& op)
{
    const ForeignKey& fk = op.definition;
    std::string out = "add foreign key " + fk.name + " on " + op.table + " " + columnList(fk.columns) + " -> "
        + fk.refTable + " " + columnList(fk.refColumns);
    if (fk.onDelete != FkAction::NoAction)
        out += " on delete " + std::string(fkActionName(fk.onDelete));
    if (fk.onUpdate != FkAction::NoAction)
        out += " on update " + std::string(fkActionName(fk.onUpdate));
    return out;
}

std::string describeOne(const DropForeignKey& op)
{
    return "drop foreign key " + op.definition.name + " on " + op.table;
}

std::string describeOne(const AddCheck& op)
{
    return "add check " + op.definition.name + " on " + op.table + " (" + op.definition.expr + ")";
}

std::string describeOne(const DropCheck& op) { return "drop check " + op.definition.name + " on " + op.table; }

std::string describeOne(const AlterPrimaryKey& op)
{
    auto spell = [](const std::vector<std::string>& columns) {
        return columns.empty() ? std::string("none") : columnList(columns);
    };
    return "alter primary key of " + op.table + ": " + spell(op.from) + " -> " + spell(op.to);
}

std::string describeOne(const AlterTableComment& op)
{
    return "alter comment of table " + op.table + ": " + optionalText(op.from) + " -> " + optionalText(op.to);
}

std::string describeOne(const CreateEnum& op)
{
    return "create enum " + op.definition.name + " (" + joined(op.definition.values) + ")";
}

std::string describeOne(const DropEnum& op) { return "drop enum " + op.definition.name; }

std::string describeOne(const AddEnumValue& op)
{
    std::string out = "add value " + quoted(op.value) + " to enum " + op.name;
    if (op.before)
        out += " before " + quoted(*op.before);
    return out;
}

std::string describeOne(const DropEnumValue& op) { return "drop value " + quoted(op.value) + " from enum " + op.name; }
std::string describeOne(const RenameEnum& op) { return "rename enum " + op.from + " -> " + op.to; }
std::string describeOne(const RecreateTable& op) { return "recreate table " + op.to.name; }

std::string describeOne(const Execute& op)
{
    return "execute " + executeSnippet(op.up) + (op.down ? "" : " (irreversible)");
}

} // namespace

std::string describe(const Operation& op)
{
    return std::visit([](const auto& o) { return describeOne(o); }, op);
}

} // namespace tempest
