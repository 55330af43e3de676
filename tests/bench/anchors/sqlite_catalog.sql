-- The SQLite introspection anchor of scripts/bench.sh: one statement that reads the facts
-- `tempest-migrate introspect` reports (every table's CREATE text, columns with type,
-- nullability, default and key position, indexes with uniqueness, origin, partiality and
-- columns, foreign keys with actions), through sqlite_schema and the pragma table-valued
-- functions.
SELECT m.name, m.sql,
       (SELECT group_concat(c.name || ' ' || c.type || ' ' || c."notnull" || ' ' || ifnull(c.dflt_value, '') || ' '
                            || c.pk || ' ' || c.hidden, ',')
          FROM pragma_table_xinfo(m.name) c),
       (SELECT group_concat(il.name || ' ' || il."unique" || ' ' || il.origin || ' ' || il.partial || ' ('
                            || (SELECT group_concat(ifnull(ii.name, '<expr>') || ' ' || ii.desc, ',')
                                  FROM pragma_index_xinfo(il.name) ii WHERE ii.key) || ')', ';')
          FROM pragma_index_list(m.name) il),
       (SELECT group_concat(f.id || ' ' || f.seq || ' ' || f."table" || ' ' || f."from" || ' ' || ifnull(f."to", '')
                            || ' ' || f.on_update || ' ' || f.on_delete, ';')
          FROM pragma_foreign_key_list(m.name) f),
       (SELECT group_concat(i.name || ' ' || ifnull(i.sql, ''), ';')
          FROM sqlite_schema i WHERE i.type = 'index' AND i.tbl_name = m.name)
  FROM sqlite_schema m
 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
 ORDER BY m.name;
