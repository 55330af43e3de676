#pragma once
// create_sequence, drop_sequence and alter_sequence as PostgreSQL statements.

#include "core/ops/operation.h"

#include <string>
#include <string_view>
#include <vector>

namespace tempest {

/// CREATE SEQUENCE with the options that differ from PostgreSQL's defaults, then
/// ALTER SEQUENCE … OWNED BY when it has an owner (whose table must exist by then).
std::vector<std::string> pgSequenceSql(const CreateSequence& op, std::string_view schema);
/// DROP SEQUENCE; IF EXISTS for an owned one, which DROP TABLE / DROP COLUMN of its
/// owner has already dropped.
std::vector<std::string> pgSequenceSql(const DropSequence& op, std::string_view schema);
/// One ALTER SEQUENCE with every option that changes (resolved values, so a type change
/// takes its range along) and OWNED BY … / OWNED BY NONE when the owner changes.
std::vector<std::string> pgSequenceSql(const AlterSequence& op, std::string_view schema);

} // namespace tempest
