#include "drivers/postgres/postgres_driver.h"

#include <libpq-fe.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace tempest {

namespace {

// Type OIDs from pg_type.h (stable across server versions).
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kOidOid = 26;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;

constexpr std::size_t kMaxNotices = 1000;

std::string field(const PGresult* result, int code)
{
    const char* text = PQresultErrorField(result, code);
    return text ? std::string(text) : std::string();
}

std::string trimmed(std::string text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

void replaceAll(std::string& text, std::string_view what, std::string_view with)
{
    if (what.empty())
        return;
    for (std::size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + with.size()))
        text.replace(pos, what.size(), with);
}

/// What a connection attempt is about to use, read by libpq itself (PQconninfoParse
/// decodes URIs too): the password values (also PGPASSWORD), the host and the port.
struct ParsedConnInfo {
    std::vector<std::string> passwords;
    std::string host;
    std::string port;
};

/// Parses `conninfo` as PQconnectdb will. A string libpq cannot parse is refused here
/// with our own words: libpq's message quotes the bad piece (a password, a URI without
/// its scheme printed whole), so neither it nor the string is shown. So is a host or a
/// port that holds the rest of a password (an unencoded '@', '/' or ':' in a URI).
ParsedConnInfo parseConnInfo(const std::string& conninfo)
{
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
    if (!options) {
        const std::string libpqMessage = error ? error : "out of memory";
        PQfreemem(error);
        throw ConnectionError("invalid PostgreSQL connection string: " + describeConnInfoSyntaxError(libpqMessage));
    }
    ParsedConnInfo parsed;
    for (PQconninfoOption* o = options; o->keyword; ++o) {
        if (!o->val)
            continue;
        if (std::strcmp(o->keyword, "password") == 0 && *o->val)
            parsed.passwords.emplace_back(o->val);
        else if (std::strcmp(o->keyword, "host") == 0)
            parsed.host = o->val;
        else if (std::strcmp(o->keyword, "port") == 0)
            parsed.port = o->val;
    }
    PQconninfoFree(options);
    if (const char* env = std::getenv("PGPASSWORD"); env && *env)
        parsed.passwords.emplace_back(env);
    if (const std::string problem = connectionTargetProblem(parsed.host, parsed.port); !problem.empty())
        throw ConnectionError("invalid PostgreSQL connection string (" + maskPassword(conninfo) + "): " + problem);
    return parsed;
}

/// libpq's own messages do not quote passwords, but a message that repeats (part of)
/// the connection string must not leak one either.
std::string scrubbed(std::string message, const std::vector<std::string>& passwords)
{
    message = maskPassword(message);
    for (const auto& password : passwords)
        replaceAll(message, password, "****");
    return message;
}

std::string hexBytea(const Blob& blob)
{
    static const char* hex = "0123456789abcdef";
    std::string out = "\\x";
    out.reserve(2 + blob.bytes.size() * 2);
    for (auto b : blob.bytes) {
        out += hex[b >> 4];
        out += hex[b & 15];
    }
    return out;
}

std::string doubleText(double v)
{
    // Shortest text that reads back to the same double; PostgreSQL spells the
    // specials its own way.
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "Infinity" : "-Infinity";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, res.ptr);
}

Value cellValue(const PGresult* result, int row, int column)
{
    if (PQgetisnull(result, row, column))
        return std::monostate{};
    const char* text = PQgetvalue(result, row, column);
    std::size_t size = static_cast<std::size_t>(PQgetlength(result, row, column));
    switch (PQftype(result, column)) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
    case kOidOid: {
        std::int64_t v = 0;
        auto res = std::from_chars(text, text + size, v);
        if (res.ec == std::errc() && res.ptr == text + size)
            return v;
        break; // out of int64 range (an oid never is): keep the text
    }
    case kFloat4Oid:
    case kFloat8Oid: {
        // from_chars accepts "inf", "infinity" and "nan" in any case, which covers
        // PostgreSQL's Infinity, -Infinity and NaN.
        double v = 0;
        auto res = std::from_chars(text, text + size, v);
        if (res.ec == std::errc() && res.ptr == text + size)
            return v;
        break;
    }
    case kBoolOid:
        return std::int64_t{size > 0 && text[0] == 't' ? 1 : 0};
    case kByteaOid: {
        std::size_t length = 0;
        unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &length);
        Blob blob;
        if (bytes) {
            blob.bytes.assign(bytes, bytes + length);
            PQfreemem(bytes);
        }
        return blob;
    }
    default:
        break;
    }
    return std::string(text, size);
}

} // namespace

