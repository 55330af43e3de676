#include "studio/connection_dialog.h"

#include "studio/project_snapshot.h"
#include "ui_connection_dialog.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QInputDialog>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

namespace tempest::studio {

namespace {

/// Connects read-only as Studio does ("" when it worked, else why not).
QString testConnection(const std::string& dialect, const std::string& database)
{
    try {
        ProjectConfig config;
        config.dialect = dialect;
        config.database = database;
        if (!openDatabaseReadOnly(config))
            return QCoreApplication::translate("tempest::studio::ConnectionDialog",
                                               "there is no database there yet (the first upgrade creates it)");
        return {};
    } catch (const std::exception& e) {
        return QString::fromUtf8(maskPassword(e.what()).c_str());
    }
}

} // namespace

ConnectionDialog::ConnectionDialog(const QString& dialect, const QString& database, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ConnectionDialog>()), m_dialect(dialect)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("connectionDialog"));
    const bool postgres = dialect == QLatin1String("postgresql");
    m_ui->pages->setCurrentWidget(postgres ? m_ui->postgresPage : m_ui->sqlitePage);
    if (postgres) {
        try {
            setFields(postgresFields(database), true);
        } catch (const std::exception&) {
            // Unparsable: start from empty fields rather than echo the string.
        }
    } else {
        m_ui->sqliteFileEdit->setText(database);
    }
    connect(m_ui->urlEdit, &QLineEdit::textEdited, this, &ConnectionDialog::onUrlEdited);
    connect(m_ui->urlEdit, &QLineEdit::editingFinished, this, &ConnectionDialog::onUrlEditingFinished);
    for (QLineEdit* edit : {m_ui->hostEdit, m_ui->databaseEdit, m_ui->userEdit})
        connect(edit, &QLineEdit::textEdited, this, &ConnectionDialog::onFieldEdited);
    connect(m_ui->portSpin, &QSpinBox::valueChanged, this, &ConnectionDialog::onFieldEdited);
    connect(m_ui->testButton, &QPushButton::clicked, this, &ConnectionDialog::onTestClicked);
    connect(m_ui->browseButton, &QPushButton::clicked, this, &ConnectionDialog::onBrowseClicked);
    connect(&m_test, &QFutureWatcher<QString>::finished, this, [this] {
        const QString error = m_test.result();
        const QString message = error.isEmpty() ? tr("Connected.") : tr("Cannot connect: %1").arg(error);
        m_ui->testResultLabel->setText(message);
        m_ui->testButton->setEnabled(true);
        emit testFinished(error.isEmpty(), message);
    });
}

ConnectionDialog::~ConnectionDialog() { m_test.waitForFinished(); }

void ConnectionDialog::setFields(const ConnectionFields& fields, bool rewriteUrl)
{
    m_syncing = true;
    m_ui->hostEdit->setText(fields.host);
    m_ui->portSpin->setValue(fields.port);
    m_ui->databaseEdit->setText(fields.database);
    m_ui->userEdit->setText(fields.user);
    if (!fields.password.isEmpty())
        m_ui->passwordEdit->setText(fields.password);
    m_options = fields.options;
    if (rewriteUrl)
        m_ui->urlEdit->setText(postgresUrl(fields, false));
    m_syncing = false;
}

ConnectionFields ConnectionDialog::fields() const
{
    ConnectionFields fields;
    fields.host = m_ui->hostEdit->text().trimmed();
    fields.port = m_ui->portSpin->value();
    fields.database = m_ui->databaseEdit->text().trimmed();
    fields.user = m_ui->userEdit->text().trimmed();
    fields.password = m_ui->passwordEdit->text();
    fields.options = m_options;
    return fields;
}

void ConnectionDialog::onUrlEdited(const QString& url)
{
    try {
        setFields(postgresFields(url), false);
        m_ui->testResultLabel->clear();
    } catch (const std::exception& e) {
        m_ui->testResultLabel->setText(QString::fromUtf8(e.what()));
    }
}

void ConnectionDialog::onUrlEditingFinished()
{
    // A password typed or pasted into the URL moves to its field and out of the URL
    // (not while typing: the URL would change under the cursor).
    try {
        const ConnectionFields parsed = postgresFields(m_ui->urlEdit->text());
        if (!parsed.password.isEmpty())
            setFields(parsed, true);
    } catch (const std::exception&) {
        // onUrlEdited has said what is wrong.
    }
}

void ConnectionDialog::onFieldEdited()
{
    if (!m_syncing)
        m_ui->urlEdit->setText(postgresUrl(fields(), false));
}

QString ConnectionDialog::connectionString() const
{
    return m_dialect == QLatin1String("postgresql") ? postgresUrl(fields(), true) : m_ui->sqliteFileEdit->text();
}

QString ConnectionDialog::displayConnection() const
{
    return m_dialect == QLatin1String("postgresql") ? postgresUrl(fields(), false) : m_ui->sqliteFileEdit->text();
}

bool ConnectionDialog::rememberConnection() const { return m_ui->rememberConnectionCheck->isChecked(); }
bool ConnectionDialog::rememberPassword() const { return m_ui->rememberPasswordCheck->isChecked(); }

void ConnectionDialog::onTestClicked()
{
    if (m_test.isRunning())
        return;
    m_ui->testButton->setEnabled(false);
    m_ui->testResultLabel->setText(tr("Connecting…"));
    const std::string dialect = m_dialect.toStdString(), database = connectionString().toStdString();
    m_test.setFuture(QtConcurrent::run([dialect, database] { return testConnection(dialect, database); }));
}

void ConnectionDialog::onBrowseClicked()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("SQLite database"), m_ui->sqliteFileEdit->text(),
                                                      tr("SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)"),
                                                      nullptr, QFileDialog::DontConfirmOverwrite);
    if (!file.isEmpty())
        m_ui->sqliteFileEdit->setText(file);
}

void askForPassword(QWidget* parent, const QString& displayDatabase, std::function<void(QString)> accepted)
{
    auto* prompt = new QInputDialog(parent);
    prompt->setObjectName(QStringLiteral("passwordPrompt"));
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    prompt->setWindowTitle(ConnectionDialog::tr("Password required"));
    prompt->setLabelText(ConnectionDialog::tr("The server refused the password for %1.\nPassword:").arg(displayDatabase));
    prompt->setTextEchoMode(QLineEdit::Password);
    QObject::connect(prompt, &QInputDialog::textValueSelected, prompt,
                     [accepted = std::move(accepted)](const QString& password) { accepted(password); });
    prompt->open();
}

} // namespace tempest::studio
