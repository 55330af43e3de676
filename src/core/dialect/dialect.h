#pragma once
// The Dialect interface: everything SQL. A dialect renders operations into statements,
// owns the run's transaction statements, the version table's SQL, introspection, and
// the comparison rules that make schemaEquals/drift dialect-aware.

#include "core/driver/driver.h"
#include "core/ir/compare.h"
#include "core/ir/schema.h"
#include "core/ops/operation.h"

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace tempest {

/// A statement to run, with what produced it (for error messages and --sql comments).
struct Statement {
    std::string sql;
    /// Index of the operation in the rendered list that produced it (-1: none).
    int operationIndex = -1;
    /// When true, the runner does not send it through the driver but the dialect's
    /// own routine has already run it / it is a comment for --sql output.
    bool commentOnly = false;
};

/// The tables an integrity check after a revision reads (core/runner/integrity_scope.h
/// decides them). `wholeDatabase`: every table (a revision with an `execute` op can change
/// any row); otherwise the foreign keys of `tables` (sorted, distinct), each read only if
/// it exists when the check runs.
struct IntegrityScope {
    bool wholeDatabase = false;
    std::vector<std::string> tables;
    bool empty() const { return !wholeDatabase && tables.empty(); }
    bool operator==(const IntegrityScope&) const = default;
};

/// What a dialect carries from one render() to the next within one run. SQLite keeps
/// the sqlite_schema objects (tables, indexes, triggers, views) as the run's statements
/// change them, so that a rebuild late in a run recreates what exists at that point,
/// not what the catalog held when the run started. The runner makes one per run
/// (Dialect::newRunState) and passes it to every render() of the run, in run order,
/// whether the statements go to a database or to `--sql` text; replaying revisions
/// through render() with the output discarded (a FROM:TO range) primes it too.
class DialectRunState {
public:
    virtual ~DialectRunState() = default;
    /// Called after a replay that stands for what the database already holds (the
    /// revisions at FROM of an offline range): objects known now existed before the
    /// script, so they may carry things made outside the migrations.
    virtual void markStartOfScript() {}
};

/// What render() may know about the database. With `live`, the dialect may read the
/// live catalog (the SQLite rebuild recreates indexes, triggers and views from
/// sqlite_schema); without it (offline --sql) it works from `before` alone and says
/// what it cannot know in `-- WARNING` comments.
struct RenderContext {
    const Schema* before = nullptr;  // the schema the operations start from
    Driver* live = nullptr;
    std::string schemaName;          // PostgreSQL schema ("public")
    /// The run's state (see DialectRunState), or null for a render on its own: then the
    /// dialect reads what it needs from `live` at the start of this render.
    DialectRunState* state = nullptr;
};

/// One row of the version table.
struct AppliedRevision {
    std::string id;
    std::string label;
    std::string appliedAt;  // ISO-8601 UTC
    std::string checksum;   // "sha256:<hex>"
    std::int64_t seq = 0;   // application order
};

struct IntrospectOptions {
    std::string schemaName;          // PostgreSQL schema; default public
    std::string versionTable = "tempest_db_migrations";  // left out of the result…
    std::string versionTableSchema;  // …when it lives in schemaName (empty: it does)
    /// PostgreSQL: the named schemas read besides schemaName; their objects are named
    /// `schema.name` (docs/ir.md "Named schemas").
    std::vector<std::string> schemas;
};

class Dialect {
public:
    virtual ~Dialect() = default;

    virtual std::string name() const = 0;  // "sqlite" | "postgresql"
    virtual std::string quoteIdentifier(std::string_view name) const = 0;
    virtual std::string quoteLiteral(std::string_view text) const = 0;

    /// Renders operations into statements, in order. Throws InputError for what this
    /// dialect cannot do (naming the operation), before anything runs.
    virtual std::vector<Statement> render(const std::vector<Operation>& ops,
                                          const RenderContext& context) const = 0;
    /// render() against `schema` (context.before is ignored), leaving `schema` as the
    /// operations make it: what a run needs revision after revision. After an exception
    /// `schema` is unspecified; throw it away. The default renders and then applies the
    /// operations; a dialect whose render works on a copy of the schema overrides it to
    /// work on `schema` itself, so a run does not copy the whole schema per revision.
    virtual std::vector<Statement> renderApplying(const std::vector<Operation>& ops, Schema& schema,
                                                  const RenderContext& context) const;

    /// A fresh state for one run; null when the dialect needs none. A state is primed
    /// from the live database at the first render() that has `live`, and otherwise
    /// starts from an empty catalog and learns from the statements rendered into it.
    virtual std::unique_ptr<DialectRunState> newRunState() const { return nullptr; }

    // --- a run (DESIGN.md "Each revision is atomic") ---
    /// Statements that open a run (SQLite: PRAGMA foreign_keys=OFF; BEGIN IMMEDIATE).
    virtual std::vector<std::string> beginRun() const = 0;
    virtual std::vector<std::string> commitRun() const = 0;
    virtual std::vector<std::string> rollbackRun() const = 0;
    /// The same, knowing the version table: PostgreSQL takes its session advisory lock
    /// on a hash of schema.versionTable here, and releases it in commit/rollback. The
    /// defaults forward to beginRun()/commitRun()/rollbackRun().
    virtual std::vector<std::string> beginRunFor(std::string_view schema, std::string_view versionTable) const;
    virtual std::vector<std::string> commitRunFor(std::string_view schema, std::string_view versionTable) const;
    virtual std::vector<std::string> rollbackRunFor(std::string_view schema, std::string_view versionTable) const;
    /// Statements that must be committed before a revision that contains `ops` runs
    /// (PostgreSQL: `ALTER TYPE … ADD VALUE IF NOT EXISTS`, whose value cannot be used in
    /// the transaction that added it). The runner commits what came before, runs these
    /// outside a transaction, and opens a new transaction (keeping its lock). Default: none.
    virtual std::vector<std::string> commitFirst(const std::vector<Operation>& ops, const RenderContext& context) const;
    /// Ends the current transaction and opens the next one, keeping the run's lock.
    virtual std::vector<std::string> endTransaction() const { return {"COMMIT"}; }
    virtual std::vector<std::string> startTransaction() const { return {"BEGIN"}; }

    virtual std::string savepoint(std::string_view name) const;
    virtual std::string releaseSavepoint(std::string_view name) const;
    virtual std::string rollbackToSavepoint(std::string_view name) const;
    /// Integrity problems visible now in `scope` (SQLite: foreign_key_check rows), as
    /// stable strings; the runner fails a revision on problems that were not there
    /// before it.
    virtual std::set<std::string> integrityProblems(Driver& driver, const IntegrityScope& scope) const;
    /// The statements integrityProblems() runs, as `--sql` prints them after each
    /// revision (empty: the dialect checks nothing, or the scope is empty).
    virtual std::vector<std::string> integrityCheckSql(const IntegrityScope& scope) const
    {
        (void)scope;
        return {};
    }
    /// The live database's foreign keys as (child table, parent table) pairs, for the
    /// children of changed tables the models do not know (created outside the
    /// revisions). Only asked of a dialect whose integrityCheckSql is not empty.
    virtual std::vector<std::pair<std::string, std::string>> foreignKeyEdges(Driver& driver) const
    {
        (void)driver;
        return {};
    }

    /// A query returning one row with the number of rows of `table` in column `n` (the
    /// facts a destructive run is confirmed with). `schema` qualifies the table when set.
    virtual std::string countRowsSql(std::string_view table, std::string_view schema) const;

    /// Statements that open each revision, inside its savepoint (so online runs and
    /// `--sql` print the same): PostgreSQL sets `search_path` to `schema` first when a
    /// schema is named, so expressions calling that schema's functions resolve as the
    /// introspected IR (which leaves them unqualified) expects. Default: none.
    virtual std::vector<std::string> revisionSetup(std::string_view schema) const
    {
        (void)schema;
        return {};
    }

    // --- the version table ---
    // `schema` is where the table lives (PostgreSQL; empty: unqualified, resolved by the
    // connection's search_path). SQLite has one schema and ignores it.
    virtual std::vector<std::string> createVersionTable(std::string_view schema, std::string_view table) const = 0;
    virtual bool versionTableExists(Driver& driver, std::string_view schema, std::string_view table) const = 0;
    /// Rows ordered by seq.
    virtual std::vector<AppliedRevision> readVersionTable(Driver& driver, std::string_view schema,
                                                          std::string_view table) const = 0;
    virtual std::string insertVersionRow(std::string_view schema, std::string_view table,
                                         const AppliedRevision& row) const = 0;
    virtual std::string deleteVersionRow(std::string_view schema, std::string_view table, std::string_view id) const = 0;
    /// Whether `schema` exists (a runner refuses to create its version table in one
    /// that does not). Default: true (SQLite has one schema).
    virtual bool schemaExists(Driver& driver, std::string_view schema) const
    {
        (void)driver;
        (void)schema;
        return true;
    }
    /// The statement that moves a version table from `from` to `to` (shown to users whose
    /// history sits in another schema); empty when the dialect has no schemas.
    virtual std::string moveVersionTableSql(std::string_view from, std::string_view to, std::string_view table) const
    {
        (void)from;
        (void)to;
        (void)table;
        return {};
    }

    // --- introspection and comparison ---
    /// The live schema as IR, in a fixed number of statements however many tables.
    virtual Schema introspect(Driver& driver, const IntrospectOptions& options) const = 0;
    virtual const ComparisonRules& rules() const = 0;
    /// Brings a model schema into the shape introspection produces for this dialect
    /// (SQLite: enums become text + a named CHECK), so the two compare directly. By value:
    /// a caller that gives its schema up (std::move) pays no copy of it.
    virtual Schema normalizeModel(Schema model) const { return model; }
    /// normalizeModel, plus what only the server can say: PostgreSQL rewrites the model's
    /// defaults, CHECKs and index expressions into the form the server stores (it creates
    /// them on scratch temporary tables in a rolled-back transaction, so call it outside
    /// a transaction). Drift compares introspect() with this. Default: normalizeModel.
    virtual Schema prepareModelForCompare(Driver& driver, const Schema& model,
                                          const IntrospectOptions& options) const
    {
        (void)driver;
        (void)options;
        return normalizeModel(model);
    }
    /// `schema` (a live one or a prepared model) with its defaults, CHECKs and index
    /// expressions as the server spells them after one more parse. PostgreSQL's spelling
    /// is not always a fixed point (ARRAY['a'::character varying]::text[] comes back as
    /// ARRAY[('a'::character varying)::text]), so drift re-renders both sides of a table
    /// that still differs until they agree or stop changing (drift.h). Same transaction
    /// rule as prepareModelForCompare. Default: unchanged — the stored text is final.
    virtual Schema renderExpressionsAgain(Driver& driver, const Schema& schema,
                                          const IntrospectOptions& options) const
    {
        (void)driver;
        (void)options;
        return schema;
    }
};

/// "sqlite" or "postgresql" → the dialect; InputError for another name.
std::unique_ptr<Dialect> makeDialect(std::string_view name);

} // namespace tempest
