#include "core/driver/driver.h"

#include <cctype>
#include <charconv>
#include <regex>

namespace tempest {

std::string valueToString(const Value& value)
{
    struct Visitor {
        std::string operator()(std::monostate) const { return "NULL"; }
        std::string operator()(std::int64_t v) const { return std::to_string(v); }
        std::string operator()(double v) const
        {
            char buf[64];
            auto res = std::to_chars(buf, buf + sizeof buf, v);
            return std::string(buf, res.ptr);
        }
        std::string operator()(const std::string& v) const { return v; }
        std::string operator()(const Blob& v) const
        {
            static const char* hex = "0123456789abcdef";
            std::string out = "x'";
            for (auto b : v.bytes) {
                out += hex[b >> 4];
                out += hex[b & 15];
            }
            return out + "'";
        }
    };
    return std::visit(Visitor{}, value);
}

bool isNull(const Value& value) { return std::holds_alternative<std::monostate>(value); }

std::size_t ResultSet::columnIndex(std::string_view name) const
{
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i] == name)
            return i;
    throw std::out_of_range("no column named " + std::string(name) + " in result");
}

std::string ResultSet::text(std::size_t row, std::string_view name) const
{
    const Value& v = rows.at(row).at(columnIndex(name));
    return isNull(v) ? std::string() : valueToString(v);
}

std::int64_t ResultSet::integer(std::size_t row, std::string_view name) const
{
    const Value& v = rows.at(row).at(columnIndex(name));
    if (auto* i = std::get_if<std::int64_t>(&v))
        return *i;
    if (auto* d = std::get_if<double>(&v))
        return static_cast<std::int64_t>(*d);
    if (auto* s = std::get_if<std::string>(&v)) {
        std::int64_t out = 0;
        std::from_chars(s->data(), s->data() + s->size(), out);
        return out;
    }
    return 0;
}

bool ResultSet::null(std::size_t row, std::string_view name) const
{
    return isNull(rows.at(row).at(columnIndex(name)));
}

DatabaseError::DatabaseError(std::string message, std::string statement, std::string sqlState,
                             int nativeCode)
    : std::runtime_error(message + (statement.empty() ? std::string() : "\n  in statement: " + statement))
    , m_message(std::move(message))
    , m_statement(std::move(statement))
    , m_sqlState(std::move(sqlState))
    , m_nativeCode(nativeCode)
{
}

bool DatabaseError::isBusy() const
{
    // SQLITE_BUSY = 5, SQLITE_LOCKED = 6 (low byte of the extended code); PostgreSQL
    // lock_not_available 55P03.
    int primary = m_nativeCode & 0xff;
    return primary == 5 || primary == 6 || m_sqlState == "55P03";
}

bool DatabaseError::isCancelled() const
{
    // SQLITE_INTERRUPT = 9; PostgreSQL query_canceled 57014.
    return (m_nativeCode & 0xff) == 9 || m_sqlState == "57014";
}

std::string maskPassword(std::string_view connection)
{
    std::string s(connection);
    // URI form: scheme://user:password@host. libpq takes everything up to the first '@'
    // before any '/' as credentials, so the password may hold '?', '#' and ':'.
    static const std::regex uri(R"(([A-Za-z][A-Za-z0-9+.-]*://[^:/@\s]*):([^@/\s]*)@)");
    s = std::regex_replace(s, uri, "$1:****@");
    // URI query parameter: ?password=... or &password=...
    static const std::regex query(R"(([?&]password=)[^&#\s]*)", std::regex::icase);
    s = std::regex_replace(s, query, "$1****");
    // key=value form: password=secret, password='quoted \' secret' or password=back\ slashed.
    // A value already masked (by the query rule) is left alone, so the rest of a URI
    // after ?password=****& survives.
    static const std::regex kv(
        R"((\bpassword\s*=\s*)(?!\*\*\*\*(?:[&#\s]|$))('(?:[^'\\]|\\.)*'|(?:\\.|[^\s\\])+))",
        std::regex::icase);
    s = std::regex_replace(s, kv, "$1****");
    return s;
}

void CountingDriver::execute(std::string_view sql, const std::vector<Value>& params)
{
    m_statements.emplace_back(sql);
    m_inner.execute(sql, params);
}

ResultSet CountingDriver::query(std::string_view sql, const std::vector<Value>& params)
{
    m_statements.emplace_back(sql);
    return m_inner.query(sql, params);
}

} // namespace tempest
