#pragma once
// Renders operations into SQLite statements: ALTER where SQLite can, otherwise the
// table rebuild; every change to a table that one render rebuilds goes into that one
// rebuild, which recreates what the run's catalog (RenderContext::state, a
// SqliteRunState) holds at that point of the run.

#include "core/dialect/dialect.h"

namespace tempest {

/// See Dialect::render. Throws InputError naming the operation (1-based) for what SQLite
/// cannot do or for an operation that does not fit `context.before`.
std::vector<Statement> renderSqlite(const std::vector<Operation>& ops, const RenderContext& context);
/// The same against `schema` itself (context.before ignored), which is left as the
/// operations make it (unspecified after an exception): no copy of the schema.
std::vector<Statement> renderSqliteApplying(const std::vector<Operation>& ops, Schema& schema,
                                            const RenderContext& context);

} // namespace tempest
