#pragma once
// The sequence operations (docs/ir.md "Sequences"): create_sequence / drop_sequence
// (each other's inverse; the drop carries the whole definition) and alter_sequence
// (whole definitions from → to, the inverse swaps them). Included by operation.h
// before the Operation variant.

#include "core/ir/sequence.h"

#include <string_view>
#include <type_traits>

namespace tempest {

struct CreateSequence { Sequence definition; bool operator==(const CreateSequence&) const = default; };
struct DropSequence { Sequence definition; bool operator==(const DropSequence&) const = default; };
/// `from` and `to` name the same sequence; options and owner may differ.
struct AlterSequence { Sequence from, to; bool operator==(const AlterSequence&) const = default; };

template <typename T>
inline constexpr bool isSequenceOperation = std::is_same_v<T, CreateSequence> || std::is_same_v<T, DropSequence>
                                         || std::is_same_v<T, AlterSequence>;

namespace detail {
constexpr std::string_view kindName(const CreateSequence&) { return "create_sequence"; }
constexpr std::string_view kindName(const DropSequence&) { return "drop_sequence"; }
constexpr std::string_view kindName(const AlterSequence&) { return "alter_sequence"; }
} // namespace detail

} // namespace tempest
