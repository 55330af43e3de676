-- The SQLite introspection anchor of scripts/bench.sh: one statement, one pass over
-- sqlite_schema, that reads the facts `tempest-migrate introspect` reports — every
-- table's, index's, trigger's and view's SQL, and for each table its columns (type,
-- nullability, default, key position, hidden), its indexes (uniqueness, origin,
-- partiality, key columns) and its foreign keys (columns, target, actions) through the
-- pragma table-valued functions.
SELECT m.type, m.name, m.tbl_name, m.sql,
       CASE WHEN m.type = 'table' THEN
         (SELECT group_concat(c.name || ' ' || c.type || ' ' || c."notnull" || ' ' || ifnull(c.dflt_value, '') || ' '
                              || c.pk || ' ' || c.hidden, ',')
            FROM pragma_table_xinfo(m.name) c) END,
       CASE WHEN m.type = 'table' THEN
         (SELECT group_concat(il.name || ' ' || il."unique" || ' ' || il.origin || ' ' || il.partial || ' ('
                              || (SELECT group_concat(ifnull(ii.name, '<expr>') || ' ' || ii.desc, ',')
                                    FROM pragma_index_xinfo(il.name) ii WHERE ii.key) || ')', ';')
            FROM pragma_index_list(m.name) il) END,
       CASE WHEN m.type = 'table' THEN
         (SELECT group_concat(f.id || ' ' || f.seq || ' ' || f."table" || ' ' || f."from" || ' ' || ifnull(f."to", '')
                              || ' ' || f.on_update || ' ' || f.on_delete, ';')
            FROM pragma_foreign_key_list(m.name) f) END
  FROM sqlite_schema m
 WHERE m.name NOT LIKE 'sqlite\_%' ESCAPE '\';
