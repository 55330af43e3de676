#include "studio/generate_migration_dialog.h"

#include "core/codegen/codegen.h"
#include "core/revision/migration.h"
#include "studio/operation_text.h"
#include "ui_generate_migration_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>

#include <algorithm>

namespace tempest::studio {

namespace {

QString renameText(const RenameCandidate& c)
{
    if (c.kind == RenameCandidate::Kind::Table)
        return GenerateMigrationDialog::tr("table \"%1\" → \"%2\"")
            .arg(QString::fromStdString(c.from), QString::fromStdString(c.to));
    return GenerateMigrationDialog::tr("column \"%1.%2\" → \"%1.%3\"")
        .arg(QString::fromStdString(c.table), QString::fromStdString(c.from), QString::fromStdString(c.to));
}

/// True when `ops` drop `rename.from` and add `rename.to` in `rename.table`.
bool pairsDropAndAdd(const std::vector<Operation>& ops, const RenameCandidate& rename)
{
    bool dropped = false, added = false;
    for (const Operation& op : ops) {
        if (const auto* d = std::get_if<DropColumn>(&op))
            dropped = dropped || (d->table == rename.table && d->definition.name == rename.from);
        if (const auto* a = std::get_if<AddColumn>(&op))
            added = added || (a->table == rename.table && a->definition.name == rename.to);
    }
    return dropped && added;
}

} // namespace

GenerateMigrationDialog::GenerateMigrationDialog(const tempest::Project& project, Schema models, QWidget* parent,
                                                 const std::vector<RenameCandidate>& confirmed)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::GenerateMigrationDialog>())
    , m_project(project)
    , m_models(std::move(models))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("generateMigrationDialog"));
    m_label = m_ui->labelEdit;
    m_renames = m_ui->renameList;
    m_list = m_ui->operationList;
    m_format = m_ui->formatCombo;
    m_preview = m_ui->previewEdit;
    m_status = m_ui->statusLabel;
    m_format->addItem(tr("JSON"), int(MigrationFormat::Json));
    m_format->addItem(tr("C++ (with its JSON twin)"), int(MigrationFormat::Cpp));
    m_ui->splitter->setStretchFactor(2, 1);
    QWidget* renameBox = m_ui->renameBox;
    // Save writes first and closes only when that worked: not the box's accepted().
    QPushButton* save = m_ui->buttonBox->button(QDialogButtonBox::Save);
    save->setText(tr("&Save"));
    save->setObjectName(QStringLiteral("saveButton"));
    connect(save, &QPushButton::clicked, this, &GenerateMigrationDialog::onSaveClicked);
    m_save = save;

    try {
        m_revision = newRevisionId(m_project.graph(), {});
    } catch (const std::exception& e) {
        m_status->setText(QString::fromUtf8(e.what()));
    }
    regenerate();
    m_candidates = m_result.candidates;
    // Renames chosen in the panes join the list, checked, while they still pair a dropped
    // and an added column of the first diff (a rename already written pairs nothing).
    std::vector<bool> checked(m_candidates.size(), false);
    for (const RenameCandidate& r : confirmed) {
        if (r.kind != RenameCandidate::Kind::Column || !pairsDropAndAdd(m_result.operations, r))
            continue;
        const auto it = std::find(m_candidates.begin(), m_candidates.end(), r);
        if (it != m_candidates.end()) {
            checked[std::size_t(it - m_candidates.begin())] = true;
        } else {
            m_candidates.push_back(r);
            checked.push_back(true);
        }
    }
    {
        const QSignalBlocker block(m_renames);
        for (std::size_t i = 0; i < m_candidates.size(); ++i) {
            auto* item = new QListWidgetItem(renameText(m_candidates[i]), m_renames);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(checked[i] ? Qt::Checked : Qt::Unchecked);
        }
    }
    if (std::find(checked.begin(), checked.end(), true) != checked.end())
        regenerate();
    renameBox->setVisible(!m_candidates.empty());
    connect(m_renames, &QListWidget::itemChanged, this, [this] { regenerate(); });
    connect(m_label, &QLineEdit::textChanged, this, &GenerateMigrationDialog::onInputsChanged);
    connect(m_list, &QListWidget::itemChanged, this, &GenerateMigrationDialog::onInputsChanged);
    connect(m_format, &QComboBox::currentIndexChanged, this, &GenerateMigrationDialog::onInputsChanged);
    onInputsChanged();
}

std::vector<RenameCandidate> GenerateMigrationDialog::confirmedRenames() const
{
    std::vector<RenameCandidate> renames;
    for (int i = 0; i < m_renames->count(); ++i)
        if (m_renames->item(i)->checkState() == Qt::Checked)
            renames.push_back(m_candidates[std::size_t(i)]);
    return renames;
}

void GenerateMigrationDialog::regenerate()
{
    // The core's autogenerate, exactly as `revision --autogenerate` runs it, with the
    // renames checked here confirmed.
    m_status->clear();
    AutogenerateRequest request;
    request.models = m_models;
    request.confirmedRenames = confirmedRenames();
    try {
        m_result = autogenerate(m_project, request);
        if (m_result.operations.empty())
            m_status->setText(tr("The models match the migrations at the head: nothing to generate."));
        else if (!m_result.candidates.empty())
            m_status->setText(tr("%n possible rename(s) not checked: they are written as drop + add, and the "
                                 "dropped data is lost.",
                                 nullptr, int(m_result.candidates.size())));
    } catch (const std::exception& e) {
        m_result = {};
        m_status->setText(QString::fromUtf8(e.what()));
    }
    {
        const QSignalBlocker block(m_list);
        m_list->clear();
        for (const Operation& op : m_result.operations) {
            auto* item = new QListWidgetItem(operationText(op), m_list);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
    }
    onInputsChanged();
}

std::vector<Operation> GenerateMigrationDialog::checkedOperations() const
{
    std::vector<Operation> ops;
    for (int i = 0; i < m_list->count() && std::size_t(i) < m_result.operations.size(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            ops.push_back(m_result.operations[std::size_t(i)]);
    return ops;
}

void GenerateMigrationDialog::onInputsChanged()
{
    if (!m_save)
        return;
    const auto ops = checkedOperations();
    m_save->setEnabled(!ops.empty() && !m_label->text().trimmed().isEmpty() && !m_revision.empty());
    if (ops.empty()) {
        m_preview->clear();
        return;
    }
    const Migration m = makeMigration(m_revision, m_result.parents, m_label->text().trimmed().toStdString(), ops);
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
    try {
        const WrittenRevision written =
            writeRevision(m_project, m_revision, m_result.parents, m_label->text().trimmed().toStdString(),
                          checkedOperations(), static_cast<MigrationFormat>(m_format->currentData().toInt()));
        m_writtenFile = QString::fromStdString(written.files.back());
    } catch (const std::exception& e) {
        m_status->setText(QString::fromUtf8(e.what()));
        return;
    }
    emit migrationWritten(m_writtenFile);
    accept();
}

GenerateMigrationDialog::~GenerateMigrationDialog() = default;

} // namespace tempest::studio
