#include "drivers/sqlite/sqlite_driver.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <utility>

namespace tempest {

namespace {

struct StatementFinalizer {
    void operator()(sqlite3_stmt* stmt) const noexcept { sqlite3_finalize(stmt); }
};
using StatementHandle = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

[[noreturn]] void throwError(sqlite3* db, int rc, std::string_view sql)
{
    // With extended result codes on, rc is already the extended code; errmsg matches
    // the most recent failing call on this connection.
    const char* message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw DatabaseError(message ? message : sqlite3_errstr(rc), std::string(sql), {}, rc);
}

/// Skips whitespace, `;`, `-- …` and `/* … */`; returns the offset of the first other
/// character, or text.size() when there is none.
std::size_t skipInsignificant(std::string_view text, std::size_t pos)
{
    while (pos < text.size()) {
        char c = text[pos];
        if (c == ';' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            ++pos;
        } else if (text.substr(pos, 2) == "--") {
            std::size_t end = text.find('\n', pos);
            pos = end == std::string_view::npos ? text.size() : end + 1;
        } else if (text.substr(pos, 2) == "/*") {
            std::size_t end = text.find("*/", pos + 2);
            pos = end == std::string_view::npos ? text.size() : end + 2;
        } else {
            break;
        }
    }
    return pos;
}

void bindValue(sqlite3* db, sqlite3_stmt* stmt, int index, const Value& value, std::string_view sql)
{
    struct Binder {
        sqlite3_stmt* stmt;
        int index;
        int operator()(std::monostate) const { return sqlite3_bind_null(stmt, index); }
        int operator()(std::int64_t v) const { return sqlite3_bind_int64(stmt, index, v); }
        int operator()(double v) const { return sqlite3_bind_double(stmt, index, v); }
        int operator()(const std::string& v) const
        {
            return sqlite3_bind_text64(stmt, index, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
        }
        int operator()(const Blob& v) const
        {
            // A null pointer would bind NULL: an empty blob is a zero-length blob.
            if (v.bytes.empty())
                return sqlite3_bind_zeroblob(stmt, index, 0);
            return sqlite3_bind_blob64(stmt, index, v.bytes.data(), v.bytes.size(), SQLITE_TRANSIENT);
        }
    };
    int rc = std::visit(Binder{stmt, index}, value);
    if (rc != SQLITE_OK)
        throwError(db, rc, sql);
}

Value columnValue(sqlite3_stmt* stmt, int column)
{
    switch (sqlite3_column_type(stmt, column)) {
    case SQLITE_INTEGER:
        return std::int64_t{sqlite3_column_int64(stmt, column)};
    case SQLITE_FLOAT:
        return sqlite3_column_double(stmt, column);
    case SQLITE_TEXT: {
        auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
        int size = sqlite3_column_bytes(stmt, column);
        return std::string(text ? text : "", static_cast<std::size_t>(size));
    }
    case SQLITE_BLOB: {
        auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt, column));
        int size = sqlite3_column_bytes(stmt, column);
        Blob blob;
        if (data)
            blob.bytes.assign(data, data + size);
        return blob;
    }
    default:
        return std::monostate{};
    }
}

} // namespace

void SqliteDriver::ConnectionCloser::operator()(sqlite3* db) const noexcept
{
    // close_v2 defers the close until any statement still alive is finalized; every
    // statement here is owned by a StatementHandle, so this closes at once.
    sqlite3_close_v2(db);
}

SqliteDriver::SqliteDriver(std::string path, ConnectionHandle db)
    : m_path(std::move(path))
    , m_db(std::move(db))
{
}

SqliteDriver::~SqliteDriver() = default;

std::unique_ptr<SqliteDriver> SqliteDriver::open(const std::string& path, OpenOptions options)
{
    // Without memory statistics (which nothing here reads), SQLite takes no global mutex
    // on every allocation. It can be set only before SQLite initialises; afterwards (a
    // host that used SQLite first) the call fails harmlessly and changes nothing.
    static const int memoryStatistics = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    (void)memoryStatistics;
    // NOMUTEX: a connection is used by one thread at a time (each worker has its own;
    // sqlite3_interrupt needs no mutex), so SQLite need not lock it on every call —
    // every sqlite3_column_* of every row, and the pragma functions' inner statements.
    int flags = (options.readOnly ? SQLITE_OPEN_READONLY
                                  : SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0))
        | SQLITE_OPEN_NOMUTEX;
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    // sqlite3_open_v2 allocates a handle even on failure; it must be closed.
    ConnectionHandle db(raw);
    auto fail = [&](int code) -> ConnectionError {
        std::string reason = db ? sqlite3_errmsg(db.get()) : sqlite3_errstr(code);
        return ConnectionError("cannot open SQLite database \"" + path + "\": " + reason);
    };
    if (rc != SQLITE_OK)
        throw fail(rc);
    sqlite3_extended_result_codes(db.get(), 1);
    sqlite3_busy_timeout(db.get(), options.busyTimeoutMs);

    // Opening is lazy: read the schema now so that a file that is not a database fails
    // here, as a ConnectionError, rather than at the first statement. A lock held by
    // another connection is not a reason to refuse the connection.
    rc = sqlite3_exec(db.get(), "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    int primary = rc & 0xff;
    if (rc != SQLITE_OK && primary != SQLITE_BUSY && primary != SQLITE_LOCKED)
        throw fail(rc);

    return std::unique_ptr<SqliteDriver>(new SqliteDriver(path, std::move(db)));
}

