#include "core/dialect/postgresql/postgres_render.h"

#include "core/dialect/postgresql/postgres_render_ddl.h"
#include "core/dialect/postgresql/postgres_render_sequence.h"
#include "core/dialect/postgresql/postgres_sql.h"
#include "core/dialect/postgresql/postgres_split.h"
#include "core/ir/errors.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <type_traits>

namespace tempest {

namespace {

bool sameType(const Column& a, const Column& b)
{
    return a.type == b.type && a.length == b.length && a.precision == b.precision && a.scale == b.scale
        && a.enumName == b.enumName && a.sql == b.sql && a.arrayDims == b.arrayDims;
}

/// Collects the statements of one operation.
class Emitter {
public:
    Emitter(const RenderContext& context, std::vector<Statement>& out, int index)
        : m_schema(context.schemaName), m_out(out), m_index(index)
    {
    }
    void add(std::string sql) { m_out.push_back({std::move(sql), m_index, false}); }
    std::string table(std::string_view name) const { return pgObjectName(m_schema, name); }
    /// ALTER <what> from RENAME TO to; a move to another schema (docs/ir.md "Named
    /// schemas") is SET SCHEMA first, then the rename when the bare names differ too.
    void rename(std::string_view what, std::string_view from, std::string_view to)
    {
        const std::string prefix = "ALTER " + std::string(what) + " ";
        std::string current = pgObjectName(m_schema, from);
        if (pgNameSchema(m_schema, from) != pgNameSchema(m_schema, to)) {
            // The project's schema unnamed is public, as the search_path has it.
            const std::string_view target = pgNameSchema(m_schema, to);
            add(prefix + current + " SET SCHEMA " + pgQuoteIdentifier(target.empty() ? "public" : target));
            current = pgQualified(pgNameSchema(m_schema, to), pgBareName(from));
        }
        if (pgBareName(from) != pgBareName(to))
            add(prefix + current + " RENAME TO " + pgQuoteIdentifier(pgBareName(to)));
    }
    std::string alter(std::string_view name) const { return "ALTER TABLE " + table(name) + " "; }
    const std::string& schema() const { return m_schema; }

private:
    std::string m_schema;
    std::vector<Statement>& m_out;
    int m_index;
};

/// Drops the primary key whatever it is called: IR does not name it, and a table
/// created elsewhere (or renamed) has a name we cannot guess offline.
std::string dropPrimaryKey(const Emitter& e, std::string_view tableName)
{
    const std::string regclass = pgQuoteLiteral(e.table(tableName)) + "::regclass";
    return "DO $tempest$\nDECLARE pk name;\nBEGIN\n"
           "    SELECT conname INTO pk FROM pg_catalog.pg_constraint WHERE conrelid = " + regclass
         + " AND contype = 'p';\n"
           "    IF pk IS NOT NULL THEN\n"
           "        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', " + regclass + ", pk);\n"
           "    END IF;\nEND\n$tempest$";
}

/// Whether `sql` names the column `name`: an identifier token equal to it, bare (any
/// case, as PostgreSQL folds it) or double-quoted (exactly).
bool mentionsColumn(std::string_view sql, std::string_view name)
{
    auto lower = [](std::string text) {
        for (char& c : text)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return text;
    };
    const std::string folded = lower(std::string(name));
    for (std::size_t i = 0; i < sql.size();) {
        const char c = sql[i];
        if (c == '\'') {  // a string literal names nothing
            for (++i; i < sql.size() && !(sql[i] == '\'' && (i + 1 >= sql.size() || sql[i + 1] != '\''));)
                i += sql[i] == '\'' ? 2 : 1;
            ++i;
        } else if (c == '"') {
            std::string ident;
            for (++i; i < sql.size(); ++i) {
                if (sql[i] == '"' && (i + 1 >= sql.size() || sql[i + 1] != '"'))
                    break;
                ident += sql[i];
                if (sql[i] == '"')
                    ++i;
            }
            ++i;
            if (ident == name)
                return true;
        } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            const std::size_t start = i;
            while (i < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '_' || sql[i] == '$'))
                ++i;
            if (lower(std::string(sql.substr(start, i - start))) == folded)
                return true;
        } else {
            ++i;
        }
    }
    return false;
}

