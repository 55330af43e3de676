#pragma once
// ErrorDialog: a failed run, stamp or merge in full — core's reportFailure() text
// (revision, operation, statement, server message; passwords masked as the CLI masks
// them) — selectable, with a Copy button, instead of a status-bar line that vanishes.

#include <QDialog>

class QPlainTextEdit;

namespace tempest::studio {

class ErrorDialog : public QDialog {
    Q_OBJECT

public:
    ErrorDialog(const QString& title, const QString& message, QWidget* parent = nullptr);
    QString message() const;

private:
    QPlainTextEdit* m_text;
};

} // namespace tempest::studio
