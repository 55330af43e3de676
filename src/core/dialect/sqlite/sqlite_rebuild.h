#pragma once
// SQLite's 12-step table rebuild (https://sqlite.org/lang_altertable.html#otheralter):
// the way to make every change SQLite cannot ALTER. One rebuild carries every operation
// of a render on one table: it copies the rows from the table as it was when the rebuild
// started into the table as it is after the last of them, and recreates what the run's
// catalog (SqliteRunState) holds for the table at that point.

#include "core/dialect/dialect.h"
#include "core/dialect/sqlite/sqlite_catalog_state.h"

#include <functional>
#include <map>
#include <string>

namespace tempest {

/// Table options after the column list of a CREATE TABLE ("STRICT", "WITHOUT ROWID",
/// "STRICT, WITHOUT ROWID"), trimmed; empty when there are none.
std::string sqliteTableOptions(std::string_view createTableSql);
bool sqliteOptionsAreStrict(std::string_view options);

/// ASCII case-insensitive equality: how SQLite compares identifiers.
bool sqliteSameName(std::string_view a, std::string_view b);

/// A rebuild in progress while operations are folded into it.
struct SqliteRebuild {
    /// The table when the rebuild starts: what the rows are copied from.
    Table start;
    /// Column of the rebuilt table → the column of `start` its values come from. New
    /// columns have no entry and get their default.
    std::map<std::string, std::string> sourceOf;
    /// Columns renamed by operations folded into the rebuild → the operation's index.
    std::map<std::string, int> renamedBy;
    int operationIndex = -1;

    /// Starts a rebuild of `table`: every column comes from itself.
    static SqliteRebuild of(const Table& table, int operationIndex);
};

/// Where a rebuild's statements go; the renderer applies each to the run's catalog.
using SqliteEmit = std::function<void(std::string sql, int operationIndex, bool commentOnly)>;

/// Emits the statements that turn `rebuild.start` into `target` with the rows kept:
/// first RENAME COLUMN for folded renames that views, triggers, other indexes or other
/// tables' REFERENCES name, then the rebuild, recreating the views, triggers and
/// indexes the IR does not describe from `catalog` as it stands (emit() updates it as
/// the statements go). `schema` supplies enum values.
void renderSqliteRebuild(SqliteRebuild rebuild, const Table& target, const Schema& schema,
                         const SqliteRunState& catalog, const SqliteEmit& emit);

} // namespace tempest
