#include "core/dialect/sqlite/sqlite_render.h"

#include "core/dialect/sqlite/sqlite_rebuild.h"
#include "core/dialect/sqlite/sqlite_render_ddl.h"
#include "core/dialect/sqlite/sqlite_render_split.h"
#include "core/dialect/sqlite/sqlite_types.h"
#include "core/ir/errors.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

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

/// ALTER TABLE ADD COLUMN's limits (lang_altertable.html#altertabaddcol).
bool canAddInPlace(const Table& table, const Column& column)
{
    if (column.autoincrement || table.isPrimaryKeyColumn(column.name))
        return false;
    if (column.defaultValue && column.defaultValue->kind == DefaultValue::Kind::Expression)
        return false;  // "Cannot add a column with non-constant default"
    return column.nullable || column.defaultValue.has_value();
}

/// ALTER TABLE DROP COLUMN's limits (lang_altertable.html#altertabdropcol), judged
/// conservatively from the IR: anything that might name the column means a rebuild.
bool canDropInPlace(const Schema& schema, const Table& table, const std::string& column)
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
    for (const auto& other : schema.tables)
        for (const auto& fk : other.foreignKeys)
            if (fk.refTable == table.name && contains(fk.refColumns, column))
                return false;
    return true;
}

bool onlyCommentChanged(Column from, Column to)
{
    from.comment = to.comment;
    from.renamedFrom = to.renamedFrom;
    return from == to;
}

class Renderer {
public:
    explicit Renderer(const RenderContext& context)
        : m_working(context.before ? *context.before : emptySchema())
        , m_live(context.live)
    {
        if (context.live)
            for (const auto& table : m_working.tables)
                m_liveNames[table.name] = table.name;
    }

    std::vector<Statement> run(const std::vector<Operation>& ops)
    {
        for (std::size_t i = 0; i < ops.size(); ++i) {
            m_index = static_cast<int>(i);
            try {
                std::visit([&](const auto& op) { render(op); }, ops[i]);
            } catch (const InputError& error) {
                throw InputError("operation " + std::to_string(i + 1) + " (" + describe(ops[i])
                                     + "): " + error.message(),
                                 error.file(), error.jsonPath(), error.revision());
            }
        }
        m_index = -1;
        flush();
        return std::move(m_out);
    }

private:
    // --- operations ---
    void render(const CreateTable& op)
    {
        flush();
        apply(op);
        emit(sqliteCreateTable(op.definition, m_working));
        for (const auto& index : op.definition.indexes)
            emit(sqliteCreateIndex(op.definition.name, index));
    }

    void render(const DropTable& op)
    {
        flush();
        apply(op);
        m_liveNames.erase(op.definition.name);
        emit("DROP TABLE " + sqliteQuoteIdentifier(op.definition.name));
    }

    void render(const RenameTable& op)
    {
        flush();
        apply(op);
        moveKey(m_liveNames, op.from, op.to);
        m_renamed.erase(op.from);
        m_renamed.insert(op.to);
        emit("ALTER TABLE " + sqliteQuoteIdentifier(op.from) + " RENAME TO " + sqliteQuoteIdentifier(op.to));
    }

    void render(const AddColumn& op)
    {
        if (SqliteRebuild* pending = pendingFor(op.table)) {
            apply(op);
            pending->sourceOf.erase(op.definition.name);
            return;
        }
        if (!canAddInPlace(table(op.table), op.definition)) {
            rebuildFor(op.table);
            apply(op);
            pendingFor(op.table)->sourceOf.erase(op.definition.name);
            return;
        }
        flush();
        apply(op);
        emit("ALTER TABLE " + sqliteQuoteIdentifier(op.table) + " ADD COLUMN "
             + sqliteColumnDefinition(table(op.table), *table(op.table).findColumn(op.definition.name),
                                      m_working, isLiveStrict(op.table)));
    }

    void render(const DropColumn& op)
    {
        const std::string& column = op.definition.name;
        if (SqliteRebuild* pending = pendingFor(op.table)) {
            apply(op);
            pending->sourceOf.erase(column);
            return;
        }
        if (!canDropInPlace(m_working, table(op.table), column)) {
            rebuildFor(op.table);
            apply(op);
            pendingFor(op.table)->sourceOf.erase(column);
            return;
        }
        flush();
        apply(op);
        emit("ALTER TABLE " + sqliteQuoteIdentifier(op.table) + " DROP COLUMN " + sqliteQuoteIdentifier(column));
    }

    void render(const AlterColumn& op)
    {
        if (!pendingFor(op.table) && onlyCommentChanged(op.from, op.to)) {
            apply(op);  // SQLite has no comments
            return;
        }
        rebuildFor(op.table);
        apply(op);
    }

    void render(const RenameColumn& op)
    {
        if (SqliteRebuild* pending = pendingFor(op.table)) {
            apply(op);
            moveKey(pending->sourceOf, op.from, op.to);
            return;
        }
        const Column* column = table(op.table).findColumn(op.from);
        if (column && column->type == ColumnType::Enum) {
            // The CHECK's name carries the column name, which RENAME COLUMN leaves alone.
            rebuildFor(op.table);
            apply(op);
            moveKey(pendingFor(op.table)->sourceOf, op.from, op.to);
            return;
        }
        flush();
        apply(op);
        m_renamed.insert(op.table);
        emit("ALTER TABLE " + sqliteQuoteIdentifier(op.table) + " RENAME COLUMN " + sqliteQuoteIdentifier(op.from)
             + " TO " + sqliteQuoteIdentifier(op.to));
    }

    void render(const CreateIndex& op)
    {
        if (!pendingFor(op.table)) {
            flush();
            emit(sqliteCreateIndex(op.table, op.definition));
        }  // else the rebuild creates every index of the final definition
        apply(op);
    }

