#include "studio/file_viewer_dialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace tempest::studio {

FileViewerDialog::FileViewerDialog(const QString& path, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("fileViewerDialog"));
    setWindowTitle(tr("%1 — read-only").arg(QFileInfo(path).fileName()));
    resize(760, 560);
    auto* note = new QLabel(tr("No application is set up to open this file; it is shown here read-only. "
                               "&Path:"),
                            this);
    note->setWordWrap(true);
    auto* pathField = new QLineEdit(QDir::toNativeSeparators(path), this);
    pathField->setObjectName(QStringLiteral("filePathField"));
    pathField->setReadOnly(true);
    pathField->setAccessibleName(tr("File path"));
    note->setBuddy(pathField);
    auto* text = new QPlainTextEdit(this);
    text->setObjectName(QStringLiteral("fileText"));
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setAccessibleName(tr("File contents"));
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        text->setPlainText(QString::fromUtf8(file.readAll()));
    else
        text->setPlainText(tr("Cannot read the file: %1").arg(file.errorString()));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(pathField);
    layout->addWidget(text, 1);
    layout->addWidget(buttons);
}

} // namespace tempest::studio
