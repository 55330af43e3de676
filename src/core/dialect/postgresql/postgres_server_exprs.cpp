#include "core/dialect/postgresql/postgres_server_exprs.h"

#include "core/dialect/postgresql/postgres_introspect.h"
#include "core/dialect/postgresql/postgres_render.h"
#include "core/dialect/postgresql/postgres_render_ddl.h"
#include "core/dialect/postgresql/postgres_sql.h"

#include <algorithm>
#include <unordered_map>

namespace tempest {

namespace {

const char* kSavepoint = "tempest_expr_table";
const char* kChunkSavepoint = "tempest_expr_chunk";

/// Tables made and read per chunk. Every scratch table holds locks (on itself, its
/// indexes, and when it is an ordinary table its TOAST table and index) until its chunk
/// is rolled back, and a default server has max_locks_per_transaction × max_connections
/// slots in all (64 × 100): thousands of tables in one go ran out of them ("out of
/// shared memory", issue 12). A chunk of 200 holds at most about 1,000.
constexpr std::size_t kChunkTables = 200;

/// Runs `sql` in a savepoint; false (and nothing left of it) when the server refuses it.
bool tryInSavepoint(Driver& driver, const std::vector<std::string>& sql)
{
    driver.execute(std::string("SAVEPOINT ") + kSavepoint);
    try {
        for (const auto& statement : sql)
            driver.execute(statement);
        driver.execute(std::string("RELEASE SAVEPOINT ") + kSavepoint);
        return true;
    } catch (const DatabaseError&) {
        driver.execute(std::string("ROLLBACK TO SAVEPOINT ") + kSavepoint);
        driver.execute(std::string("RELEASE SAVEPOINT ") + kSavepoint);
        return false;
    }
}

/// Creates the model's domains in pg_temp, where the scratch tables' columns find them
/// first: one built on another declared after it is tried again once the other exists.
void createScratchDomains(Driver& driver, const Schema& model)
{
    std::vector<const Domain*> pending;
    for (const auto& domain : model.domains)
        pending.push_back(&domain);
    for (bool progress = true; progress && !pending.empty();) {
        progress = false;
        std::vector<const Domain*> failed;
        for (const Domain* domain : pending) {
            if (tryInSavepoint(driver, {pgCreateDomain(*domain, "pg_temp")}))
                progress = true;
            else
                failed.push_back(domain);
        }
        pending = std::move(failed);
    }
}

/// Creates the model's enums and domains in pg_temp, for the scratch tables to use.
void createScratchTypes(Driver& driver, const Schema& model)
{
    for (const auto& e : model.enums) {
        std::string values;
        for (const auto& v : e.values)
            values += (values.empty() ? "" : ", ") + pgQuoteLiteral(v);
        driver.execute("CREATE TYPE pg_temp." + pgQuoteIdentifier(e.name) + " AS ENUM (" + values + ")");
    }
    createScratchDomains(driver, model);
}

/// What the server must see of `table` to store its expressions: every column with its
/// type, default and generation expression, the CHECKs, and the indexes that have an
/// expression or a predicate. Nothing else of a table is read back (copyServerForms),
/// and each piece left out is work the server skips per scratch table: an identity's
/// sequence, the indexes of the primary key, of the uniques and of plain column lists.
/// Half the cost of creating a scratch table (issue 12, docs/profiles/check.md).
Table scratchTable(const Schema& model, const Table& table)
{
    Table scratch;
    scratch.name = table.name;
    // A partition's CHECKs and indexes name its parent's columns: the scratch copy, an
    // ordinary table, gets the columns of the root of its partition tree.
    const Table* root = &table;
    for (int depth = 0; depth < 64 && root && root->partitionOf; ++depth)
        root = model.findTable(*root->partitionOf);
    scratch.columns = root ? root->columns : table.columns;
    for (auto& column : scratch.columns) {
        column.comment.reset();
        if (column.autoincrement) {
            // Its default is the server's own (copyServerForms keeps the model's).
            column.autoincrement = false;
            column.defaultValue.reset();
        }
    }
    scratch.checks = table.checks;
    for (const auto& index : table.indexes)
        if (index.where || std::any_of(index.columns.begin(), index.columns.end(),
                                       [](const IndexColumn& c) { return c.expression; })) {
            scratch.indexes.push_back(index);
            // Uniqueness changes nothing the server prints of the expressions, and a
            // partitioned table refuses a unique index that leaves out its key.
            scratch.indexes.back().unique = false;
        }
    return scratch;
}

/// A column the scratch copy can be partitioned by: one of a built-in type that has a
/// default B-tree operator class, not generated, not an array, in the default collation
/// (a partition key refuses a nondeterministic one). None: the copy is an ordinary table.
const Column* scratchPartitionKey(const Table& scratch)
{
    for (const auto& column : scratch.columns) {
        if (column.generated || column.arrayDims > 0 || column.collation)
            continue;
        switch (column.type) {
        case ColumnType::Json: continue;    // json has no B-tree operator class
        case ColumnType::Enum: continue;    // has one, but the scratch enum types are made per call
        case ColumnType::Custom: continue;  // not known to have one
        default: return &column;
        }
    }
    return nullptr;
}

/// The statements that make the scratch copy of `table`: `partitioned` (empty when no
/// column can be its key) and `ordinary`. A partitioned table has no storage: no files
/// for the table, its TOAST table and its indexes to make and to remove on rollback,
/// so the server makes it in under half the time of an ordinary temporary table
/// (issue 12, docs/profiles/check.md), and prints its expressions the same.
struct ScratchStatements {
    std::vector<std::string> partitioned;
    std::vector<std::string> ordinary;
    const std::vector<std::string>& first() const { return partitioned.empty() ? ordinary : partitioned; }
};

ScratchStatements scratchStatements(const Schema& model, const Table& table)
{
    const Table scratch = scratchTable(model, table);
    ScratchStatements out;
    out.ordinary = pgCreateTable(scratch, std::string_view(), true);
    if (const Column* key = scratchPartitionKey(scratch)) {
        out.partitioned = out.ordinary;
        out.partitioned.front() += " PARTITION BY LIST (" + pgQuoteIdentifier(key->name) + ")";
    }
    return out;
}

/// Creates tables [begin, end) of the model in pg_temp; returns the names of those the
/// server accepted. All in one go first, partitioned where they can be, with no savepoint
/// of their own (two round trips fewer per table); only when the server refuses one are
/// they made again one by one, each in its own savepoint and as an ordinary table when
/// the partitioned one is refused, so that one bad table does not cost the others their
/// rendering.
std::vector<std::string> createScratchTables(Driver& driver, const Schema& model, std::size_t begin, std::size_t end)
{
    std::vector<std::string> created;
    std::vector<ScratchStatements> statements;
    for (std::size_t i = begin; i < end; ++i) {
        statements.push_back(scratchStatements(model, model.tables[i]));
        created.push_back(model.tables[i].name);
    }
    std::vector<std::string> all;
    for (const auto& table : statements)
        all.insert(all.end(), table.first().begin(), table.first().end());
    if (tryInSavepoint(driver, all))
        return created;
    std::vector<std::string> accepted;
    for (std::size_t k = 0; k < statements.size(); ++k)
        if ((!statements[k].partitioned.empty() && tryInSavepoint(driver, statements[k].partitioned))
            || tryInSavepoint(driver, statements[k].ordinary))
            accepted.push_back(std::move(created[k]));
    return accepted;
}

/// A domain's default and CHECKs as the server spells them.
void copyServerForms(Domain& model, const Domain& server)
{
    if (model.base.defaultValue && server.base.defaultValue)
        model.base.defaultValue = server.base.defaultValue;
    for (auto& check : model.checks)
        if (const CheckConstraint* s = server.findCheck(check.name))
            check.expr = s->expr;
}

void copyServerForms(Table& model, const Table& server)
{
    for (auto& column : model.columns) {
        const Column* s = server.findColumn(column.name);
        if (s && column.defaultValue && !column.autoincrement)
            column.defaultValue = s->defaultValue;
        if (s && column.generated && s->generated)
            column.generated = s->generated;
    }
    for (auto& check : model.checks)
        if (const CheckConstraint* s = server.findCheck(check.name))
            check.expr = s->expr;
    for (auto& index : model.indexes) {
        const Index* s = server.findIndex(index.name);
        if (!s || s->columns.size() != index.columns.size())
            continue;
        index.where = s->where;
        for (std::size_t k = 0; k < index.columns.size(); ++k)
            if (index.columns[k].expression && s->columns[k].expression)
                index.columns[k].value = s->columns[k].value;
    }
}

} // namespace

Schema renderExpressionsAsServer(Driver& driver, const Schema& model, const std::string& schemaName)
{
    // Names are checked before the server sees them (63 bytes, never truncated).
    for (const auto& table : model.tables)
        pgQuoteIdentifier(table.name);

    driver.execute("BEGIN");
    Schema server;
    std::vector<std::string> created;
    try {
        if (!schemaName.empty())
            driver.query("SELECT pg_catalog.set_config('search_path', $1, true)",
                         {Value(pgQuoteIdentifier(schemaName))});
        createScratchTypes(driver, model);
        // The first read brings the domains back with the first chunk's tables (or alone).
        for (std::size_t begin = 0; begin == 0 || begin < model.tables.size(); begin += kChunkTables) {
            const std::size_t end = std::min(begin + kChunkTables, model.tables.size());
            driver.execute(std::string("SAVEPOINT ") + kChunkSavepoint);
            auto chunk = createScratchTables(driver, model, begin, end);
            Schema read = pgIntrospectTemporary(driver);
            // Rolled back, the chunk's tables are gone and their locks let go.
            driver.execute(std::string("ROLLBACK TO SAVEPOINT ") + kChunkSavepoint);
            driver.execute(std::string("RELEASE SAVEPOINT ") + kChunkSavepoint);
            created.insert(created.end(), chunk.begin(), chunk.end());
            if (begin == 0)
                server.domains = std::move(read.domains);
            for (auto& table : read.tables)
                server.tables.push_back(std::move(table));
        }
        driver.execute("ROLLBACK");
    } catch (...) {
        try {
            driver.execute("ROLLBACK");
        } catch (...) {
        }
        throw;
    }

    Schema out = model;
    std::unordered_map<std::string_view, const Table*> serverTables;
    for (const auto& table : server.tables)
        serverTables.emplace(table.name, &table);
    for (auto& domain : out.domains)
        if (const Domain* s = server.findDomain(domain.name))
            copyServerForms(domain, *s);
    std::unordered_map<std::string_view, Table*> outTables;
    for (auto& table : out.tables)
        outTables.emplace(table.name, &table);
    for (const auto& name : created) {
        const auto t = outTables.find(name);
        const auto s = serverTables.find(name);
        if (t != outTables.end() && s != serverTables.end())
            copyServerForms(*t->second, *s->second);
    }
    return out;
}

} // namespace tempest
