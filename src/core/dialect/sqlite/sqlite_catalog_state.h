#pragma once
// SqliteRunState: SQLite's DialectRunState, a model of sqlite_schema that follows a run.
//
// Rendering happens before anything runs, and `--sql` never runs at all, so the catalog a
// rebuild must recreate from (triggers, views, indexes the IR does not describe, table
// options) cannot be read from the database when it is needed. The state reads it once,
// when the first render of the run has a live connection, and from then on applies to it
// the effect of every statement the renderer emits, as SQLite would: CREATE and DROP of
// tables, indexes, views and triggers, ALTER TABLE RENAME TO (legacy or not), RENAME
// COLUMN, ADD COLUMN and DROP COLUMN (editing the stored CREATE TABLE text the way SQLite
// does), and PRAGMA legacy_alter_table. A state with no live connection starts empty and
// knows exactly what the run's statements created.

#include "core/dialect/dialect.h"

#include <string>
#include <string_view>
#include <vector>

namespace tempest {

/// One row of sqlite_schema; `temp` for one of temp.sqlite_schema (CREATE TEMP …).
struct SqliteSchemaObject {
    std::string type;   // table, index, view, trigger
    std::string name;
    std::string table;  // tbl_name
    std::string sql;    // as SQLite stores it; empty for automatic indexes
    bool temp = false;
    bool operator==(const SqliteSchemaObject&) const = default;
};

class SqliteRunState final : public DialectRunState {
public:
    /// Replaces the model with the database's sqlite_schema (one query, in creation order).
    void primeFrom(Driver& driver);
    /// Primes from `live` unless a render went through this state before (its statements
    /// may not have run on `live`: `--sql`, or a replayed range), then counts this one.
    void beginRender(Driver* live);
    /// True once read from a database: then the model holds every object, not only the
    /// ones the run created.
    bool primedFromLive() const { return m_primedFromLive; }
    void markStartOfScript() override;
    /// The table existed before an offline script started (known from a replay): what
    /// was made on it outside the migrations is unknown.
    bool existedBeforeScript(std::string_view table) const;

    const std::vector<SqliteSchemaObject>& objects() const { return m_objects; }
    /// The object of that type and name (ASCII case-insensitive, as SQLite compares), or null.
    const SqliteSchemaObject* find(std::string_view type, std::string_view name) const;
    const SqliteSchemaObject* table(std::string_view name) const { return find("table", name); }
    /// Whether the table's stored CREATE TABLE declares the column.
    bool hasColumn(std::string_view table, std::string_view column) const;

    /// Applies what one statement (without its final semicolon) does to sqlite_schema.
    /// Statements that change no schema object (INSERT, UPDATE, other PRAGMAs, …) and
    /// statements it cannot read change nothing; a CREATE of a name that exists, too.
    void apply(std::string_view statement);

private:
    void create(std::string_view statement);
    void drop(std::string_view statement);
    void alter(std::string_view statement);
    void renameTable(const std::string& from, const std::string& to);
    void erase(std::string_view type, std::string_view name);
    SqliteSchemaObject* findMutable(std::string_view type, std::string_view name);

    std::vector<SqliteSchemaObject> m_objects;
    bool m_primedFromLive = false;
    std::vector<std::string> m_beforeScript;  // lower-case table names
    bool m_rendered = false;
    bool m_legacyAlterTable = false;
};

/// The text SQLite stores for a CREATE statement: "CREATE [UNIQUE|VIRTUAL] <KIND> "
/// followed by the statement from the object's name on (TEMP, IF NOT EXISTS and a schema
/// qualifier dropped; a table without options ends at its closing parenthesis, a trigger
/// at its END). Empty when `statement` is no CREATE TABLE/INDEX/VIEW/TRIGGER.
std::string sqliteStoredCreateSql(std::string_view statement);

/// A stored CREATE TABLE after ALTER TABLE ADD COLUMN `definition`: inserted before the
/// table constraints, or the closing parenthesis, after ", " (SQLite's addColOffset).
std::string sqliteTableTextWithColumn(std::string_view createTable, std::string_view definition);
/// A stored CREATE TABLE after ALTER TABLE DROP COLUMN `column`: its definition cut out
/// from its name to the next column's name, or for the last column from the comma before
/// it to the table constraints. Unchanged when the table has no such column.
std::string sqliteTableTextWithoutColumn(std::string_view createTable, std::string_view column);

} // namespace tempest
