#pragma once
// Helpers for the live PostgreSQL dialect suites: run rendered statements, create a
// whole IR schema through the dialect, compare schemas with readable differences.

#include "core/dialect/postgresql/postgres_dialect.h"
#include "core/diff/diff.h"
#include "core/ir/schema_json.h"
#include "pg_test.h"

#include <QTest>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace tempest::test {

inline std::string readTextFile(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

inline void runStatements(Driver& driver, const std::vector<Statement>& statements)
{
    for (const auto& s : statements)
        if (!s.commentOnly)
            driver.execute(s.sql);
}

/// Creates `schema` through the dialect: enums, domains, sequences, tables without
/// foreign keys, then the foreign keys and the sequences' owners — so that any order of
/// tables works, cycles included.
inline void createThroughDialect(Driver& driver, const Schema& schema, const std::string& schemaName = {})
{
    const PostgresDialect dialect;
    RenderContext context{nullptr, nullptr, schemaName};
    std::vector<Operation> ops;
    for (const auto& e : schema.enums)
        ops.push_back(CreateEnum{e});
    for (const auto& d : schema.domains)
        ops.push_back(CreateDomain{d});
    // Sequences before the tables whose defaults call them; owners once the tables exist.
    std::vector<Operation> owners;
    for (auto sequence : schema.sequences) {
        const Sequence owned = sequence;
        sequence.ownedBy.reset();
        ops.push_back(CreateSequence{sequence});
        if (owned.ownedBy)
            owners.push_back(AlterSequence{sequence, owned});
    }
    std::vector<Operation> foreignKeys;
    // A partition after its parent (docs/ir.md "Partitioning (PostgreSQL)").
    std::vector<Table> ordered;
    std::set<std::string> placed;
    while (ordered.size() < schema.tables.size()) {
        const std::size_t before = ordered.size();
        for (const auto& table : schema.tables)
            if (!placed.count(table.name) && (!table.partitionOf || placed.count(*table.partitionOf))) {
                ordered.push_back(table);
                placed.insert(table.name);
            }
        if (ordered.size() == before)  // a parent outside the schema: the server will say
            for (const auto& table : schema.tables)
                if (placed.insert(table.name).second)
                    ordered.push_back(table);
    }
    for (auto table : ordered) {
        for (const auto& fk : table.foreignKeys)
            foreignKeys.push_back(AddForeignKey{table.name, fk});
        table.foreignKeys.clear();
        ops.push_back(CreateTable{table});
    }
    ops.insert(ops.end(), foreignKeys.begin(), foreignKeys.end());
    ops.insert(ops.end(), owners.begin(), owners.end());
    runStatements(driver, dialect.render(ops, context));
}

/// QVERIFY that two schemas are equal under the PostgreSQL rules, listing differences.
#define TEMPEST_VERIFY_SCHEMAS_EQUAL(expected, actual)                                                      \
    do {                                                                                                    \
        const auto& rules_ = ::tempest::PostgresDialect().rules();                                          \
        if (!::tempest::schemaEquals((expected), (actual), &rules_)) {                                      \
            std::string list_;                                                                              \
            for (const auto& line_ : ::tempest::describeDifferences((expected), (actual), &rules_))         \
                list_ += "\n  " + line_;                                                                    \
            QFAIL(("schemas differ:" + list_).c_str());                                                     \
        }                                                                                                   \
    } while (false)

} // namespace tempest::test
