// applyOperation(): replays an operation onto a Schema value, as `replaySchema` does for
// a whole revision history. Anything that does not fit (a missing table, a name already
// taken, a table still referenced) is an InputError naming the operation, because it
// means a migration file disagrees with the history it sits on.

#include "core/ir/errors.h"
#include "core/ops/operation.h"
#include "core/ops/operation_kind_names.h"
#include "core/ops/schema_applier.h"

#include <algorithm>

namespace tempest {
namespace {

std::string quote(std::string_view name)
{
    return "\"" + std::string(name) + "\"";
}

/// Carries the operation's kind and subject (`users.score`) into every error it raises.
class Applier {
public:
    Applier(Schema& schema, TableIndex* index, std::string_view kind, std::string subject)
        : m_schema(schema), m_index(index), m_kind(kind), m_subject(std::move(subject))
    {
    }

    [[noreturn]] void fail(const std::string& problem) const
    {
        throw InputError(m_kind + " " + m_subject + ": " + problem);
    }

    Table* findTable(std::string_view name) const
    {
        return m_index ? m_index->find(m_schema, name) : m_schema.findTable(name);
    }

    Table& table(std::string_view name) const
    {
        Table* table = findTable(name);
        if (!table)
            fail("table " + quote(name) + " does not exist");
        return *table;
    }

    void requireNoTable(std::string_view name) const
    {
        if (findTable(name))
            fail("table " + quote(name) + " already exists");
    }

    EnumType& enumType(std::string_view name) const
    {
        EnumType* type = m_schema.findEnum(name);
        if (!type)
            fail("enum " + quote(name) + " does not exist");
        return *type;
    }

    /// The table whose columns `table` has: the root of its partition tree (docs/ir.md
    /// "Partitioning (PostgreSQL)"), itself for an ordinary table.
    Table& columnsOf(Table& table) const
    {
        Table* at = &table;
        for (int depth = 0; depth < 64 && at->partitionOf; ++depth) {
            Table* parent = findTable(*at->partitionOf);
            if (!parent)
                break;
            at = parent;
        }
        return *at;
    }
    const Table& columnsOf(const Table& table) const { return columnsOf(const_cast<Table&>(table)); }

    Column& column(Table& table, std::string_view name) const
    {
        Column* column = columnsOf(table).findColumn(name);
        if (!column)
            fail("table " + quote(table.name) + " has no column " + quote(name));
        return *column;
    }

    void requireNoColumn(const Table& table, std::string_view name) const
    {
        if (table.findColumn(name))
            fail("table " + quote(table.name) + " already has column " + quote(name));
    }

    void requireColumns(const Table& table, const std::vector<std::string>& names) const
    {
        for (const auto& name : names)
            if (!columnsOf(table).findColumn(name))
                fail("table " + quote(table.name) + " has no column " + quote(name));
    }

    void requireEnumsOf(const Column& column) const
    {
        if (column.type == ColumnType::Enum && !m_schema.findEnum(column.enumName))
            fail("column " + quote(column.name) + " uses enum " + quote(column.enumName)
                 + ", which does not exist");
    }

    void requireEnumsOf(const Table& table) const
    {
        for (const Column& column : table.columns)
            requireEnumsOf(column);
    }

    /// Named items (indexes, uniques, foreign keys, checks) share this add/drop shape.
    template <typename Item>
    void addNamed(std::vector<Item>& items, const Item& item, std::string_view what, const Table& table) const
    {
        if (std::any_of(items.begin(), items.end(), [&](const Item& i) { return i.name == item.name; }))
            fail("table " + quote(table.name) + " already has " + std::string(what) + " " + quote(item.name));
        items.push_back(item);
    }

    template <typename Item>
    void dropNamed(std::vector<Item>& items, const std::string& name, std::string_view what, const Table& table) const
    {
        auto it = std::find_if(items.begin(), items.end(), [&](const Item& i) { return i.name == name; });
        if (it == items.end())
            fail("table " + quote(table.name) + " has no " + std::string(what) + " " + quote(name));
        items.erase(it);
    }

