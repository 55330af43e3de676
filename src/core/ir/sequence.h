#pragma once
// PostgreSQL sequences in the Schema IR (docs/ir.md "Sequences"): the top-level
// `"sequences"` map, name → options. Options equal to PostgreSQL's defaults are absent
// (std::nullopt); sequenceEffective() resolves them, and every comparison goes through
// it, so `{"start": 1}` and `{}` are the same sequence.
//
// A sequence that is the autoincrement of a single-column integer primary key (serial,
// identity) stays implied by `"autoincrement": true` and is not listed.

#include "core/ir/json.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tempest {

enum class ColumnType;
struct Schema;

/// `OWNED BY table.column`: dropped with the column (or its table).
struct SequenceOwner {
    std::string table;
    std::string column;
    bool operator==(const SequenceOwner&) const = default;
};

struct Sequence {
    std::string name;
    /// "smallint", "integer" or "bigint" (PostgreSQL's default, bigint, when absent).
    std::optional<std::string> type;
    std::optional<std::int64_t> start;
    std::optional<std::int64_t> increment;
    std::optional<std::int64_t> min;
    std::optional<std::int64_t> max;
    std::optional<std::int64_t> cache;
    bool cycle = false;
    std::optional<SequenceOwner> ownedBy;
    bool operator==(const Sequence&) const = default;
};

/// Every option resolved as PostgreSQL resolves an absent one (the type's range, the
/// direction of `increment`).
struct SequenceOptions {
    std::string type;
    std::int64_t start = 1, increment = 1, min = 1, max = 0, cache = 1;
    bool cycle = false;
    bool operator==(const SequenceOptions&) const = default;
};
SequenceOptions sequenceEffective(const Sequence& sequence);
/// `sequence` with every option equal to its default left out (the canonical form).
Sequence sequenceCanonical(const Sequence& sequence);
/// Same options (not the owner) once defaults are resolved.
bool sameSequenceOptions(const Sequence& a, const Sequence& b);
/// "integer, start 100, increment 5, owned by t.c": what describe() and drift print.
std::string sequenceSummary(const Sequence& sequence);

Json sequenceToJson(const Sequence& sequence);
Sequence sequenceFromJson(const Json& json, std::string name, const std::string& file, const std::string& path);
Json sequencesToJson(const std::vector<Sequence>& sequences);
std::vector<Sequence> sequencesFromJson(const Json& json, const std::string& file, const std::string& path);

/// validateSchema's part: the type is one of the three, increment is not 0, min < max,
/// start within [min, max], cache >= 1, ownedBy names an existing table and column.
/// Throws InputError naming `file` and `$.sequences.<name>…`.
void validateSequences(const Schema& schema, const std::string& file);

/// Refuses sequences in a schema for a dialect without them (SQLite): InputError naming
/// `file` and `$.sequences.<name>`. A no-op for "postgresql" or an empty map.
void refuseSequencesFor(std::string_view dialect, const Schema& schema, const std::string& file);

} // namespace tempest
