#include "drivers/qtsql/qtsql_driver.h"

#include "drivers/qtsql/qtsql_conninfo.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <QDate>
#include <QDateTime>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTime>
#include <QVariant>

#include <atomic>
#include <cstring>
#include <initializer_list>

namespace tempest {

struct QtSqlDriver::Impl {
    QString connectionName;
    QSqlDatabase db;
    std::string dialect;
    std::string description;
    // Native handles captured at open time, so that interrupt() never touches the
    // QSqlDatabase (which belongs to the opening thread).
    sqlite3* sqliteHandle = nullptr;
    PGcancel* pgCancel = nullptr;
};

namespace {

QString uniqueConnectionName()
{
    static std::atomic<unsigned long long> counter{0};
    return QStringLiteral("tempest_qtsql_%1").arg(++counter);
}

QSqlDatabase addDatabase(const QString& type, const QString& name)
{
    if (!QSqlDatabase::isDriverAvailable(type))
        throw ConnectionError("Qt SQL driver " + type.toStdString() + " is not available (available: "
                              + QSqlDatabase::drivers().join(QStringLiteral(", ")).toStdString() + ")");
    return QSqlDatabase::addDatabase(type, name);
}

/// The driver's native handle when its QVariant type is one of `typeNames` (QPSQL's
/// PGconn* is registered under its struct name, "pg_conn*").
template <typename T>
T* nativeHandle(const QSqlDatabase& db, std::initializer_list<const char*> typeNames)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid())
        return nullptr;
    for (const char* name : typeNames)
        if (std::strcmp(handle.typeName(), name) == 0)
            return *static_cast<T* const*>(handle.constData());
    return nullptr;
}

QVariant toVariant(const Value& value)
{
    struct Visitor {
        QVariant operator()(std::monostate) const { return QVariant(); }
        QVariant operator()(std::int64_t v) const { return QVariant(static_cast<qlonglong>(v)); }
        QVariant operator()(double v) const { return QVariant(v); }
        QVariant operator()(const std::string& v) const
        {
            return QVariant(QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size())));
        }
        QVariant operator()(const Blob& v) const
        {
            return QVariant(QByteArray(reinterpret_cast<const char*>(v.bytes.data()),
                                       static_cast<qsizetype>(v.bytes.size())));
        }
    };
    return std::visit(Visitor{}, value);
}

Value fromVariant(const QVariant& v)
{
    switch (v.typeId()) {
    case QMetaType::Bool:
        return std::int64_t{v.toBool() ? 1 : 0};
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::Char:
    case QMetaType::SChar:
    case QMetaType::UChar:
        return std::int64_t{v.toLongLong()};
    case QMetaType::Double:
    case QMetaType::Float:
        return v.toDouble();
    case QMetaType::QByteArray: {
        const QByteArray bytes = v.toByteArray();
        return Blob{std::vector<std::uint8_t>(bytes.begin(), bytes.end())};
    }
    case QMetaType::QDate:
        return v.toDate().toString(Qt::ISODate).toStdString();
    case QMetaType::QTime:
        return v.toTime().toString(Qt::ISODateWithMs).toStdString();
    case QMetaType::QDateTime:
        return v.toDateTime().toString(Qt::ISODateWithMs).toStdString();
    default:
        return v.toString().toStdString();
    }
}

} // namespace

QtSqlDriver::QtSqlDriver(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

QtSqlDriver::~QtSqlDriver()
{
    if (m_impl->pgCancel)
        PQfreeCancel(m_impl->pgCancel);
    m_impl->sqliteHandle = nullptr;
    m_impl->db.close();
    // removeDatabase wants no QSqlDatabase copy left alive.
    m_impl->db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_impl->connectionName);
}

std::unique_ptr<QtSqlDriver> QtSqlDriver::openSqlite(const std::string& path, QtSqlSqliteOptions options)
{
    const QString file = QString::fromStdString(path);
    if ((!options.create || options.readOnly) && path != ":memory:" && !QFileInfo::exists(file))
        throw ConnectionError("cannot open SQLite database " + path + ": no such file");
    auto impl = std::make_unique<Impl>();
    impl->connectionName = uniqueConnectionName();
    impl->dialect = "sqlite";
    impl->description = path;
    impl->db = addDatabase(QStringLiteral("QSQLITE"), impl->connectionName);
    impl->db.setDatabaseName(file);
    QString connectOptions = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs);
    if (options.readOnly)
        connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
    impl->db.setConnectOptions(connectOptions);
    std::unique_ptr<QtSqlDriver> driver(new QtSqlDriver(std::move(impl)));
    Impl& d = *driver->m_impl;
    if (!d.db.open())
        throw ConnectionError("cannot open SQLite database " + path + ": " + d.db.lastError().text().toStdString());
    d.sqliteHandle = nativeHandle<sqlite3>(d.db, {"sqlite3*"});
    if (d.sqliteHandle)
        sqlite3_extended_result_codes(d.sqliteHandle, 1);
    // sqlite3_open succeeds on any file; the first read tells whether it is a database.
    try {
        driver->query("SELECT count(*) FROM sqlite_master");
    } catch (const DatabaseError& e) {
        throw ConnectionError("cannot open SQLite database " + path + ": " + e.serverMessage());
    }
    return driver;
}

