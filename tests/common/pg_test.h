#pragma once
// Access to the PostgreSQL test cluster (the CTest fixture `postgres`, see
// tests/fixtures/CMakeLists.txt and scripts/pg-test-cluster.sh) for Qt Test suites.
//
// Usage, in a suite registered with `FIXTURES postgres` and linking tempest::postgres:
//
//   void initTestCase() { TEMPEST_REQUIRE_PG(); }       // FAIL (or SKIP with TEMPEST_SKIP_PG=1)
//   void someTest() {
//       tempest::test::PgScratchDatabase db;             // CREATE DATABASE t_<random>, dropped at scope end
//       auto driver = tempest::PostgresDriver::connect(db.connInfo());
//       ...
//   }

#include "drivers/postgres/postgres_driver.h"

#include <QTest>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>

#ifndef TEMPEST_BINARY_DIR
#error "pg_test.h needs TEMPEST_BINARY_DIR (tempest_add_test defines it)"
#endif

namespace tempest::test {

/// Where the fixture keeps the cluster and its connection files.
inline std::string pgClusterDir() { return TEMPEST_BINARY_DIR "/pgcluster"; }

inline std::optional<std::string> readFirstLine(const std::string& path)
{
    std::ifstream in(path);
    std::string line;
    if (!in || !std::getline(in, line) || line.empty())
        return std::nullopt;
    return line;
}

/// Admin connection (superuser `postgres`, trust over the cluster's own socket) to the
/// database tempest_test, or nullopt when the cluster is not running.
inline std::optional<std::string> pgTestConnInfo() { return readFirstLine(pgClusterDir() + "/conninfo"); }

/// postgresql://tempest:<password>@127.0.0.1:<port>/tempest_test: the same cluster over
/// TCP with scram-sha-256 password authentication (role tempest is a superuser).
inline std::optional<std::string> pgTestPasswordUri()
{
    return readFirstLine(pgClusterDir() + "/conninfo_password");
}

/// True when PostgreSQL tests should be skipped rather than failed: TEMPEST_SKIP_PG=1 in
/// the environment now, or at configure time (the fixture then leaves a marker).
inline bool pgTestsSkipped()
{
    const char* env = std::getenv("TEMPEST_SKIP_PG");
    if (env && std::string(env) == "1")
        return true;
    return std::ifstream(TEMPEST_BINARY_DIR "/pgcluster-skipped").good();
}

/// Fails the current test function (or skips it with TEMPEST_SKIP_PG=1) when the test
/// cluster is not running. In initTestCase() it fails or skips the whole suite.
#define TEMPEST_REQUIRE_PG()                                                                    \
    do {                                                                                        \
        if (::tempest::test::pgTestsSkipped())                                                  \
            QSKIP("TEMPEST_SKIP_PG=1: PostgreSQL tests skipped");                               \
        if (!::tempest::test::pgTestConnInfo() || !::tempest::test::pgTestPasswordUri())        \
            QFAIL(("PostgreSQL test cluster not running (no "                                   \
                   + ::tempest::test::pgClusterDir()                                            \
                   + "/conninfo): run through ctest, or scripts/pg-test-cluster.sh start "      \
                     "<build>/pgcluster; set TEMPEST_SKIP_PG=1 to skip")                        \
                      .c_str());                                                                \
    } while (false)

/// A fresh lowercase identifier: prefix + 12 random hex digits.
inline std::string uniquePgName(const std::string& prefix = "t_")
{
    static thread_local std::mt19937_64 generator{std::random_device{}()};
    static const char* hex = "0123456789abcdef";
    std::uint64_t bits = generator();
    std::string name = prefix;
    for (int i = 0; i < 12; ++i, bits >>= 4)
        name += hex[bits & 15];
    return name;
}

namespace detail {
inline std::string requireAdminConnInfo()
{
    auto conninfo = pgTestConnInfo();
    if (!conninfo)
        throw std::runtime_error("PostgreSQL test cluster not running (no " + pgClusterDir() + "/conninfo)");
    return *conninfo;
}
} // namespace detail

/// A database of its own for one test: CREATE DATABASE t_<random> on construction,
/// DROP DATABASE … WITH (FORCE) on destruction (never throws; a failed drop only leaves
/// a scratch database in a throwaway cluster). Construction throws DatabaseError or
/// ConnectionError when the cluster refuses.
class PgScratchDatabase {
public:
    explicit PgScratchDatabase(const std::string& adminConnInfo = detail::requireAdminConnInfo())
        : m_adminConnInfo(adminConnInfo)
        , m_name(uniquePgName("t_"))
        , m_admin(PostgresDriver::connect(adminConnInfo))
    {
        m_admin->execute("CREATE DATABASE \"" + m_name + "\"");
    }
    ~PgScratchDatabase()
    {
        try {
            m_admin->execute("DROP DATABASE IF EXISTS \"" + m_name + "\" WITH (FORCE)");
        } catch (...) {
        }
    }
    PgScratchDatabase(const PgScratchDatabase&) = delete;
    PgScratchDatabase& operator=(const PgScratchDatabase&) = delete;

    const std::string& name() const { return m_name; }
    /// The admin connection string pointed at this database (a later dbname wins in libpq).
    std::string connInfo() const { return m_adminConnInfo + " dbname=" + m_name; }
    /// The password URI (role tempest, TCP, scram) pointed at this database.
    std::string passwordUri() const
    {
        auto uri = pgTestPasswordUri();
        if (!uri)
            throw std::runtime_error("PostgreSQL test cluster has no " + pgClusterDir() + "/conninfo_password");
        std::size_t slash = uri->find('/', uri->find('@'));
        std::size_t end = uri->find_first_of("?#", slash);
        if (slash == std::string::npos)
            return *uri + "/" + m_name;
        return uri->substr(0, slash + 1) + m_name + (end == std::string::npos ? std::string() : uri->substr(end));
    }

private:
    std::string m_adminConnInfo;
    std::string m_name;
    std::unique_ptr<PostgresDriver> m_admin;
};

/// A schema of its own in tempest_test, cheaper than a database: CREATE SCHEMA
/// s_<random> on construction, DROP SCHEMA … CASCADE on destruction (never throws).
/// connInfo() sets search_path to it, so unqualified names land there.
class PgScratchSchema {
public:
    explicit PgScratchSchema(const std::string& adminConnInfo = detail::requireAdminConnInfo())
        : m_adminConnInfo(adminConnInfo)
        , m_name(uniquePgName("s_"))
        , m_admin(PostgresDriver::connect(adminConnInfo))
    {
        m_admin->execute("CREATE SCHEMA \"" + m_name + "\"");
    }
    ~PgScratchSchema()
    {
        try {
            m_admin->execute("DROP SCHEMA IF EXISTS \"" + m_name + "\" CASCADE");
        } catch (...) {
        }
    }
    PgScratchSchema(const PgScratchSchema&) = delete;
    PgScratchSchema& operator=(const PgScratchSchema&) = delete;

    const std::string& name() const { return m_name; }
    std::string connInfo() const { return m_adminConnInfo + " options='-c search_path=" + m_name + "'"; }

private:
    std::string m_adminConnInfo;
    std::string m_name;
    std::unique_ptr<PostgresDriver> m_admin;
};

} // namespace tempest::test
