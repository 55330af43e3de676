#pragma once
// ConnectionSession: which database the open project uses in this Studio session — the
// project file's, or one chosen in the connection dialog (remembered per project in
// QSettings without its password when asked), with the password from the prompt, this
// session's memory or the keychain (CredentialStore). The main window only reopens the
// project with databaseOverride() when changed() says so.

#include <QObject>
#include <QString>

#include <string>

class QWidget;

namespace tempest::studio {

class ConnectionSession : public QObject {
    Q_OBJECT

public:
    explicit ConnectionSession(QWidget* dialogParent);

    /// A project was opened: restores the connection remembered for it (its password
    /// from this session or the keychain), then emits changed() — at once when there
    /// is nothing to restore, else when the keychain has answered.
    void setProject(const QString& projectFile);
    /// The connection string to use instead of the project file's (password included;
    /// never shown): empty for the project file's own.
    const std::string& databaseOverride() const { return m_override; }

    /// Database > Connect…: `dialect` is the project's, `database` the connection in use.
    void showDialog(const QString& dialect, const QString& database);
    /// The server refused the password of `database` (`display`: as it may be shown):
    /// asks for one (non-modal), keeps it for the session, then changed().
    void askPassword(const QString& database, const QString& display);

    /// QSettings key under which `projectFile`'s connection is remembered.
    static QString settingsGroup(const QString& projectFile);

signals:
    /// databaseOverride() changed: reopen the project and refresh.
    void changed();
    /// Something the user should read (e.g. "no keychain: the password is kept for this
    /// session only").
    void noticed(const QString& message);

private:
    void useConnection(const QString& connection);

    QWidget* m_dialogParent;
    QString m_projectFile;
    std::string m_override;
};

} // namespace tempest::studio
