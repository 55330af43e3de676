#include "studio/credential_store.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>

namespace tempest::studio {

CredentialStore::CredentialStore(const QString& service, QObject* parent) : QObject(parent), m_service(service) {}

void CredentialStore::store(const QString& key, const QString& password, QObject* context,
                            std::function<void(bool, QString)> done)
{
    m_session.insert(key, password);
    auto* job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);  // never a plain-text file instead of a keychain
    job->setKey(key);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job* finished) {
        if (finished->error() == QKeychain::NoError)
            done(true, tr("The password is stored in the system keychain."));
        else
            done(false, tr("No keychain is available (%1): the password is kept for this session only.")
                            .arg(finished->errorString()));
    });
    job->start();
}

void CredentialStore::fetch(const QString& key, QObject* context, std::function<void(QString)> done)
{
    if (m_session.contains(key)) {
        done(m_session.value(key));
        return;
    }
    auto* job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job* finished) {
        const auto* read = static_cast<QKeychain::ReadPasswordJob*>(finished);
        if (read->error() == QKeychain::NoError && !read->textData().isEmpty())
            m_session.insert(key, read->textData());
    });
    // Connected after the line above, so the session already holds what was read.
    connect(job, &QKeychain::Job::finished, context,
            [this, key, done = std::move(done)](QKeychain::Job*) { done(m_session.value(key)); });
    job->start();
}

void CredentialStore::forget(const QString& key)
{
    m_session.remove(key);
    auto* job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->start();
}

CredentialStore& credentialStore()
{
    static auto* store = new CredentialStore(QStringLiteral("Tempest Studio"), QCoreApplication::instance());
    return *store;
}

} // namespace tempest::studio