bool listsColumn(const std::vector<std::string>& columns, std::string_view name)
{
    return std::find(columns.begin(), columns.end(), name) != columns.end();
}

/// A generated column whose expression changes (or a plain column that becomes one) is
/// dropped and added again: PostgreSQL 15 cannot change a generation expression in
/// place, and the values are the expression's anyway. DROP COLUMN takes the key,
/// indexes and constraints that use the column with it; they are made again from
/// `table` (the table as it stands), so nothing but the column's position changes.
void replaceGeneratedColumn(Emitter& e, std::string_view tableName, const Table* table, const Column& to)
{
    e.add(e.alter(tableName) + "DROP COLUMN " + pgQuoteIdentifier(to.name));
    e.add(e.alter(tableName) + "ADD COLUMN " + pgColumnDefinition(to, e.schema()));
    if (to.comment)
        e.add(pgColumnComment(tableName, to, e.schema()));
    if (!table)
        return;
    if (listsColumn(table->primaryKey, to.name))
        e.add(e.alter(tableName) + "ADD PRIMARY KEY " + pgColumnList(table->primaryKey));
    for (const auto& unique : table->uniques)
        if (listsColumn(unique.columns, to.name))
            e.add(e.alter(tableName) + "ADD " + pgUniqueClause(unique));
    for (const auto& check : table->checks)
        if (mentionsColumn(check.expr, to.name))
            e.add(e.alter(tableName) + "ADD " + pgCheckClause(check));
    for (const auto& fk : table->foreignKeys)
        if (listsColumn(fk.columns, to.name))
            e.add(e.alter(tableName) + "ADD " + pgForeignKeyClause(fk, e.schema()));
    for (const auto& index : table->indexes) {
        bool uses = index.where && mentionsColumn(*index.where, to.name);
        for (const auto& c : index.columns)
            uses = uses || (c.expression ? mentionsColumn(c.value, to.name) : c.value == to.name);
        if (uses)
            e.add(pgCreateIndex(index, tableName, e.schema()));
    }
}

