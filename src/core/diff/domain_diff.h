#pragma once
// Internal to diff: comparing two versions of one PostgreSQL domain (docs/ir.md
// "Domains"). Shared by diffSchema and schemaEquals / describeDifferences.

#include "core/ir/compare.h"
#include "core/ir/schema.h"

#include <string>

namespace tempest::diffdetail {

/// The base types are the same under `rules` (PostgreSQL cannot ALTER a domain's type).
bool domainTypesEqual(const Domain& a, const Domain& b, const ComparisonRules& rules);
/// Same base type, NOT NULL, default and checks (by name and expression) under `rules`.
bool domainsEqual(const Domain& a, const Domain& b, const ComparisonRules& rules);
/// `integer NOT NULL DEFAULT 0 CHECK year_check (VALUE > 0)`: a domain in one line.
std::string domainSummary(const Domain& domain);

} // namespace tempest::diffdetail
