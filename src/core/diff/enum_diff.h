#pragma once
// Internal to diff: the value-level operations that turn one enum's value list into
// another's with add_enum_value / drop_enum_value (PostgreSQL can add a value before
// another but never reorder, so a moved value is dropped and re-added).

#include "core/ir/schema.h"
#include "core/ops/operation.h"

#include <vector>

namespace tempest::diffdetail {

/// Appends to `early` what must run before tables use the new values (adds, and the drops
/// that make room for re-adding a moved value) and to `late` the drops of values that are
/// gone (after the columns stop using them). `from` and `to` share the name `to.name`.
void diffEnumValues(const EnumType& from, const EnumType& to, std::vector<Operation>& early,
                    std::vector<Operation>& late);

} // namespace tempest::diffdetail
