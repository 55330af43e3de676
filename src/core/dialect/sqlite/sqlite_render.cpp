#include "core/dialect/sqlite/sqlite_render.h"

#include "core/dialect/sqlite/sqlite_catalog_state.h"
#include "core/dialect/sqlite/sqlite_create_parser.h"
#include "core/dialect/sqlite/sqlite_rebuild.h"
#include "core/dialect/sqlite/sqlite_render_ddl.h"
#include "core/dialect/sqlite/sqlite_render_plan.h"
#include "core/dialect/sqlite/sqlite_render_split.h"
#include "core/dialect/sqlite/sqlite_types.h"
#include "core/driver/driver.h"
#include "core/ir/errors.h"

#include <algorithm>
#include <map>

namespace tempest {

namespace {

/// Renders one list of operations. Every change to a table within the list goes into one
/// rebuild when the table needs one anywhere in the list (sqliteFoldIntoRebuild): the
/// pending rebuild of a table stays open across operations on other tables and is
/// rendered at an execute, at the table's rename, or at the end (a drop cancels it).
/// Every emitted statement is applied to the run's catalog, so that a rebuild recreates
/// what exists at its point of the run.
class Renderer {
public:
    /// Renders on `working`, which the operations change as they are rendered.
    Renderer(Schema& working, const RenderContext& context)
        : m_working(working)
        , m_live(context.live)
        , m_catalog(dynamic_cast<SqliteRunState*>(context.state))
    {
        if (m_catalog) {
            m_catalog->beginRender(context.live);
        } else {
            // A render on its own: read the live catalog only if something needs it, as
            // it stood before this render's statements (which are then replayed on it).
            m_catalog = &m_ownCatalog;
            m_primeWhenNeeded = context.live != nullptr;
        }
    }

    std::vector<Statement> run(const std::vector<Operation>& ops)
    {
        m_fold = sqliteFoldIntoRebuild(ops, m_working);
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
        flushAll();
        return std::move(m_out);
    }

private:
    // --- operations ---
    void render(const CreateTable& op)
    {
        apply(op);
        emit(sqliteCreateTable(op.definition, m_working));
        for (const auto& index : op.definition.indexes)
            emit(sqliteCreateIndex(op.definition.name, index));
    }

    void render(const DropTable& op)
    {
        std::erase_if(m_pending, [&](const SqliteRebuild& r) { return r.start.name == op.definition.name; });
        apply(op);
        emit("DROP TABLE " + sqliteQuoteIdentifier(op.definition.name));
    }

    void render(const RenameTable& op)
    {
        flush(op.from);
        apply(op);
        emit("ALTER TABLE " + sqliteQuoteIdentifier(op.from) + " RENAME TO " + sqliteQuoteIdentifier(op.to));
    }

    void render(const AddColumn& op)
    {
        if (foldsInto(op.table) || !sqliteCanAddInPlace(table(op.table), op.definition)) {
            rebuildAndApply(op.table, op).sourceOf.erase(op.definition.name);
            return;
        }
        apply(op);
        emit("ALTER TABLE " + sqliteQuoteIdentifier(op.table) + " ADD COLUMN "
             + sqliteColumnDefinition(table(op.table), *table(op.table).findColumn(op.definition.name),
                                      m_working, isStrict(op.table)));
    }

    void render(const DropColumn& op)
    {
        const std::string& column = op.definition.name;
        if (foldsInto(op.table) || !sqliteCanDropInPlace(m_working, table(op.table), column)) {
            rebuildAndApply(op.table, op).sourceOf.erase(column);
            return;
        }
        apply(op);
        emit("ALTER TABLE " + sqliteQuoteIdentifier(op.table) + " DROP COLUMN " + sqliteQuoteIdentifier(column));
    }

    void render(const AlterColumn& op)
    {
        if (!pendingFor(op.table) && sqliteOnlyCommentChanged(op.from, op.to)) {
            apply(op);  // SQLite has no comments
            return;
        }
        rebuildAndApply(op.table, op);
    }

    void render(const RenameColumn& op)
    {
        const Column* column = table(op.table).findColumn(op.from);
        // An enum's CHECK is named after the column, which RENAME COLUMN leaves alone.
        if (foldsInto(op.table) || (column && column->type == ColumnType::Enum)) {
            SqliteRebuild& pending = rebuildAndApply(op.table, op);
            moveKey(pending.sourceOf, op.from, op.to);
            pending.renamedBy.erase(op.from);
            pending.renamedBy[op.to] = m_index;
            return;
        }
        apply(op);
        emit("ALTER TABLE " + sqliteQuoteIdentifier(op.table) + " RENAME COLUMN " + sqliteQuoteIdentifier(op.from)
             + " TO " + sqliteQuoteIdentifier(op.to));
    }

