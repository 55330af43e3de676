#pragma once
// Running a database shell (the real sqlite3, psql) with a script on its stdin, for the
// tests that check what `--sql` prints by running it, and comparing texts line by line.

#include "cli_test_project.h"

#include <QString>
#include <QStringList>

#include <string>

namespace tempest::test {

/// Runs `program args` with `input` on its stdin; what it printed and its exit code.
CliRun runWithInput(const QString& program, const QStringList& args, const std::string& input);

/// The sqlite3 shell on PATH ("" when there is none).
QString sqlite3Shell();

/// Runs `sql` through `sqlite3 -bail <database>`.
CliRun runSqlite3(const std::string& database, const std::string& sql);

/// psql on PATH, else PostgreSQL 15's (Debian's /usr/lib/postgresql/15/bin); "" when
/// there is neither.
QString psqlShell();

/// Runs `sql` through `psql -X -q -v ON_ERROR_STOP=1 -d <conninfo>`.
CliRun runPsql(const std::string& conninfo, const std::string& sql);

/// The first line where `a` and `b` differ, with its number and both versions (named
/// `aName` and `bName`), for failure messages; "" when they are equal.
std::string firstDifference(const std::string& a, const std::string& b, const std::string& aName,
                            const std::string& bName);

} // namespace tempest::test
