#include "studio/offline_banner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace tempest::studio {

OfflineBanner::OfflineBanner(QWidget* parent) : QWidget(parent), m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("offlineBanner"));
    m_label->setObjectName(QStringLiteral("offlineLabel"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    setAccessibleName(tr("Connection status"));
    m_label->setAccessibleName(tr("Why the database is offline"));
    auto* reconnect = new QPushButton(tr("&Reconnect"), this);
    reconnect->setObjectName(QStringLiteral("reconnectButton"));
    auto* connectButton = new QPushButton(tr("Co&nnect…"), this);
    connectButton->setObjectName(QStringLiteral("connectButton"));
    reconnect->setAccessibleDescription(tr("Tries the same database again"));
    connectButton->setAccessibleDescription(tr("Points this session at another database"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(reconnect);
    layout->addWidget(connectButton);
    connect(reconnect, &QPushButton::clicked, this, &OfflineBanner::reconnectRequested);
    connect(connectButton, &QPushButton::clicked, this, &OfflineBanner::connectRequested);
    hide();
}

void OfflineBanner::showMessage(const QString& text)
{
    m_label->setText(text);
    show();
}

QString OfflineBanner::text() const { return m_label->text(); }

} // namespace tempest::studio
