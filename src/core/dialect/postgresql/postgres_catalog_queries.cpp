#include "core/dialect/postgresql/postgres_catalog_queries.h"

#include "core/dialect/postgresql/postgres_introspect_sequence.h"

namespace tempest {

namespace {

// Every query starts from the namespace; $1 is the schema name ('' = current_schema()).
const char* kSchemaNamespace =
    "WITH s AS (SELECT oid FROM pg_catalog.pg_namespace "
    "WHERE nspname = coalesce(nullif($1::text, ''), pg_catalog.current_schema())) ";
const char* kTempNamespace = "WITH s AS (SELECT pg_catalog.pg_my_temp_schema() AS oid WHERE $1::text IS NOT NULL) ";

// Comments are joined from pg_description (one hash join) rather than read by
// obj_description()/col_description() once per row.
const char* kRelations = R"(
SELECT c.oid::bigint AS oid, c.relname AS name, c.relkind::text AS kind, c.relispartition AS partition,
       (SELECT p.relname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
         WHERE i.inhrelid = c.oid ORDER BY i.inhseqno LIMIT 1) AS parent,
       (SELECT i.inhparent::bigint FROM pg_catalog.pg_inherits i
         WHERE i.inhrelid = c.oid ORDER BY i.inhseqno LIMIT 1) AS parent_oid,
       CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partkey,
       CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS bound,
       CASE WHEN c.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid, true) END AS viewdef,
       ds.description AS comment
  FROM pg_catalog.pg_class c
  CROSS JOIN s
  LEFT JOIN pg_catalog.pg_description ds
    ON ds.objoid = c.oid AND ds.classoid = 'pg_catalog.pg_class'::regclass AND ds.objsubid = 0
 WHERE c.relnamespace = s.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
 ORDER BY c.oid)";

// Unordered (the client sorts by rel, num: a server sort of 60,000 rows spills to disk).
// Each column names its type (and an array's element type) by oid: the facts of the
// few types in use come from kTypes. A default is deparsed without its table (relid
// 0): a DEFAULT cannot name a column, so the text is the same, and the server does not
// open and lock every table for it (three times cheaper at 5,000 tables). A generated
// column's expression names columns: it is deparsed with its table.
const char* kColumns = R"(
SELECT a.attrelid::bigint AS rel, a.attnum AS num, a.attname AS name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS fmt, a.atttypid::bigint AS type,
       et.oid::bigint AS elem, CASE WHEN et.oid IS NOT NULL THEN pg_catalog.format_type(et.oid, a.atttypmod) END AS elem_fmt,
       a.attndims AS ndims, a.attnotnull AS notnull, a.attidentity::text AS identity,
       a.attgenerated::text AS generated,
       pg_catalog.pg_get_expr(d.adbin, CASE WHEN a.attgenerated = '' THEN 0 ELSE d.adrelid END) AS def,
       CASE WHEN a.attcollation <> t.typcollation
            THEN (SELECT co.collname FROM pg_catalog.pg_collation co WHERE co.oid = a.attcollation) END AS collation,
       ds.description AS comment
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
  JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_catalog.pg_type et
    ON et.oid = t.typelem AND et.typarray = t.oid  -- a true array: int2vector, oidvector are not
  LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  LEFT JOIN pg_catalog.pg_description ds
    ON ds.objoid = a.attrelid AND ds.classoid = 'pg_catalog.pg_class'::regclass AND ds.objsubid = a.attnum
  CROSS JOIN s
 WHERE c.relnamespace = s.oid AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped)";

// The types $2 (an oid[]): whether each is of the schema read (local).
const char* kTypes = R"(
SELECT t.oid::bigint AS oid, t.typname AS name, t.typtype::text AS typtype, t.typcategory::text AS category,
       t.typnamespace = s.oid AS local
  FROM pg_catalog.pg_type t CROSS JOIN s
 WHERE t.oid = ANY ($2::oid[]))";

