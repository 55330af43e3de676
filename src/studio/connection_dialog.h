#pragma once
// ConnectionDialog (Database > Connect…): the database this Studio session uses instead
// of the project file's — a PostgreSQL URL or its fields (kept in step both ways), or a
// SQLite file — with "Test connection" run on a worker. The form is ui/connection_dialog.ui.
// The password lives in its own field; the URL shown never carries it.

#include "studio/connection_fields.h"

#include <QDialog>
#include <QFutureWatcher>

#include <functional>
#include <memory>

namespace Ui {
class ConnectionDialog;
}

namespace tempest::studio {

class ConnectionDialog : public QDialog {
    Q_OBJECT

public:
    /// `dialect`: the project's ("sqlite" or "postgresql"); `database`: the connection in
    /// use (its password, if any, fills the password field, never the URL).
    ConnectionDialog(const QString& dialect, const QString& database, QWidget* parent = nullptr);
    /// Waits for a running "Test connection" (bounded by the connect timeout).
    ~ConnectionDialog() override;

    /// PostgreSQL: the fields as edited (password included). SQLite: unused.
    ConnectionFields fields() const;
    /// What to connect with: the URL with the password, or the SQLite file.
    QString connectionString() const;
    /// The URL without the password, or the SQLite file: what may be shown and saved.
    QString displayConnection() const;
    bool rememberConnection() const;
    bool rememberPassword() const;

signals:
    /// "Test connection" finished: `message` says what happened (no password in it).
    void testFinished(bool ok, const QString& message);

private:
    /// Fills the fields (the password only when `fields` has one); the URL too with
    /// `rewriteUrl` (never with the password).
    void setFields(const ConnectionFields& fields, bool rewriteUrl);
    void onUrlEdited(const QString& url);
    void onUrlEditingFinished();
    void onFieldEdited();
    void onTestClicked();
    void onBrowseClicked();

    std::unique_ptr<Ui::ConnectionDialog> m_ui;
    QString m_dialect;
    /// Options of the URL (sslmode, …) that have no field of their own.
    QList<QPair<QString, QString>> m_options;
    bool m_syncing = false;
    QFutureWatcher<QString> m_test;
};

/// Asks for the password of `database` (non-modal; the dialog deletes itself) after the
/// server refused it; `accepted(password)` is called on OK. Object name `passwordPrompt`.
void askForPassword(QWidget* parent, const QString& displayDatabase, std::function<void(QString)> accepted);

} // namespace tempest::studio