void alterColumn(Emitter& e, std::string_view tableName, const Table* table, const Column& from, const Column& to)
{
    if (to.generated && (from.generated != to.generated || from.generatedStored != to.generatedStored)) {
        replaceGeneratedColumn(e, tableName, table, to);
        return;
    }
    if (from.generated && !to.generated)  // the values stay, as plain values
        e.add(e.alter(tableName) + "ALTER COLUMN " + pgQuoteIdentifier(to.name) + " DROP EXPRESSION");
    const std::string prefix = e.alter(tableName) + "ALTER COLUMN " + pgQuoteIdentifier(to.name) + " ";
    // A collation changes through the same ALTER COLUMN … TYPE as a type does (and so
    // meets the same refusal from a view that reads the column).
    const bool typeChanged = !sameType(from, to) || from.collation != to.collation;
    const bool identityDropped = from.autoincrement && !to.autoincrement;
    const bool identityAdded = !from.autoincrement && to.autoincrement;
    const bool defaultChanged = from.defaultValue != to.defaultValue;

    if (identityDropped) {
        e.add(prefix + "DROP IDENTITY IF EXISTS");
        e.add(prefix + "DROP DEFAULT");  // a serial column's nextval()
    }
    // The old default may not cast to the new type ("default for column cannot be cast
    // automatically"), and identity refuses a default: drop it first, set it last.
    const bool dropDefaultFirst = from.defaultValue && (typeChanged || identityAdded || defaultChanged);
    if (dropDefaultFirst)
        e.add(prefix + "DROP DEFAULT");
    if (typeChanged) {
        const std::string type = pgColumnType(to, e.schema());
        // Through text when leaving an enum: enum → integer has no direct cast.
        const std::string via = from.type == ColumnType::Enum && to.type != ColumnType::Text ? "::text" : "";
        // Named whenever there is one: a new type would otherwise bring its own default.
        const std::string collate = to.collation || from.collation
                                      ? " COLLATE " + pgQuoteIdentifier(to.collation.value_or("default"))
                                      : std::string();
        e.add(prefix + "TYPE " + type + collate + " USING " + pgQuoteIdentifier(to.name) + via + "::" + type);
    }
    // An identity column is NOT NULL whatever the IR says (PostgreSQL requires it).
    const bool fromNullable = from.nullable && !from.autoincrement;
    const bool toNullable = to.nullable && !to.autoincrement;
    if (fromNullable && !toNullable && to.defaultValue && !to.autoincrement)
        // As the SQLite rebuild does (COALESCE): rows holding NULL take the default
        // instead of failing SET NOT NULL.
        e.add("UPDATE " + e.table(tableName) + " SET " + pgQuoteIdentifier(to.name) + " = "
              + pgDefaultSql(*to.defaultValue) + " WHERE " + pgQuoteIdentifier(to.name) + " IS NULL");
    if (fromNullable != toNullable)
        e.add(prefix + (toNullable ? "DROP NOT NULL" : "SET NOT NULL"));
    if (to.defaultValue && (dropDefaultFirst || defaultChanged || identityDropped) && !to.autoincrement)
        e.add(prefix + "SET DEFAULT " + pgDefaultSql(*to.defaultValue));
    if (identityAdded) {
        e.add(prefix + "ADD GENERATED BY DEFAULT AS IDENTITY");
        // Existing rows keep their values: start the sequence after the largest.
        e.add("SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence(" + pgQuoteLiteral(e.table(tableName))
              + ", " + pgQuoteLiteral(to.name) + "), coalesce(max(" + pgQuoteIdentifier(to.name)
              + "), 0) + 1, false) FROM " + e.table(tableName));
    }
    if (from.comment != to.comment)
        e.add(pgColumnComment(tableName, to, e.schema()));
}

void addColumn(Emitter& e, std::string_view tableName, const Column& column)
{
    e.add(e.alter(tableName) + "ADD COLUMN " + pgColumnDefinition(column, e.schema()));
    if (column.comment)
        e.add(pgColumnComment(tableName, column, e.schema()));
}

void dropConstraint(Emitter& e, std::string_view tableName, std::string_view name)
{
    e.add(e.alter(tableName) + "DROP CONSTRAINT " + pgQuoteIdentifier(name));
}

/// An index lives in its table's schema.
void dropIndex(Emitter& e, std::string_view tableName, std::string_view name)
{
    e.add("DROP INDEX " + pgSiblingName(e.schema(), tableName, name));
}

template <typename Item, typename Find>
void forRemoved(const std::vector<Item>& from, Find findInTo, const std::function<void(const Item&)>& action)
{
    for (const auto& item : from) {
        const Item* other = findInTo(item.name);
        if (!other || !(*other == item))
            action(item);
    }
}

/// `to` with only the key and the named items that `from` has unchanged: what a column
/// dropped and added again within recreateTable must make again itself (the changed
/// ones are dropped before and added after by recreateTable).
Table unchangedItems(const Table& from, const Table& to)
{
    Table kept = to;
    auto keep = [](auto& items, auto find) {
        items.erase(std::remove_if(items.begin(), items.end(),
                                   [&](const auto& item) {
                                       const auto* old = find(item.name);
                                       return !old || !(*old == item);
                                   }),
                    items.end());
    };
    keep(kept.indexes, [&](std::string_view n) { return from.findIndex(n); });
    keep(kept.uniques, [&](std::string_view n) { return from.findUnique(n); });
    keep(kept.foreignKeys, [&](std::string_view n) { return from.findForeignKey(n); });
    keep(kept.checks, [&](std::string_view n) { return from.findCheck(n); });
    if (from.primaryKey != to.primaryKey)
        kept.primaryKey.clear();
    return kept;
}

