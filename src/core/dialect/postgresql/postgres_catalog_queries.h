#pragma once
// The catalog queries behind PostgreSQL introspection: one per kind of object, each over
// the whole schema, each returning its rows as one JSON array (so names with any
// characters, arrays and booleans arrive without text parsing of our own).

#include "core/driver/driver.h"
#include "core/ir/json.h"

#include <string>

namespace tempest {

struct PgCatalogRows {
    Json relations;    // tables, views, partitions: oid, name, kind, partition, parent, …
    Json columns;      // rel, num, name, fmt, typname, typtype, category, local_type, …
    Json constraints;  // rel, name, type, def, cols, reftable, ref_local, refcols, …
    Json indexes;      // rel, name, unique, method, predicate, keys, attnums, …
    Json enums;        // name, values
    Json domains;      // name, base, base_typname, base_typtype, base_local, notnull, def, checks [{name, def}]
    Json sequences;    // oid, name, type, start, …, owner_rel, owner_num, deptype, users
    Json others;       // triggers and rules: kind, table, name, sql
};

/// Runs the eight queries over `schemaName` (empty: current_schema()), or over the
/// session's temporary schema when `temporary`. Throws DatabaseError.
PgCatalogRows pgFetchCatalog(Driver& driver, const std::string& schemaName, bool temporary);

} // namespace tempest