    void render(const CreateIndex& op)
    {
        if (foldsInto(op.table)) {
            rebuildAndApply(op.table, op);  // the rebuild creates every index of the final table
            return;
        }
        // Index names are global: one a pending rebuild drops must be gone first.
        for (const auto& rebuild : std::vector<SqliteRebuild>(m_pending))
            if (rebuild.start.findIndex(op.definition.name))
                flush(rebuild.start.name);
        emit(sqliteCreateIndex(op.table, op.definition));
        apply(op);
    }

    void render(const DropIndex& op)
    {
        if (foldsInto(op.table)) {
            rebuildAndApply(op.table, op);  // the index goes with the old table
            return;
        }
        emit("DROP INDEX " + sqliteQuoteIdentifier(op.definition.name));
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
    void render(const AddEnumValue& op) { rebuildEnumTables(op); }
    void render(const DropEnumValue& op) { rebuildEnumTables(op); }
    void render(const RenameEnum& op) { rebuildEnumTables(op); }
    // Domains are PostgreSQL's (docs/ir.md "Domains"): refused before any statement runs.
    void render(const CreateDomain& op) { refuseDomain(op.definition.name); }
    void render(const DropDomain& op) { refuseDomain(op.definition.name); }
    void render(const AlterDomain& op) { refuseDomain(op.to.name); }

    [[noreturn]] static void refuseDomain(const std::string& name)
    {
        throw InputError("domain \"" + name + "\" is PostgreSQL-only: SQLite has no domains");
    }

    template <typename T>
        requires isSequenceOperation<T>
    void render(const T& op)
    {
        throw InputError("sequences are PostgreSQL-only: SQLite has no " + std::string(detail::kindName(op)));
    }

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
        flushAll();  // its SQL may read or change any table
        auto sql = op.up.find("sqlite");
        if (sql == op.up.end())
            throw InputError("execute has no \"sqlite\" SQL");
        for (auto& statement : splitSqliteStatements(sql->second))
            emit(std::move(statement));
    }

    // --- helpers ---
    bool foldsInto(const std::string& tableName)
    {
        return pendingFor(tableName) || m_fold[static_cast<std::size_t>(m_index)];
    }

    template <typename Op>
    SqliteRebuild& rebuildAndApply(const std::string& tableName, const Op& op)
    {
        rebuildFor(tableName);
        apply(op);
        return *pendingFor(tableName);
    }

    template <typename Op>
    void rebuildEnumTables(const Op& op)
    {
        // Every table with a column of the enum gets its CHECK rewritten; they are all
        // pending together so that each is built from the enum after the change.
        for (const auto& name : sqliteTablesRebuiltBy(Operation(op), m_working))
            rebuildFor(name);
        apply(op);
    }

    void rebuildFor(const std::string& tableName)
    {
        if (!pendingFor(tableName))
            m_pending.push_back(SqliteRebuild::of(table(tableName), m_index));
    }

    SqliteRebuild* pendingFor(std::string_view tableName)
    {
        for (auto& rebuild : m_pending)
            if (rebuild.start.name == tableName)
                return &rebuild;
        return nullptr;
    }

    void flush(const std::string& tableName)
    {
        auto it = std::find_if(m_pending.begin(), m_pending.end(),
                               [&](const SqliteRebuild& r) { return r.start.name == tableName; });
        if (it == m_pending.end())
            return;
        SqliteRebuild rebuild = std::move(*it);
        m_pending.erase(it);
        renderRebuild(std::move(rebuild));
    }

    void flushAll()
    {
        std::vector<SqliteRebuild> pending = std::move(m_pending);
        m_pending.clear();
        for (auto& rebuild : pending)
            renderRebuild(std::move(rebuild));
    }

    void renderRebuild(SqliteRebuild rebuild)
    {
        const Table* target = m_working.findTable(rebuild.start.name);
        if (!target)
            return;
        const Table finalTable = *target;
        const std::size_t firstStatement = m_out.size();
        renderSqliteRebuild(std::move(rebuild), finalTable, m_working, catalog(),
                            [this](std::string sql, int operationIndex, bool commentOnly) {
                                m_out.push_back(Statement{std::move(sql), operationIndex, commentOnly});
                                if (!commentOnly)
                                    learn(m_out.back().sql);
                            });
        refuseUnregisteredCollations(finalTable.name, firstStatement);
    }

