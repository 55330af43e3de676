-- The PostgreSQL introspection anchor of scripts/bench.sh: one pg_catalog statement that
-- reads the facts `tempest-migrate introspect` reports for the tables of schema public
-- (columns with type, nullability, default and identity; constraints as the server
-- deparses them; indexes with their definitions; the table comment).
SELECT c.relname,
       (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull || ' '
                          || a.attidentity::text || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), ''), ',' ORDER BY a.attnum)
          FROM pg_attribute a
          LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
         WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
       (SELECT string_agg(o.conname::text || ' ' || o.contype::text || ' ' || pg_get_constraintdef(o.oid), ';' ORDER BY o.conname)
          FROM pg_constraint o WHERE o.conrelid = c.oid),
       (SELECT string_agg(pg_get_indexdef(i.indexrelid), ';' ORDER BY i.indexrelid)
          FROM pg_index i WHERE i.indrelid = c.oid),
       obj_description(c.oid, 'pg_class')
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
 ORDER BY c.relname;
