#pragma once
// diffSchema: Schema IR × Schema IR → an ordered list of operations that turns `current`
// into `target` (DESIGN.md "The pipeline"), plus the dialect-aware equality that drift and
// round-trip tests use. Comparison goes through ComparisonRules (ir/compare.h) so a
// dialect decides what its database cannot tell apart; this library never depends on a
// dialect itself.

#include "core/ir/compare.h"
#include "core/ir/schema.h"
#include "core/ops/operation.h"

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace tempest {

/// A dropped and an added table (same column names and types), or a dropped and an added
/// column of one table (same definition but the name): possibly one thing renamed.
struct RenameCandidate {
    enum class Kind { Table, Column };
    Kind kind = Kind::Table;
    /// Columns only: the table (its new name when the table was renamed). Empty for tables.
    std::string table;
    std::string from, to;
    bool operator==(const RenameCandidate&) const = default;
};

struct DiffOptions {
    /// Null means exactRules().
    const ComparisonRules* rules = nullptr;
    /// Renames the user confirmed (--rename-table / --rename-column). They apply even when
    /// the two sides are not a candidate pair; validateRenames() rejects unknown names.
    std::vector<RenameCandidate> confirmedRenames;
    /// --autorename: confirm every candidate that has exactly one counterpart each way.
    bool autoRename = false;
    /// Asked for each remaining candidate (a terminal prompt); may be empty.
    std::function<bool(const RenameCandidate&)> confirm;
};

struct DiffResult {
    std::vector<Operation> operations;
    /// Candidates seen and NOT confirmed: emitted as drop + add, reported by the CLI.
    std::vector<RenameCandidate> candidates;
    /// Table and column renames emitted (from renamedFrom hints or confirmed candidates).
    std::vector<RenameCandidate> applied;
};

/// The operations that turn `current` into `target`, ordered so that they apply:
/// applyOperations(current, ops) is schemaEquals to `target`, and invert(ops) applied to
/// that gives back `current`. Throws InputError when options.confirmedRenames name
/// something that does not exist (see validateRenames).
DiffResult diffSchemaDetailed(const Schema& current, const Schema& target, const DiffOptions& options = {});
std::vector<Operation> diffSchema(const Schema& current, const Schema& target, const DiffOptions& options = {});

/// DESIGN.md "Equality": named items by content (synthesised names do not matter), column
/// order ignored, ordered lists ordered, types/defaults/expressions/comments/enums through
/// `rules` (null = exactRules()); `unsupported` and renamedFrom hints are left out.
bool schemaEquals(const Schema& a, const Schema& b, const ComparisonRules* rules = nullptr);

/// One difference between two schemas, with the object it is about.
struct SchemaDifference {
    std::string table;     // the table (its name in `a` when both have it); empty for enums
    std::string enumName;  // the enum; empty for tables
    std::string text;      // as describeDifferences() words it
    /// The column, index or constraint inside `table` the line is about; empty when the
    /// line is about the table (or enum) as a whole.
    std::string item;
};

/// The differences describeDifferences() words, with their objects.
std::vector<SchemaDifference> schemaDifferences(const Schema& a, const Schema& b,
                                                const ComparisonRules* rules = nullptr);

/// schemaDifferences() of the tables named in `tables` that both schemas have, alone and
/// in the same order: all a caller needs again after changing only those tables (drift's
/// expression fixed point). The lines are those schemaDifferences() gives them.
std::vector<SchemaDifference> tableDifferences(const Schema& a, const Schema& b, const std::set<std::string>& tables,
                                               const ComparisonRules* rules = nullptr);

/// Human lines describing how b differs from a (for drift/check output), empty when equal:
/// `table "posts" added`, `column "users"."email" changed: type varchar(255) → text`, ...
std::vector<std::string> describeDifferences(const Schema& a, const Schema& b, const ComparisonRules* rules = nullptr);

/// A column's type as the difference lines spell it: `varchar(255)`, `enum user_role`.
std::string columnTypeText(const Column& column);
/// A default as the difference lines spell it: `'text'`, `42`, `CURRENT_TIMESTAMP`, `none`.
std::string defaultValueText(const std::optional<DefaultValue>& value);

/// Checks confirmed renames against the schemas: the old name must exist in `current`, the
/// new one in `target` and not already in `current`. Throws InputError naming the culprit.
void validateRenames(const Schema& current, const Schema& target, const std::vector<RenameCandidate>& renames);

} // namespace tempest
