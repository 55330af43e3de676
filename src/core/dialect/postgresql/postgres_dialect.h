#pragma once
// PostgresDialect: the Dialect for PostgreSQL 12+ (verified on 15). Renders through
// postgres_render.h, introspects through postgres_introspect.h, compares through
// postgres_rules.h. Stateless: one instance may serve several threads.
//
// Schema: RenderContext::schemaName / IntrospectOptions::schemaName qualify every name
// when set; empty means unqualified names resolved by the connection's search_path
// (normally public) — the same rule the version table follows (its own schema: the
// project's, or versionTableSchema). See postgres_sql.h for the type table.
//
// Comparison: the server rewrites expressions (CHECK (score >= 0) is stored as
// CHECK ((score >= (0)::numeric))). prepareModelForCompare() — or, directly,
// renderExpressionsAsServer() in postgres_server_exprs.h — rewrites a model's defaults,
// checks and index expressions into the server's spelling; drift should call it on the
// model before schemaEquals(live, model, &rules()).

#include "core/dialect/dialect.h"

namespace tempest {

class PostgresDialect final : public Dialect {
public:
    std::string name() const override { return "postgresql"; }
    /// "name" ("" doubled); InputError over 63 bytes.
    std::string quoteIdentifier(std::string_view name) const override;
    std::string quoteLiteral(std::string_view text) const override;

    std::vector<Statement> render(const std::vector<Operation>& ops,
                                  const RenderContext& context) const override;

    std::vector<std::string> beginRun() const override { return {"BEGIN"}; }
    std::vector<std::string> commitRun() const override { return {"COMMIT"}; }
    std::vector<std::string> rollbackRun() const override { return {"ROLLBACK"}; }
    /// Takes the session advisory lock on a hash of schema.versionTable (waiting at most
    /// 30 s: then lock_not_available, which the runner reports as locked), then BEGIN.
    /// The lock is a session lock so that it survives the commits of commitFirst().
    std::vector<std::string> beginRunFor(std::string_view schema, std::string_view versionTable) const override;
    /// COMMIT, then the advisory unlock.
    std::vector<std::string> commitRunFor(std::string_view schema, std::string_view versionTable) const override;
    /// ROLLBACK, then the advisory unlock.
    std::vector<std::string> rollbackRunFor(std::string_view schema, std::string_view versionTable) const override;
    /// `ALTER TYPE … ADD VALUE IF NOT EXISTS` for the revision's add_enum_value ops: a
    /// value added in a transaction cannot be used before it commits. The same statement
    /// in the revision itself is then a no-op.
    std::vector<std::string> commitFirst(const std::vector<Operation>& ops, const RenderContext& context) const override;

    /// `SET LOCAL search_path TO "schema", public` when a schema is named (see Dialect).
    std::vector<std::string> revisionSetup(std::string_view schema) const override;

    std::vector<std::string> createVersionTable(std::string_view schema, std::string_view table) const override;
    bool versionTableExists(Driver& driver, std::string_view schema, std::string_view table) const override;
    std::vector<AppliedRevision> readVersionTable(Driver& driver, std::string_view schema,
                                                  std::string_view table) const override;
    std::string insertVersionRow(std::string_view schema, std::string_view table,
                                 const AppliedRevision& row) const override;
    std::string deleteVersionRow(std::string_view schema, std::string_view table, std::string_view id) const override;
    /// pg_namespace has `schema` (true when empty: the search_path decides).
    bool schemaExists(Driver& driver, std::string_view schema) const override;
    /// The table as the IR names it: `schema.table` in a named schema (pgObjectName).
    std::string countRowsSql(std::string_view table, std::string_view schema) const override;
    /// ALTER TABLE "from"."table" SET SCHEMA "to"
    std::string moveVersionTableSql(std::string_view from, std::string_view to, std::string_view table) const override;

    /// Eight catalog queries, however many tables.
    Schema introspect(Driver& driver, const IntrospectOptions& options) const override;
    const ComparisonRules& rules() const override;
    /// The model in introspection's shape without a server: char → char(1),
    /// numeric(p) → numeric(p,0), autoincrement columns NOT NULL and without default.
    Schema normalizeModel(Schema model) const override;
    /// normalizeModel, then renderExpressionsAsServer (postgres_server_exprs.h).
    Schema prepareModelForCompare(Driver& driver, const Schema& model, const IntrospectOptions& options) const override;
    /// renderExpressionsAsServer alone (no normalisation).
    Schema renderExpressionsAgain(Driver& driver, const Schema& schema, const IntrospectOptions& options) const override;
};

} // namespace tempest
