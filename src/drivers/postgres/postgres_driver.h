#pragma once
// PostgresDriver: the Driver interface over one libpq connection.
//
// Thread-safety: a connection is used by one thread at a time; interrupt() may be
// called from any thread while another runs a statement, and takeNotices() from any
// thread.

#include "core/driver/driver.h"

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;
struct pg_cancel;

namespace tempest {

class PostgresDriver final : public Driver {
public:
    /// Connects with `conninfo`, a libpq key=value string or a postgresql:// URI, passed
    /// unchanged to PQconnectdb (so sslmode, PGPASSWORD, .pgpass and service files all
    /// apply). Sets the client encoding to UTF8. Throws ConnectionError when the
    /// connection fails (passwordRejected() when the server wanted another password);
    /// its message never contains the password. `connectTimeoutSeconds` is libpq's
    /// `connect_timeout` unless the string or PGCONNECT_TIMEOUT sets one (0: none).
    static std::unique_ptr<PostgresDriver> connect(const std::string& conninfo,
                                                   int connectTimeoutSeconds = kDefaultConnectTimeoutSeconds);

    ~PostgresDriver() override;
    PostgresDriver(const PostgresDriver&) = delete;
    PostgresDriver& operator=(const PostgresDriver&) = delete;
    PostgresDriver(PostgresDriver&&) = delete;
    PostgresDriver& operator=(PostgresDriver&&) = delete;

    std::string dialectName() const override { return "postgresql"; }
    /// The connection string with its password masked.
    std::string description() const override { return m_description; }

    /// Runs one statement (PQexecParams: the server refuses a second one) with
    /// positional parameters $1, $2…, sent as text: int64 and double as their decimal
    /// text and text as is, all of unspecified type so the server infers it from
    /// context; a Blob as bytea; monostate as NULL. Rows are discarded.
    /// Throws DatabaseError carrying the primary message (+ detail and hint), the
    /// SQLSTATE and the statement; a lost connection has an empty SQLSTATE.
    void execute(std::string_view sql, const std::vector<Value>& params = {}) override;
    /// As execute(), returning the rows. By column type: int2/int4/int8/oid → int64,
    /// float4/float8 → double, bool → int64 0/1, bytea → Blob, NULL → monostate,
    /// anything else (numeric, text, dates, …) → its text.
    ResultSet query(std::string_view sql, const std::vector<Value>& params = {}) override;
    /// Sends a cancel request (PQcancel); the running statement fails with
    /// DatabaseError::isCancelled() (SQLSTATE 57014).
    void interrupt() override;
    /// Yes: libpq lets a connection change threads while one thread at a time uses it.
    bool usableFromAnotherThread() const override { return true; }

    /// Runs a script of any number of statements with PQexec (simple protocol, one
    /// implicit transaction unless the script has its own). Throws DatabaseError with
    /// the script as the statement. Meant for tests loading .sql files.
    void executeScript(std::string_view sql);

    /// NOTICE/WARNING messages the server sent since the last call (primary message
    /// text, oldest first; at most the latest 1000 are kept). They are never printed.
    std::vector<std::string> takeNotices();

private:
    struct ConnectionCloser {
        void operator()(pg_conn* conn) const noexcept;
    };
    struct ResultClearer {
        void operator()(pg_result* result) const noexcept;
    };
    struct CancelFreer {
        void operator()(pg_cancel* cancel) const noexcept;
    };
    using ConnectionHandle = std::unique_ptr<pg_conn, ConnectionCloser>;
    using ResultHandle = std::unique_ptr<pg_result, ResultClearer>;
    using CancelHandle = std::unique_ptr<pg_cancel, CancelFreer>;

    PostgresDriver(std::string description, ConnectionHandle conn);

    /// Sends one statement and returns its successful result; throws DatabaseError.
    ResultHandle run(std::string_view sql, const std::vector<Value>& params);
    /// Throws DatabaseError unless `result` is a success.
    void check(const ResultHandle& result, std::string_view sql) const;
    static void onNotice(void* self, const pg_result* result);

    std::string m_description;
    // Declared before the connection so that they outlive it: libpq calls onNotice.
    std::mutex m_noticeMutex;
    std::vector<std::string> m_notices;
    ConnectionHandle m_conn;
    CancelHandle m_cancel;
};

} // namespace tempest
