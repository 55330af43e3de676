// PostgresDialect: run statements (advisory lock, commit-first enum values), the version
// table, and the wiring of rendering, introspection and comparison.

#include "core/dialect/postgresql/postgres_dialect.h"

#include "core/dialect/postgresql/postgres_introspect.h"
#include "core/dialect/postgresql/postgres_render.h"
#include "core/dialect/postgresql/postgres_rules.h"
#include "core/dialect/postgresql/postgres_server_exprs.h"
#include "core/dialect/postgresql/postgres_sql.h"

namespace tempest {

std::string PostgresDialect::quoteIdentifier(std::string_view name) const
{
    return pgQuoteIdentifier(name);
}

std::string PostgresDialect::quoteLiteral(std::string_view text) const
{
    return pgQuoteLiteral(text);
}

std::vector<Statement> PostgresDialect::render(const std::vector<Operation>& ops, const RenderContext& context) const
{
    return pgRender(ops, context);
}

std::vector<std::string> PostgresDialect::beginRunFor(std::string_view schema, std::string_view versionTable) const
{
    const std::string key = std::to_string(pgAdvisoryLockKey(schema, versionTable));
    return {"SET lock_timeout = '30s'", "SELECT pg_catalog.pg_advisory_lock(" + key + ")", "RESET lock_timeout",
            "BEGIN"};
}

std::vector<std::string> PostgresDialect::commitRunFor(std::string_view schema, std::string_view versionTable) const
{
    return {"COMMIT", "SELECT pg_catalog.pg_advisory_unlock(" + std::to_string(pgAdvisoryLockKey(schema, versionTable)) + ")"};
}

std::vector<std::string> PostgresDialect::rollbackRunFor(std::string_view schema, std::string_view versionTable) const
{
    return {"ROLLBACK",
            "SELECT pg_catalog.pg_advisory_unlock(" + std::to_string(pgAdvisoryLockKey(schema, versionTable)) + ")"};
}

std::vector<std::string> PostgresDialect::commitFirst(const std::vector<Operation>& ops,
                                                      const RenderContext& context) const
{
    return pgCommitFirst(ops, context);
}

std::vector<std::string> PostgresDialect::revisionSetup(std::string_view schema) const
{
    // public stays on the path: extensions' functions and types normally live there.
    if (schema.empty() || schema == "public")
        return {};
    return {"SET LOCAL search_path TO " + pgQuoteIdentifier(schema) + ", public"};
}

std::vector<std::string> PostgresDialect::createVersionTable(std::string_view schema, std::string_view table) const
{
    return {"CREATE TABLE IF NOT EXISTS " + pgQualified(schema, table)
            + " (\"id\" text PRIMARY KEY, \"label\" text, \"applied_at\" timestamptz NOT NULL, "
              "\"checksum\" text, \"seq\" bigint NOT NULL)"};
}

bool PostgresDialect::versionTableExists(Driver& driver, std::string_view schema, std::string_view table) const
{
    ResultSet rows = driver.query("SELECT CASE WHEN pg_catalog.to_regclass($1) IS NULL THEN 0 ELSE 1 END AS n",
                                  {Value(pgQualified(schema, table))});
    return !rows.rows.empty() && rows.integer(0, "n") > 0;
}

std::vector<AppliedRevision> PostgresDialect::readVersionTable(Driver& driver, std::string_view schema,
                                                               std::string_view table) const
{
    ResultSet rows = driver.query(
        "SELECT \"id\", coalesce(\"label\", '') AS \"label\", "
        "to_char(\"applied_at\" AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS \"applied_at\", "
        "coalesce(\"checksum\", '') AS \"checksum\", \"seq\" FROM "
        + pgQualified(schema, table) + " ORDER BY \"seq\"");
    std::vector<AppliedRevision> result;
    for (std::size_t r = 0; r < rows.rows.size(); ++r)
        result.push_back({rows.text(r, "id"), rows.text(r, "label"), rows.text(r, "applied_at"),
                          rows.text(r, "checksum"), rows.integer(r, "seq")});
    return result;
}

std::string PostgresDialect::insertVersionRow(std::string_view schema, std::string_view table,
                                              const AppliedRevision& row) const
{
    auto orNull = [](std::string_view text) { return text.empty() ? std::string("NULL") : pgQuoteLiteral(text); };
    return "INSERT INTO " + pgQualified(schema, table) + " (\"id\", \"label\", \"applied_at\", \"checksum\", \"seq\") VALUES ("
         + pgQuoteLiteral(row.id) + ", " + orNull(row.label) + ", "
         + (row.appliedAt.empty() ? std::string("now()") : pgQuoteLiteral(row.appliedAt)) + ", "
         + orNull(row.checksum) + ", " + std::to_string(row.seq) + ")";
}

std::string PostgresDialect::deleteVersionRow(std::string_view schema, std::string_view table,
                                              std::string_view id) const
{
    return "DELETE FROM " + pgQualified(schema, table) + " WHERE \"id\" = " + pgQuoteLiteral(id);
}

bool PostgresDialect::schemaExists(Driver& driver, std::string_view schema) const
{
    if (schema.empty())
        return true;
    ResultSet rows = driver.query("SELECT count(*) AS n FROM pg_catalog.pg_namespace WHERE nspname = $1",
                                  {Value(std::string(schema))});
    return !rows.rows.empty() && rows.integer(0, "n") > 0;
}

std::string PostgresDialect::countRowsSql(std::string_view table, std::string_view schema) const
{
    return "SELECT count(*) AS n FROM " + pgObjectName(schema, table);
}

std::string PostgresDialect::moveVersionTableSql(std::string_view from, std::string_view to,
                                                 std::string_view table) const
{
    return "ALTER TABLE " + pgQualified(from, table) + " SET SCHEMA " + pgQuoteIdentifier(to);
}

Schema PostgresDialect::introspect(Driver& driver, const IntrospectOptions& options) const
{
    return pgIntrospect(driver, options);
}

const ComparisonRules& PostgresDialect::rules() const
{
    return postgresRules();
}

Schema PostgresDialect::normalizeModel(Schema model) const
{
    return pgNormalizeModel(std::move(model));
}

Schema PostgresDialect::prepareModelForCompare(Driver& driver, const Schema& model,
                                               const IntrospectOptions& options) const
{
    return renderExpressionsAsServer(driver, pgNormalizeModel(model), options.schemaName);
}

Schema PostgresDialect::renderExpressionsAgain(Driver& driver, const Schema& schema,
                                              const IntrospectOptions& options) const
{
    return renderExpressionsAsServer(driver, schema, options.schemaName);
}

} // namespace tempest
