#include "core/dialect/sqlite/sqlite_dialect.h"

#include "core/dialect/sqlite/sqlite_catalog_state.h"
#include "core/dialect/sqlite/sqlite_introspect.h"
#include "core/dialect/sqlite/sqlite_render.h"
#include "core/dialect/sqlite/sqlite_rules.h"

#include <algorithm>

namespace tempest {

std::string SqliteDialect::quoteIdentifier(std::string_view name) const
{
    return sqliteQuoteIdentifier(name);
}

std::string SqliteDialect::quoteLiteral(std::string_view text) const
{
    return sqliteQuoteLiteral(text);
}

std::vector<Statement> SqliteDialect::render(const std::vector<Operation>& ops, const RenderContext& context) const
{
    return renderSqlite(ops, context);
}

std::vector<Statement> SqliteDialect::renderApplying(const std::vector<Operation>& ops, Schema& schema,
                                                     const RenderContext& context) const
{
    return renderSqliteApplying(ops, schema, context);
}

std::unique_ptr<DialectRunState> SqliteDialect::newRunState() const
{
    return std::make_unique<SqliteRunState>();
}

std::vector<std::string> SqliteDialect::beginRun() const
{
    return {"PRAGMA foreign_keys=OFF", "BEGIN IMMEDIATE"};
}

std::vector<std::string> SqliteDialect::commitRun() const
{
    return {"COMMIT", "PRAGMA foreign_keys=ON"};
}

std::vector<std::string> SqliteDialect::rollbackRun() const
{
    return {"ROLLBACK", "PRAGMA foreign_keys=ON"};
}

std::set<std::string> SqliteDialect::integrityProblems(Driver& driver, const IntegrityScope& scope) const
{
    std::set<std::string> problems;
    for (const auto& sql : integrityCheckSql(scope)) {
        ResultSet rows = driver.query(sql);
        for (std::size_t r = 0; r < rows.rows.size(); ++r)
            problems.insert(rows.text(r, "table") + " " + rows.text(r, "rowid") + " " + rows.text(r, "parent") + " "
                            + rows.text(r, "fkid"));
    }
    return problems;
}

std::vector<std::string> SqliteDialect::integrityCheckSql(const IntegrityScope& scope) const
{
    if (scope.wholeDatabase)
        return {"PRAGMA foreign_key_check"};
    if (scope.tables.empty())
        return {};
    // The existing tables are materialised first (DISTINCT keeps the subquery from being
    // flattened): pragma_foreign_key_check fails on a table that does not exist, and a
    // revision may have dropped one of the list, or not created it yet.
    std::string values;
    for (const auto& t : scope.tables)
        values += (values.empty() ? "(" : ", (") + sqliteQuoteLiteral(t) + ")";
    return {"SELECT f.* FROM (SELECT DISTINCT v.column1 AS name FROM (VALUES " + values
            + ") AS v, pragma_table_info(v.column1)) AS t, pragma_foreign_key_check(t.name) AS f"};
}

std::vector<std::pair<std::string, std::string>> SqliteDialect::foreignKeyEdges(Driver& driver) const
{
    ResultSet rows = driver.query("SELECT m.name AS child, f.\"table\" AS parent FROM sqlite_schema AS m, "
                                  "pragma_foreign_key_list(m.name) AS f WHERE m.type = 'table'");
    std::vector<std::pair<std::string, std::string>> edges;
    edges.reserve(rows.rows.size());
    for (std::size_t r = 0; r < rows.rows.size(); ++r)
        edges.emplace_back(rows.text(r, "child"), rows.text(r, "parent"));
    return edges;
}

Schema SqliteDialect::introspect(Driver& driver, const IntrospectOptions& options) const
{
    return introspectSqlite(driver, options);
}

const ComparisonRules& SqliteDialect::rules() const
{
    return sqliteRules();
}

Schema SqliteDialect::normalizeModel(Schema model) const
{
    return sqliteNormalizeModel(std::move(model));
}

} // namespace tempest
