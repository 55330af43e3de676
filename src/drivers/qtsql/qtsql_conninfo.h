#pragma once
// Turning a libpq connection string or URI into the pieces QPSQL accepts: QPSQL builds
// its own key=value string from host/port/dbname/user/password plus "connect options",
// so a postgresql:// URI has to be taken apart first (by libpq itself).

#include <string>
#include <utility>
#include <vector>

namespace tempest {

struct QtSqlPgParams {
    std::string host;
    int port = -1;  // -1: not given (libpq's default or PGPORT applies)
    std::string dbname;
    std::string user;
    std::string password;
    /// Every other given keyword, as QPSQL's `;`-separated `key='value'` list.
    std::string connectOptions;
    /// The same keywords (and a port list) as given, in libpq's order: what a URI's query
    /// carries when the connection is rebuilt from its parts.
    std::vector<std::pair<std::string, std::string>> otherOptions;
};

/// Adds `connect_timeout=<seconds>` to `params.connectOptions` unless the string or
/// PGCONNECT_TIMEOUT already sets one (or `seconds` is 0).
void addDefaultConnectTimeout(QtSqlPgParams& params, int seconds);

/// Parses with PQconninfoParse. Throws ConnectionError (password masked) on a syntax error.
QtSqlPgParams parsePgConnInfo(const std::string& conninfo);

} // namespace tempest
