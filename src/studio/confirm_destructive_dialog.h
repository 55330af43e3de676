#pragma once
// ConfirmDestructiveDialog (ui/confirm_destructive_dialog.ui): lists what a run would
// lose before anything is sent to the database — each destructive operation with its
// revision, table, the rows that table holds now and its SQL (core destructiveFacts(),
// the list `tempest-migrate upgrade/downgrade` prints). Cancel, the default, changes
// nothing.

#include "core/project/destructive_facts.h"

#include <QDialog>

#include <memory>
#include <vector>

namespace Ui {
class ConfirmDestructiveDialog;
}

namespace tempest::studio {

class ConfirmDestructiveDialog : public QDialog {
    Q_OBJECT

public:
    ConfirmDestructiveDialog(const QString& action, std::vector<DestructiveFact> facts, QWidget* parent = nullptr);
    ~ConfirmDestructiveDialog() override;

    /// "42 rows", "not counted" — the Rows column's text for `fact`.
    static QString rowsText(const DestructiveFact& fact);

private:
    void showSqlOf(int row);

    std::unique_ptr<Ui::ConfirmDestructiveDialog> m_ui;
    std::vector<DestructiveFact> m_facts;
};

} // namespace tempest::studio
