#pragma once
// PostgreSQL's comparison rules (DESIGN.md "Equality"): type synonyms (int4 = integer,
// character varying = varchar, timestamp without time zone = timestamp, …) are equal,
// literal defaults compare by value, expressions by their tokens. Expressions are only
// reliably equal in the server's own spelling: prepare a model with
// renderExpressionsAsServer (postgres_server_exprs.h) before comparing it with a live
// schema.

#include "core/ir/compare.h"
#include "core/ir/schema.h"

#include <string>
#include <string_view>

namespace tempest {

class PostgresComparisonRules : public ComparisonRules {
public:
    bool typesEqual(const Column& a, const Column& b) const override;
    /// 42 = '42' = 42.0; 'x' = 'x'; expressions as expressionsEqual.
    bool defaultsEqual(const std::optional<DefaultValue>& a,
                       const std::optional<DefaultValue>& b) const override;
    /// Equal up to whitespace, keyword/identifier case, identifier quoting and redundant
    /// outer parentheses (string literals stay exact).
    bool expressionsEqual(const std::string& a, const std::string& b) const override;
};

const ComparisonRules& postgresRules();

/// The form expressionsEqual compares.
std::string pgNormalizeExpression(std::string_view expr);

/// `column` with a custom type that names a built-in (int4, character varying(20), …)
/// turned into that IR type, char without length as char(1), numeric(p) as numeric(p,0).
Column pgCanonicalType(Column column);

/// A model in the shape introspection produces, as far as that is known without a
/// server: canonical types, autoincrement and primary-key columns NOT NULL, no default
/// on autoincrement columns.
Schema pgNormalizeModel(Schema model);

} // namespace tempest
