#pragma once
// The server's spelling of a model's expressions. PostgreSQL stores CHECK (score >= 0)
// as CHECK ((score >= (0)::numeric)) and DEFAULT '2020-01-01' on a timestamp as
// '2020-01-01 00:00:00'::timestamp without time zone, so a model compares with a live
// schema only after its expressions went through the same server.
//
// Drift (or any caller comparing a model with introspect()) calls this — or the generic
// Dialect::prepareModelForCompare, which PostgresDialect implements with it — on the
// model, then schemaEquals(live, prepared, &dialect.rules()). The server's spelling is
// not always a fixed point: checkDrift renders the tables that still differ again, on
// both sides, until they agree (drift.h; docs/decisions.md "Expressions compare in the
// server's normal form").

#include "core/driver/driver.h"
#include "core/ir/schema.h"

#include <string>

namespace tempest {

/// Returns `model` with every column default, CHECK expression, index expression and
/// partial-index predicate replaced by the form the server renders for it. It creates
/// the model's enums and tables as temporary objects (no foreign keys) inside
/// BEGIN … ROLLBACK, reads them back with the introspection queries, and leaves
/// nothing behind. `schemaName` (empty: current_schema()) is put after pg_temp on the
/// search_path so that expressions may use its functions and types.
///
/// Must be called outside a transaction (its ROLLBACK would end the caller's). A table
/// the server refuses (a custom type or function it does not know) keeps the model's
/// own spelling — the comparison then shows it as a difference instead of failing.
/// Throws DatabaseError when the connection fails.
Schema renderExpressionsAsServer(Driver& driver, const Schema& model, const std::string& schemaName);

} // namespace tempest