void PostgresDriver::ConnectionCloser::operator()(pg_conn* conn) const noexcept { PQfinish(conn); }
void PostgresDriver::ResultClearer::operator()(pg_result* result) const noexcept { PQclear(result); }
void PostgresDriver::CancelFreer::operator()(pg_cancel* cancel) const noexcept { PQfreeCancel(cancel); }

PostgresDriver::PostgresDriver(std::string description, ConnectionHandle conn)
    : m_description(std::move(description))
    , m_conn(std::move(conn))
    , m_cancel(PQgetCancel(m_conn.get()))
{
    // Without a receiver libpq prints every NOTICE to stderr.
    PQsetNoticeReceiver(m_conn.get(), &PostgresDriver::onNotice, this);
}

PostgresDriver::~PostgresDriver() = default;

std::unique_ptr<PostgresDriver> PostgresDriver::connect(const std::string& conninfo, int connectTimeoutSeconds)
{
    const ParsedConnInfo parsed = parseConnInfo(conninfo);
    std::string description = maskPassword(conninfo);
    // connect_timeout goes before the expanded string: a value the string itself holds
    // comes later and wins; PGCONNECT_TIMEOUT wins when it is set.
    const char* environmentTimeout = std::getenv("PGCONNECT_TIMEOUT");
    const std::string timeout = connectTimeoutSeconds > 0 && !(environmentTimeout && *environmentTimeout)
                                    ? std::to_string(connectTimeoutSeconds)
                                    : std::string();
    const char* keywords[] = {"connect_timeout", "dbname", nullptr};
    const char* values[] = {timeout.empty() ? nullptr : timeout.c_str(), conninfo.c_str(), nullptr};
    ConnectionHandle conn(PQconnectdbParams(timeout.empty() ? keywords + 1 : keywords,
                                            timeout.empty() ? values + 1 : values, /*expand_dbname=*/1));
    if (!conn)
        throw ConnectionError("cannot connect to PostgreSQL (" + description + "): out of memory");
    if (PQstatus(conn.get()) != CONNECTION_OK) {
        std::string reason = trimmed(PQerrorMessage(conn.get()));
        const bool password = PQconnectionNeedsPassword(conn.get()) || isPasswordFailure(reason);
        throw ConnectionError("cannot connect to PostgreSQL (" + description + "): " + scrubbed(reason, parsed.passwords),
                              password ? ConnectionError::Cause::PasswordRejected : ConnectionError::Cause::Other);
    }
    if (PQsetClientEncoding(conn.get(), "UTF8") != 0)
        throw ConnectionError("cannot set client encoding UTF8 on " + description + ": "
                              + scrubbed(trimmed(PQerrorMessage(conn.get())), parsed.passwords));
    return std::unique_ptr<PostgresDriver>(new PostgresDriver(std::move(description), std::move(conn)));
}

void PostgresDriver::onNotice(void* self, const pg_result* result)
{
    auto* driver = static_cast<PostgresDriver*>(self);
    std::string message = field(result, PG_DIAG_MESSAGE_PRIMARY);
    if (message.empty())
        message = trimmed(PQresultErrorMessage(result));
    std::lock_guard lock(driver->m_noticeMutex);
    if (driver->m_notices.size() >= kMaxNotices)
        driver->m_notices.erase(driver->m_notices.begin());
    driver->m_notices.push_back(std::move(message));
}

std::vector<std::string> PostgresDriver::takeNotices()
{
    std::lock_guard lock(m_noticeMutex);
    return std::exchange(m_notices, {});
}

