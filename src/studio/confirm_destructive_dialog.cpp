#include "studio/confirm_destructive_dialog.h"

#include "studio/operation_text.h"
#include "studio/sql_highlighter.h"
#include "ui_confirm_destructive_dialog.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QPushButton>

namespace tempest::studio {

ConfirmDestructiveDialog::ConfirmDestructiveDialog(const QString& action, std::vector<DestructiveFact> facts,
                                                   QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ConfirmDestructiveDialog>()), m_facts(std::move(facts))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("confirmDestructiveDialog"));
    m_ui->summaryLabel->setText(
        tr("%1 runs %n destructive operation(s). This data is lost:", nullptr, int(m_facts.size())).arg(action));
    m_ui->factsTable->setRowCount(int(m_facts.size()));
    for (int row = 0; row < int(m_facts.size()); ++row) {
        const DestructiveFact& fact = m_facts[std::size_t(row)];
        const QStringList cells{QString::fromStdString(fact.revision), phraseText(fact.phrase),
                                QString::fromStdString(fact.table), rowsText(fact)};
        for (int column = 0; column < cells.size(); ++column)
            m_ui->factsTable->setItem(row, column, new QTableWidgetItem(cells[column]));
    }
    m_ui->factsTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_ui->factsTable->resizeColumnsToContents();
    m_ui->sqlView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new SqlHighlighter(m_ui->sqlView->document());
    connect(m_ui->factsTable, &QTableWidget::currentCellChanged, this,
            [this](int row) { showSqlOf(row); });
    if (!m_facts.empty())
        m_ui->factsTable->selectRow(0);
    showSqlOf(m_facts.empty() ? -1 : 0);

    QPushButton* proceed = m_ui->buttonBox->addButton(tr("Apply anyway"), QDialogButtonBox::AcceptRole);
    proceed->setObjectName(QStringLiteral("applyAnywayButton"));
    proceed->setAutoDefault(false);
    QPushButton* cancel = m_ui->buttonBox->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setDefault(true);  // Enter must not lose data
    cancel->setFocus();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

ConfirmDestructiveDialog::~ConfirmDestructiveDialog() = default;

QString ConfirmDestructiveDialog::rowsText(const DestructiveFact& fact)
{
    if (!fact.rowCount)
        return fact.table.empty() ? tr("—") : tr("not counted");
    return *fact.rowCount == 1 ? tr("1 row") : tr("%1 rows").arg(*fact.rowCount);
}

void ConfirmDestructiveDialog::showSqlOf(int row)
{
    m_ui->sqlView->setPlainText(row >= 0 && row < int(m_facts.size())
                                    ? QString::fromStdString(m_facts[std::size_t(row)].sql)
                                    : QString());
}

} // namespace tempest::studio
