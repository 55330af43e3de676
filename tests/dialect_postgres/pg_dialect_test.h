#pragma once
// Helpers for the live PostgreSQL dialect suites: run rendered statements, create a
// whole IR schema through the dialect, compare schemas with readable differences.

#include "core/dialect/postgresql/postgres_dialect.h"
#include "core/diff/diff.h"
#include "core/ir/schema_json.h"
#include "pg_test.h"

#include <QTest>

#include <fstream>
#include <regex>
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

/// Creates `schema` through the dialect: enums, domains, tables without foreign keys,
/// then the foreign keys — so that any order of tables works, cycles included.
inline void createThroughDialect(Driver& driver, const Schema& schema, const std::string& schemaName = {})
{
    const PostgresDialect dialect;
    RenderContext context{nullptr, nullptr, schemaName};
    // Sequences behind nextval() defaults that are not autoincrement keys: IR keeps the
    // default but does not manage sequences.
    static const std::regex nextval(R"(nextval\('([^']+)'::regclass\))");
    for (const auto& table : schema.tables)
        for (const auto& column : table.columns)
            if (column.defaultValue && column.defaultValue->kind == DefaultValue::Kind::Expression) {
                std::smatch match;
                if (std::regex_search(column.defaultValue->text, match, nextval))
                    driver.execute("CREATE SEQUENCE IF NOT EXISTS " + match[1].str());
            }
    std::vector<Operation> ops;
    for (const auto& e : schema.enums)
        ops.push_back(CreateEnum{e});
    for (const auto& d : schema.domains)
        ops.push_back(CreateDomain{d});
    std::vector<Operation> foreignKeys;
    for (auto table : schema.tables) {
        for (const auto& fk : table.foreignKeys)
            foreignKeys.push_back(AddForeignKey{table.name, fk});
        table.foreignKeys.clear();
        ops.push_back(CreateTable{table});
    }
    ops.insert(ops.end(), foreignKeys.begin(), foreignKeys.end());
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
