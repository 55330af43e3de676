#pragma once
// A PostgreSQL connection as the connection dialog edits it (host, port, database,
// user, password, other libpq options) and the postgresql:// URL it stands for. The
// password is a field of its own: it is put into a URL only to connect, never shown.

#include <QList>
#include <QPair>
#include <QString>

namespace tempest::studio {

struct ConnectionFields {
    QString host;
    int port = 0;  // 0: libpq's default (PGPORT, 5432)
    QString database;
    QString user;
    QString password;
    /// Every other libpq keyword (sslmode, options, …), in libpq's order of keywords.
    QList<QPair<QString, QString>> options;

    bool operator==(const ConnectionFields&) const = default;
};

/// Parses a libpq key=value string or postgresql:// URI with libpq's own parser. Throws
/// ConnectionError, in words that quote nothing of the string, when it cannot be parsed.
ConnectionFields postgresFields(const QString& conninfo);

/// `postgresql://user[:password]@host[:port]/database[?key=value&…]`, every part
/// percent-encoded (an IPv6 host in brackets). The password only with `withPassword`:
/// the URL shown and remembered never has it.
QString postgresUrl(const ConnectionFields& fields, bool withPassword);

/// `conninfo` with `password` as its password (libpq's parser reads it, the URL carries
/// the result): what Studio connects with after a password prompt.
QString withPassword(const QString& conninfo, const QString& password);

/// The key a password is stored under in the keychain: the URL without password and
/// options (`postgresql://user@host:port/database`), one per login.
QString credentialKey(const ConnectionFields& fields);

} // namespace tempest::studio
