#include "core/dialect/dialect.h"

#include "core/ir/errors.h"

namespace tempest {

std::vector<std::string> Dialect::beginRunFor(std::string_view, std::string_view) const
{
    return beginRun();
}

std::vector<std::string> Dialect::commitRunFor(std::string_view, std::string_view) const
{
    return commitRun();
}

std::vector<std::string> Dialect::rollbackRunFor(std::string_view, std::string_view) const
{
    return rollbackRun();
}

std::vector<Statement> Dialect::renderApplying(const std::vector<Operation>& ops, Schema& schema,
                                              const RenderContext& context) const
{
    RenderContext at = context;
    at.before = &schema;
    std::vector<Statement> statements = render(ops, at);
    applyOperations(schema, ops);
    return statements;
}

std::vector<std::string> Dialect::commitFirst(const std::vector<Operation>&, const RenderContext&) const
{
    return {};
}

std::string Dialect::countRowsSql(std::string_view table, std::string_view schema) const
{
    const std::string qualified = schema.empty() ? quoteIdentifier(table)
                                                 : quoteIdentifier(schema) + "." + quoteIdentifier(table);
    return "SELECT count(*) AS n FROM " + qualified;
}

std::string Dialect::savepoint(std::string_view name) const
{
    return "SAVEPOINT " + quoteIdentifier(name);
}

std::string Dialect::releaseSavepoint(std::string_view name) const
{
    return "RELEASE SAVEPOINT " + quoteIdentifier(name);
}

std::string Dialect::rollbackToSavepoint(std::string_view name) const
{
    return "ROLLBACK TO SAVEPOINT " + quoteIdentifier(name);
}

std::set<std::string> Dialect::integrityProblems(Driver&, const IntegrityScope&) const
{
    return {};
}

} // namespace tempest
