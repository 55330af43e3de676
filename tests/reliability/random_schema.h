#pragma once
// Random schema pairs for property tests on live databases: a schema A, a schema B made
// from A by a few random changes of every kind the IR has (tables, columns, types,
// nullability, defaults, indexes incl. partial and expression, uniques, foreign keys with
// actions, checks, enums, comments, renames through renamedFrom), and rows for A that
// every B keeps valid. Seeded: the same seed gives the same pair.

#include "core/ir/schema.h"

#include <random>
#include <string>
#include <vector>

namespace tempest::test {

/// Which dialect's features the pairs use. PostgreSQL adds what only it has, or only it
/// compares: more types (smallint, real, char, time, timestamptz, uuid, json, blob) and
/// their widenings, enum values inserted before others or dropped, enums renamed, column
/// comments changed, identity added to or dropped from a key. The switch only adds draws
/// on PostgreSQL: SQLite's pair for a seed does not depend on it.
enum class GeneratorDialect { Sqlite, Postgresql };

struct SchemaPair {
    Schema a;
    Schema b;
};

class RandomSchemaPairs {
public:
    explicit RandomSchemaPairs(unsigned seed, GeneratorDialect dialect = GeneratorDialect::Sqlite)
        : m_random(seed), m_postgres(dialect == GeneratorDialect::Postgresql)
    {
    }
    SchemaPair next();

    /// Rows per table the data generator writes (ids 1..kRows): every integer column
    /// holds values in 1..kRows, so a foreign key from any integer column to any
    /// table's `id` holds.
    static constexpr int kRows = 3;

private:
    Schema generate();
    Table table(const std::string& name, const Schema& schema, bool withData);
    Column column(const std::string& name, const Schema& schema);
    void mutate(Schema& b, const Schema& a);
    void addForeignKey(Table& table, const Schema& schema, const Schema& a, bool onlyNewColumns);
    std::string pickColumn(const Table& table, bool includeId = false);
    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(m_random); }
    bool chance(int oneIn) { return pick(std::size_t(oneIn)) == 0; }

    void mutatePostgres(Schema& b, const Schema& a, Table& t, std::size_t kind);

    std::mt19937 m_random;
    bool m_postgres = false;
    int m_serial = 0;
};

/// Removes what refers to tables or columns that are gone (foreign keys, indexes,
/// uniques, checks, primary-key entries) and enums no column uses, so the schema is valid.
void sanitizeSchema(Schema& schema);

/// INSERT statements (quoted with `quote`) for kRows rows in every table of `schema`,
/// parents first: ids 1..kRows, integers equal to the row number, short distinct texts,
/// enum values, NULL in the last row of every nullable non-key column.
std::vector<std::string> rowInserts(const Schema& schema, std::string (*quote)(std::string_view));

} // namespace tempest::test
