#include "studio/connection_fields.h"

#include "drivers/qtsql/qtsql_conninfo.h"

#include <QUrl>

namespace tempest::studio {

namespace {

QString encoded(const QString& text) { return QString::fromLatin1(QUrl::toPercentEncoding(text)); }

QString fromStd(const std::string& text) { return QString::fromStdString(text); }

QString authority(const ConnectionFields& fields, bool withPassword)
{
    QString out;
    if (!fields.user.isEmpty() || (withPassword && !fields.password.isEmpty())) {
        out += encoded(fields.user);
        if (withPassword && !fields.password.isEmpty())
            out += QLatin1Char(':') + encoded(fields.password);
        out += QLatin1Char('@');
    }
    out += fields.host.contains(QLatin1Char(':')) ? QLatin1Char('[') + fields.host + QLatin1Char(']')
                                                  : encoded(fields.host);
    if (fields.port > 0)
        out += QLatin1Char(':') + QString::number(fields.port);
    return out;
}

} // namespace

ConnectionFields postgresFields(const QString& conninfo)
{
    const QtSqlPgParams params = parsePgConnInfo(conninfo.toStdString());
    ConnectionFields fields;
    fields.host = fromStd(params.host);
    fields.port = params.port > 0 ? params.port : 0;
    fields.database = fromStd(params.dbname);
    fields.user = fromStd(params.user);
    fields.password = fromStd(params.password);
    for (const auto& [key, value] : params.otherOptions)
        fields.options.append({fromStd(key), fromStd(value)});
    return fields;
}

QString postgresUrl(const ConnectionFields& fields, bool withPassword)
{
    QString url = QStringLiteral("postgresql://") + authority(fields, withPassword) + QLatin1Char('/') +
                  encoded(fields.database);
    QStringList query;
    for (const auto& [key, value] : fields.options)
        query << encoded(key) + QLatin1Char('=') + encoded(value);
    if (!query.isEmpty())
        url += QLatin1Char('?') + query.join(QLatin1Char('&'));
    return url;
}

QString withPassword(const QString& conninfo, const QString& password)
{
    ConnectionFields fields = postgresFields(conninfo);
    fields.password = password;
    return postgresUrl(fields, true);
}

QString credentialKey(const ConnectionFields& fields)
{
    return QStringLiteral("postgresql://") + authority(fields, false) + QLatin1Char('/') + encoded(fields.database);
}

} // namespace tempest::studio
