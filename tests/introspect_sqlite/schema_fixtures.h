#pragma once
// Helpers for the SQLite introspection tests: real databases built from SQL text or
// from the sample schema files in tests/data/schemas.

#include "core/dialect/sqlite/sqlite_introspect.h"
#include "drivers/sqlite/sqlite_driver.h"

#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>

namespace tempest::test {

inline std::string schemaFilePath(const std::string& fileName)
{
    return std::string(TEMPEST_TEST_DATA_DIR) + "/schemas/" + fileName;
}

inline std::string readTextFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// A private in-memory database with `sql` executed in it.
inline std::unique_ptr<SqliteDriver> databaseWith(const std::string& sql)
{
    auto driver = SqliteDriver::open(":memory:");
    driver->executeScript(sql);
    return driver;
}

/// A private in-memory database loaded from tests/data/schemas/<fileName>.
inline std::unique_ptr<SqliteDriver> databaseFromSchemaFile(const std::string& fileName)
{
    return databaseWith(readTextFile(schemaFilePath(fileName)));
}

inline Schema introspect(Driver& driver)
{
    return introspectSqlite(driver, IntrospectOptions{});
}

} // namespace tempest::test
