#include "core/dialect/postgresql/postgres_server_exprs.h"

#include "core/dialect/postgresql/postgres_introspect.h"
#include "core/dialect/postgresql/postgres_render_ddl.h"
#include "core/dialect/postgresql/postgres_sql.h"

namespace tempest {

namespace {

const char* kSavepoint = "tempest_expr_table";

/// Creates the model's enums and tables in pg_temp; returns the names of the tables the
/// server accepted.
std::vector<std::string> createScratchObjects(Driver& driver, const Schema& model)
{
    for (const auto& e : model.enums) {
        std::string values;
        for (const auto& v : e.values)
            values += (values.empty() ? "" : ", ") + pgQuoteLiteral(v);
        driver.execute("CREATE TYPE pg_temp." + pgQuoteIdentifier(e.name) + " AS ENUM (" + values + ")");
    }
    std::vector<std::string> created;
    for (const auto& table : model.tables) {
        Table scratch = table;
        for (auto& column : scratch.columns)
            column.comment.reset();
        driver.execute(std::string("SAVEPOINT ") + kSavepoint);
        try {
            for (const auto& sql : pgCreateTable(scratch, std::string_view(), true))
                driver.execute(sql);
            driver.execute(std::string("RELEASE SAVEPOINT ") + kSavepoint);
            created.push_back(table.name);
        } catch (const DatabaseError&) {
            driver.execute(std::string("ROLLBACK TO SAVEPOINT ") + kSavepoint);
            driver.execute(std::string("RELEASE SAVEPOINT ") + kSavepoint);
        }
    }
    return created;
}

void copyServerForms(Table& model, const Table& server)
{
    for (auto& column : model.columns) {
        const Column* s = server.findColumn(column.name);
        if (s && column.defaultValue && !column.autoincrement)
            column.defaultValue = s->defaultValue;
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
        created = createScratchObjects(driver, model);
        server = pgIntrospectTemporary(driver);
        driver.execute("ROLLBACK");
    } catch (...) {
        try {
            driver.execute("ROLLBACK");
        } catch (...) {
        }
        throw;
    }

    Schema out = model;
    for (const auto& name : created) {
        Table* table = out.findTable(name);
        const Table* s = server.findTable(name);
        if (table && s)
            copyServerForms(*table, *s);
    }
    return out;
}

} // namespace tempest
