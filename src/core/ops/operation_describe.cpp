// describe(): the one-line, human summary of an operation shown by `show`, `--sql`
// comments, runner progress and the Studio's operation list.

#include "core/ops/operation.h"
#include "core/ops/phrase.h"

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
    for (int d = 0; d < column.arrayDims; ++d)
        out += "[]";
    return out;
}

/// " GENERATED ALWAYS AS (…) STORED": SQL keywords, the same in every language.
std::string generatedSpelling(const Column& column)
{
    if (!column.generated)
        return {};
    return " GENERATED ALWAYS AS (" + *column.generated + ")" + (column.generatedStored ? " STORED" : " VIRTUAL");
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
    bool generated = false;
    bool defaultValue = false;
    bool autoincrement = false;
    bool comment = false;
};

Phrase columnSummary(const Column& column, const AlterParts& parts)
{
    // Types and SQL keywords stay as they are in every language; the words around them
    // ("no default") are phrases.
    std::vector<Phrase> pieces{verbatim(typeSpelling(column))};
    if (parts.collation)
        pieces.push_back(column.collation
                             ? verbatim(" COLLATE " + *column.collation)
                             : joinPhrases(" %1", {phrase(TEMPEST_TR_NOOP("Operation", "default collation"))}));
    pieces.push_back(verbatim(column.nullable ? " NULL" : " NOT NULL"));
    if (parts.generated)
        pieces.push_back(verbatim(column.generated ? generatedSpelling(column) : " NOT GENERATED"));
    if (parts.defaultValue)
        pieces.push_back(column.defaultValue ? verbatim(" DEFAULT " + defaultSpelling(*column.defaultValue))
                                             : joinPhrases(" %1", {phrase(TEMPEST_TR_NOOP("Operation", "no default"))}));
    if (parts.autoincrement && column.autoincrement)
        pieces.push_back(verbatim(" AUTOINCREMENT"));
    if (parts.comment)
        pieces.push_back(column.comment ? verbatim(" COMMENT " + quoted(*column.comment))
                                        : joinPhrases(" %1", {phrase(TEMPEST_TR_NOOP("Operation", "no comment"))}));
    std::string pattern;
    for (std::size_t i = 0; i < pieces.size(); ++i)
        pattern += "%" + std::to_string(i + 1);
    return Phrase{pattern, std::move(pieces), false};
}

Phrase optionalText(const std::optional<std::string>& text)
{
    return text ? verbatim(quoted(*text)) : phrase(TEMPEST_TR_NOOP("Operation", "none"));
}

Phrase executeSnippet(const std::map<std::string, std::string>& sql)
{
    if (sql.empty())
        return phrase(TEMPEST_TR_NOOP("Operation", "(no SQL)"));
    auto it = sql.find("sqlite");
    const std::string& text = it != sql.end() ? it->second : sql.begin()->second;
    std::string line = text.substr(0, text.find('\n'));
    constexpr std::size_t maxLength = 60;
    if (line.size() > maxLength || line.size() < text.size())
        line = line.substr(0, maxLength) + "...";
    return verbatim(line);
}

Phrase dotted(const std::string& table, const std::string& column) { return verbatim(table + "." + column); }

Phrase describeOne(const CreateTable& op) { return phrase(TEMPEST_TR_NOOP("Operation", "create table %1"), {verbatim(op.definition.name)}); }
Phrase describeOne(const DropTable& op) { return phrase(TEMPEST_TR_NOOP("Operation", "drop table %1"), {verbatim(op.definition.name)}); }
Phrase describeOne(const RenameTable& op)
{
    return phrase(TEMPEST_TR_NOOP("Operation", "rename table %1 -> %2"), {verbatim(op.from), verbatim(op.to)});
}

Phrase describeOne(const AddColumn& op)
{
    return phrase(TEMPEST_TR_NOOP("Operation", "add column %1 (%2)"),
                  {dotted(op.table, op.definition.name),
                   verbatim(typeSpelling(op.definition)
                            + (op.definition.collation ? " COLLATE " + *op.definition.collation : "")
                            + (op.definition.nullable ? "" : " NOT NULL") + generatedSpelling(op.definition))});
}

