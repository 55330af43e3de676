#include "core/ir/compare.h"

namespace tempest {

bool ComparisonRules::typesEqual(const Column& a, const Column& b) const
{
    return a.type == b.type && a.length == b.length && a.precision == b.precision
        && a.scale == b.scale && a.enumName == b.enumName && a.sql == b.sql;
}

bool ComparisonRules::defaultsEqual(const std::optional<DefaultValue>& a,
                                    const std::optional<DefaultValue>& b) const
{
    return a == b;
}

bool ComparisonRules::collationsEqual(const std::optional<std::string>& a,
                                      const std::optional<std::string>& b) const
{
    return a == b;
}

bool ComparisonRules::expressionsEqual(const std::string& a, const std::string& b) const
{
    return a == b;
}

const ComparisonRules& exactRules()
{
    static const ComparisonRules rules;
    return rules;
}

} // namespace tempest
