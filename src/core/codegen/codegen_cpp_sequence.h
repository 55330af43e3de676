#pragma once
// The Op facade calls for the sequence operations in a C++ migration:
// `.add(CreateSequence{Sequence{.name = "s", .start = 100}})`.

#include "core/codegen/cpp_expr.h"
#include "core/ops/operation.h"

namespace tempest::cppgen {

Expr sequenceOpCall(const CreateSequence& op);
Expr sequenceOpCall(const DropSequence& op);
Expr sequenceOpCall(const AlterSequence& op);

} // namespace tempest::cppgen
