// create_domain / drop_domain / alter_domain (docs/ir.md "Domains"): CREATE DOMAIN with
// its default, NOT NULL and named CHECKs; an alter is one ALTER DOMAIN per part that
// changes. PostgreSQL cannot change a domain's base type, and the diff never asks it to
// (a changed base type is drop + create); a hand-written alter_domain that does is refused.

#include "core/dialect/postgresql/postgres_render.h"

#include "core/dialect/postgresql/postgres_sql.h"
#include "core/ir/errors.h"

namespace tempest {

namespace {

std::string checkClause(const CheckConstraint& check)
{
    return "CONSTRAINT " + pgQuoteIdentifier(check.name) + " CHECK (" + check.expr + ")";
}

} // namespace

std::string pgCreateDomain(const Domain& domain, std::string_view schema)
{
    std::string sql = "CREATE DOMAIN " + pgObjectName(schema, domain.name) + " AS " + pgColumnType(domain.base, schema);
    if (domain.base.defaultValue)
        sql += " DEFAULT " + pgDefaultSql(*domain.base.defaultValue);
    if (!domain.base.nullable)
        sql += " NOT NULL";
    for (const CheckConstraint& check : domain.checks)
        sql += " " + checkClause(check);
    return sql;
}

std::string pgDropDomain(const Domain& domain, std::string_view schema)
{
    return "DROP DOMAIN " + pgObjectName(schema, domain.name);
}

std::vector<std::string> pgAlterDomain(const AlterDomain& op, std::string_view schema)
{
    const Domain& from = op.from;
    const Domain& to = op.to;
    if (pgColumnType(from.base, schema) != pgColumnType(to.base, schema))
        throw InputError("PostgreSQL cannot change the base type of domain \"" + to.name + "\" ("
                         + pgColumnType(from.base, schema) + " → " + pgColumnType(to.base, schema)
                         + "); drop and create it instead");
    const std::string prefix = "ALTER DOMAIN " + pgObjectName(schema, to.name) + " ";
    std::vector<std::string> out;
    if (from.base.defaultValue != to.base.defaultValue)
        out.push_back(prefix + (to.base.defaultValue ? "SET DEFAULT " + pgDefaultSql(*to.base.defaultValue)
                                                     : std::string("DROP DEFAULT")));
    if (from.base.nullable != to.base.nullable)
        out.push_back(prefix + (to.base.nullable ? "DROP NOT NULL" : "SET NOT NULL"));
    for (const CheckConstraint& check : from.checks)
        if (to.findCheck(check.name) == nullptr || to.findCheck(check.name)->expr != check.expr)
            out.push_back(prefix + "DROP CONSTRAINT " + pgQuoteIdentifier(check.name));
    for (const CheckConstraint& check : to.checks)
        if (from.findCheck(check.name) == nullptr || from.findCheck(check.name)->expr != check.expr)
            out.push_back(prefix + "ADD " + checkClause(check));
    return out;
}

} // namespace tempest