    void render(const DropIndex& op)
    {
        if (!pendingFor(op.table)) {
            flush();
            emit("DROP INDEX " + sqliteQuoteIdentifier(op.definition.name));
            m_droppedIndexes.insert(op.definition.name);
        }
        apply(op);
    }

    void render(const AddUnique& op) { rebuildAndApply(op.table, op); }
    void render(const DropUnique& op) { rebuildAndApply(op.table, op); }
    void render(const AddForeignKey& op) { rebuildAndApply(op.table, op); }
    void render(const DropForeignKey& op) { rebuildAndApply(op.table, op); }
    void render(const AddCheck& op) { rebuildAndApply(op.table, op); }
    void render(const DropCheck& op) { rebuildAndApply(op.table, op); }
    void render(const AlterPrimaryKey& op) { rebuildAndApply(op.table, op); }
    void render(const AlterTableComment& op) { apply(op); }
    void render(const CreateEnum& op) { apply(op); }
    void render(const DropEnum& op) { apply(op); }
    void render(const AddEnumValue& op) { rebuildEnumTables(op.name, op); }
    void render(const DropEnumValue& op) { rebuildEnumTables(op.name, op); }
    void render(const RenameEnum& op) { rebuildEnumTables(op.from, op); }

    void render(const RecreateTable& op)
    {
        rebuildFor(op.to.name);
        SqliteRebuild& pending = *pendingFor(op.to.name);
        std::map<std::string, std::string> sources;
        for (const auto& column : op.to.columns) {
            auto same = pending.sourceOf.find(column.name);
            if (same != pending.sourceOf.end()) {
                sources[column.name] = same->second;
            } else if (column.renamedFrom && !op.to.findColumn(*column.renamedFrom)) {
                auto old = pending.sourceOf.find(*column.renamedFrom);
                if (old != pending.sourceOf.end())
                    sources[column.name] = old->second;
            }
        }
        pending.sourceOf = std::move(sources);
        apply(op);
    }

    void render(const Execute& op)
    {
        flush();
        auto sql = op.up.find("sqlite");
        if (sql == op.up.end())
            throw InputError("execute has no \"sqlite\" SQL");
        for (auto& statement : splitSqliteStatements(sql->second))
            emit(std::move(statement));
    }

    // --- helpers ---
    template <typename Op>
    void rebuildAndApply(const std::string& tableName, const Op& op)
    {
        rebuildFor(tableName);
        apply(op);
    }

    template <typename Op>
    void rebuildEnumTables(const std::string& enumName, const Op& op)
    {
        // Every table with a column of the enum gets its CHECK rewritten; they are all
        // pending together so that each is built from the enum after the change.
        for (const auto& t : m_working.tables) {
            bool uses = std::any_of(t.columns.begin(), t.columns.end(), [&](const Column& c) {
                return c.type == ColumnType::Enum && c.enumName == enumName;
            });
            if (uses && !pendingFor(t.name))
                m_pending.push_back(startRebuild(t));
        }
        apply(op);
    }

    /// Makes sure `tableName` has a rebuild pending: folds into one that is, otherwise
    /// renders what is pending and starts one.
    void rebuildFor(const std::string& tableName)
    {
        if (pendingFor(tableName))
            return;
        flush();
        m_pending.push_back(startRebuild(table(tableName)));
    }

    SqliteRebuild startRebuild(const Table& t) const
    {
        auto live = m_liveNames.find(t.name);
        SqliteRebuild rebuild = SqliteRebuild::of(t, live == m_liveNames.end() ? std::string() : live->second,
                                                  m_renamed.count(t.name) > 0, m_index);
        rebuild.droppedEarlier = m_droppedIndexes;
        return rebuild;
    }

    SqliteRebuild* pendingFor(std::string_view tableName)
    {
        for (auto& rebuild : m_pending)
            if (rebuild.start.name == tableName)
                return &rebuild;
        return nullptr;
    }

    void flush()
    {
        for (const auto& rebuild : m_pending) {
            const Table* target = m_working.findTable(rebuild.start.name);
            if (target)
                renderSqliteRebuild(rebuild, *target, m_working, m_live, m_out);
        }
        m_pending.clear();
    }

    const Table& table(const std::string& name)
    {
        const Table* t = m_working.findTable(name);
        if (!t)
            throw InputError("table \"" + name + "\" does not exist");
        return *t;
    }

    bool isLiveStrict(const std::string& tableName)
    {
        auto live = m_liveNames.find(tableName);
        if (live == m_liveNames.end())
            return false;
        const SqliteLiveObject* object = m_live.table(live->second);
        return object && sqliteOptionsAreStrict(sqliteTableOptions(object->sql));
    }

    template <typename Op>
    void apply(const Op& op)
    {
        applyOperation(m_working, Operation(op));
    }

    void emit(std::string sql) { m_out.push_back(Statement{std::move(sql), m_index, false}); }

    template <typename Map>
    static void moveKey(Map& map, const std::string& from, const std::string& to)
    {
        auto it = map.find(from);
        if (it == map.end())
            return;
        auto value = std::move(it->second);
        map.erase(it);
        map[to] = std::move(value);
    }

    Schema m_working;
    SqliteLiveCatalog m_live;
    std::map<std::string, std::string> m_liveNames;  // current table name → live name
    std::set<std::string> m_droppedIndexes;           // dropped in place by this render
    std::set<std::string> m_renamed;                  // tables renamed in place (table or column)
    std::vector<SqliteRebuild> m_pending;
    std::vector<Statement> m_out;
    int m_index = -1;
};

} // namespace

std::vector<Statement> renderSqlite(const std::vector<Operation>& ops, const RenderContext& context)
{
    return Renderer(context).run(ops);
}

} // namespace tempest
