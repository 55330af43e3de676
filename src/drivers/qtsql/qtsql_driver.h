#pragma once
// QtSqlDriver: the Driver interface over one QSqlDatabase connection (QSQLITE or QPSQL),
// so Tempest Studio talks to databases through Qt's plugins while the core sees the
// same Driver as everywhere else.
//
// Thread-safety: a Qt connection belongs to the thread that opened it. Open, use and
// destroy a QtSqlDriver on one thread (a Studio worker opens its own); interrupt() may
// be called from any thread while that thread runs a statement.

#include "core/driver/driver.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tempest {

struct QtSqlSqliteOptions {
    /// Create the file when it does not exist (otherwise a missing file is a ConnectionError).
    bool create = true;
    /// QSQLITE_BUSY_TIMEOUT: how long a statement waits for another connection's lock.
    int busyTimeoutMs = 30000;
    bool readOnly = false;
};

class QtSqlDriver final : public Driver {
public:
    /// Opens (or creates) a SQLite file through QSQLITE, with extended result codes.
    /// Throws ConnectionError naming the path (missing file without `create`, not a
    /// database, QSQLITE plugin not available).
    static std::unique_ptr<QtSqlDriver> openSqlite(const std::string& path, QtSqlSqliteOptions options = {});
    /// Connects through QPSQL. `conninfo` is a libpq key=value string or a
    /// postgresql:// URI, parsed with PQconninfoParse into what QPSQL accepts (host,
    /// port, dbname, user, password, the rest as connect options). Throws
    /// ConnectionError (password masked; passwordRejected() when the server wanted
    /// another password) when it cannot be parsed or connected. `connectTimeoutSeconds`
    /// is libpq's `connect_timeout` unless the string or PGCONNECT_TIMEOUT sets one.
    static std::unique_ptr<QtSqlDriver> connectPostgres(const std::string& conninfo,
                                                        int connectTimeoutSeconds = kDefaultConnectTimeoutSeconds);
    /// "sqlite" → openSqlite(database), "postgresql" → connectPostgres(database,
    /// connectTimeoutSeconds); another dialect is a ConnectionError.
    static std::unique_ptr<QtSqlDriver> open(std::string_view dialect, const std::string& database,
                                             int connectTimeoutSeconds = kDefaultConnectTimeoutSeconds);

    ~QtSqlDriver() override;
    QtSqlDriver(const QtSqlDriver&) = delete;
    QtSqlDriver& operator=(const QtSqlDriver&) = delete;

    std::string dialectName() const override;
    /// SQLite: the path. PostgreSQL: the connection string, password masked.
    std::string description() const override;

    /// One statement per call; positional parameters (`?` for SQLite; `$1`… or `?` for
    /// PostgreSQL). Throws DatabaseError with the server's message, the statement and
    /// the native code (SQLite result code as nativeCode(), PostgreSQL SQLSTATE as
    /// sqlState()). Every query is finished before returning, so none blocks a later
    /// DROP or COMMIT.
    void execute(std::string_view sql, const std::vector<Value>& params = {}) override;
    /// As execute(), returning every row: integers → int64 (PostgreSQL bool → 0/1),
    /// floating point → double, blobs/bytea → Blob, NULL → monostate, anything else
    /// (numeric, dates, text) → its text.
    ResultSet query(std::string_view sql, const std::vector<Value>& params = {}) override;
    /// SQLite: sqlite3_interrupt on the native handle; PostgreSQL: PQcancel. The running
    /// statement fails with DatabaseError::isCancelled(). Any thread; no-op when idle.
    void interrupt() override;

    /// The unique QSqlDatabase connection name this driver registered (for diagnostics).
    std::string connectionName() const;

private:
    struct Impl;
    explicit QtSqlDriver(std::unique_ptr<Impl> impl);
    void run(std::string_view sql, const std::vector<Value>& params, ResultSet* rows);

    std::unique_ptr<Impl> m_impl;
};

} // namespace tempest
