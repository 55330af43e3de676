#include "drivers/qtsql/qtsql_conninfo.h"

#include "core/driver/driver.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>
#include <memory>
#include <string_view>

namespace tempest {

namespace {

struct ConnInfoFreer {
    void operator()(PQconninfoOption* options) const noexcept { PQconninfoFree(options); }
};

/// libpq's quoting for a value in key='value' form.
std::string quoted(const std::string& value)
{
    std::string out = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "'";
}

} // namespace

QtSqlPgParams parsePgConnInfo(const std::string& conninfo)
{
    char* error = nullptr;
    std::unique_ptr<PQconninfoOption, ConnInfoFreer> options(PQconninfoParse(conninfo.c_str(), &error));
    if (!options) {
        // libpq's message quotes the bad piece (maybe a password, or the whole string when
        // a URI lacks its scheme): say what is wrong in our words, quoting nothing.
        const std::string message = error ? error : "out of memory";
        PQfreemem(error);
        throw ConnectionError("invalid PostgreSQL connection string: " + describeConnInfoSyntaxError(message));
    }
    std::string host, port;
    for (PQconninfoOption* o = options.get(); o->keyword; ++o) {
        if (o->val && std::string_view(o->keyword) == "host")
            host = o->val;
        else if (o->val && std::string_view(o->keyword) == "port")
            port = o->val;
    }
    if (const std::string problem = connectionTargetProblem(host, port); !problem.empty())
        throw ConnectionError("invalid PostgreSQL connection string (" + maskPassword(conninfo) + "): " + problem);
    QtSqlPgParams params;
    for (PQconninfoOption* o = options.get(); o->keyword; ++o) {
        if (!o->val)
            continue;
        const std::string key = o->keyword;
        const std::string value = o->val;
        if (key == "host") {
            params.host = value;
        } else if (key == "dbname") {
            params.dbname = value;
        } else if (key == "user") {
            params.user = value;
        } else if (key == "password") {
            params.password = value;
        } else if (key == "port") {
            int port = 0;
            auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), port);
            if (ec == std::errc() && end == value.data() + value.size()) {
                params.port = port;
                continue;
            }
            // A port list (multi-host): only the connect options can carry it.
            params.connectOptions += (params.connectOptions.empty() ? "" : ";") + key + "=" + quoted(value);
            params.otherOptions.emplace_back(key, value);
        } else {
            // QPSQL turns ';' into ' ' before handing the string to libpq.
            params.connectOptions += (params.connectOptions.empty() ? "" : ";") + key + "=" + quoted(value);
            params.otherOptions.emplace_back(key, value);
        }
    }
    return params;
}

void addDefaultConnectTimeout(QtSqlPgParams& params, int seconds)
{
    const char* environment = std::getenv("PGCONNECT_TIMEOUT");
    if (seconds <= 0 || (environment && *environment))
        return;
    for (const auto& [key, value] : params.otherOptions)
        if (key == "connect_timeout")
            return;
    params.connectOptions +=
        (params.connectOptions.empty() ? "" : ";") + std::string("connect_timeout=") + std::to_string(seconds);
}

} // namespace tempest
