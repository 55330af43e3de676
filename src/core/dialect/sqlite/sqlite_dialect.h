#pragma once
// SqliteDialect: the Dialect for SQLite 3.35+ (DROP COLUMN), verified on 3.40. Renders
// through sqlite_render.h, introspects through sqlite_introspect.h, compares through
// sqlite_rules.h. Stateless (what a run carries lives in its SqliteRunState): one
// instance may serve several threads.

#include "core/dialect/dialect.h"
#include "core/dialect/sqlite/sqlite_types.h"

namespace tempest {

class SqliteDialect final : public Dialect {
public:
    std::string name() const override { return "sqlite"; }
    std::string quoteIdentifier(std::string_view name) const override;
    std::string quoteLiteral(std::string_view text) const override;

    std::vector<Statement> render(const std::vector<Operation>& ops,
                                  const RenderContext& context) const override;
    std::vector<Statement> renderApplying(const std::vector<Operation>& ops, Schema& schema,
                                          const RenderContext& context) const override;
    /// A SqliteRunState (sqlite_catalog_state.h): the run's model of sqlite_schema.
    std::unique_ptr<DialectRunState> newRunState() const override;

    /// PRAGMA foreign_keys=OFF, then BEGIN IMMEDIATE: the pragma is a no-op inside a
    /// transaction, and with foreign keys on a rebuild's DROP TABLE would cascade into
    /// child tables.
    std::vector<std::string> beginRun() const override;
    /// COMMIT, then PRAGMA foreign_keys=ON: tempest's drivers run with foreign keys on,
    /// so that is the state a run restores (the pragma, too, only acts outside a
    /// transaction).
    std::vector<std::string> commitRun() const override;
    /// ROLLBACK, then PRAGMA foreign_keys=ON (see commitRun).
    std::vector<std::string> rollbackRun() const override;
    /// Rows of foreign_key_check for the tables of `scope` that exist (every table's for
    /// the whole database), as "<table> <rowid> <parent> <fkid>".
    std::set<std::string> integrityProblems(Driver& driver, const IntegrityScope& scope) const override;
    /// The one statement integrityProblems() runs: `PRAGMA foreign_key_check` for the
    /// whole database; for a list of tables, a SELECT of pragma_foreign_key_check over
    /// those of them that exist (pragma_table_info finds them without failing on a
    /// missing one), so the check costs what the changed tables hold, not the database.
    std::vector<std::string> integrityCheckSql(const IntegrityScope& scope) const override;
    /// sqlite_schema × pragma_foreign_key_list, one query.
    std::vector<std::pair<std::string, std::string>> foreignKeyEdges(Driver& driver) const override;

    std::vector<std::string> createVersionTable(std::string_view schema, std::string_view table) const override;
    bool versionTableExists(Driver& driver, std::string_view schema, std::string_view table) const override;
    std::vector<AppliedRevision> readVersionTable(Driver& driver, std::string_view schema,
                                                  std::string_view table) const override;
    std::string insertVersionRow(std::string_view schema, std::string_view table,
                                 const AppliedRevision& row) const override;
    std::string deleteVersionRow(std::string_view schema, std::string_view table, std::string_view id) const override;

    Schema introspect(Driver& driver, const IntrospectOptions& options) const override;
    const ComparisonRules& rules() const override;
    Schema normalizeModel(Schema model) const override;
};

} // namespace tempest
