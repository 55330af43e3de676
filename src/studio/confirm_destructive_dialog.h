#pragma once
// ConfirmDestructiveDialog: lists what a run would lose (dropped tables, columns, …)
// before anything is sent to the database. Cancel changes nothing.

#include <QDialog>
#include <QStringList>

class QListWidget;

namespace tempest::studio {

class ConfirmDestructiveDialog : public QDialog {
    Q_OBJECT

public:
    /// `losses`: one line per destructive operation ("drop column users.name").
    ConfirmDestructiveDialog(const QString& action, const QStringList& losses, QWidget* parent = nullptr);

private:
    QListWidget* m_list;
};

} // namespace tempest::studio
