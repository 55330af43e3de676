#pragma once
// Renders operations into SQLite statements: ALTER where SQLite can, otherwise the
// table rebuild, with consecutive operations on one table folded into one rebuild.

#include "core/dialect/dialect.h"

namespace tempest {

/// See Dialect::render. Throws InputError naming the operation (1-based) for what SQLite
/// cannot do or for an operation that does not fit `context.before`.
std::vector<Statement> renderSqlite(const std::vector<Operation>& ops, const RenderContext& context);

} // namespace tempest
