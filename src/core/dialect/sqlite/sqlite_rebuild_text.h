#pragma once
// The CREATE TABLE of a rebuild, written as an edit of the table's stored text rather
// than anew from the IR: a rebuild for a change to one column must keep every other
// column's declared text (DATETIME stays DATETIME, COLLATE NOCASE stays), constraint
// names (the primary key's included) and spelling exactly as they were declared.

#include "core/dialect/sqlite/sqlite_render_ddl.h"
#include "core/ir/schema.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace tempest {

/// The CREATE TABLE that builds `target` under `spelling.name`, edited from `storedSql`
/// (the table's CREATE TABLE as sqlite_schema holds it, describing `start`): a column
/// whose definition and column constraints the rebuild leaves alone keeps its text,
/// separators included; so does a table constraint it leaves alone. A changed or renamed
/// column is written from the IR in its place, new columns after the last column, and
/// constraints the kept texts do not carry after the kept ones. `sourceOf` maps each
/// column of `target` to the column of `start` it comes from. nullopt when the stored
/// text has no column list to edit (the caller writes the table from the IR).
std::optional<std::string> sqliteEditedCreateTable(std::string_view storedSql, const Table& start,
                                                   const Table& target,
                                                   const std::map<std::string, std::string>& sourceOf,
                                                   const Schema& schema, const SqliteTableSpelling& spelling);

} // namespace tempest
