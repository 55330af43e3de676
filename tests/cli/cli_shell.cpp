#include "cli_shell.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace tempest::test {

CliRun runWithInput(const QString& program, const QStringList& args, const std::string& input)
{
    QProcess process;
    process.start(program, args);
    CliRun result;
    if (!process.waitForStarted(30000)) {
        result.err = "cannot start " + program.toStdString() + ": " + process.errorString().toStdString();
        return result;
    }
    process.write(input.data(), qint64(input.size()));
    process.closeWriteChannel();
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit) {
        result.err = program.toStdString() + " did not finish normally: " + process.errorString().toStdString();
        return result;
    }
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput().toStdString();
    result.err = process.readAllStandardError().toStdString();
    return result;
}

QString sqlite3Shell()
{
    return QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
}

CliRun runSqlite3(const std::string& database, const std::string& sql)
{
    return runWithInput(sqlite3Shell(), {QStringLiteral("-bail"), QString::fromStdString(database)}, sql);
}

QString psqlShell()
{
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("psql"));
    if (!onPath.isEmpty())
        return onPath;
    const QString debian = QStringLiteral("/usr/lib/postgresql/15/bin/psql");
    return QFileInfo::exists(debian) ? debian : QString();
}

CliRun runPsql(const std::string& conninfo, const std::string& sql)
{
    return runWithInput(psqlShell(),
                        {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                         QStringLiteral("-d"), QString::fromStdString(conninfo)},
                        sql);
}

std::string firstDifference(const std::string& a, const std::string& b, const std::string& aName,
                            const std::string& bName)
{
    if (a == b)
        return {};
    std::size_t line = 1, i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) {
        if (a[i] == '\n')
            ++line;
        ++i;
    }
    auto lineAt = [](const std::string& text, std::size_t at) {
        const std::size_t start = at == 0 ? std::string::npos : text.rfind('\n', at - 1);
        const std::size_t from = start == std::string::npos ? 0 : start + 1;
        return text.substr(from, text.find('\n', from) - from);
    };
    return "line " + std::to_string(line) + ":\n  " + aName + ": " + lineAt(a, i) + "\n  " + bName + ": " +
           lineAt(b, i);
}

} // namespace tempest::test
