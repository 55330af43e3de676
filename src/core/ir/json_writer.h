#pragma once
// The canonical JSON writer piece by piece, for writers that stream a large document
// (an IR of thousands of tables) instead of building it whole: the same text as
// writeCanonicalJson, member by member.

#include "core/ir/json.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace tempest {

/// An array of scalars stays on its line while the line, with a trailing comma, fits this.
inline constexpr std::size_t kCanonicalJsonLineWidth = 100;

/// Appends the canonical text of `value` as it appears `indent` spaces deep, starting at
/// `column` of its line (arrays of scalars stay inline while the line fits 100 columns).
void appendCanonicalJson(const Json& value, int indent, std::size_t column, std::string& out);

/// Appends `text` as a JSON string, exactly as writeCanonicalJson writes strings and keys.
void appendJsonString(std::string_view text, std::string& out);

} // namespace tempest
