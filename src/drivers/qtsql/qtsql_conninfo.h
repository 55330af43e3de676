#pragma once
// Turning a libpq connection string or URI into the pieces QPSQL accepts: QPSQL builds
// its own key=value string from host/port/dbname/user/password plus "connect options",
// so a postgresql:// URI has to be taken apart first (by libpq itself).

#include <string>

namespace tempest {

struct QtSqlPgParams {
    std::string host;
    int port = -1;  // -1: not given (libpq's default or PGPORT applies)
    std::string dbname;
    std::string user;
    std::string password;
    /// Every other given keyword, as QPSQL's `;`-separated `key='value'` list.
    std::string connectOptions;
};

/// Parses with PQconninfoParse. Throws ConnectionError (password masked) on a syntax error.
QtSqlPgParams parsePgConnInfo(const std::string& conninfo);

} // namespace tempest
