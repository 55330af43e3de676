#include "studio/sql_pane.h"

#include "studio/sql_highlighter.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace tempest::studio {

SqlPane::SqlPane(QWidget* parent) : QWidget(parent), m_editor(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("sqlPane"));
    m_editor->setObjectName(QStringLiteral("sqlPreview"));
    m_editor->setReadOnly(true);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setAccessibleName(tr("SQL preview"));
    m_editor->setAccessibleDescription(
        tr("The SQL of the selected operations, or of the whole planned run of the selected revision"));
    m_editor->setPlaceholderText(tr("Select operations or a revision to see its SQL."));
    new SqlHighlighter(m_editor->document());
    m_save = new QPushButton(tr("Sa&ve SQL…"), this);
    m_save->setObjectName(QStringLiteral("saveSqlButton"));
    m_save->setEnabled(false);
    m_save->setAccessibleDescription(tr("Saves the SQL shown as a .sql file"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editor, 1);
    layout->addLayout(buttons);
    connect(m_editor, &QPlainTextEdit::textChanged, this,
            [this] { m_save->setEnabled(!m_editor->document()->isEmpty()); });
    connect(m_save, &QPushButton::clicked, this, &SqlPane::onSaveTriggered);
}

bool SqlPane::saveTo(const QString& path, QString* error) const
{
    const QByteArray text = m_editor->toPlainText().toUtf8() + (m_editor->toPlainText().endsWith('\n') ? "" : "\n");
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(text) == text.size() && file.commit())
        return true;
    if (error)
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
    return false;
}

void SqlPane::onSaveTriggered()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save SQL"), QStringLiteral("plan.sql"),
                                                tr("SQL script (*.sql);;All files (*)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".sql");
    QString error;
    if (saveTo(path, &error))
        emit sqlSaved(path);
    else
        QMessageBox::warning(this, tr("Save SQL"), error);
}

} // namespace tempest::studio
