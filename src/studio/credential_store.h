#pragma once
// CredentialStore: database passwords kept in the OS keychain (QtKeychain: the Secret
// Service, KWallet, macOS Keychain, Windows Credential Store), never in a file of ours.
// When there is no keychain (a headless machine without a D-Bus secret service) the
// password is kept in memory for this session only, and the caller is told so.
//
// Thread-safety: GUI thread only (the keychain jobs report through queued signals).

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace tempest::studio {

class CredentialStore : public QObject {
    Q_OBJECT

public:
    /// `service`: the keychain entry's service name (tests use their own).
    explicit CredentialStore(const QString& service = QStringLiteral("Tempest Studio"), QObject* parent = nullptr);

    /// Keeps `password` for `key` in memory at once, then stores it in the keychain;
    /// `done(persistent, message)` follows: persistent is false (and message says why,
    /// for the user) when the keychain refused or is missing. `done` is not called once
    /// `context` is gone.
    void store(const QString& key, const QString& password, QObject* context,
               std::function<void(bool, QString)> done);
    /// The password for `key`: this session's, else the keychain's; `done(password)`
    /// with an empty string when there is none (or no keychain), unless `context` is gone.
    void fetch(const QString& key, QObject* context, std::function<void(QString)> done);
    /// Keeps `password` for `key` in memory for this session only (no keychain).
    void keepForSession(const QString& key, const QString& password) { m_session.insert(key, password); }
    /// Forgets `key` in memory and in the keychain.
    void forget(const QString& key);
    /// This session's password for `key` (empty: none), without asking the keychain.
    QString sessionPassword(const QString& key) const { return m_session.value(key); }

private:
    QString m_service;
    QHash<QString, QString> m_session;
};

/// The store every window of this process shares (created on first use).
CredentialStore& credentialStore();

} // namespace tempest::studio
