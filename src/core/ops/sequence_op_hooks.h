#pragma once
// What invert(), describePhrase() and applyOperation() do for the sequence operations.
// Their visitors call inverse(o), describeOne(o) and applyOne(schema, o) unqualified;
// these overloads live in namespace tempest, the namespace of the operation structs, so
// argument-dependent lookup finds them next to the visitors' own. Included at the end
// of operation.h; defined in sequence_ops.cpp.

#include "core/ops/operation.h"

namespace tempest {

Operation inverse(const CreateSequence& op);
Operation inverse(const DropSequence& op);
Operation inverse(const AlterSequence& op);

Phrase describeOne(const CreateSequence& op);
Phrase describeOne(const DropSequence& op);
Phrase describeOne(const AlterSequence& op);

void applyOne(Schema& schema, const CreateSequence& op);
void applyOne(Schema& schema, const DropSequence& op);
void applyOne(Schema& schema, const AlterSequence& op);

/// operation_json.cpp's part: the fields after `kind` (`name`, then `definition` or
/// `from` and `to`) and their strict reading.
Json sequenceOperationFields(const CreateSequence& op);
Json sequenceOperationFields(const DropSequence& op);
Json sequenceOperationFields(const AlterSequence& op);
template <typename T>
T readSequenceOperation(const JsonObjectReader& reader);

} // namespace tempest
