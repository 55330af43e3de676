#include "core/dialect/postgresql/postgres_introspect_sequence.h"

namespace tempest {

const char* pgSequencesQuery()
{
    // The column defaults that use each sequence, gathered in one pass over pg_depend and
    // joined: as a subquery per sequence, a database whose catalogs were never analysed
    // (just after a migration created its tables) had the planner scan every default's
    // dependency once per sequence — 330 ms of a 1,000-table introspection, 2.5 million
    // rows read (docs/profiles/postgres-introspect.md). The pass is limited to the
    // schema's own sequences: over every default of the database it cost 10-15 ms per
    // introspection at 1,000 tables, and drift's scratch reads of a few temporary tables
    // (pg_temp has no sequence of the real schema) paid it each time.
    return R"(
SELECT c.oid::bigint AS oid, c.relname AS name, pg_catalog.format_type(q.seqtypid, NULL) AS type,
       q.seqstart AS start, q.seqincrement AS increment, q.seqmin AS min, q.seqmax AS max,
       q.seqcache AS cache, q.seqcycle AS cycle,
       d.refobjid::bigint AS owner_rel, d.refobjsubid::int AS owner_num, d.deptype::text AS deptype,
       coalesce(us.users, '[]') AS users
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_sequence q ON q.seqrelid = c.oid
  LEFT JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
        AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype IN ('a', 'i')
  LEFT JOIN (SELECT u.refobjid, json_agg(json_build_array(ad.adrelid::bigint, ad.adnum::int)) AS users
               FROM pg_catalog.pg_depend u JOIN pg_catalog.pg_attrdef ad ON ad.oid = u.objid
              WHERE u.classid = 'pg_catalog.pg_attrdef'::regclass
                AND u.refclassid = 'pg_catalog.pg_class'::regclass
                AND u.refobjid IN (SELECT k.oid FROM pg_catalog.pg_class k CROSS JOIN s
                                    WHERE k.relnamespace = s.oid AND k.relkind = 'S')
              GROUP BY u.refobjid) us ON us.refobjid = c.oid
  CROSS JOIN s
 WHERE c.relnamespace = s.oid AND c.relkind = 'S'
 ORDER BY c.oid)";
}

std::vector<Sequence> pgSequencesFromRows(const Json& rows, const PgColumnLookup& lookup)
{
    std::vector<Sequence> out;
    for (const Json& row : rows) {
        const Json& dependency = row.at("deptype");
        const std::string deptype = dependency.is_string() ? dependency.get<std::string>() : std::string();
        if (deptype == "i")
            continue;  // an identity column's own: autoincrement, or listed with the column in `unsupported`
        std::optional<PgColumnRef> owner;
        if (deptype == "a")
            owner = lookup(row.at("owner_rel").get<std::int64_t>(), row.at("owner_num").get<int>());
        bool anyUser = owner.has_value();
        bool allAutoincrement = !owner || owner->autoincrement;
        for (const Json& user : row.at("users")) {
            const auto column = lookup(user.at(0).get<std::int64_t>(), user.at(1).get<int>());
            if (!column)
                continue;
            anyUser = true;
            allAutoincrement = allAutoincrement && column->autoincrement;
        }
        if (anyUser && allAutoincrement)
            continue;
        Sequence s;
        s.name = row.at("name").get<std::string>();
        s.type = row.at("type").get<std::string>();
        s.start = row.at("start").get<std::int64_t>();
        s.increment = row.at("increment").get<std::int64_t>();
        s.min = row.at("min").get<std::int64_t>();
        s.max = row.at("max").get<std::int64_t>();
        s.cache = row.at("cache").get<std::int64_t>();
        s.cycle = row.at("cycle").get<bool>();
        if (owner)
            s.ownedBy = SequenceOwner{owner->table, owner->column};
        out.push_back(sequenceCanonical(s));
    }
    return out;
}

} // namespace tempest
