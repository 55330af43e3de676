#pragma once
// OfflineBanner: above the Database tree, says why the database is not shown (offline:
// the reason; or the load was cancelled) with "Reconnect" and "Connect…". Hidden while
// the database is reachable.

#include <QWidget>

class QLabel;

namespace tempest::studio {

class OfflineBanner : public QWidget {
    Q_OBJECT

public:
    explicit OfflineBanner(QWidget* parent = nullptr);
    /// Shows `text` (already masked) and the buttons.
    void showMessage(const QString& text);
    QString text() const;

signals:
    void reconnectRequested();
    void connectRequested();

private:
    QLabel* m_label;
};

} // namespace tempest::studio