Phrase describeOne(const DropColumn& op)
{
    return phrase(TEMPEST_TR_NOOP("Operation", "drop column %1"), {dotted(op.table, op.definition.name)});
}

Phrase describeOne(const AlterColumn& op)
{
    AlterParts parts;
    parts.collation = op.from.collation != op.to.collation;
    parts.generated = op.from.generated != op.to.generated || op.from.generatedStored != op.to.generatedStored;
    parts.defaultValue = op.from.defaultValue != op.to.defaultValue;
    parts.autoincrement = op.from.autoincrement != op.to.autoincrement;
    parts.comment = op.from.comment != op.to.comment;
    return phrase(TEMPEST_TR_NOOP("Operation", "alter column %1: %2 -> %3"),
                  {dotted(op.table, op.to.name), columnSummary(op.from, parts), columnSummary(op.to, parts)});
}

Phrase describeOne(const RenameColumn& op)
{
    return phrase(TEMPEST_TR_NOOP("Operation", "rename column %1 -> %2"), {dotted(op.table, op.from), verbatim(op.to)});
}

Phrase describeOne(const CreateIndex& op)
{
    const Index& index = op.definition;
    std::vector<Phrase> args{verbatim(index.name), verbatim(op.table), verbatim(indexColumnList(index.columns))};
    if (index.where) {
        args.push_back(verbatim(*index.where));
        return index.unique ? phrase(TEMPEST_TR_NOOP("Operation", "create unique index %1 on %2 %3 where %4"), std::move(args))
                            : phrase(TEMPEST_TR_NOOP("Operation", "create index %1 on %2 %3 where %4"), std::move(args));
    }
    return index.unique ? phrase(TEMPEST_TR_NOOP("Operation", "create unique index %1 on %2 %3"), std::move(args))
                        : phrase(TEMPEST_TR_NOOP("Operation", "create index %1 on %2 %3"), std::move(args));
}

Phrase describeOne(const DropIndex& op)
{
    return phrase(TEMPEST_TR_NOOP("Operation", "drop index %1 on %2"), {verbatim(op.definition.name), verbatim(op.table)});
}

Phrase describeOne(const AddUnique& op)
{
    return phrase(TEMPEST_TR_NOOP("Operation", "add unique %1 on %2 %3"),
                  {verbatim(op.definition.name), verbatim(op.table), verbatim(columnList(op.definition.columns))});
}

Phrase describeOne(const DropUnique& op)
{
    return phrase(TEMPEST_TR_NOOP("Operation", "drop unique %1 on %2"), {verbatim(op.definition.name), verbatim(op.table)});
}

Phrase describeOne(const AddForeignKey& op)
{
    const ForeignKey& fk = op.definition;
    std::string actions;  // SQL words, as written in DDL
    if (fk.onDelete != FkAction::NoAction)
        actions += " on delete " + std::string(fkActionName(fk.onDelete));
    if (fk.onUpdate != FkAction::NoAction)
        actions += " on update " + std::string(fkActionName(fk.onUpdate));
    return phrase(TEMPEST_TR_NOOP("Operation", "add foreign key %1 on %2 %3 -> %4 %5%6"),
                  {verbatim(fk.name), verbatim(op.table), verbatim(columnList(fk.columns)), verbatim(fk.refTable),
                   verbatim(columnList(fk.refColumns)), verbatim(actions)});
}

Phrase describeOne(const DropForeignKey& op)
{
    return phrase(TEMPEST_TR_NOOP("Operation", "drop foreign key %1 on %2"), {verbatim(op.definition.name), verbatim(op.table)});
}

Phrase describeOne(const AddCheck& op)
{
    return phrase(TEMPEST_TR_NOOP("Operation", "add check %1 on %2 (%3)"),
                  {verbatim(op.definition.name), verbatim(op.table), verbatim(op.definition.expr)});
}

Phrase describeOne(const DropCheck& op)
{
    return phrase(TEMPEST_TR_NOOP("Operation", "drop check %1 on %2"), {verbatim(op.definition.name), verbatim(op.table)});
}