// Key columns as their numbers (the client names them from the columns it read); the
// server names them only for a foreign key to a table of another schema. The server's
// definition only for constraints whose text the IR keeps (CHECK) or that always go to
// `unsupported`; a key's or a foreign key's text is read afterwards, for the few that
// go there too (PgCatalog::definitions).
const char* kConstraints = R"(
SELECT con.oid::bigint AS oid, con.conrelid::bigint AS rel, con.conname AS name, con.contype::text AS type,
       CASE WHEN con.contype NOT IN ('p', 'u', 'f') THEN pg_catalog.pg_get_constraintdef(con.oid, true) END AS def,
       con.conkey::text AS keys, con.confrelid::bigint AS refrel, con.confkey::text AS refkeys,
       f.relname AS reftable, f.relnamespace = s.oid AS ref_local,
       CASE WHEN f.relnamespace <> s.oid
            THEN (SELECT fn.nspname FROM pg_catalog.pg_namespace fn WHERE fn.oid = f.relnamespace) END AS refschema,
       CASE WHEN f.relnamespace <> s.oid
            THEN pg_catalog.to_json(ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                                            JOIN pg_catalog.pg_attribute a
                                              ON a.attrelid = con.confrelid AND a.attnum = k.num
                                           ORDER BY k.ord))::text END AS refcols,
       con.confdeltype::text AS ondelete, con.confupdtype::text AS onupdate,
       con.condeferrable AS deferrable, con.condeferred AS deferred,
       con.conparentid <> 0 AS cloned, con.coninhcount > 0 AS inherited
  FROM pg_catalog.pg_constraint con
  JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
  LEFT JOIN pg_catalog.pg_class f ON f.oid = con.confrelid
  CROSS JOIN s
 WHERE c.relnamespace = s.oid AND c.relkind IN ('r', 'p')
 ORDER BY con.conrelid, con.conname)";

// Indexes that back no PRIMARY KEY / UNIQUE / EXCLUDE constraint (a foreign key's
// conindid names the referenced table's index, so contype matters). Key columns as
// their numbers (indkey); the server deparses only expression keys and predicates, and
// lists the columns an index depends on (pg_depend) only when it has either — a plain
// index depends on its key columns alone. The non-default operator classes are listed
// once (an InitPlan), not searched for each index. An index's whole definition is read
// afterwards, for the few that go to `unsupported` (PgCatalog::definitions).
const char* kIndexes = R"(
SELECT i.indrelid::bigint AS rel, i.indexrelid::bigint AS oid, ic.relname AS name, i.indisunique AS "unique",
       am.amname AS method,
       CASE WHEN i.indpred IS NOT NULL THEN pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) END AS predicate,
       CASE WHEN i.indexprs IS NOT NULL
            THEN pg_catalog.to_json(ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, true)
                                            FROM generate_series(1, i.indnkeyatts) k ORDER BY k))::text END AS keys,
       i.indkey::text AS attnums, i.indnkeyatts AS nkeys,
       CASE WHEN i.indexprs IS NOT NULL OR i.indpred IS NOT NULL
            THEN ARRAY(SELECT d.refobjsubid::int FROM pg_catalog.pg_depend d
                        WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = i.indexrelid
                          AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid = i.indrelid
                          AND d.refobjsubid > 0 ORDER BY 1)::text END AS dep_attnums,
       i.indnkeyatts <> i.indnatts AS has_include,
       0 <> ANY (i.indoption::int2[]) AS has_options,
       i.indclass::oid[] && (SELECT pg_catalog.array_agg(op.oid) FROM pg_catalog.pg_opclass op
                              WHERE NOT op.opcdefault) AS has_opclass,
       ic.relispartition AS cloned
  FROM pg_catalog.pg_index i
  JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
  JOIN pg_catalog.pg_am am ON am.oid = ic.relam
  CROSS JOIN s
 WHERE c.relnamespace = s.oid AND c.relkind IN ('r', 'p')
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                    WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                      AND con.contype IN ('p', 'u', 'x'))
 ORDER BY i.indrelid, ic.relname)";

const char* kEnums = R"(
SELECT t.typname AS name,
       coalesce(json_agg(e.enumlabel ORDER BY e.enumsortorder) FILTER (WHERE e.enumlabel IS NOT NULL), '[]') AS "values"
  FROM pg_catalog.pg_type t
  LEFT JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
  CROSS JOIN s
 WHERE t.typnamespace = s.oid AND t.typtype = 'e'
 GROUP BY t.oid, t.typname
 ORDER BY t.oid)";