/// recreate_table without a rebuild: constraints and indexes that change go first,
/// then columns, the key, and what is new.
void recreateTable(Emitter& e, const Table& from, const Table& to)
{
    // Partitioning is fixed when a table is created (docs/decisions.md): the in-place
    // alters below cannot change it.
    if (from.partitionBy != to.partitionBy || from.partitionOf != to.partitionOf
        || from.partitionBound != to.partitionBound)
        throw InputError("recreate_table " + to.name
                         + " changes the table's partitioning (partitionBy, partitionOf or partitionBound), "
                           "which PostgreSQL fixes when the table is created: create a new table instead");
    std::string name = from.name;
    if (from.name != to.name) {
        e.rename("TABLE", from.name, to.name);
        name = to.name;
    }
    forRemoved<ForeignKey>(from.foreignKeys, [&](auto n) { return to.findForeignKey(n); },
                           [&](const ForeignKey& fk) { dropConstraint(e, name, fk.name); });
    forRemoved<CheckConstraint>(from.checks, [&](auto n) { return to.findCheck(n); },
                                [&](const CheckConstraint& c) { dropConstraint(e, name, c.name); });
    forRemoved<UniqueConstraint>(from.uniques, [&](auto n) { return to.findUnique(n); },
                                 [&](const UniqueConstraint& u) { dropConstraint(e, name, u.name); });
    forRemoved<Index>(from.indexes, [&](auto n) { return to.findIndex(n); },
                      [&](const Index& i) { dropIndex(e, name, i.name); });
    const bool keyChanged = from.primaryKey != to.primaryKey;
    if (keyChanged && !from.primaryKey.empty())
        e.add(dropPrimaryKey(e, name));
    for (const auto& column : from.columns)
        if (!to.findColumn(column.name))
            e.add(e.alter(name) + "DROP COLUMN " + pgQuoteIdentifier(column.name));
    const Table kept = unchangedItems(from, to);
    for (const auto& column : to.columns) {
        const Column* old = from.findColumn(column.name);
        if (!old)
            addColumn(e, name, column);
        else if (!(*old == column))
            alterColumn(e, name, &kept, *old, column);
    }
    if (keyChanged && !to.primaryKey.empty())
        e.add(e.alter(name) + "ADD PRIMARY KEY " + pgColumnList(to.primaryKey));
    forRemoved<UniqueConstraint>(to.uniques, [&](auto n) { return from.findUnique(n); },
                                 [&](const UniqueConstraint& u) { e.add(e.alter(name) + "ADD " + pgUniqueClause(u)); });
    forRemoved<CheckConstraint>(to.checks, [&](auto n) { return from.findCheck(n); },
                                [&](const CheckConstraint& c) { e.add(e.alter(name) + "ADD " + pgCheckClause(c)); });
    forRemoved<ForeignKey>(to.foreignKeys, [&](auto n) { return from.findForeignKey(n); }, [&](const ForeignKey& fk) {
        e.add(e.alter(name) + "ADD " + pgForeignKeyClause(fk, e.schema()));
    });
    forRemoved<Index>(to.indexes, [&](auto n) { return from.findIndex(n); },
                      [&](const Index& i) { e.add(pgCreateIndex(i, name, e.schema())); });
    if (from.comment != to.comment)
        e.add(pgTableComment(name, to.comment, e.schema()));
}

std::string addEnumValueSql(const AddEnumValue& op, std::string_view schema)
{
    std::string sql = "ALTER TYPE " + pgObjectName(schema, op.name) + " ADD VALUE IF NOT EXISTS " + pgQuoteLiteral(op.value);
    if (op.before)
        sql += " BEFORE " + pgQuoteLiteral(*op.before);
    return sql;
}