void SqliteDriver::setBusyTimeout(int milliseconds)
{
    sqlite3_busy_timeout(m_db.get(), milliseconds);
}

void SqliteDriver::run(std::string_view sql, const std::vector<Value>& params, ResultSet* rows)
{
    sqlite3* db = m_db.get();
    if (sql.size() > static_cast<std::size_t>(INT_MAX))
        throw DatabaseError("statement too long", std::string(sql.substr(0, 200)), {}, SQLITE_TOOBIG);

    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), 0, &raw, &tail);
    StatementHandle stmt(raw);
    if (rc != SQLITE_OK)
        throwError(db, rc, sql);

    std::size_t consumed = static_cast<std::size_t>(tail - sql.data());
    if (skipInsignificant(sql, consumed) != sql.size())
        throw DatabaseError("more than one statement given; the driver runs one statement per call "
                            "(use executeScript for scripts)",
                            std::string(sql), {}, SQLITE_MISUSE);
    if (!stmt) // only whitespace and comments: nothing to run
        return;

    int expected = sqlite3_bind_parameter_count(stmt.get());
    if (static_cast<std::size_t>(expected) != params.size())
        throw DatabaseError("statement expects " + std::to_string(expected) + " parameter(s), "
                                + std::to_string(params.size()) + " given",
                            std::string(sql), {}, SQLITE_RANGE);
    for (std::size_t i = 0; i < params.size(); ++i)
        bindValue(db, stmt.get(), static_cast<int>(i + 1), params[i], sql);

    if (rows) {
        int columns = sqlite3_column_count(stmt.get());
        rows->columns.clear();
        rows->rows.clear();
        for (int c = 0; c < columns; ++c) {
            const char* name = sqlite3_column_name(stmt.get(), c);
            rows->columns.emplace_back(name ? name : "");
        }
    }

    const int columns = rows ? static_cast<int>(rows->columns.size()) : 0;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
        if (!rows)
            continue;
        std::vector<Value> row;
        row.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c)
            row.push_back(columnValue(stmt.get(), c));
        rows->rows.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE)
        throwError(db, rc, sql);
}

void SqliteDriver::execute(std::string_view sql, const std::vector<Value>& params)
{
    run(sql, params, nullptr);
}

ResultSet SqliteDriver::query(std::string_view sql, const std::vector<Value>& params)
{
    ResultSet result;
    run(sql, params, &result);
    return result;
}

void SqliteDriver::interrupt()
{
    sqlite3_interrupt(m_db.get());
}

void SqliteDriver::executeScript(std::string_view sql)
{
    // Statement by statement rather than sqlite3_exec, so that an error names the
    // statement that failed rather than the whole script.
    sqlite3* db = m_db.get();
    while (!sql.empty()) {
        if (sql.size() > static_cast<std::size_t>(INT_MAX))
            throw DatabaseError("script too long", {}, {}, SQLITE_TOOBIG);
        sqlite3_stmt* raw = nullptr;
        const char* tail = nullptr;
        int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), 0, &raw, &tail);
        StatementHandle stmt(raw);
        if (!tail || tail < sql.data() || tail > sql.data() + sql.size())
            tail = sql.data() + sql.size();
        std::size_t consumed = static_cast<std::size_t>(tail - sql.data());
        // The statement as written, without the blanks and comments before it.
        std::string_view current = sql.substr(0, consumed);
        current.remove_prefix(std::min(skipInsignificant(current, 0), current.size()));
        while (!current.empty() && std::isspace(static_cast<unsigned char>(current.back())))
            current.remove_suffix(1);
        if (rc != SQLITE_OK)
            throwError(db, rc, current);
        if (stmt) {
            while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
            }
            if (rc != SQLITE_DONE)
                throwError(db, rc, current);
        } else if (consumed == 0) {
            break;
        }
        sql.remove_prefix(consumed);
    }
}

} // namespace tempest