// Domains in creation (oid) order, which puts a domain after the domain it is over; the
// base type as columns give theirs (format_type, typname, typtype, local).
const char* kDomains = R"(
SELECT t.oid::bigint AS oid, t.typname AS name, pg_catalog.format_type(t.typbasetype, t.typtypmod) AS base,
       bt.typname AS base_typname, bt.typtype::text AS base_typtype,
       bt.typnamespace = s.oid AS base_local, t.typnotnull AS notnull, t.typdefault AS def,
       coalesce((SELECT json_agg(json_build_object('name', con.conname,
                                                   'def', pg_catalog.pg_get_constraintdef(con.oid, true))
                                 ORDER BY con.conname)
                   FROM pg_catalog.pg_constraint con
                  WHERE con.contypid = t.oid AND con.contype = 'c'), '[]') AS checks
  FROM pg_catalog.pg_type t
  JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
  CROSS JOIN s
 WHERE t.typnamespace = s.oid AND t.typtype = 'd'
 ORDER BY t.oid)";

// Triggers (clones on partitions left out: the parent's lists them) and rules other
// than the _RETURN rule every view has.
const char* kOthers = R"(
SELECT 'trigger' AS kind, c.relname AS "table", tg.tgname AS name,
       pg_catalog.pg_get_triggerdef(tg.oid, true) AS sql, tg.oid::bigint AS oid
  FROM pg_catalog.pg_trigger tg JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid CROSS JOIN s
 WHERE c.relnamespace = s.oid AND NOT tg.tgisinternal AND tg.tgparentid = 0
UNION ALL
SELECT 'rule', c.relname, r.rulename, pg_catalog.pg_get_ruledef(r.oid, true), r.oid::bigint
  FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class CROSS JOIN s
 WHERE c.relnamespace = s.oid AND r.rulename <> '_RETURN'
 ORDER BY 2, 3)";

/// An oid[] parameter's text: {1,2,3}.
std::string oidArray(const std::vector<std::int64_t>& oids)
{
    std::string text = "{";
    for (const auto oid : oids)
        text += (text.size() > 1 ? "," : "") + std::to_string(oid);
    return text + "}";
}

} // namespace

PgCatalog::PgCatalog(Driver& driver, const std::string& schemaName, bool temporary)
    : m_driver(driver), m_schemaName(schemaName), m_prefix(temporary ? kTempNamespace : kSchemaNamespace),
      m_temporary(temporary)
{
}

ResultSet PgCatalog::rows(const char* body)
{
    return m_driver.query(m_prefix + body, {Value(m_schemaName)});
}

Json PgCatalog::json(const char* body)
{
    const std::string sql = m_prefix + "SELECT coalesce(json_agg(x), '[]')::text AS j FROM (" + body + ") x";
    ResultSet rows = m_driver.query(sql, {Value(m_schemaName)});
    return Json::parse(rows.text(0, "j"));
}

ResultSet PgCatalog::relations() { return rows(kRelations); }
ResultSet PgCatalog::columns() { return rows(kColumns); }
ResultSet PgCatalog::constraints() { return rows(kConstraints); }
ResultSet PgCatalog::indexes() { return rows(kIndexes); }
Json PgCatalog::enums() { return m_temporary ? Json::array() : json(kEnums); }
Json PgCatalog::domains() { return json(kDomains); }
Json PgCatalog::sequences() { return m_temporary ? Json::array() : json(pgSequencesQuery()); }
Json PgCatalog::others() { return m_temporary ? Json::array() : json(kOthers); }

ResultSet PgCatalog::types(const std::vector<std::int64_t>& oids)
{
    return m_driver.query(m_prefix + kTypes, {Value(m_schemaName), Value(oidArray(oids))});
}

std::map<std::int64_t, std::string> PgCatalog::definitions(const std::vector<std::int64_t>& constraints,
                                                           const std::vector<std::int64_t>& indexes)
{
    // Run even when both are empty: introspection costs the same statements whatever
    // the schema holds (kPgIntrospectionQueries). Not so the scratch tables' read, a
    // round trip of drift's fixed point that almost never has any.
    std::map<std::int64_t, std::string> out;
    if (m_temporary && constraints.empty() && indexes.empty())
        return out;
    const ResultSet rows = m_driver.query(
        "SELECT k.oid::bigint AS oid, pg_catalog.pg_get_constraintdef(k.oid, true) AS def"
        "  FROM unnest($1::oid[]) k(oid) "
        "UNION ALL "
        "SELECT k.oid::bigint, pg_catalog.pg_get_indexdef(k.oid) FROM unnest($2::oid[]) k(oid)",
        {Value(oidArray(constraints)), Value(oidArray(indexes))});
    for (const auto& row : rows.rows)
        out[std::get<std::int64_t>(row.at(0))] = valueToString(row.at(1));
    return out;
}

} // namespace tempest
