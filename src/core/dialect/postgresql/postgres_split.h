#pragma once
// Splits hand-written PostgreSQL (an execute operation's SQL) into single statements:
// the Driver sends one statement per call, and libpq's extended protocol refuses two.

#include <string>
#include <string_view>
#include <vector>

namespace tempest {

/// The statements of `script`, trimmed, without their terminating semicolons. Semicolons
/// inside quotes ('…', E'…', "…"), dollar quotes ($tag$…$tag$) and comments do not split.
/// Empty statements (and comment-only ones) are dropped.
std::vector<std::string> pgSplitStatements(std::string_view script);

} // namespace tempest