    /// A rebuild creates the table and its indexes again, and SQLite refuses a collation
    /// the connection does not have (one an application registers at run time, such as
    /// calibre's `unicase`), late, at the final RENAME. Refuse it here, before anything
    /// runs, naming what uses it.
    void refuseUnregisteredCollations(const std::string& tableName, std::size_t firstStatement)
    {
        if (!m_live)
            return;  // offline: the connection that will run the script is not known
        std::vector<std::string> wanted;
        for (std::size_t i = firstStatement; i < m_out.size(); ++i)
            if (!m_out[i].commentOnly)
                for (auto& collation : sqliteCollationsNamedIn(m_out[i].sql))
                    if (!isBuiltinCollation(collation) && !registered(collation))
                        wanted.push_back(std::move(collation));
        if (wanted.empty())
            return;
        const std::string& missing = wanted.front();
        std::string users;
        for (std::size_t i = firstStatement; i < m_out.size(); ++i) {
            const std::string& sql = m_out[i].sql;
            if (m_out[i].commentOnly || !sqliteCollationNamedIn(sql, missing))
                continue;
            if (sql.rfind("CREATE TABLE", 0) == 0) {
                for (const auto& column : parseCreateTable(sql).columns)
                    if (equalsIgnoreCase(column.collation, missing))
                        users += (users.empty() ? "" : ", ") + sqliteQuoteIdentifier(column.name);
            } else if (sql.rfind("CREATE", 0) == 0) {
                users += (users.empty() ? "" : ", ") + parseCreateIndex(sql).name;
            }
        }
        throw InputError("table " + sqliteQuoteIdentifier(tableName) + " cannot be rebuilt: collation "
                         + sqliteQuoteIdentifier(missing) + " (used by " + (users.empty() ? "the table" : users)
                         + ") is not registered on this connection (an application registers it at run time); "
                           "nothing was run");
    }

    static bool isBuiltinCollation(std::string_view name)
    {
        return equalsIgnoreCase(name, "BINARY") || equalsIgnoreCase(name, "NOCASE") || equalsIgnoreCase(name, "RTRIM");
    }

    static bool sqliteCollationNamedIn(const std::string& sql, std::string_view name)
    {
        for (const auto& collation : sqliteCollationsNamedIn(sql))
            if (equalsIgnoreCase(collation, name))
                return true;
        return false;
    }

    /// Whether the connection can compare with `collation`. PRAGMA collation_list cannot
    /// say: it also lists a name SQLite has merely seen in the schema, without a function.
    bool registered(const std::string& collation)
    {
        auto known = m_collations.find(toLowerAscii(collation));
        if (known != m_collations.end())
            return known->second;
        bool usable = true;
        try {
            m_live->query("SELECT 'a' = 'b' COLLATE " + sqliteQuoteIdentifier(collation));
        } catch (const DatabaseError&) {
            usable = false;  // "no such collation sequence", when the statement is prepared
        }
        m_collations.emplace(toLowerAscii(collation), usable);
        return usable;
    }

    /// The run's catalog as it stands after the statements emitted so far.
    const SqliteRunState& catalog()
    {
        if (m_primeWhenNeeded) {
            m_primeWhenNeeded = false;
            m_catalog->primeFrom(*m_live);
            for (const auto& statement : m_out)
                if (!statement.commentOnly)
                    m_catalog->apply(statement.sql);
        }
        return *m_catalog;
    }

    void learn(const std::string& sql)
    {
        if (!m_primeWhenNeeded)
            m_catalog->apply(sql);
    }

    const Table& table(const std::string& name)
    {
        const Table* t = m_working.findTable(name);
        if (!t)
            throw InputError("table \"" + name + "\" does not exist");
        return *t;
    }

    bool isStrict(const std::string& tableName)
    {
        const SqliteSchemaObject* object = catalog().table(tableName);
        return object && sqliteOptionsAreStrict(sqliteTableOptions(object->sql));
    }

    template <typename Op>
    void apply(const Op& op)
    {
        applyOperation(m_working, Operation(op));
    }

    void emit(std::string sql)
    {
        m_out.push_back(Statement{std::move(sql), m_index, false});
        learn(m_out.back().sql);
    }

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

    Schema& m_working;
    Driver* m_live;
    std::map<std::string, bool> m_collations;  // lower-case name → usable on m_live
    SqliteRunState* m_catalog;
    SqliteRunState m_ownCatalog;
    bool m_primeWhenNeeded = false;
    std::vector<bool> m_fold;  // per operation: joins its table's rebuild
    std::vector<SqliteRebuild> m_pending;
    std::vector<Statement> m_out;
    int m_index = -1;
};

} // namespace

std::vector<Statement> renderSqlite(const std::vector<Operation>& ops, const RenderContext& context)
{
    Schema working = context.before ? *context.before : emptySchema();
    return Renderer(working, context).run(ops);
}

std::vector<Statement> renderSqliteApplying(const std::vector<Operation>& ops, Schema& schema,
                                            const RenderContext& context)
{
    return Renderer(schema, context).run(ops);
}

} // namespace tempest
