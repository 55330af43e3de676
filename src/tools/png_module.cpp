// tempest-graph-png.so: core's graph picture painted with QPainter into a PNG, for
// tempest-migrate (png_writer.h). Qt Gui is linked here, never into tempest-migrate.
#include "tools/png_writer.h"

#include "painting/graph_painter.h"

#include <QGuiApplication>

#include <cstdio>
#include <exception>

namespace {

// Qt's start-up chatter (XDG_RUNTIME_DIR, font fallbacks) is not the command's output:
// only what makes the PNG fail reaches stderr.
void quietQtMessages(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    if (type == QtCriticalMsg || type == QtFatalMsg)
        std::fprintf(stderr, "tempest-migrate: %s\n", qPrintable(message));
}

} // namespace

extern "C" __attribute__((visibility("default"))) int tempest_graph_png(const tempest::GraphPicture* picture,
                                                                        const char* path, char* error,
                                                                        std::size_t errorSize)
{
    try {
        if (!QGuiApplication::instance()) {
            // Fonts need a QGuiApplication; the offscreen platform needs no display. It
            // lives until the process exits (tempest-migrate writes one PNG, then returns).
            qputenv("QT_QPA_PLATFORM", "offscreen");
            qInstallMessageHandler(quietQtMessages);
            static int argc = 1;
            static char name[] = "tempest-migrate";
            static char* argv[] = {name, nullptr};
            new QGuiApplication(argc, argv);
        }
        tempest::writeGraphPng(*picture, path);
        return 0;
    } catch (const std::exception& e) {
        std::snprintf(error, errorSize, "%s", e.what());
        return 1;
    }
}
