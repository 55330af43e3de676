#pragma once
// GenerateMigrationDialog: what `revision --autogenerate` does, with a preview: the
// operations from the schema at the heads to the models (each can be left out), a
// label, the format, and Save writing the file into the migrations folder via codegen.

#include "core/dialect/dialect.h"
#include "core/ops/operation.h"
#include "core/revision/revision_graph.h"

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

namespace tempest::studio {

class GenerateMigrationDialog : public QDialog {
    Q_OBJECT

public:
    GenerateMigrationDialog(std::shared_ptr<const RevisionGraph> graph, const Schema& models,
                            std::shared_ptr<const Dialect> dialect, QString migrationsDir, QWidget* parent = nullptr);

    /// The path written by the last successful save ("" before).
    QString writtenFile() const { return m_writtenFile; }

signals:
    void migrationWritten(const QString& path);

private:
    void onInputsChanged();
    void onSaveClicked();
    std::vector<Operation> checkedOperations() const;

    std::shared_ptr<const RevisionGraph> m_graph;
    std::shared_ptr<const Dialect> m_dialect;
    QString m_migrationsDir;
    std::string m_revision;
    std::vector<std::string> m_parents;
    std::vector<Operation> m_operations;
    QString m_writtenFile;

    QLineEdit* m_label;
    QListWidget* m_list;
    QComboBox* m_format;
    QPlainTextEdit* m_preview;
    QLabel* m_status;
    QPushButton* m_save;
};

} // namespace tempest::studio
