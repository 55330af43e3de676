#pragma once
// The catalog queries behind PostgreSQL introspection: one per kind of object, each over
// the whole schema. The large kinds (relations, columns, constraints, indexes) come as
// rows of raw catalog columns — key columns as their numbers, resolved by the client —
// with the server's deparse (pg_get_expr, pg_get_constraintdef, pg_get_indexdef) only
// where its text is kept; the small kinds as one JSON array each (arrays of names arrive
// without text parsing of our own).

#include "core/driver/driver.h"
#include "core/ir/json.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tempest {

/// The catalog of one schema ('' = current_schema()), or of the session's temporary
/// schema when `temporary`. Each call runs one query; read one kind at a time, the rows
/// of one are let go before the next arrive. Every call throws DatabaseError.
class PgCatalog {
public:
    PgCatalog(Driver& driver, const std::string& schemaName, bool temporary);

    /// Tables, views, partitions: oid, name, kind, partition, parent, parent_oid,
    /// partkey, bound, viewdef, comment; by oid.
    ResultSet relations();
    /// rel, num, name, fmt, type, elem (an array's element type; NULL for others),
    /// elem_fmt, ndims, notnull, identity, generated, def, collation, comment; in no
    /// order.
    ResultSet columns();
    /// oid, name, typtype, category, local (of this schema) of the types `oids`.
    ResultSet types(const std::vector<std::int64_t>& oids);
    /// oid, rel, name, type, def (not for p/u/f), keys and refkeys (conkey/confkey
    /// text, "{1,2}"), reftable, ref_local, refschema and refcols (JSON; another
    /// schema's only), ondelete, onupdate, deferrable, deferred, cloned, inherited; by
    /// rel, name.
    ResultSet constraints();
    /// rel, oid, name, unique, method, predicate, keys (JSON; expression indexes
    /// only), attnums (indkey text, "1 2"), nkeys, dep_attnums ("{1,2}"; expression or
    /// partial indexes only), has_include, has_options, has_opclass, cloned; by rel, name.
    ResultSet indexes();
    /// Empty, with no query, for pg_temp: the expressions read back from drift's scratch
    /// tables need no enum's values (postgres_server_exprs.cpp; a column's type is the
    /// types() query's).
    Json enums();      // name, values
    Json domains();    // name, base, base_typname, base_typtype, base_local, notnull, def, checks [{name, def}]
    /// Both empty, with no query, for pg_temp: drift's scratch tables have no sequence,
    /// trigger or rule (postgres_server_exprs.cpp, scratchTable).
    Json sequences();  // oid, name, type, start, …, owner_rel, owner_num, deptype, users
    Json others();     // triggers and rules: kind, table, name, sql

    /// The server's text of the given constraints (pg_get_constraintdef) and indexes
    /// (pg_get_indexdef), by oid: one query, also when both are empty (introspection is a
    /// fixed number of statements), except for pg_temp.
    std::map<std::int64_t, std::string> definitions(const std::vector<std::int64_t>& constraints,
                                                    const std::vector<std::int64_t>& indexes);

private:
    ResultSet rows(const char* body);
    Json json(const char* body);

    Driver& m_driver;
    std::string m_schemaName;
    std::string m_prefix;
    bool m_temporary = false;
};

} // namespace tempest
