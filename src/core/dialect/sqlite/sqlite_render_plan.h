#pragma once
// Which operations SQLite can run with a plain ALTER, and which tables one render()
// rebuilds: the renderer asks the second before it starts, so that every change to a
// table that is rebuilt anyway goes into that one rebuild.

#include "core/ir/schema.h"
#include "core/ops/operation.h"

#include <string>
#include <vector>

namespace tempest {

/// ALTER TABLE ADD COLUMN's limits (lang_altertable.html#altertabaddcol).
bool sqliteCanAddInPlace(const Table& table, const Column& column);

/// ALTER TABLE DROP COLUMN's limits (lang_altertable.html#altertabdropcol), judged
/// conservatively from the IR: anything that might name the column means a rebuild.
bool sqliteCanDropInPlace(const Schema& schema, const Table& table, const std::string& column);

/// The column change is only a comment, which SQLite does not store.
bool sqliteOnlyCommentChanged(Column from, Column to);

/// The tables that `op`, applied to `schema`, makes SQLite rebuild (none for what ALTER
/// can do); an enum change rebuilds every table with a column of that enum.
std::vector<std::string> sqliteTablesRebuiltBy(const Operation& op, const Schema& schema);

/// For each operation of `ops` (applied in order from `before`), whether the table it
/// changes is rebuilt by the same render while its rebuild stays open: from the table's
/// creation, rename or the last execute up to the next one, or its drop. Operations that
/// could run in place (DROP INDEX, CREATE INDEX, RENAME COLUMN, ADD/DROP COLUMN) on such
/// a table join its rebuild. Stops looking at an operation that does not apply (render()
/// reports it).
std::vector<bool> sqliteFoldIntoRebuild(const std::vector<Operation>& ops, const Schema& before);

} // namespace tempest
