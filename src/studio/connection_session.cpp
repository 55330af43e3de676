#include "studio/connection_session.h"

#include "studio/connection_dialog.h"
#include "studio/connection_fields.h"
#include "studio/credential_store.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSettings>
#include <QWidget>

namespace tempest::studio {

namespace {

const QString kDialectKey = QStringLiteral("dialect");
const QString kDatabaseKey = QStringLiteral("database");

bool isPostgres(const QString& dialect) { return dialect == QLatin1String("postgresql"); }

} // namespace

ConnectionSession::ConnectionSession(QWidget* dialogParent) : QObject(dialogParent), m_dialogParent(dialogParent) {}

QString ConnectionSession::settingsGroup(const QString& projectFile)
{
    const QByteArray path = QFileInfo(projectFile).absoluteFilePath().toUtf8();
    return QStringLiteral("projectConnections/") +
           QString::fromLatin1(QCryptographicHash::hash(path, QCryptographicHash::Sha1).toHex());
}

void ConnectionSession::setProject(const QString& projectFile)
{
    m_projectFile = projectFile;
    m_override.clear();
    QSettings settings;
    settings.beginGroup(settingsGroup(projectFile));
    const QString dialect = settings.value(kDialectKey).toString();
    const QString database = settings.value(kDatabaseKey).toString();
    settings.endGroup();
    if (database.isEmpty() || !isPostgres(dialect)) {
        useConnection(database);
        return;
    }
    try {
        const QString key = credentialKey(postgresFields(database));
        credentialStore().fetch(key, this, [this, database](const QString& password) {
            useConnection(password.isEmpty() ? database : withPassword(database, password));
        });
    } catch (const std::exception&) {
        useConnection(QString());  // a remembered string that no longer parses: the file's
    }
}

void ConnectionSession::useConnection(const QString& connection)
{
    m_override = connection.toStdString();
    emit changed();
}

void ConnectionSession::showDialog(const QString& dialect, const QString& database)
{
    auto* dialog = new ConnectionDialog(dialect, database, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, dialect] {
        QSettings settings;
        settings.beginGroup(settingsGroup(m_projectFile));
        if (dialog->rememberConnection()) {
            settings.setValue(kDialectKey, dialect);
            settings.setValue(kDatabaseKey, dialog->displayConnection());  // never the password
        } else {
            settings.remove(QString());
        }
        settings.endGroup();
        const ConnectionFields fields = dialog->fields();
        if (isPostgres(dialect) && !fields.password.isEmpty()) {
            const QString key = credentialKey(fields);
            if (dialog->rememberPassword())
                credentialStore().store(key, fields.password, this,
                                        [this](bool, const QString& message) { emit noticed(message); });
            else
                credentialStore().keepForSession(key, fields.password);
        }
        useConnection(dialog->connectionString());
    });
    dialog->open();
}

void ConnectionSession::askPassword(const QString& database, const QString& display)
{
    askForPassword(m_dialogParent, display, [this, database](const QString& password) {
        try {
            credentialStore().keepForSession(credentialKey(postgresFields(database)), password);
            useConnection(withPassword(database, password));
        } catch (const std::exception& e) {
            emit noticed(QString::fromUtf8(e.what()));
        }
    });
}

} // namespace tempest::studio
