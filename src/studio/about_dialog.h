#pragma once
// AboutDialog (Help > About): the tempest version, the run-time versions of Qt, SQLite and
// libpq (asked of the driver layer), and a link to the documentation. The form is
// ui/about_dialog.ui.

#include <QDialog>

#include <memory>

namespace Ui {
class AboutDialog;
}

namespace tempest::studio {

class AboutDialog : public QDialog {
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent = nullptr);
    ~AboutDialog() override;

    /// The README the documentation link opens: the installed copy
    /// (<prefix>/share/doc/tempest-db/README.md) when there is one, else the source tree's.
    static QString documentationFile();

private:
    std::unique_ptr<Ui::AboutDialog> m_ui;
};

} // namespace tempest::studio
