#pragma once
// GenerateMigrationDialog: what `revision --autogenerate` does (the core's autogenerate()),
// with a preview: the operations from the schema at the head to the models (each can be
// left out), every rename candidate with a "treat as rename" choice (never a silent drop
// + add), a label, the format, and Save writing the file through writeRevision(). The
// form is ui/generate_migration_dialog.ui.

#include "core/project/autogenerate.h"

#include <QDialog>

#include <memory>
#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace Ui {
class GenerateMigrationDialog;
}

namespace tempest::studio {

class GenerateMigrationDialog : public QDialog {
    Q_OBJECT

public:
    /// `models`: as the snapshot loaded them (the models command is not run again here).
    /// `confirmed`: column renames chosen beforehand ("Treat as rename" in the panes); those
    /// that still pair a dropped and an added column start checked.
    GenerateMigrationDialog(const tempest::Project& project, Schema models, QWidget* parent = nullptr,
                            const std::vector<RenameCandidate>& confirmed = {});
    ~GenerateMigrationDialog() override;

    /// The JSON file written by the last successful save ("" before).
    QString writtenFile() const { return m_writtenFile; }

signals:
    void migrationWritten(const QString& path);

private:
    void regenerate();
    void onInputsChanged();
    void onSaveClicked();
    std::vector<Operation> checkedOperations() const;
    std::vector<RenameCandidate> confirmedRenames() const;

    std::unique_ptr<Ui::GenerateMigrationDialog> m_ui;
    tempest::Project m_project;
    Schema m_models;
    std::string m_revision;
    AutogenerateResult m_result;
    /// Every candidate the first diff saw: the list keeps them while some are confirmed.
    std::vector<RenameCandidate> m_candidates;

    // The form's widgets (owned by the dialog).
    QLineEdit* m_label = nullptr;
    QListWidget* m_renames = nullptr;
    QListWidget* m_list = nullptr;
    QComboBox* m_format = nullptr;
    QPlainTextEdit* m_preview = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_save = nullptr;
    QString m_writtenFile;
};

} // namespace tempest::studio
