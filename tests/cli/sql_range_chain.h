#pragma once
// The 6-revision chain of the `--sql` range tests (tst_cli_sql_ranges on SQLite,
// tst_cli_postgres_sql_ranges on PostgreSQL): migration files carrying both dialects'
// SQL in their execute operations, the models equal to the chain's head, and what both
// suites share around them — the (A, B) pairs, what `check` must say after an online
// step, and the comparison of an online run with its range's script.
//
//   r1  create authors and books (FK, index), seed rows
//   r2  books.price integer → numeric(10,2); books.title NOT NULL DEFAULT 'untitled'
//       (SQLite: one rebuild, COALESCE for the NULL title)
//   r3  execute: a trigger and a view on books (per-dialect up and down)
//   r4  rename books.title → headline and add a CHECK on books (SQLite: rename plus a
//       rebuild of the table the trigger and the view read); create enum book_status
//       and add books.status
//   r5  add the value 'archived' to book_status and use it (execute UPDATE) in the same
//       revision (PostgreSQL: the commit-first step; SQLite: the CHECK changes, a rebuild)
//   r6  drop the value 'published' (PostgreSQL: a type swap; SQLite: a rebuild)

#include "cli_shell.h"
#include "cli_test_project.h"

#include "core/driver/driver.h"

#include <QStringList>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace tempest::test::sqlrange {

/// The chain's revisions, oldest first.
const std::vector<std::string>& chainIds();
/// "base", then the revisions: state k is the database after chainIds()[k - 1].
std::vector<std::string> chainStates();
/// Every (A, B) index pair into chainStates() with A < B (21 of them).
std::vector<std::pair<int, int>> chainPairs();
/// Qt Test data: int columns "a" and "b", a row "A..B" per chainPairs() pair.
void addPairRows();

/// Relative path → text: migrations/r1.json … r6.json and models.json (the head).
std::vector<std::pair<std::string, std::string>> chainFiles();

/// "" when `check` (run with --json) says what it must right after an online step left
/// the database at state `stateIndex`: clean at the head; otherwise exit 1 with the one
/// "database is behind heads" line (no drift beyond that, nothing uncaptured, nothing
/// edited). Else what is wrong.
std::string checkProblem(const CliRun& check, int stateIndex);

/// argv for the CLI: "--database", `database`, then `args`.
QStringList withDatabase(const std::string& database, const QStringList& args);

/// Every row of `sql`, one line each, columns joined by " | ".
std::string dumpQuery(Driver& db, const std::string& sql);

/// What a dialect's suite provides to compareRange().
struct RangeSuite {
    /// Runs tempest-migrate in the project folder.
    std::function<CliRun(const QStringList&)> cli;
    /// A new database at chain state k (made by online runs only), as its --database value.
    std::function<std::string(int state)> databaseAt;
    /// Runs a --sql script through the dialect's shell on `database`.
    std::function<CliRun(const std::string& database, const std::string& sql)> runScript;
    /// Everything compared: schema, version table (without applied_at), rows.
    std::function<std::string(const std::string& database)> record;
};

/// Upgrade (`down` false): a database at A upgraded online to B, and `upgrade A:B --sql`
/// run by the shell on another database at A. Downgrade: a database at B downgraded
/// online to A, and `downgrade B:A --sql` on another database at B. "" when both exit 0,
/// `check` after the online step says what checkProblem() wants, and the two databases
/// record the same; otherwise what differs.
std::string compareRange(const RangeSuite& suite, bool down, int a, int b);

/// True when `problem` is empty; otherwise prints all of it (QVERIFY2 messages are cut
/// short) and returns false.
bool passes(const std::string& problem);
/// The first line of `text`, for QVERIFY2.
std::string firstLine(const std::string& text);

} // namespace tempest::test::sqlrange
