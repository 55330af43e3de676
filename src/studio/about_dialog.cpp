#include "studio/about_dialog.h"

#include "drivers/qtsql/library_versions.h"
#include "ui_about_dialog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QUrl>

namespace tempest::studio {

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent), m_ui(std::make_unique<Ui::AboutDialog>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("aboutDialog"));
    m_ui->titleLabel->setText(
        QStringLiteral("<h3>%1</h3>").arg(tr("Tempest Studio %1").arg(QStringLiteral(TEMPEST_VERSION))));
    m_ui->qtVersionLabel->setText(QString::fromLatin1(qVersion()));
    m_ui->sqliteVersionLabel->setText(QString::fromStdString(sqliteLibraryVersion()));
    m_ui->libpqVersionLabel->setText(QString::fromStdString(libpqLibraryVersion()));
    const QString docs = documentationFile();
    if (docs.isEmpty()) {
        m_ui->docsLabel->setText(tr("Documentation: README.md of the tempest-db sources."));
    } else {
        m_ui->docsLabel->setText(tr("Documentation: <a href=\"%1\">%2</a>")
                                     .arg(QUrl::fromLocalFile(docs).toString(QUrl::FullyEncoded),
                                          QDir::toNativeSeparators(docs).toHtmlEscaped()));
    }
}

AboutDialog::~AboutDialog() = default;

QString AboutDialog::documentationFile()
{
    // Installed: <prefix>/bin/tempest-studio and <prefix>/share/doc/tempest-db/README.md.
    const QString installed = QDir(QCoreApplication::applicationDirPath())
                                  .absoluteFilePath(QStringLiteral("../" TEMPEST_DOC_RELATIVE_DIR "/README.md"));
    if (QFileInfo::exists(installed))
        return QFileInfo(installed).canonicalFilePath();
    const QString source = QStringLiteral(TEMPEST_SOURCE_DIR "/README.md");
    return QFileInfo::exists(source) ? source : QString();
}

} // namespace tempest::studio