void renderOne(const Operation& op, Emitter& e, const RenderContext& context, const Schema& state,
               const PgLiveNames& liveNames)
{
    std::visit(
        [&](const auto& o) {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, CreateTable>) {
                for (auto& sql : pgCreateTable(o.definition, e.schema()))
                    e.add(std::move(sql));
            } else if constexpr (std::is_same_v<T, DropTable>) {
                e.add("DROP TABLE " + e.table(o.definition.name));
            } else if constexpr (std::is_same_v<T, RenameTable>) {
                e.rename("TABLE", o.from, o.to);
            } else if constexpr (std::is_same_v<T, AddColumn>) {
                addColumn(e, o.table, o.definition);
            } else if constexpr (std::is_same_v<T, DropColumn>) {
                e.add(e.alter(o.table) + "DROP COLUMN " + pgQuoteIdentifier(o.definition.name));
            } else if constexpr (std::is_same_v<T, AlterColumn>) {
                alterColumn(e, o.table, state.findTable(o.table), o.from, o.to);
            } else if constexpr (std::is_same_v<T, RenameColumn>) {
                e.add(e.alter(o.table) + "RENAME COLUMN " + pgQuoteIdentifier(o.from) + " TO " + pgQuoteIdentifier(o.to));
            } else if constexpr (std::is_same_v<T, CreateIndex>) {
                // An own index of an existing partition may need a name a clone holds.
                if (const Table* table = state.findTable(o.table); table && table->partitionOf)
                    if (auto move = pgMoveCloneOutOfTheWay(o.definition, o.table, e.schema()))
                        e.add(std::move(*move));
                e.add(pgCreateIndex(o.definition, o.table, e.schema()));
            } else if constexpr (std::is_same_v<T, DropIndex>) {
                dropIndex(e, o.table, o.definition.name);
            } else if constexpr (std::is_same_v<T, AddUnique>) {
                e.add(e.alter(o.table) + "ADD " + pgUniqueClause(o.definition));
            } else if constexpr (std::is_same_v<T, AddForeignKey>) {
                e.add(e.alter(o.table) + "ADD " + pgForeignKeyClause(o.definition, e.schema()));
            } else if constexpr (std::is_same_v<T, AddCheck>) {
                e.add(e.alter(o.table) + "ADD " + pgCheckClause(o.definition));
            } else if constexpr (std::is_same_v<T, DropUnique> || std::is_same_v<T, DropForeignKey>
                                 || std::is_same_v<T, DropCheck>) {
                dropConstraint(e, o.table, o.definition.name);
            } else if constexpr (std::is_same_v<T, AlterPrimaryKey>) {
                if (!o.from.empty())
                    e.add(dropPrimaryKey(e, o.table));
                if (!o.to.empty())
                    e.add(e.alter(o.table) + "ADD PRIMARY KEY " + pgColumnList(o.to));
            } else if constexpr (std::is_same_v<T, AlterTableComment>) {
                e.add(pgTableComment(o.table, o.to, e.schema()));
            } else if constexpr (std::is_same_v<T, CreateEnum>) {
                std::string values;
                for (std::size_t i = 0; i < o.definition.values.size(); ++i)
                    values += (i ? ", " : "") + pgQuoteLiteral(o.definition.values[i]);
                e.add("CREATE TYPE " + pgObjectName(e.schema(), o.definition.name) + " AS ENUM (" + values + ")");
            } else if constexpr (std::is_same_v<T, DropEnum>) {
                e.add("DROP TYPE " + pgObjectName(e.schema(), o.definition.name));
            } else if constexpr (std::is_same_v<T, AddEnumValue>) {
                e.add(addEnumValueSql(o, e.schema()));
            } else if constexpr (std::is_same_v<T, DropEnumValue>) {
                RenderContext here = context;
                here.before = &state;
                for (auto& sql : pgDropEnumValue(o, here, &liveNames))
                    e.add(std::move(sql));
            } else if constexpr (std::is_same_v<T, RenameEnum>) {
                e.rename("TYPE", o.from, o.to);
            } else if constexpr (std::is_same_v<T, CreateDomain>) {
                e.add(pgCreateDomain(o.definition, e.schema()));
            } else if constexpr (std::is_same_v<T, DropDomain>) {
                e.add(pgDropDomain(o.definition, e.schema()));
            } else if constexpr (std::is_same_v<T, AlterDomain>) {
                for (auto& sql : pgAlterDomain(o, e.schema()))
                    e.add(std::move(sql));
            } else if constexpr (isSequenceOperation<T>) {
                for (auto& sql : pgSequenceSql(o, e.schema()))
                    e.add(std::move(sql));
            } else if constexpr (std::is_same_v<T, RecreateTable>) {
                recreateTable(e, o.from, o.to);
            } else if constexpr (std::is_same_v<T, Execute>) {
                auto it = o.up.find("postgresql");
                if (it == o.up.end())
                    throw InputError("execute has no \"postgresql\" SQL; add it to \"up\" to run this revision on PostgreSQL");
                for (auto& sql : pgSplitStatements(it->second))
                    e.add(std::move(sql));
            } else {
                static_assert(sizeof(T) == 0, "every operation kind is rendered");
            }
        },
        op);
}

} // namespace

