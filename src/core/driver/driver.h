#pragma once
// The Driver interface: the only way the core talks to a database. One statement per
// call (QSQLITE and libpq's extended protocol both want that), positional parameters,
// rows as values. Transactions and savepoints are plain SQL statements that the
// dialect renders, so a run looks the same online and in `--sql` output.

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tempest {

/// A blob value, distinct from text.
struct Blob {
    std::vector<std::uint8_t> bytes;
    bool operator==(const Blob&) const = default;
};

/// A database value: NULL, integer, real, text or blob.
using Value = std::variant<std::monostate, std::int64_t, double, std::string, Blob>;

/// Text of a value for display and for tests ("NULL" for null).
std::string valueToString(const Value& value);
bool isNull(const Value& value);

/// The rows a query returned. Column names are as the server reports them.
struct ResultSet {
    std::vector<std::string> columns;
    std::vector<std::vector<Value>> rows;

    /// Index of a column by name; throws std::out_of_range when there is none.
    std::size_t columnIndex(std::string_view name) const;
    /// Text of row r, column `name` ("" for NULL).
    std::string text(std::size_t row, std::string_view name) const;
    /// Integer of row r, column `name` (0 for NULL; text is parsed).
    std::int64_t integer(std::size_t row, std::string_view name) const;
    bool null(std::size_t row, std::string_view name) const;
};

/// Thrown by every driver for a failed statement. Carries what a user needs to act:
/// the server's message, the SQLSTATE (PostgreSQL) or extended result code (SQLite),
/// and the statement that failed. Never carries a password.
class DatabaseError : public std::runtime_error {
public:
    DatabaseError(std::string message, std::string statement = {}, std::string sqlState = {},
                  int nativeCode = 0);
    const std::string& serverMessage() const { return m_message; }
    const std::string& statement() const { return m_statement; }
    const std::string& sqlState() const { return m_sqlState; }
    int nativeCode() const { return m_nativeCode; }
    /// The database was busy/locked by another connection past the busy timeout.
    bool isBusy() const;
    /// The statement was cancelled (Driver::interrupt).
    bool isCancelled() const;

private:
    std::string m_message;
    std::string m_statement;
    std::string m_sqlState;
    int m_nativeCode;
};

/// Thrown when a database cannot be opened or reached (exit code 2 in the CLI).
class ConnectionError : public std::runtime_error {
public:
    enum class Cause { Other, PasswordRejected };
    explicit ConnectionError(const std::string& message, Cause cause = Cause::Other)
        : std::runtime_error(message), m_cause(cause)
    {
    }
    /// The server asked for a password and none was given, or refused the one given:
    /// a front end may ask the user for one and try again.
    bool passwordRejected() const { return m_cause == Cause::PasswordRejected; }

private:
    Cause m_cause;
};

/// Seconds a PostgreSQL connection attempt waits for the server (libpq's
/// `connect_timeout`, per address) when neither the connection string nor
/// PGCONNECT_TIMEOUT sets one: a server that accepts TCP and never answers must not
/// hang `tempest-migrate` for ever. Tempest Studio uses a shorter wait of its own.
inline constexpr int kDefaultConnectTimeoutSeconds = 10;

/// True when a libpq connection failure `message` says the password was missing or
/// refused ("no password supplied", "password authentication failed").
bool isPasswordFailure(std::string_view message);

class Driver {
public:
    virtual ~Driver() = default;

    /// "sqlite" or "postgresql": which dialect renders SQL for this connection.
    virtual std::string dialectName() const = 0;
    /// The connection as it may be shown to a user: passwords masked.
    virtual std::string description() const = 0;

    /// Runs one statement that returns no rows (or whose rows are discarded).
    /// Throws DatabaseError.
    virtual void execute(std::string_view sql, const std::vector<Value>& params = {}) = 0;
    /// Runs one statement and returns all its rows. Throws DatabaseError.
    virtual ResultSet query(std::string_view sql, const std::vector<Value>& params = {}) = 0;

    /// Asks the statement in flight (on another thread) to stop; it then throws a
    /// DatabaseError with isCancelled(). Safe to call from any thread, and a no-op when
    /// nothing runs.
    virtual void interrupt() = 0;

    /// True when the connection may be handed to another thread (and used by one thread
    /// at a time): projectStatus then reads the database on a second thread while the
    /// project's files load. sqlite3 and libpq connections may; a QtSql connection
    /// belongs to the thread that opened it. Default: false, everything on the caller's
    /// thread.
    virtual bool usableFromAnotherThread() const { return false; }
};

using DriverPtr = std::unique_ptr<Driver>;

/// Masks the password in a libpq connection string or URI (key=value or postgresql://),
/// and in anything that looks like one inside a longer text: `password=…` (quoted or
/// with backslash escapes), `?password=…`/`&password=…`, and `user:password@` with or
/// without a scheme, up to the last '@' (a password holding an unencoded '@' is masked
/// whole). Linear in the length of the text. Used wherever a connection string is shown.
std::string maskPassword(std::string_view connection);

/// What is wrong with a connection string libpq could not parse, in words that quote
/// none of it: libpq's own message (PQconninfoParse's) quotes the offending piece, and
/// that piece may be a password ("invalid percent-encoded token: \"Zq%zzSecret99\"").
std::string describeConnInfoSyntaxError(std::string_view libpqMessage);

/// A parsed host or port holding '@', or a port that is not a number, means that a user
/// name or password in a URI held an unencoded '@', '/' or ':' and libpq read the rest of
/// it as the host or port (and would print it in its error). Returns the message to
/// refuse the connection with, naming no value, or an empty string when both look sane.
std::string connectionTargetProblem(std::string_view host, std::string_view port);

/// A Driver that forwards to another and counts the statements it sees: how tests
/// assert "a fixed number of queries" without timing anything.
class CountingDriver : public Driver {
public:
    explicit CountingDriver(Driver& inner) : m_inner(inner) {}
    std::string dialectName() const override { return m_inner.dialectName(); }
    std::string description() const override { return m_inner.description(); }
    void execute(std::string_view sql, const std::vector<Value>& params = {}) override;
    ResultSet query(std::string_view sql, const std::vector<Value>& params = {}) override;
    void interrupt() override { m_inner.interrupt(); }

    std::size_t statementCount() const { return m_statements.size(); }
    const std::vector<std::string>& statements() const { return m_statements; }
    void reset() { m_statements.clear(); }

private:
    Driver& m_inner;
    std::vector<std::string> m_statements;
};

} // namespace tempest
