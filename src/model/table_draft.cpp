#include "model/table_draft.h"

#include "core/ir/errors.h"
#include "core/ir/json.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

namespace tempest::model::detail {

namespace {

std::string tablePath(const std::string& table) { return jsonPathMember("$.tables", table); }

[[noreturn]] void fail(const std::string& message, const std::string& path)
{
    throw InputError(message, kModelSource, path);
}

bool contains(const std::vector<std::string>& list, const std::string& item)
{
    return std::find(list.begin(), list.end(), item) != list.end();
}

/// Adds a table's enums to `schema`, once per name; `declaredBy` remembers which column
/// declared each, so a conflict names both places.
void collectEnums(Schema& schema, const TableDraft& draft, std::map<std::string, std::string>& declaredBy)
{
    for (std::size_t i = 0; i < draft.enums.size(); ++i) {
        const EnumType& e = draft.enums[i];
        const std::string& column = draft.enumColumns[i];
        if (const EnumType* existing = schema.findEnum(e.name)) {
            if (!(*existing == e))
                fail("enum \"" + e.name + "\" is declared by " + declaredBy[e.name] + " and by " + column
                         + " with different values (or renamedFrom); declare it the same way everywhere",
                     jsonPathMember("$.enums", e.name));
            continue;
        }
        schema.enums.push_back(e);
        declaredBy[e.name] = column;
    }
}

} // namespace

std::string columnPath(const std::string& table, const std::string& column)
{
    return jsonPathMember(jsonPathMember(tablePath(table), "columns"), column);
}

std::string numberText(long long value) { return std::to_string(value); }

std::string numberText(double value)
{
    if (!std::isfinite(value))
        fail("defaultValue() is not a finite number; JSON cannot hold NaN or infinity", {});
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

void addColumn(TableDraft& draft, ColumnDraft c)
{
    const std::string& table = draft.table.name;
    const std::string name = c.column.name;
    if (c.enumeratorDefault) {
        auto it = std::find_if(c.enumerators.begin(), c.enumerators.end(),
                               [&](const auto& e) { return e.first == *c.enumeratorDefault; });
        if (it == c.enumerators.end())
            fail("defaultValue() names an enumerator that the column's enumType<E>(\"" + c.column.enumName
                     + "\", ...) does not list",
                 jsonPathMember(columnPath(table, name), "default"));
        c.column.defaultValue = DefaultValue::string(it->second);
    }
    if (c.primaryKey)
        draft.columnPrimaryKey.push_back(name);
    if (c.explicitNullable)
        draft.explicitNullable.push_back(name);
    if (c.enumType) {
        draft.enums.push_back(*c.enumType);
        draft.enumColumns.push_back(table + "." + name);
    }
    draft.table.columns.push_back(std::move(c.column));

    // DESIGN.md's synthesised names, so a model and its introspected database agree.
    const std::string suffix = table + "_" + name;
    if (c.unique)
        draft.table.uniques.push_back(UniqueConstraint{"uq_" + suffix, {name}});
    if (c.index)
        draft.table.indexes.push_back(Index{"ix_" + suffix, {IndexColumn::column(name)}, false, std::nullopt});
    if (c.reference)
        draft.table.foreignKeys.push_back(ForeignKey{"fk_" + suffix, {name}, c.reference->table,
                                                     {c.reference->column}, c.reference->onDelete,
                                                     c.reference->onUpdate});
    if (c.check)
        draft.table.checks.push_back(CheckConstraint{"ck_" + suffix, *c.check});
}

void setTablePrimaryKey(TableDraft& draft, std::vector<std::string> columns)
{
    draft.table.primaryKey = std::move(columns);
    draft.tablePrimaryKey = true;
}

void addIndex(TableDraft& draft, Index index) { draft.table.indexes.push_back(std::move(index)); }
void addUnique(TableDraft& draft, UniqueConstraint unique) { draft.table.uniques.push_back(std::move(unique)); }
void addForeignKey(TableDraft& draft, ForeignKey fk) { draft.table.foreignKeys.push_back(std::move(fk)); }
void addCheck(TableDraft& draft, CheckConstraint check) { draft.table.checks.push_back(std::move(check)); }
void setTableComment(TableDraft& draft, std::string comment) { draft.table.comment = std::move(comment); }
void setTableRenamedFrom(TableDraft& draft, std::string name) { draft.table.renamedFrom = std::move(name); }

void finishTable(TableDraft& draft)
{
    Table& t = draft.table;
    const std::string path = tablePath(t.name);
    if (draft.tablePrimaryKey && !draft.columnPrimaryKey.empty())
        fail("the primary key is declared both by primaryKey({...}) and by primaryKey() on column \""
                 + draft.columnPrimaryKey.front() + "\"; use one of them",
             jsonPathMember(path, "primaryKey"));
    if (!draft.tablePrimaryKey)
        t.primaryKey = draft.columnPrimaryKey;
    for (const auto& key : t.primaryKey) {
        if (contains(draft.explicitNullable, key))
            fail("column \"" + key + "\" is in the primary key and cannot be nullable()",
                 jsonPathMember(columnPath(t.name, key), "nullable"));
        if (Column* c = t.findColumn(key))
            c->nullable = false;  // also an optional<> member: a key is never NULL
    }

    // One name, one object: the JSON form is keyed by name, so a second use would
    // silently replace the first. Constraint and index names share PostgreSQL's
    // namespace, hence one set for all four kinds.
    std::set<std::string> names;
    auto claim = [&](const std::string& name, const char* section) {
        if (!names.insert(name).second)
            fail("the name \"" + name + "\" is used twice in table \"" + t.name
                     + "\" (indexes, uniques, foreign keys and checks share one namespace)",
                 jsonPathMember(jsonPathMember(path, section), name));
    };
    for (const auto& i : t.indexes)
        claim(i.name, "indexes");
    for (const auto& u : t.uniques)
        claim(u.name, "uniques");
    for (const auto& f : t.foreignKeys)
        claim(f.name, "foreignKeys");
    for (const auto& c : t.checks)
        claim(c.name, "checks");
}

Schema assembleSchema(std::vector<TableDraft> tables)
{
    Schema schema;
    std::map<std::string, std::string> enumDeclaredBy;
    std::map<std::string, std::string> indexOwner;  // index or unique name -> table
    for (auto& draft : tables) {
        collectEnums(schema, draft, enumDeclaredBy);
        auto claim = [&](const std::string& name, const char* section) {
            auto [it, inserted] = indexOwner.emplace(name, draft.table.name);
            if (!inserted && it->second != draft.table.name)
                fail("index name \"" + name + "\" is used by tables \"" + it->second + "\" and \""
                         + draft.table.name + "\"; SQLite and PostgreSQL need it unique in the schema",
                     jsonPathMember(jsonPathMember(tablePath(draft.table.name), section), name));
        };
        for (const auto& i : draft.table.indexes)
            claim(i.name, "indexes");
        for (const auto& u : draft.table.uniques)
            claim(u.name, "uniques");
        schema.tables.push_back(std::move(draft.table));
    }
    validateSchema(schema, kModelSource);
    return schema;
}

Table finishStandaloneTable(TableDraft draft)
{
    // A partition's columns are its parent's, which is not at hand: reflectSchema
    // validates it with its parent.
    if (draft.table.partitionOf)
        return std::move(draft.table);
    Schema probe;
    std::map<std::string, std::string> enumDeclaredBy;
    collectEnums(probe, draft, enumDeclaredBy);
    probe.tables.push_back(draft.table);
    Table& alone = probe.tables.front();
    for (const auto& fk : alone.foreignKeys) {
        const std::string path = jsonPathMember(jsonPathMember(tablePath(alone.name), "foreignKeys"), fk.name);
        for (const auto& c : fk.columns)
            if (!alone.findColumn(c))
                fail("foreign key \"" + fk.name + "\" names column \"" + c + "\", which table \"" + alone.name
                         + "\" does not have",
                     jsonPathMember(path, "columns"));
        if (fk.columns.size() != fk.refColumns.size())
            fail("foreign key \"" + fk.name + "\" has " + std::to_string(fk.columns.size()) + " columns but "
                     + std::to_string(fk.refColumns.size()) + " referenced columns",
                 jsonPathMember(path, "refColumns"));
    }
    alone.foreignKeys.clear();
    validateSchema(probe, kModelSource);
    return std::move(draft.table);
}

} // namespace tempest::model::detail
