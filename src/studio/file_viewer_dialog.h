#pragma once
// FileViewerDialog: a migration file shown read-only, with its full path in a field that
// can be selected and copied — what "Open file" shows when the desktop has no handler
// for it (QDesktopServices::openUrl failed), instead of doing nothing.

#include <QDialog>

namespace tempest::studio {

class FileViewerDialog : public QDialog {
    Q_OBJECT

public:
    explicit FileViewerDialog(const QString& path, QWidget* parent = nullptr);
};

} // namespace tempest::studio
