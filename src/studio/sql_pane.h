#pragma once
// SqlPane: the SQL preview (the selected diff operations, or the whole plan of "Upgrade
// to here" / "Downgrade to here" as the run executes it) with "Save SQL…", which writes
// exactly the text shown to a .sql file.

#include <QWidget>

class QPlainTextEdit;
class QPushButton;

namespace tempest::studio {

class SqlPane : public QWidget {
    Q_OBJECT

public:
    explicit SqlPane(QWidget* parent = nullptr);
    QPlainTextEdit* editor() const { return m_editor; }
    /// Writes the shown SQL to `path`. False with `error` set when it cannot.
    bool saveTo(const QString& path, QString* error = nullptr) const;

signals:
    /// "Save SQL…" wrote `path`.
    void sqlSaved(const QString& path);

private:
    void onSaveTriggered();

    QPlainTextEdit* m_editor;
    QPushButton* m_save;
};

} // namespace tempest::studio