void PostgresDriver::check(const ResultHandle& result, std::string_view sql) const
{
    if (!result) // out of memory or connection trouble: libpq explains on the connection
        throw DatabaseError(trimmed(PQerrorMessage(m_conn.get())), std::string(sql));
    switch (PQresultStatus(result.get())) {
    case PGRES_COMMAND_OK:
    case PGRES_TUPLES_OK:
    case PGRES_EMPTY_QUERY:
        return;
    case PGRES_COPY_IN:
    case PGRES_COPY_OUT:
    case PGRES_COPY_BOTH:
        throw DatabaseError("COPY is not supported by this driver", std::string(sql));
    default:
        break;
    }
    std::string message = field(result.get(), PG_DIAG_MESSAGE_PRIMARY);
    if (message.empty()) // generated by libpq itself (e.g. the connection was lost)
        message = trimmed(PQresultErrorMessage(result.get()));
    if (message.empty())
        message = trimmed(PQerrorMessage(m_conn.get()));
    if (std::string detail = field(result.get(), PG_DIAG_MESSAGE_DETAIL); !detail.empty())
        message += "\nDETAIL: " + detail;
    if (std::string hint = field(result.get(), PG_DIAG_MESSAGE_HINT); !hint.empty())
        message += "\nHINT: " + hint;
    throw DatabaseError(std::move(message), std::string(sql), field(result.get(), PG_DIAG_SQLSTATE));
}

PostgresDriver::ResultHandle PostgresDriver::run(std::string_view sql, const std::vector<Value>& params)
{
    const std::string statement(sql); // libpq wants a terminating NUL
    if (statement.find('\0') != std::string::npos)
        throw DatabaseError("statement contains a NUL character", statement);

    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    std::vector<Oid> types(params.size(), 0); // 0: the server infers the type
    for (std::size_t i = 0; i < params.size(); ++i) {
        const Value& value = params[i];
        if (auto* v = std::get_if<std::int64_t>(&value)) {
            texts[i] = std::to_string(*v);
        } else if (auto* d = std::get_if<double>(&value)) {
            texts[i] = doubleText(*d);
        } else if (auto* s = std::get_if<std::string>(&value)) {
            if (s->find('\0') != std::string::npos)
                throw DatabaseError("parameter $" + std::to_string(i + 1)
                                        + " contains a NUL character (PostgreSQL text cannot hold one; use a Blob)",
                                    statement, "22021");
            texts[i] = *s;
        } else if (auto* b = std::get_if<Blob>(&value)) {
            texts[i] = hexBytea(*b);
            types[i] = kByteaOid;
        } else {
            continue; // NULL: values[i] stays nullptr
        }
        values[i] = texts[i].c_str();
    }

    ResultHandle result(PQexecParams(m_conn.get(), statement.c_str(), static_cast<int>(params.size()),
                                     types.data(), values.data(), nullptr, nullptr, 0));
    check(result, statement);
    return result;
}

void PostgresDriver::execute(std::string_view sql, const std::vector<Value>& params)
{
    run(sql, params);
}

ResultSet PostgresDriver::query(std::string_view sql, const std::vector<Value>& params)
{
    ResultHandle result = run(sql, params);
    ResultSet out;
    const int columns = PQnfields(result.get());
    const int rows = PQntuples(result.get());
    out.columns.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c)
        out.columns.emplace_back(PQfname(result.get(), c));
    out.rows.reserve(static_cast<std::size_t>(rows));
    for (int r = 0; r < rows; ++r) {
        std::vector<Value> row;
        row.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c)
            row.push_back(cellValue(result.get(), r, c));
        out.rows.push_back(std::move(row));
    }
    return out;
}

void PostgresDriver::interrupt()
{
    if (!m_cancel)
        return;
    char error[256];
    // PQcancel is safe from any thread; failure to deliver the request only means the
    // statement runs to its end, which is what the caller sees either way.
    PQcancel(m_cancel.get(), error, sizeof error);
}

void PostgresDriver::executeScript(std::string_view sql)
{
    const std::string script(sql);
    ResultHandle result(PQexec(m_conn.get(), script.c_str()));
    check(result, script);
}

} // namespace tempest
