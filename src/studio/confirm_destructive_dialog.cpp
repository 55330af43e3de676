#include "studio/confirm_destructive_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace tempest::studio {

ConfirmDestructiveDialog::ConfirmDestructiveDialog(const QString& action, const QStringList& losses, QWidget* parent)
    : QDialog(parent), m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("confirmDestructiveDialog"));
    setWindowTitle(tr("Data will be lost"));
    auto* layout = new QVBoxLayout(this);
    auto* label = new QLabel(tr("%1 runs %n destructive operation(s). This data is lost:", nullptr, int(losses.size()))
                                 .arg(action),
                             this);
    label->setWordWrap(true);
    layout->addWidget(label);
    m_list->setObjectName(QStringLiteral("lossList"));
    m_list->addItems(losses);
    layout->addWidget(m_list);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* proceed = buttons->addButton(tr("Apply anyway"), QDialogButtonBox::AcceptRole);
    proceed->setObjectName(QStringLiteral("applyAnywayButton"));
    QPushButton* cancel = buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setDefault(true);  // Enter must not lose data
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace tempest::studio