Phrase describeOne(const AlterPrimaryKey& op)
{
    auto spell = [](const std::vector<std::string>& columns) {
        return columns.empty() ? phrase(TEMPEST_TR_NOOP("Operation", "none")) : verbatim(columnList(columns));
    };
    return phrase(TEMPEST_TR_NOOP("Operation", "alter primary key of %1: %2 -> %3"), {verbatim(op.table), spell(op.from), spell(op.to)});
}

Phrase describeOne(const AlterTableComment& op)
{
    return phrase(TEMPEST_TR_NOOP("Operation", "alter comment of table %1: %2 -> %3"),
                  {verbatim(op.table), optionalText(op.from), optionalText(op.to)});
}

Phrase describeOne(const CreateEnum& op)
{
    return phrase(TEMPEST_TR_NOOP("Operation", "create enum %1 (%2)"), {verbatim(op.definition.name), verbatim(joined(op.definition.values))});
}

Phrase describeOne(const DropEnum& op) { return phrase(TEMPEST_TR_NOOP("Operation", "drop enum %1"), {verbatim(op.definition.name)}); }

Phrase describeOne(const AddEnumValue& op)
{
    if (op.before)
        return phrase(TEMPEST_TR_NOOP("Operation", "add value %1 to enum %2 before %3"),
                      {verbatim(quoted(op.value)), verbatim(op.name), verbatim(quoted(*op.before))});
    return phrase(TEMPEST_TR_NOOP("Operation", "add value %1 to enum %2"), {verbatim(quoted(op.value)), verbatim(op.name)});
}

Phrase describeOne(const DropEnumValue& op)
{
    return phrase(TEMPEST_TR_NOOP("Operation", "drop value %1 from enum %2"), {verbatim(quoted(op.value)), verbatim(op.name)});
}

Phrase describeOne(const RenameEnum& op)
{
    return phrase(TEMPEST_TR_NOOP("Operation", "rename enum %1 -> %2"), {verbatim(op.from), verbatim(op.to)});
}

/// `integer NOT NULL DEFAULT 0 CHECK year_check (VALUE > 0)`: SQL words, never translated.
Phrase domainSummary(const Domain& domain)
{
    std::string out = typeSpelling(domain.base);
    if (!domain.base.nullable)
        out += " NOT NULL";
    if (domain.base.defaultValue)
        out += " DEFAULT " + defaultSpelling(*domain.base.defaultValue);
    for (const auto& check : domain.checks)
        out += " CHECK " + check.name + " (" + check.expr + ")";
    return verbatim(out);
}

Phrase describeOne(const CreateDomain& op)
{
    return phrase(TEMPEST_TR_NOOP("Operation", "create domain %1 (%2)"),
                  {verbatim(op.definition.name), domainSummary(op.definition)});
}

Phrase describeOne(const DropDomain& op)
{
    return phrase(TEMPEST_TR_NOOP("Operation", "drop domain %1"), {verbatim(op.definition.name)});
}

Phrase describeOne(const AlterDomain& op)
{
    return phrase(TEMPEST_TR_NOOP("Operation", "alter domain %1: %2 -> %3"),
                  {verbatim(op.to.name), domainSummary(op.from), domainSummary(op.to)});
}

Phrase describeOne(const RecreateTable& op) { return phrase(TEMPEST_TR_NOOP("Operation", "recreate table %1"), {verbatim(op.to.name)}); }

Phrase describeOne(const Execute& op)
{
    return op.down ? phrase(TEMPEST_TR_NOOP("Operation", "execute %1"), {executeSnippet(op.up)})
                   : phrase(TEMPEST_TR_NOOP("Operation", "execute %1 (irreversible)"), {executeSnippet(op.up)});
}

} // namespace

Phrase describePhrase(const Operation& op)
{
    return std::visit([](const auto& o) { return describeOne(o); }, op);
}

std::string describe(const Operation& op) { return renderPhrase(describePhrase(op)); }

} // namespace tempest
