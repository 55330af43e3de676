#include "core/dialect/postgresql/postgres_catalog_queries.h"

#include "core/dialect/postgresql/postgres_introspect_sequence.h"

namespace tempest {

namespace {

// Every query starts from the namespace; $1 is the schema name ('' = current_schema()).
const char* kSchemaNamespace =
    "WITH s AS (SELECT oid FROM pg_catalog.pg_namespace "
    "WHERE nspname = coalesce(nullif($1::text, ''), pg_catalog.current_schema())) ";
const char* kTempNamespace = "WITH s AS (SELECT pg_catalog.pg_my_temp_schema() AS oid WHERE $1::text IS NOT NULL) ";

const char* kRelations = R"(
SELECT c.oid::bigint AS oid, c.relname AS name, c.relkind::text AS kind, c.relispartition AS partition,
       (SELECT p.relname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
         WHERE i.inhrelid = c.oid ORDER BY i.inhseqno LIMIT 1) AS parent,
       (SELECT i.inhparent::bigint FROM pg_catalog.pg_inherits i
         WHERE i.inhrelid = c.oid ORDER BY i.inhseqno LIMIT 1) AS parent_oid,
       CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partkey,
       CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS bound,
       CASE WHEN c.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid, true) END AS viewdef,
       pg_catalog.obj_description(c.oid, 'pg_class') AS comment
  FROM pg_catalog.pg_class c, s
 WHERE c.relnamespace = s.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
 ORDER BY c.oid)";

const char* kColumns = R"(
SELECT a.attrelid::bigint AS rel, a.attnum AS num, a.attname AS name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS fmt, t.typname AS typname,
       t.typtype::text AS typtype, t.typcategory::text AS category, t.typnamespace = s.oid AS local_type,
       et.typname AS elem_typname, et.typtype::text AS elem_typtype, et.typnamespace = s.oid AS elem_local,
       pg_catalog.format_type(et.oid, a.atttypmod) AS elem_fmt, a.attndims AS ndims,
       a.attnotnull AS notnull, a.attidentity::text AS identity, a.attgenerated::text AS generated,
       pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS def,
       (SELECT co.collname FROM pg_catalog.pg_collation co
         WHERE co.oid = a.attcollation AND a.attcollation <> t.typcollation) AS collation,
       pg_catalog.col_description(a.attrelid, a.attnum) AS comment
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
  JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_catalog.pg_type et
    ON et.oid = t.typelem AND et.typarray = t.oid  -- a true array: int2vector, oidvector are not
  LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  CROSS JOIN s
 WHERE c.relnamespace = s.oid AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
 ORDER BY a.attrelid, a.attnum)";

const char* kConstraints = R"(
SELECT con.conrelid::bigint AS rel, con.conname AS name, con.contype::text AS type,
       pg_catalog.pg_get_constraintdef(con.oid, true) AS def,
       ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
               JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num
              ORDER BY k.ord) AS cols,
       f.relname AS reftable, f.relnamespace = s.oid AS ref_local,
       (SELECT fn.nspname FROM pg_catalog.pg_namespace fn WHERE fn.oid = f.relnamespace) AS refschema,
       ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
               JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num
              ORDER BY k.ord) AS refcols,
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
// conindid names the referenced table's index, so contype matters).
const char* kIndexes = R"(
SELECT i.indrelid::bigint AS rel, ic.relname AS name, i.indisunique AS "unique", am.amname AS method,
       pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
       ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, true)
               FROM generate_series(1, i.indnkeyatts) k ORDER BY k) AS keys,
       ARRAY(SELECT i.indkey[k - 1] FROM generate_series(1, i.indnkeyatts) k ORDER BY k) AS attnums,
       ARRAY(SELECT d.refobjsubid::int FROM pg_catalog.pg_depend d
              WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = i.indexrelid
                AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid = i.indrelid
                AND d.refobjsubid > 0 ORDER BY 1) AS dep_attnums,
       i.indnkeyatts <> i.indnatts AS has_include,
       EXISTS (SELECT 1 FROM unnest(i.indoption::int2[]) o WHERE o <> 0) AS has_options,
       EXISTS (SELECT 1 FROM unnest(i.indclass::oid[]) cl(oid)
                 JOIN pg_catalog.pg_opclass op ON op.oid = cl.oid WHERE NOT op.opcdefault) AS has_opclass,
       pg_catalog.pg_get_indexdef(i.indexrelid) AS sql, ic.relispartition AS cloned
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

Json fetch(Driver& driver, const std::string& prefix, const char* body, const std::string& schema)
{
    const std::string sql = prefix + "SELECT coalesce(json_agg(x), '[]')::text AS j FROM (" + body + ") x";
    ResultSet rows = driver.query(sql, {Value(schema)});
    return Json::parse(rows.text(0, "j"));
}

} // namespace

PgCatalogRows pgFetchCatalog(Driver& driver, const std::string& schemaName, bool temporary)
{
    const std::string prefix = temporary ? kTempNamespace : kSchemaNamespace;
    PgCatalogRows rows;
    rows.relations = fetch(driver, prefix, kRelations, schemaName);
    rows.columns = fetch(driver, prefix, kColumns, schemaName);
    rows.constraints = fetch(driver, prefix, kConstraints, schemaName);
    rows.indexes = fetch(driver, prefix, kIndexes, schemaName);
    rows.enums = fetch(driver, prefix, kEnums, schemaName);
    rows.domains = fetch(driver, prefix, kDomains, schemaName);
    rows.sequences = fetch(driver, prefix, pgSequencesQuery(), schemaName);
    rows.others = fetch(driver, prefix, kOthers, schemaName);
    return rows;
}

} // namespace tempest
