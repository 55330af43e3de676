#pragma once
// What the crash-safety tests of both dialects share: running crash_runner (tempest-migrate
// with a driver that SIGKILLs its own process before the Nth driver call, see
// crash_runner.cpp) in a project folder, reading what its counting run printed, and
// choosing the driver calls to kill before. Header-only: each test names
// CRASH_RUNNER_BIN, the path of crash_runner.

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

#include <cstdlib>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#ifndef CRASH_RUNNER_BIN
#error "crash_trials.h needs CRASH_RUNNER_BIN, the path of crash_runner"
#endif

namespace tempest::test {

struct CrashRun {
    bool finished = false;  // it ended before the timeout
    bool killed = false;    // it ended by a signal (its own SIGKILL)
    int exitCode = -1;
    std::string err;

    /// M of "driver calls: M", the last line of a run that was not killed; -1 without it.
    int driverCalls() const
    {
        const std::string key = "driver calls: ";
        const std::size_t at = err.rfind(key);
        return at == std::string::npos ? -1 : std::atoi(err.c_str() + at + key.size());
    }
    /// With TEMPEST_LOG_CALLS=1: the statement of each driver call, call N at [N - 1].
    std::vector<std::string> calls() const
    {
        std::vector<std::string> out;
        std::istringstream lines(err);
        for (std::string line; std::getline(lines, line);)
            if (const std::string prefix = "call " + std::to_string(out.size() + 1) + ": "; line.rfind(prefix, 0) == 0)
                out.push_back(line.substr(prefix.size()));
        return out;
    }
};

/// Runs crash_runner with `args` in `dir`, killed just before driver call `killAt` (0: not
/// killed; it then prints the number of calls), each call logged when `logCalls`.
inline CrashRun runCrashRunner(const std::string& dir, const QStringList& args, long killAt, bool logCalls = false,
                               int timeoutMs = 120000)
{
    QProcess process;
    process.setWorkingDirectory(QString::fromStdString(dir));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("TEMPEST_DATABASE"));
    env.insert(QStringLiteral("TEMPEST_KILL_AT"), QString::number(killAt));
    env.insert(QStringLiteral("TEMPEST_LOG_CALLS"), logCalls ? QStringLiteral("1") : QStringLiteral("0"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(CRASH_RUNNER_BIN), args);
    CrashRun run;
    run.finished = process.waitForFinished(timeoutMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished();
    }
    run.killed = process.exitStatus() == QProcess::CrashExit;
    run.exitCode = process.exitCode();
    run.err = process.readAllStandardError().toStdString();
    return run;
}

/// The driver calls to kill before, 1..calls: every one when there are at most `maxAll`,
/// else `sample` spread evenly from the first to the last; `alsoAt` are added either way.
inline std::vector<int> killPositions(int calls, int maxAll, int sample, const std::set<int>& alsoAt = {})
{
    std::set<int> at;
    if (calls <= maxAll || sample >= calls) {
        for (int n = 1; n <= calls; ++n)
            at.insert(n);
    } else {
        for (int k = 0; k < sample; ++k)
            at.insert(1 + static_cast<int>(static_cast<long>(k) * (calls - 1) / (sample - 1)));
    }
    for (int n : alsoAt)
        if (n >= 1 && n <= calls)
            at.insert(n);
    return {at.begin(), at.end()};
}

} // namespace tempest::test
