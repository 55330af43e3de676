#include "tools/png_writer.h"

#include "painting/graph_painter.h"

#include <QGuiApplication>

#include <cstdio>

namespace tempest {

namespace {

// Qt's start-up chatter (XDG_RUNTIME_DIR, font fallbacks) is not the command's output:
// only what makes the PNG fail reaches stderr.
void quietQtMessages(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    if (type == QtCriticalMsg || type == QtFatalMsg)
        std::fprintf(stderr, "tempest-migrate: %s\n", qPrintable(message));
}

} // namespace

void writeGraphPngOffscreen(const GraphPicture& picture, const std::string& path)
{
    if (!QGuiApplication::instance()) {
        // Fonts need a QGuiApplication; the offscreen platform needs no display. It lives
        // until the process exits (tempest-migrate writes one PNG, then returns).
        qputenv("QT_QPA_PLATFORM", "offscreen");
        qInstallMessageHandler(quietQtMessages);
        static int argc = 1;
        static char name[] = "tempest-migrate";
        static char* argv[] = {name, nullptr};
        new QGuiApplication(argc, argv);
    }
    writeGraphPng(picture, path);
}

} // namespace tempest