std::vector<Statement> pgRender(const std::vector<Operation>& ops, const RenderContext& context)
{
    std::vector<Statement> out;
    Schema state = context.before ? *context.before : Schema{};
    // A drop_enum_value looks at the live rows before anything runs. After an execute op
    // of the same list those rows may be gone (a generated down deletes the rows using a
    // value, then drops it), so from there on the cast in the type swap is the guard.
    RenderContext opContext = context;
    // The live database is at the start of the list: where each column of `state` is there.
    PgLiveNames liveNames(state);
    for (std::size_t i = 0; i < ops.size(); ++i) {
        Emitter e(context, out, static_cast<int>(i));
        try {
            renderOne(ops[i], e, opContext, state, liveNames);
            if (std::holds_alternative<Execute>(ops[i]))
                opContext.live = nullptr;
        } catch (const InputError& error) {
            throw InputError("operation " + std::to_string(i + 1) + " (" + describe(ops[i]) + "): " + error.message(),
                             error.file(), error.jsonPath(), error.revision());
        }
        liveNames.follow(ops[i]);
        try {
            applyOperation(state, ops[i]);
        } catch (const InputError&) {
            // The state only tells later drop_enum_value ops which columns use an enum;
            // a list that does not fit its history is the runner's to refuse.
        }
    }
    return out;
}

std::vector<std::string> pgCommitFirst(const std::vector<Operation>& ops, const RenderContext& context)
{
    std::vector<std::string> out;
    std::set<std::string> createdHere;
    // A value added to an enum this list renamed is added, ahead, under the name the
    // enum has before the list runs (seed 9298 of the random pairs: mood1 renamed to e6,
    // 'v5' added to e6 and used as a default in the same revision). The in-transaction
    // ADD VALUE IF NOT EXISTS then finds it there.
    std::map<std::string, std::string> nameBefore;
    auto before = [&](const std::string& name) {
        auto it = nameBefore.find(name);
        return it == nameBefore.end() ? name : it->second;
    };
    for (const auto& op : ops) {
        if (const auto* create = std::get_if<CreateEnum>(&op)) {
            createdHere.insert(create->definition.name);
        } else if (const auto* rename = std::get_if<RenameEnum>(&op)) {
            if (createdHere.count(rename->from))
                createdHere.insert(rename->to);
            else
                nameBefore[rename->to] = before(rename->from);
            nameBefore.erase(rename->from);
        } else if (const auto* add = std::get_if<AddEnumValue>(&op); add && !createdHere.count(add->name)) {
            AddEnumValue early = *add;
            early.name = before(add->name);
            out.push_back(addEnumValueSql(early, context.schemaName));
        }
    }
    return out;
}

} // namespace tempest
