#pragma once
// The state of a PostgreSQL database as the reliability tests compare it: what
// `tempest-migrate introspect` prints, and beyond it every row of every table (a
// digest), the functions and triggers of schema public, and the integrity of its
// foreign keys.

#include "pg_cli_project.h"

#include "core/driver/driver.h"

#include <string>
#include <vector>

namespace tempest::test {

/// `tempest-migrate introspect` of the project's database; the failure when it fails, so
/// that comparisons show it.
inline std::string pgIntrospectText(const PgCliProject& p)
{
    const CliRun introspect = p.run(cliArgs({"introspect"}));
    return introspect.exitCode == 0 ? introspect.out : "introspect failed: " + introspect.describe();
}

/// "table:rows:md5" for every ordinary table of schema public but the version table, in
/// name order; the md5 is of every row's text, sorted. Equal digests: every row intact.
inline std::string pgDataDigest(Driver& db, const std::string& versionTable = "tempest_db_migrations")
{
    const ResultSet tables = db.query("SELECT tablename::text AS t FROM pg_catalog.pg_tables WHERE schemaname = "
                                      "'public' AND tablename <> $1 ORDER BY 1",
                                      {Value(versionTable)});
    std::string digest;
    for (std::size_t i = 0; i < tables.rows.size(); ++i) {
        const std::string table = tables.text(i, "t");
        const ResultSet rows = db.query("SELECT count(*) AS n, coalesce(md5(string_agg(r::text, E'\\n' ORDER BY "
                                        "r::text)), '') AS h FROM public.\""
                                        + table + "\" r");
        digest += table + ":" + rows.text(0, "n") + ":" + rows.text(0, "h") + "\n";
    }
    return digest;
}

/// What introspection leaves out: the functions of schema public (name, arguments and a
/// digest of the body) and every trigger's definition.
inline std::string pgFunctionsAndTriggers(Driver& db)
{
    const ResultSet functions = db.query(
        "SELECT coalesce(string_agg(p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ') '"
        " || md5(p.prosrc), E'\\n' ORDER BY p.proname), '') AS f FROM pg_catalog.pg_proc p "
        "WHERE p.pronamespace = 'public'::regnamespace");
    const ResultSet triggers = db.query(
        "SELECT coalesce(string_agg(pg_catalog.pg_get_triggerdef(t.oid) || ' enabled=' || t.tgenabled::text, E'\\n' "
        "ORDER BY t.tgname), '') AS t FROM pg_catalog.pg_trigger t WHERE NOT t.tgisinternal");
    return "--- functions\n" + functions.text(0, "f") + "\n--- triggers\n" + triggers.text(0, "t") + "\n";
}

/// Foreign-key problems of schema public, one line each: a constraint not validated, or a
/// child row (single-column keys) whose parent is missing. Empty when there are none.
inline std::vector<std::string> pgForeignKeyProblems(Driver& db)
{
    std::vector<std::string> problems;
    const ResultSet keys = db.query(
        "SELECT c.conname::text AS name, c.convalidated AS validated, c.conrelid::regclass::text AS child, "
        "c.confrelid::regclass::text AS parent, a.attname::text AS col, b.attname::text AS refcol "
        "FROM pg_catalog.pg_constraint c "
        "JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
        "JOIN pg_catalog.pg_attribute b ON b.attrelid = c.confrelid AND b.attnum = c.confkey[1] "
        "WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace ORDER BY 1");
    for (std::size_t i = 0; i < keys.rows.size(); ++i) {
        const std::string name = keys.text(i, "name");
        if (keys.integer(i, "validated") == 0)
            problems.push_back(name + ": not validated");
        const std::string orphans = "SELECT count(*) AS n FROM " + keys.text(i, "child") + " c WHERE c.\""
                                  + keys.text(i, "col") + "\" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                                  + keys.text(i, "parent") + " p WHERE p.\"" + keys.text(i, "refcol") + "\" = c.\""
                                  + keys.text(i, "col") + "\")";
        if (const std::int64_t n = db.query(orphans).integer(0, "n"); n != 0)
            problems.push_back(name + ": " + std::to_string(n) + " orphan row(s)");
    }
    return problems;
}

/// How many foreign keys schema public has (so that an empty problem list means something).
inline std::int64_t pgForeignKeyCount(Driver& db)
{
    return db
        .query("SELECT count(*) AS n FROM pg_catalog.pg_constraint WHERE contype = 'f' AND connamespace = "
               "'public'::regnamespace")
        .integer(0, "n");
}

} // namespace tempest::test
