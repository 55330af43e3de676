#include "studio/generate_migration_dialog.h"

#include "core/codegen/codegen.h"
#include "core/diff/diff.h"
#include "core/revision/migration.h"
#include "core/revision/replay.h"
#include "studio/sql_highlighter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace tempest::studio {

GenerateMigrationDialog::GenerateMigrationDialog(std::shared_ptr<const RevisionGraph> graph, const Schema& models,
                                                 std::shared_ptr<const Dialect> dialect, QString migrationsDir,
                                                 QWidget* parent)
    : QDialog(parent)
    , m_graph(std::move(graph))
    , m_dialect(std::move(dialect))
    , m_migrationsDir(std::move(migrationsDir))
    , m_revision(generateRevisionId())
    , m_label(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_format(new QComboBox(this))
    , m_preview(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("generateMigrationDialog"));
    setWindowTitle(tr("Generate migration"));
    resize(760, 560);
    m_label->setObjectName(QStringLiteral("labelEdit"));
    m_label->setPlaceholderText(tr("what this migration does"));
    m_list->setObjectName(QStringLiteral("operationList"));
    m_format->setObjectName(QStringLiteral("formatCombo"));
    m_format->addItem(tr("JSON"), int(MigrationFormat::Json));
    m_format->addItem(tr("C++ (with its JSON twin)"), int(MigrationFormat::Cpp));
    m_preview->setObjectName(QStringLiteral("previewEdit"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Label:"), m_label);
    form->addRow(tr("&Format:"), m_format);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_preview);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_save = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("saveButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &GenerateMigrationDialog::onSaveClicked);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    // Like `revision --autogenerate`: the models against the replay of the heads.
    m_parents = m_graph->heads();
    if (m_parents.size() > 1) {
        m_status->setText(tr("The history has %n heads; merge them before generating a migration.", nullptr,
                             int(m_parents.size())));
    } else {
        try {
            const Schema base = replaySchemaTo(*m_graph, m_parents);
            DiffOptions options;
            options.rules = &m_dialect->rules();
            m_operations = diffSchema(base, models, options);
        } catch (const std::exception& e) {
            m_status->setText(QString::fromUtf8(e.what()));
        }
        if (m_operations.empty() && m_status->text().isEmpty())
            m_status->setText(tr("The models match the migrations: nothing to generate."));
    }
    for (const Operation& op : m_operations) {
        auto* item = new QListWidgetItem(QString::fromStdString(describe(op)), m_list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    connect(m_label, &QLineEdit::textChanged, this, &GenerateMigrationDialog::onInputsChanged);
    connect(m_list, &QListWidget::itemChanged, this, &GenerateMigrationDialog::onInputsChanged);
    connect(m_format, &QComboBox::currentIndexChanged, this, &GenerateMigrationDialog::onInputsChanged);
    onInputsChanged();
}

std::vector<Operation> GenerateMigrationDialog::checkedOperations() const
{
    std::vector<Operation> ops;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            ops.push_back(m_operations[std::size_t(i)]);
    return ops;
}

void GenerateMigrationDialog::onInputsChanged()
{
    const auto ops = checkedOperations();
    m_save->setEnabled(!ops.empty() && !m_label->text().trimmed().isEmpty());
    if (ops.empty()) {
        m_preview->clear();
        return;
    }
    const Migration m = makeMigration(m_revision, m_parents, m_label->text().trimmed().toStdString(), ops);
    try {
        const auto files = generateMigration(m, static_cast<MigrationFormat>(m_format->currentData().toInt()));
        QString text;
        for (const auto& f : files)
            text += QStringLiteral("// %1\n").arg(QString::fromStdString(f.fileName)) + QString::fromStdString(f.text);
        m_preview->setPlainText(text);
    } catch (const std::exception& e) {
        m_preview->setPlainText(QString::fromUtf8(e.what()));
    }
}

void GenerateMigrationDialog::onSaveClicked()
{
    const Migration m = makeMigration(m_revision, m_parents, m_label->text().trimmed().toStdString(),
                                      checkedOperations());
    try {
        const auto files = generateMigration(m, static_cast<MigrationFormat>(m_format->currentData().toInt()));
        writeGeneratedFiles(m_migrationsDir.toStdString(), files);
        // The JSON file is what the Studio and the CLI read, whichever format was chosen.
        m_writtenFile = QDir(m_migrationsDir).filePath(QString::fromStdString(files.back().fileName));
        for (const auto& f : files)
            if (QString::fromStdString(f.fileName).endsWith(QLatin1String(".json")))
                m_writtenFile = QDir(m_migrationsDir).filePath(QString::fromStdString(f.fileName));
    } catch (const std::exception& e) {
        m_status->setText(QString::fromUtf8(e.what()));
        return;
    }
    emit migrationWritten(m_writtenFile);
    accept();
}

} // namespace tempest::studio
