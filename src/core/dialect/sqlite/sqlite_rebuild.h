#pragma once
// SQLite's 12-step table rebuild (https://sqlite.org/lang_altertable.html#otheralter):
// the way to make every change SQLite cannot ALTER. One rebuild may carry several
// operations on one table: it copies the rows from the table as it was when the rebuild
// started into the table as it is after the last of them.

#include "core/dialect/dialect.h"

#include <map>
#include <set>
#include <optional>
#include <string>
#include <vector>

namespace tempest {

/// One row of sqlite_schema.
struct SqliteLiveObject {
    std::string type;   // table, index, view, trigger
    std::string name;
    std::string table;  // tbl_name
    std::string sql;    // empty for automatic indexes
};

/// The live sqlite_schema, read once (one query) the first time it is needed; none when
/// rendering offline.
class SqliteLiveCatalog {
public:
    explicit SqliteLiveCatalog(Driver* driver) : m_driver(driver) {}
    bool available() const { return m_driver != nullptr; }
    /// Every object, in sqlite_schema (creation) order. Empty offline.
    const std::vector<SqliteLiveObject>& objects();
    /// The table called `name` (ASCII case-insensitive, as SQLite compares), or null.
    const SqliteLiveObject* table(std::string_view name);

private:
    Driver* m_driver;
    std::optional<std::vector<SqliteLiveObject>> m_objects;
};

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
    /// The table's name in the live catalog; empty when it was created in this render.
    std::string liveName;
    /// The table or one of its columns was renamed by ALTER earlier in this render, so
    /// SQL read from the live catalog (triggers, views) is stale.
    bool renamedEarlier = false;
    /// Indexes dropped by DROP INDEX earlier in this render: the live catalog, read
    /// before anything ran, still lists them, and they must not come back.
    std::set<std::string> droppedEarlier;
    int operationIndex = -1;

    /// Starts a rebuild of `table`: every column comes from itself.
    static SqliteRebuild of(const Table& table, std::string liveName, bool renamedEarlier, int operationIndex);
};

/// Appends the statements that turn `rebuild.start` into `target` with the rows kept.
/// `schema` supplies enum values. Throws InputError when live objects depending on the
/// table cannot be recreated faithfully (the table was renamed earlier in the render).
void renderSqliteRebuild(const SqliteRebuild& rebuild, const Table& target, const Schema& schema,
                         SqliteLiveCatalog& live, std::vector<Statement>& out);

} // namespace tempest
