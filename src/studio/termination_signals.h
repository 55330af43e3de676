#pragma once
// SIGTERM and SIGINT close the main window the way File > Quit does (layout saved, a
// load in flight abandoned) instead of killing the process mid-write: `kill`, Ctrl+C in
// a terminal and a session manager end Studio cleanly. POSIX (a self-pipe read by a
// QSocketNotifier: a signal handler may only write(2)).

class QWidget;

namespace tempest::studio {

/// Closes `window` on SIGTERM/SIGINT (then quits the application). Call once, after the
/// QApplication exists; `window` must outlive the event loop.
void closeOnTerminationSignals(QWidget* window);

} // namespace tempest::studio
