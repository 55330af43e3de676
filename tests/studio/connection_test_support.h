#pragma once
// What the connection tests share: servers that cannot be reached (a closed port, one
// that accepts and never answers), the texts a user can see in the windows and the
// messages Qt logged (to look for leaked passwords), and "Test connection".

#include "studio/connection_dialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWidget>

#include <utility>
#include <vector>

namespace tempest::test {

/// A port on 127.0.0.1 where nothing listens (bound, then released).
inline quint16 closedLocalPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

/// Accepts TCP connections and never sends a byte: a server that hangs a client's
/// connect until its timeout.
class SilentServer {
public:
    SilentServer() { m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }

private:
    QTcpServer m_server;
};

inline void addModelTexts(const QAbstractItemModel* model, const QModelIndex& parent, QStringList& out)
{
    for (int r = 0; r < model->rowCount(parent); ++r)
        for (int c = 0; c < model->columnCount(parent); ++c) {
            const QModelIndex index = model->index(r, c, parent);
            out << index.data(Qt::DisplayRole).toString() << index.data(Qt::ToolTipRole).toString();
            if (c == 0)
                addModelTexts(model, index, out);
        }
}

/// Every text a user can read in a widget: title, tooltip, label, button, line edit
/// (not a password field: it shows dots), text pane, status bar message, view items.
inline QStringList widgetTexts(QWidget* w)
{
    QStringList out{w->windowTitle(), w->toolTip()};
    if (auto* label = qobject_cast<QLabel*>(w))
        out << label->text();
    if (auto* edit = qobject_cast<QLineEdit*>(w); edit && edit->echoMode() == QLineEdit::Normal)
        out << edit->text();
    if (auto* button = qobject_cast<QAbstractButton*>(w))
        out << button->text();
    if (auto* text = qobject_cast<QPlainTextEdit*>(w))
        out << text->toPlainText();
    if (auto* bar = qobject_cast<QStatusBar*>(w))
        out << bar->currentMessage();
    if (auto* view = qobject_cast<QAbstractItemView*>(w); view && view->model())
        addModelTexts(view->model(), {}, out);
    return out;
}

/// "<class> <objectName>: <text>" for each widget text of the application's top-level
/// widgets (and their children) that contains `secret` (expected: none).
inline QStringList textsContaining(const QString& secret)
{
    QStringList found;
    for (QWidget* top : QApplication::topLevelWidgets()) {
        std::vector<QWidget*> widgets{top};
        for (QWidget* w : top->findChildren<QWidget*>())
            widgets.push_back(w);
        for (QWidget* w : widgets)
            for (const QString& text : widgetTexts(w).filter(secret))
                found << QStringLiteral("%1 %2: %3").arg(QLatin1String(w->metaObject()->className()), w->objectName(), text);
    }
    return found;
}

/// Fails the test, naming the widgets, when any shows `secret`.
#define TEMPEST_VERIFY_NOT_SHOWN(secret)                                           \
    do {                                                                           \
        const QStringList shown = ::tempest::test::textsContaining(secret);        \
        QVERIFY2(shown.isEmpty(), qPrintable(shown.join(QLatin1Char('\n'))));     \
    } while (false)

/// Everything qDebug/qWarning/… print while it lives.
class LogCapture {
public:
    LogCapture() { s_messages.clear(); m_previous = qInstallMessageHandler(&LogCapture::handle); }
    ~LogCapture() { qInstallMessageHandler(m_previous); }
    static QStringList messages() { return s_messages; }

private:
    static void handle(QtMsgType, const QMessageLogContext&, const QString& message) { s_messages << message; }
    static inline QStringList s_messages;
    QtMessageHandler m_previous = nullptr;
};

/// Clicks the dialog's "Test connection" and waits for its answer: {worked, message}
/// ({false, ""} when none came within `timeoutMs`).
inline std::pair<bool, QString> clickTestConnection(studio::ConnectionDialog& dialog, int timeoutMs)
{
    QSignalSpy tested(&dialog, &studio::ConnectionDialog::testFinished);
    dialog.findChild<QPushButton*>(QStringLiteral("testButton"))->click();
    if (!tested.wait(timeoutMs))
        return {false, QString()};
    return {tested.last().at(0).toBool(), tested.last().at(1).toString()};
}

} // namespace tempest::test
