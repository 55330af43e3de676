#pragma once
// Sequences in PostgreSQL introspection: the catalog query and the rule that decides
// which sequences the IR lists (docs/ir.md "Sequences").

#include "core/ir/json.h"
#include "core/ir/sequence.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace tempest {

/// The body of the sequences query (one row per sequence of the schema `s`: options,
/// the owning column from pg_depend — deptype 'a' for serial / OWNED BY, 'i' for
/// identity — and the columns whose DEFAULT uses it).
const char* pgSequencesQuery();

/// A column of the introspected IR: its table, its name, whether it is autoincrement.
struct PgColumnRef {
    std::string table;
    std::string column;
    bool autoincrement = false;
};
using PgColumnLookup = std::function<std::optional<PgColumnRef>(std::int64_t rel, int attnum)>;

/// The sequences the IR lists, in catalog order. Left out (implied): an identity
/// column's sequence, and a sequence whose every user (owner and columns whose default
/// calls it) is an autoincrement column — `"autoincrement": true` recreates it.
std::vector<Sequence> pgSequencesFromRows(const Json& rows, const PgColumnLookup& lookup);

} // namespace tempest