std::unique_ptr<QtSqlDriver> QtSqlDriver::connectPostgres(const std::string& conninfo, int connectTimeoutSeconds)
{
    QtSqlPgParams params = parsePgConnInfo(conninfo);
    addDefaultConnectTimeout(params, connectTimeoutSeconds);
    auto impl = std::make_unique<Impl>();
    impl->connectionName = uniqueConnectionName();
    impl->dialect = "postgresql";
    impl->description = maskPassword(conninfo);
    impl->db = addDatabase(QStringLiteral("QPSQL"), impl->connectionName);
    impl->db.setHostName(QString::fromStdString(params.host));
    impl->db.setDatabaseName(QString::fromStdString(params.dbname));
    impl->db.setUserName(QString::fromStdString(params.user));
    impl->db.setPassword(QString::fromStdString(params.password));
    impl->db.setPort(params.port);
    impl->db.setConnectOptions(QString::fromStdString(params.connectOptions));
    std::unique_ptr<QtSqlDriver> driver(new QtSqlDriver(std::move(impl)));
    Impl& d = *driver->m_impl;
    if (!d.db.open()) {
        // libpq's text, through QPSQL: masked, and the password itself scrubbed too, in
        // case the message repeats a piece of the connection string.
        std::string reason = maskPassword(d.db.lastError().text().toStdString());
        for (const std::string& secret : {params.password, std::string(qgetenv("PGPASSWORD").constData())})
            for (std::size_t at = secret.empty() ? std::string::npos : reason.find(secret); at != std::string::npos;
                 at = reason.find(secret, at + 4))
                reason.replace(at, secret.size(), "****");
        throw ConnectionError("cannot connect to PostgreSQL " + d.description + ": " + reason,
                              isPasswordFailure(reason) ? ConnectionError::Cause::PasswordRejected
                                                        : ConnectionError::Cause::Other);
    }
    // The password is only needed to connect; keep no copy in the QSqlDatabase.
    d.db.setPassword(QString());
    if (PGconn* conn = nativeHandle<PGconn>(d.db, {"PGconn*", "pg_conn*"}))
        d.pgCancel = PQgetCancel(conn);
    return driver;
}

std::unique_ptr<QtSqlDriver> QtSqlDriver::open(std::string_view dialect, const std::string& database,
                                              int connectTimeoutSeconds)
{
    if (dialect == "sqlite")
        return openSqlite(database);
    if (dialect == "postgresql")
        return connectPostgres(database, connectTimeoutSeconds);
    throw ConnectionError("no Qt SQL driver for dialect " + std::string(dialect));
}

std::string QtSqlDriver::dialectName() const { return m_impl->dialect; }
std::string QtSqlDriver::description() const { return m_impl->description; }
std::string QtSqlDriver::connectionName() const { return m_impl->connectionName.toStdString(); }

void QtSqlDriver::execute(std::string_view sql, const std::vector<Value>& params)
{
    run(sql, params, nullptr);
}

ResultSet QtSqlDriver::query(std::string_view sql, const std::vector<Value>& params)
{
    ResultSet rows;
    run(sql, params, &rows);
    return rows;
}

void QtSqlDriver::run(std::string_view sql, const std::vector<Value>& params, ResultSet* rows)
{
    const bool sqlite = m_impl->dialect == "sqlite";
    QSqlQuery q(m_impl->db);
    if (sqlite)
        q.setForwardOnly(true);  // no row cache; QPSQL's forward-only mode fetches lazily, so not there
    else
        q.setNumericalPrecisionPolicy(QSql::HighPrecision);  // numeric as exact text
    const QString text = QString::fromUtf8(sql.data(), static_cast<qsizetype>(sql.size()));
    bool ok = false;
    if (params.empty()) {
        ok = q.exec(text);
    } else {
        ok = q.prepare(text);
        if (ok) {
            for (const Value& p : params)
                q.addBindValue(toVariant(p));
            ok = q.exec();
        }
    }
    if (!ok) {
        const QSqlError error = q.lastError();
        q.finish();
        std::string message = error.databaseText().toStdString();
        if (message.empty())
            message = error.driverText().toStdString();
        const std::string native = error.nativeErrorCode().toStdString();
        if (sqlite) {
            int code = 0;
            try {
                code = native.empty() ? 1 : std::stoi(native);
            } catch (const std::exception&) {
                code = 1;
            }
            throw DatabaseError(message, std::string(sql), {}, code);
        }
        throw DatabaseError(message, std::string(sql), native, 0);
    }
    if (rows && q.isSelect()) {
        const QSqlRecord record = q.record();
        rows->columns.reserve(static_cast<std::size_t>(record.count()));
        for (int c = 0; c < record.count(); ++c)
            rows->columns.push_back(record.fieldName(c).toStdString());
        while (q.next()) {
            std::vector<Value> row;
            row.reserve(rows->columns.size());
            for (int c = 0; c < record.count(); ++c)
                row.push_back(q.isNull(c) ? Value{} : fromVariant(q.value(c)));
            rows->rows.push_back(std::move(row));
        }
        // next() returning false may be an error (an interrupt mid-scan) rather than the end.
        const QSqlError error = q.lastError();
        if (error.isValid()) {
            q.finish();
            const std::string native = error.nativeErrorCode().toStdString();
            if (sqlite)
                throw DatabaseError(error.databaseText().toStdString(), std::string(sql), {},
                                    native.empty() ? 1 : std::atoi(native.c_str()));
            throw DatabaseError(error.databaseText().toStdString(), std::string(sql), native, 0);
        }
    }
    // An unfinished statement would block a later DROP or COMMIT on QSQLITE.
    q.finish();
}

void QtSqlDriver::interrupt()
{
    if (m_impl->sqliteHandle) {
        sqlite3_interrupt(m_impl->sqliteHandle);
    } else if (m_impl->pgCancel) {
        char error[256];
        // Failing to deliver the request only means the statement runs to its end.
        PQcancel(m_impl->pgCancel, error, sizeof error);
    }
}

} // namespace tempest
