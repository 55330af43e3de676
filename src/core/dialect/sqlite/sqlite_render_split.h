#pragma once
// A small SQLite lexer: enough to split a script into statements and to find the end of
// a CREATE TABLE's column list, respecting quotes, comments and trigger bodies.

#include <string>
#include <string_view>
#include <vector>

namespace tempest {

/// Splits `sql` into single statements at top-level semicolons. Semicolons inside
/// '…', "…", `…`, […], -- and /* */ comments, and a CREATE TRIGGER's BEGIN … END (with
/// CASE … END nested in it) do not split. Statements are trimmed, without their final
/// semicolon; chunks holding only whitespace and comments are dropped.
std::vector<std::string> splitSqliteStatements(std::string_view sql);

/// Offset of the parenthesis closing the one at `open`, or npos when unbalanced.
std::size_t findClosingParenthesis(std::string_view sql, std::size_t open);

} // namespace tempest
