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

std::set<std::string> SqliteDialect::integrityProblems(Driver& driver, const std::vector<std::string>& tables) const
{
    // One whole-database check, filtered: PRAGMA foreign_key_check("t") fails for a
    // table the revision dropped, and a parent's changes show up as its children's rows.
    ResultSet rows = driver.query("PRAGMA foreign_key_check");
    auto touched = [&](const std::string& name) {
        return tables.empty() || std::find(tables.begin(), tables.end(), name) != tables.end();
    };
    std::set<std::string> problems;
    for (std::size_t r = 0; r < rows.rows.size(); ++r) {
        std::string table = rows.text(r, "table"), parent = rows.text(r, "parent");
        if (touched(table) || touched(parent))
            problems.insert(table + " " + rows.text(r, "rowid") + " " + parent + " " + rows.text(r, "fkid"));
    }
    return problems;
}

std::vector<std::string> SqliteDialect::integrityCheckSql(const std::vector<std::string>&) const
{
    return {"PRAGMA foreign_key_check"};
}

Schema SqliteDialect::introspect(Driver& driver, const IntrospectOptions& options) const
{
    return introspectSqlite(driver, options);
}

const ComparisonRules& SqliteDialect::rules() const
{
    return sqliteRules();
}

Schema SqliteDialect::normalizeModel(const Schema& model) const
{
    return sqliteNormalizeModel(model);
}

} // namespace tempest
