#include "studio/event_log.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTime>
#include <QVBoxLayout>

namespace tempest::studio {

EventLog::EventLog(QWidget* parent) : QWidget(parent), m_text(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("eventLog"));
    m_text->setObjectName(QStringLiteral("eventLogText"));
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setAccessibleName(tr("Event log"));
    m_text->setAccessibleDescription(tr("The output of every run, stamp, merge and error of this session"));
    m_text->setPlaceholderText(tr("Runs, stamps, merges and errors are logged here."));
    auto* copy = new QPushButton(tr("&Copy"), this);
    copy->setObjectName(QStringLiteral("copyEventLogButton"));
    auto* clearButton = new QPushButton(tr("C&lear"), this);
    clearButton->setObjectName(QStringLiteral("clearEventLogButton"));
    copy->setAccessibleDescription(tr("Copies the whole log to the clipboard"));
    clearButton->setAccessibleDescription(tr("Empties the log"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(copy);
    buttons->addWidget(clearButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_text, 1);
    layout->addLayout(buttons);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(text()); });
    connect(clearButton, &QPushButton::clicked, this, &EventLog::clear);
}

void EventLog::append(const QString& text)
{
    const QString time = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
    QString indented = text;
    indented.replace(QLatin1Char('\n'), QStringLiteral("\n         "));  // under the text, past the time
    m_text->appendPlainText(time + QLatin1Char(' ') + indented);
}

QString EventLog::text() const { return m_text->toPlainText(); }

void EventLog::clear() { m_text->clear(); }

} // namespace tempest::studio
