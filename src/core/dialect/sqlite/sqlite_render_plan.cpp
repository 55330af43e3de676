#include "core/dialect/sqlite/sqlite_render_plan.h"

#include "core/ir/errors.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <utility>

namespace tempest {

namespace {

bool contains(const std::vector<std::string>& list, std::string_view value)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}

bool mentionsWord(std::string_view sql, std::string_view word)
{
    auto lower = [](std::string_view text) {
        std::string out(text);
        for (char& c : out)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return out;
    };
    return lower(sql).find(lower(word)) != std::string::npos;
}

std::vector<std::string> tablesUsingEnum(const Schema& schema, const std::string& enumName)
{
    std::vector<std::string> tables;
    for (const auto& t : schema.tables)
        if (std::any_of(t.columns.begin(), t.columns.end(), [&](const Column& c) {
                return c.type == ColumnType::Enum && c.enumName == enumName;
            }))
            tables.push_back(t.name);
    return tables;
}

struct RebuiltBy {
    const Schema& schema;

    std::vector<std::string> operator()(const AddColumn& op) const
    {
        const Table* t = schema.findTable(op.table);
        return t && !sqliteCanAddInPlace(*t, op.definition) ? std::vector<std::string>{op.table}
                                                             : std::vector<std::string>{};
    }
    std::vector<std::string> operator()(const DropColumn& op) const
    {
        const Table* t = schema.findTable(op.table);
        return t && !sqliteCanDropInPlace(schema, *t, op.definition.name) ? std::vector<std::string>{op.table}
                                                                          : std::vector<std::string>{};
    }
    std::vector<std::string> operator()(const AlterColumn& op) const
    {
        return sqliteOnlyCommentChanged(op.from, op.to) ? std::vector<std::string>{}
                                                        : std::vector<std::string>{op.table};
    }
    std::vector<std::string> operator()(const RenameColumn& op) const
    {
        // An enum's CHECK is named after the column, which RENAME COLUMN leaves alone.
        const Table* t = schema.findTable(op.table);
        const Column* c = t ? t->findColumn(op.from) : nullptr;
        return c && c->type == ColumnType::Enum ? std::vector<std::string>{op.table} : std::vector<std::string>{};
    }
    std::vector<std::string> operator()(const AddUnique& op) const { return {op.table}; }
    std::vector<std::string> operator()(const DropUnique& op) const { return {op.table}; }
    std::vector<std::string> operator()(const AddForeignKey& op) const { return {op.table}; }
    std::vector<std::string> operator()(const DropForeignKey& op) const { return {op.table}; }
    std::vector<std::string> operator()(const AddCheck& op) const { return {op.table}; }
    std::vector<std::string> operator()(const DropCheck& op) const { return {op.table}; }
    std::vector<std::string> operator()(const AlterPrimaryKey& op) const { return {op.table}; }
    std::vector<std::string> operator()(const AddEnumValue& op) const { return tablesUsingEnum(schema, op.name); }
    std::vector<std::string> operator()(const DropEnumValue& op) const { return tablesUsingEnum(schema, op.name); }
    std::vector<std::string> operator()(const RenameEnum& op) const { return tablesUsingEnum(schema, op.from); }
    std::vector<std::string> operator()(const RecreateTable& op) const { return {op.to.name}; }
    template <typename Other>
    std::vector<std::string> operator()(const Other&) const
    {
        return {};
    }
};

bool runsInPlaceUnlessRebuilt(const Operation& op)
{
    return std::holds_alternative<DropIndex>(op) || std::holds_alternative<CreateIndex>(op)
        || std::holds_alternative<RenameColumn>(op) || std::holds_alternative<AddColumn>(op)
        || std::holds_alternative<DropColumn>(op);
}

} // namespace

bool sqliteCanAddInPlace(const Table& table, const Column& column)
{
    if (column.autoincrement || table.isPrimaryKeyColumn(column.name))
        return false;
    if (column.generated)  // "cannot add a STORED column"; a VIRTUAL one may be added
        return !column.generatedStored;
    if (column.defaultValue && column.defaultValue->kind == DefaultValue::Kind::Expression)
        return false;  // "Cannot add a column with non-constant default"
    return column.nullable || column.defaultValue.has_value();
}

bool sqliteCanDropInPlace(const Schema& schema, const Table& table, const std::string& column)
{
    if (table.isPrimaryKeyColumn(column))
        return false;
    for (const auto& index : table.indexes) {
        if (index.where)
            return false;
        for (const auto& entry : index.columns)
            if (entry.expression || entry.value == column)
                return false;
    }
    for (const auto& unique : table.uniques)
        if (contains(unique.columns, column))
            return false;
    for (const auto& fk : table.foreignKeys)
        if (contains(fk.columns, column))
            return false;
    for (const auto& check : table.checks)
        if (mentionsWord(check.expr, column))
            return false;
    for (const auto& other : table.columns)  // "used in the expression of a generated column"
        if (other.generated && other.name != column && mentionsWord(*other.generated, column))
            return false;
    for (const auto& other : schema.tables)
        for (const auto& fk : other.foreignKeys)
            if (fk.refTable == table.name && contains(fk.refColumns, column))
                return false;
    return true;
}

bool sqliteOnlyCommentChanged(Column from, Column to)
{
    from.comment = to.comment;
    from.renamedFrom = to.renamedFrom;
    return from == to;
}

std::vector<std::string> sqliteTablesRebuiltBy(const Operation& op, const Schema& schema)
{
    return std::visit(RebuiltBy{schema}, op);
}

std::vector<bool> sqliteFoldIntoRebuild(const std::vector<Operation>& ops, const Schema& before)
{
    using Stretch = std::pair<std::string, int>;  // a table while its rebuild may stay open
    // The schema each operation sees: `before` itself until an operation that a later
    // one looks past changes it, then a copy. Most revisions hold one operation and so
    // cost no copy of the whole schema.
    std::optional<Schema> changed;
    const Schema* schema = &before;
    std::map<std::string, int> open;
    int next = 0;
    auto stretchOf = [&](const std::string& table) {
        auto [it, added] = open.try_emplace(table, next);
        next += added ? 1 : 0;
        return Stretch{table, it->second};
    };
    std::set<Stretch> rebuilt;
    std::vector<std::optional<Stretch>> candidates(ops.size());
    for (std::size_t i = 0; i < ops.size(); ++i) {
        const Operation& op = ops[i];
        if (std::holds_alternative<Execute>(op)) {
            open.clear();
        } else if (const auto* rename = std::get_if<RenameTable>(&op)) {
            open.erase(rename->from);
            open.erase(rename->to);
        } else if (std::holds_alternative<CreateTable>(op) || std::holds_alternative<DropTable>(op)) {
            open.erase(operationTable(op));
        } else {
            for (const auto& table : sqliteTablesRebuiltBy(op, *schema))
                rebuilt.insert(stretchOf(table));
            if (runsInPlaceUnlessRebuilt(op))
                candidates[i] = stretchOf(operationTable(op));
        }
        if (i + 1 == ops.size() || std::holds_alternative<Execute>(op))
            continue;  // nothing after it, or nothing it changes
        if (!changed) {
            changed = before;
            schema = &*changed;
        }
        try {
            applyOperation(*changed, op);
        } catch (const InputError&) {
            break;
        }
    }
    std::vector<bool> fold(ops.size(), false);
    for (std::size_t i = 0; i < ops.size(); ++i)
        fold[i] = candidates[i] && rebuilt.count(*candidates[i]) > 0;
    return fold;
}

} // namespace tempest
