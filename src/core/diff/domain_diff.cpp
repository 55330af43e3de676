#include "core/diff/domain_diff.h"

#include "core/diff/diff.h"

namespace tempest::diffdetail {

bool domainTypesEqual(const Domain& a, const Domain& b, const ComparisonRules& rules)
{
    return rules.typesEqual(a.base, b.base);
}

bool domainsEqual(const Domain& a, const Domain& b, const ComparisonRules& rules)
{
    if (!domainTypesEqual(a, b, rules) || a.base.nullable != b.base.nullable
        || !rules.defaultsEqual(a.base.defaultValue, b.base.defaultValue) || a.checks.size() != b.checks.size())
        return false;
    for (const CheckConstraint& check : a.checks) {
        const CheckConstraint* other = b.findCheck(check.name);
        if (!other || !rules.expressionsEqual(check.expr, other->expr))
            return false;
    }
    return true;
}

std::string domainSummary(const Domain& domain)
{
    std::string out = columnTypeText(domain.base);
    if (!domain.base.nullable)
        out += " NOT NULL";
    if (domain.base.defaultValue)
        out += " DEFAULT " + defaultValueText(domain.base.defaultValue);
    for (const CheckConstraint& check : domain.checks)
        out += " CHECK " + check.name + " (" + check.expr + ")";
    return out;
}

} // namespace tempest::diffdetail
