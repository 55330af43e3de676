#pragma once
// What SQLite (3.26+, verified on 3.40) does to the SQL it keeps in sqlite_schema when a
// table or a column is renamed, redone on the text with a token scanner: identifiers
// are found outside '…' strings, "…"/`…`/[…] quoted names and comments, and replaced
// the way SQLite's renameEditSql() replaces them, so that the text matches what the
// database would hold byte for byte. SQLite resolves names semantically; the scanner
// approximates that by position (table references after FROM/JOIN/INTO/UPDATE/ON/
// REFERENCES, qualifiers, NEW./OLD. in triggers, the tables each query reads).

#include <functional>
#include <string>
#include <string_view>

namespace tempest {

struct SqliteSchemaObject;

/// ALTER TABLE `table` RENAME COLUMN `from` TO `to`.
struct SqliteColumnRename {
    std::string table;
    std::string from;
    std::string to;
    /// The new name was quoted in the ALTER statement: SQLite then writes every
    /// replacement quoted ("to"); otherwise bare names stay bare and quoted ones become
    /// "to".
    bool quoted = true;
};

/// Whether table `table` of the catalog has a column `column` (for names in a query that
/// reads several tables).
using SqliteColumnLookup = std::function<bool(std::string_view table, std::string_view column)>;

/// `object.sql` as SQLite leaves it after `rename`: the column's definition, CHECKs,
/// key and index column lists, REFERENCES lists naming the table, and the references
/// of views and triggers that read it.
std::string sqliteRenameColumnIn(const SqliteSchemaObject& object, const SqliteColumnRename& rename,
                                 const SqliteColumnLookup& hasColumn);

/// `object.sql` as SQLite leaves it after ALTER TABLE `from` RENAME TO `to` (the new name
/// always written quoted). `legacy` (PRAGMA legacy_alter_table=ON): only the table's own
/// CREATE TABLE name and the ON of its indexes and triggers change; otherwise also every
/// reference in views, triggers, CHECKs and REFERENCES.
std::string sqliteRenameTableIn(const SqliteSchemaObject& object, std::string_view from, std::string_view to,
                                bool legacy);

} // namespace tempest
