#pragma once
// SqliteDriver: the Driver interface over one libsqlite3 connection.
//
// Thread-safety: a connection is used by one thread at a time; interrupt() may be
// called from any thread while another runs a statement.

#include "core/driver/driver.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace tempest {

/// How SqliteDriver::open treats the file.
struct SqliteOpenOptions {
    /// Create the file when it does not exist (otherwise a missing file is a ConnectionError).
    bool create = true;
    /// How long a statement waits for another connection's lock before it fails with
    /// DatabaseError::isBusy().
    int busyTimeoutMs = 30000;
    /// Open read-only (implies no creation).
    bool readOnly = false;
};

class SqliteDriver final : public Driver {
public:
    using OpenOptions = SqliteOpenOptions;

    /// Opens (or creates) the database file at `path` (":memory:" for a private
    /// in-memory database). Turns on extended result codes and sets the busy timeout.
    /// Throws ConnectionError naming the path when the file cannot be opened, is missing
    /// and `create` is false, or is not a SQLite database.
    static std::unique_ptr<SqliteDriver> open(const std::string& path, OpenOptions options = {});

    ~SqliteDriver() override;
    SqliteDriver(const SqliteDriver&) = delete;
    SqliteDriver& operator=(const SqliteDriver&) = delete;
    SqliteDriver(SqliteDriver&&) = delete;
    SqliteDriver& operator=(SqliteDriver&&) = delete;

    std::string dialectName() const override { return "sqlite"; }
    /// The path the database was opened with.
    std::string description() const override { return m_path; }

    /// Runs exactly one statement; trailing whitespace, semicolons and comments are
    /// allowed, a second statement is a DatabaseError (nothing is run). Parameters are
    /// positional (`?`, `?NNN`) and their number must match. Rows are discarded.
    /// Throws DatabaseError carrying sqlite3_errmsg, the statement and the extended
    /// result code as nativeCode().
    void execute(std::string_view sql, const std::vector<Value>& params = {}) override;
    /// As execute(), returning every row. INTEGER → int64, REAL → double, TEXT →
    /// string, BLOB → Blob, NULL → monostate (per value, as SQLite stores it).
    ResultSet query(std::string_view sql, const std::vector<Value>& params = {}) override;
    /// sqlite3_interrupt: the running statement fails with DatabaseError::isCancelled().
    void interrupt() override;
    /// Yes: opened NOMUTEX, a connection may change threads while one at a time uses it.
    bool usableFromAnotherThread() const override { return true; }

    /// Runs a script of any number of statements (no parameters), stopping at the first
    /// failure, which throws DatabaseError naming the failing statement. Statements
    /// before it stay executed. Meant for tests loading .sql files.
    void executeScript(std::string_view sql);

    /// Changes the busy timeout (milliseconds; 0 fails at once on a lock).
    void setBusyTimeout(int milliseconds);

private:
    struct ConnectionCloser {
        void operator()(sqlite3* db) const noexcept;
    };
    using ConnectionHandle = std::unique_ptr<sqlite3, ConnectionCloser>;

    SqliteDriver(std::string path, ConnectionHandle db);

    /// Prepares, binds and steps one statement; collects rows into `rows` when given.
    void run(std::string_view sql, const std::vector<Value>& params, ResultSet* rows);

    std::string m_path;
    ConnectionHandle m_db;
};

} // namespace tempest