    Schema& schema() const { return m_schema; }

private:
    Schema& m_schema;
    TableIndex* m_index;
    std::string m_kind;
    std::string m_subject;
};

void renameIn(std::vector<std::string>& names, const std::string& from, const std::string& to)
{
    std::replace(names.begin(), names.end(), from, to);
}

/// The first thing that still needs `column` of `table` (an error message), or empty.
std::string usesOfColumn(const Schema& schema, const Table& table, const std::string& column)
{
    auto contains = [&](const std::vector<std::string>& names) {
        return std::find(names.begin(), names.end(), column) != names.end();
    };
    if (contains(table.primaryKey))
        return "column is part of the primary key";
    for (const Index& index : table.indexes)
        for (const IndexColumn& entry : index.columns)
            if (!entry.expression && entry.value == column)
                return "column is used by index " + quote(index.name);
    for (const UniqueConstraint& unique : table.uniques)
        if (contains(unique.columns))
            return "column is used by unique constraint " + quote(unique.name);
    for (const ForeignKey& fk : table.foreignKeys)
        if (contains(fk.columns))
            return "column is used by foreign key " + quote(fk.name);
    for (const Table& other : schema.tables)
        for (const ForeignKey& fk : other.foreignKeys)
            if (fk.refTable == table.name && std::find(fk.refColumns.begin(), fk.refColumns.end(), column) != fk.refColumns.end())
                return "column is referenced by foreign key " + quote(fk.name) + " of table " + quote(other.name);
    return {};
}

void applyOne(Schema& schema, TableIndex* index, const CreateTable& op)
{
    Applier a(schema, index, detail::kindName(op), op.definition.name);
    a.requireNoTable(op.definition.name);
    a.requireEnumsOf(op.definition);
    schema.tables.push_back(op.definition);
    if (index)
        index->added(schema);
}

void applyOne(Schema& schema, TableIndex* index, const DropTable& op)
{
    Applier a(schema, index, detail::kindName(op), op.definition.name);
    a.table(op.definition.name);
    for (const Table& other : schema.tables) {
        if (other.name == op.definition.name)
            continue;
        for (const ForeignKey& fk : other.foreignKeys)
            if (fk.refTable == op.definition.name)
                a.fail("table is still referenced by foreign key " + quote(fk.name) + " of table " + quote(other.name));
        if (other.partitionOf == op.definition.name)
            a.fail("table still has partition " + quote(other.name));
    }
    std::erase_if(schema.tables, [&](const Table& t) { return t.name == op.definition.name; });
    if (index)
        index->rebuild(schema);  // the tables after it moved
}

void applyOne(Schema& schema, TableIndex* index, const RenameTable& op)
{
    Applier a(schema, index, detail::kindName(op), op.from + " -> " + op.to);
    Table& table = a.table(op.from);
    a.requireNoTable(op.to);
    table.name = op.to;
    if (index)
        index->renamed(op.from, op.to);
    for (Table& other : schema.tables) {
        for (ForeignKey& fk : other.foreignKeys)
            if (fk.refTable == op.from)
                fk.refTable = op.to;
        if (other.partitionOf == op.from)
            other.partitionOf = op.to;
    }
}

void applyOne(Schema& schema, TableIndex* index, const AddColumn& op)
{
    Applier a(schema, index, detail::kindName(op), op.table + "." + op.definition.name);
    Table& table = a.table(op.table);
    a.requireNoColumn(table, op.definition.name);
    a.requireEnumsOf(op.definition);
    table.columns.push_back(op.definition);
}

void applyOne(Schema& schema, TableIndex* index, const DropColumn& op)
{
    Applier a(schema, index, detail::kindName(op), op.table + "." + op.definition.name);
    Table& table = a.table(op.table);
    a.column(table, op.definition.name);
    if (std::string use = usesOfColumn(schema, table, op.definition.name); !use.empty())
        a.fail(use);
    std::erase_if(table.columns, [&](const Column& c) { return c.name == op.definition.name; });
}

void applyOne(Schema& schema, TableIndex* index, const AlterColumn& op)
{
    Applier a(schema, index, detail::kindName(op), op.table + "." + op.from.name);
    if (op.from.name != op.to.name)
        a.fail("from and to name different columns (" + quote(op.from.name) + ", " + quote(op.to.name)
               + "); a rename is rename_column");
    Column& column = a.column(a.table(op.table), op.from.name);
    a.requireEnumsOf(op.to);
    column = op.to;  // in place: column order is kept
}

void applyOne(Schema& schema, TableIndex* index, const RenameColumn& op)
{
    Applier a(schema, index, detail::kindName(op), op.table + "." + op.from + " -> " + op.to);
    Table& table = a.table(op.table);
    Column& column = a.column(table, op.from);
    a.requireNoColumn(table, op.to);
    column.name = op.to;
    renameIn(table.primaryKey, op.from, op.to);
    for (Index& index : table.indexes)
        for (IndexColumn& entry : index.columns)
            if (!entry.expression && entry.value == op.from)
                entry.value = op.to;
    for (UniqueConstraint& unique : table.uniques)
        renameIn(unique.columns, op.from, op.to);
    for (ForeignKey& fk : table.foreignKeys)
        renameIn(fk.columns, op.from, op.to);
    for (Table& other : schema.tables)
        for (ForeignKey& fk : other.foreignKeys)
            if (fk.refTable == op.table)
                renameIn(fk.refColumns, op.from, op.to);
}

void applyOne(Schema& schema, TableIndex* index, const CreateIndex& op)
{
    Applier a(schema, index, detail::kindName(op), op.table + "." + op.definition.name);
    Table& table = a.table(op.table);
    // Index names are global to a SQLite database and a PostgreSQL schema.
    for (const Table& other : schema.tables)
        if (other.findIndex(op.definition.name))
            a.fail("index " + quote(op.definition.name) + " already exists on table " + quote(other.name));
    for (const IndexColumn& entry : op.definition.columns)
        if (!entry.expression)
            a.column(table, entry.value);
    table.indexes.push_back(op.definition);
}

void applyOne(Schema& schema, TableIndex* index, const DropIndex& op)
{
    Applier a(schema, index, detail::kindName(op), op.table + "." + op.definition.name);
    Table& table = a.table(op.table);
    a.dropNamed(table.indexes, op.definition.name, "index", table);
}

void applyOne(Schema& schema, TableIndex* index, const AddUnique& op)
{
    Applier a(schema, index, detail::kindName(op), op.table + "." + op.definition.name);
    Table& table = a.table(op.table);
    a.requireColumns(table, op.definition.columns);
    a.addNamed(table.uniques, op.definition, "unique constraint", table);
}

void applyOne(Schema& schema, TableIndex* index, const DropUnique& op)
{
    Applier a(schema, index, detail::kindName(op), op.table + "." + op.definition.name);
    Table& table = a.table(op.table);
    a.dropNamed(table.uniques, op.definition.name, "unique constraint", table);
}

void applyOne(Schema& schema, TableIndex* index, const AddForeignKey& op)
{
    const ForeignKey& fk = op.definition;
    Applier a(schema, index, detail::kindName(op), op.table + "." + fk.name);
    Table& table = a.table(op.table);
    a.requireColumns(table, fk.columns);
    a.requireColumns(a.table(fk.refTable), fk.refColumns);
    if (fk.columns.size() != fk.refColumns.size())
        a.fail("foreign key has " + std::to_string(fk.columns.size()) + " columns but references "
               + std::to_string(fk.refColumns.size()));
    a.addNamed(table.foreignKeys, fk, "foreign key", table);
}

void applyOne(Schema& schema, TableIndex* index, const DropForeignKey& op)
{
    Applier a(schema, index, detail::kindName(op), op.table + "." + op.definition.name);
    Table& table = a.table(op.table);
    a.dropNamed(table.foreignKeys, op.definition.name, "foreign key", table);
}

void applyOne(Schema& schema, TableIndex* index, const AddCheck& op)
{
    Applier a(schema, index, detail::kindName(op), op.table + "." + op.definition.name);
    Table& table = a.table(op.table);
    a.addNamed(table.checks, op.definition, "check constraint", table);
}

void applyOne(Schema& schema, TableIndex* index, const DropCheck& op)
{
    Applier a(schema, index, detail::kindName(op), op.table + "." + op.definition.name);
    Table& table = a.table(op.table);
    a.dropNamed(table.checks, op.definition.name, "check constraint", table);
}

void applyOne(Schema& schema, TableIndex* index, const AlterPrimaryKey& op)
{
    Applier a(schema, index, detail::kindName(op), op.table);
    Table& table = a.table(op.table);
    a.requireColumns(table, op.to);
    table.primaryKey = op.to;
}

void applyOne(Schema& schema, TableIndex* index, const AlterTableComment& op)
{
    Applier a(schema, index, detail::kindName(op), op.table);
    a.table(op.table).comment = op.to;
}

void applyOne(Schema& schema, TableIndex* index, const CreateEnum& op)
{
    Applier a(schema, index, detail::kindName(op), op.definition.name);
    if (schema.findEnum(op.definition.name))
        a.fail("enum " + quote(op.definition.name) + " already exists");
    const auto& values = op.definition.values;
    for (auto it = values.begin(); it != values.end(); ++it)
        if (std::find(values.begin(), it, *it) != it)
            a.fail("value " + quote(*it) + " is listed twice");
    schema.enums.push_back(op.definition);
}

void applyOne(Schema& schema, TableIndex* index, const DropEnum& op)
{
    Applier a(schema, index, detail::kindName(op), op.definition.name);
    a.enumType(op.definition.name);
    for (const Table& table : schema.tables)
        for (const Column& column : table.columns)
            if (column.type == ColumnType::Enum && column.enumName == op.definition.name)
                a.fail("enum is still used by column " + table.name + "." + column.name);
    std::erase_if(schema.enums, [&](const EnumType& e) { return e.name == op.definition.name; });
}

void applyOne(Schema& schema, TableIndex* index, const AddEnumValue& op)
{
    Applier a(schema, index, detail::kindName(op), op.name + "." + op.value);
    auto& values = a.enumType(op.name).values;
    if (std::find(values.begin(), values.end(), op.value) != values.end())
        a.fail("enum " + quote(op.name) + " already has value " + quote(op.value));
    auto position = values.end();
    if (op.before) {
        position = std::find(values.begin(), values.end(), *op.before);
        if (position == values.end())
            a.fail("enum " + quote(op.name) + " has no value " + quote(*op.before) + " to insert before");
    }
    values.insert(position, op.value);
}

void applyOne(Schema& schema, TableIndex* index, const DropEnumValue& op)
{
    Applier a(schema, index, detail::kindName(op), op.name + "." + op.value);
    auto& values = a.enumType(op.name).values;
    auto it = std::find(values.begin(), values.end(), op.value);
    if (it == values.end())
        a.fail("enum " + quote(op.name) + " has no value " + quote(op.value));
    values.erase(it);
}

void applyOne(Schema& schema, TableIndex* index, const RenameEnum& op)
{
    Applier a(schema, index, detail::kindName(op), op.from + " -> " + op.to);
    EnumType& type = a.enumType(op.from);
    if (schema.findEnum(op.to))
        a.fail("enum " + quote(op.to) + " already exists");
    type.name = op.to;
    for (Table& table : schema.tables)
        for (Column& column : table.columns)
            if (column.type == ColumnType::Enum && column.enumName == op.from)
                column.enumName = op.to;
}

void applyOne(Schema& schema, TableIndex* index, const CreateDomain& op)
{
    Applier a(schema, index, detail::kindName(op), op.definition.name);
    if (schema.findDomain(op.definition.name))
        a.fail("domain " + quote(op.definition.name) + " already exists");
    if (schema.findEnum(op.definition.name))
        a.fail("an enum is named " + quote(op.definition.name));
    a.requireEnumsOf(op.definition.base);
    schema.domains.push_back(op.definition);
}

Domain& existingDomain(const Applier& a, Schema& schema, const std::string& name)
{
    Domain* domain = schema.findDomain(name);
    if (!domain)
        a.fail("domain " + quote(name) + " does not exist");
    return *domain;
}

void applyOne(Schema& schema, TableIndex* index, const DropDomain& op)
{
    Applier a(schema, index, detail::kindName(op), op.definition.name);
    existingDomain(a, schema, op.definition.name);
    for (const Table& table : schema.tables)
        for (const Column& column : table.columns)
            if (columnUsesDomain(column, op.definition.name))
                a.fail("domain is still used by column " + table.name + "." + column.name);
    for (const Domain& other : schema.domains)
        if (columnUsesDomain(other.base, op.definition.name))
            a.fail("domain is still the base type of domain " + quote(other.name));
    std::erase_if(schema.domains, [&](const Domain& d) { return d.name == op.definition.name; });
}

void applyOne(Schema& schema, TableIndex* index, const AlterDomain& op)
{
    Applier a(schema, index, detail::kindName(op), op.to.name);
    if (op.from.name != op.to.name)
        a.fail("from and to name different domains (" + quote(op.from.name) + ", " + quote(op.to.name) + ")");
    Domain& domain = existingDomain(a, schema, op.to.name);
    a.requireEnumsOf(op.to.base);
    domain = op.to;
}

void applyOne(Schema& schema, TableIndex* index, const RecreateTable& op)
{
    Applier a(schema, index, detail::kindName(op), op.to.name);
    if (op.from.name != op.to.name)
        a.fail("from and to name different tables (" + quote(op.from.name) + ", " + quote(op.to.name)
               + "); a rename is rename_table");
    Table& table = a.table(op.to.name);
    a.requireEnumsOf(op.to);
    table = op.to;
}

void applyOne(Schema&, TableIndex*, const Execute&)
{
    // Raw SQL is opaque to the IR: whatever it changes, replay cannot know it.
}

} // namespace

namespace {

void applyIndexed(Schema& schema, TableIndex* index, const Operation& op)
{
    std::visit(
        [&](const auto& o) {
            if constexpr (requires { applyOne(schema, index, o); })
                applyOne(schema, index, o);
            else
                applyOne(schema, o);  // the sequence operations (sequence_op_hooks.h)
        },
        op);
}

} // namespace

void applyOperation(Schema& schema, const Operation& op)
{
    applyIndexed(schema, nullptr, op);
}

Table* TableIndex::find(Schema& schema, std::string_view name)
{
    const auto it = m_positions.find(name);
    return it == m_positions.end() ? nullptr : &schema.tables[it->second];
}

void TableIndex::added(const Schema& schema)
{
    const std::size_t last = schema.tables.size() - 1;
    m_positions.emplace(schema.tables[last].name, last);
}

void TableIndex::renamed(const std::string& from, const std::string& to)
{
    const auto it = m_positions.find(from);
    const std::size_t position = it->second;
    m_positions.erase(it);
    m_positions.emplace(to, position);
}

void TableIndex::rebuild(const Schema& schema)
{
    m_positions.clear();
    m_positions.reserve(schema.tables.size());
    for (std::size_t i = 0; i < schema.tables.size(); ++i)
        m_positions.emplace(schema.tables[i].name, i);
}

SchemaApplier::SchemaApplier(Schema& schema) : m_schema(schema)
{
    m_index.rebuild(schema);
}

void SchemaApplier::apply(const Operation& op)
{
    applyIndexed(m_schema, &m_index, op);
}

void applyOperations(Schema& schema, const std::vector<Operation>& ops)
{
    for (const Operation& op : ops)
        applyOperation(schema, op);
}

} // namespace tempest
