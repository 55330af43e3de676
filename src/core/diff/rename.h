#pragma once
// Internal to diff: deciding which tables, columns and enums were renamed rather than
// dropped and added — renamedFrom hints, renames the user confirmed, and candidates
// (confirmed by --autorename when unambiguous, or by the confirm prompt).

#include "core/diff/diff.h"

#include <string>
#include <vector>

namespace tempest::diffdetail {

/// rename_enum for each target enum whose renamedFrom hint applies (the old name exists in
/// `current`, the new one does not).
std::vector<Operation> planEnumRenames(const Schema& current, const Schema& target);

/// rename_table operations, in this precedence: confirmed renames, renamedFrom hints,
/// candidates. Appends to result.applied and (unconfirmed) result.candidates.
std::vector<Operation> planTableRenames(const Schema& current, const Schema& target, const DiffOptions& options,
                                        const ComparisonRules& rules, DiffResult& result);

/// rename_column operations between `from` (the current table, already carrying its new
/// name) and `to`. `oldTableName` is the table's name before a rename, which a confirmed
/// column rename may use too.
std::vector<Operation> planColumnRenames(const Table& from, const Table& to, const std::string& oldTableName,
                                         const DiffOptions& options, const ComparisonRules& rules,
                                         DiffResult& result);

} // namespace tempest::diffdetail
