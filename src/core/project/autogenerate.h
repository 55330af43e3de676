#pragma once
// Writing revisions: autogenerate (models vs the replay of the new revision's parents,
// rename candidates and their confirmation), empty revisions, merges. `revision`,
// `merge` and Studio's "Generate migration" and "Merge heads" are these functions.

#include "core/codegen/codegen.h"
#include "core/diff/diff.h"
#include "core/project/project.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tempest {

struct AutogenerateRequest {
    /// The parent (--head); empty: the single head (several heads are refused).
    std::string head;
    /// Renames the user confirmed (--rename-table/--rename-column, Studio's "treat as
    /// rename"); unknown names are refused.
    std::vector<RenameCandidate> confirmedRenames;
    /// --autorename: confirm every unambiguous candidate.
    bool autoRename = false;
    /// Asked for each remaining candidate (a terminal prompt); may be empty.
    std::function<bool(const RenameCandidate&)> confirm;
    /// The models, when the caller has loaded them already (Studio's snapshot); empty:
    /// project.loadModels().
    std::optional<Schema> models;
};

struct AutogenerateResult {
    std::vector<std::string> parents;
    /// The operations from the replay of `parents` to the models. Both sides are
    /// model-level IR, so they compare exactly (no dialect rules): what `check` calls
    /// "uncaptured" is exactly what this writes.
    std::vector<Operation> operations;
    std::vector<RenameCandidate> renames;     // emitted as renames
    std::vector<RenameCandidate> candidates;  // seen, not confirmed: drop + add (data lost)
};

/// The parents of a new revision: `head` resolved, or the single head. InputError when
/// there are several heads and none is chosen.
std::vector<std::string> chooseParents(const RevisionGraph& graph, std::string_view head);

/// Diffs the models against the replay of the new revision's parents. Refuses (InputError)
/// models the project's dialect could not apply: a table named like the version table,
/// a name PostgreSQL would truncate, anything the dialect's renderer refuses.
AutogenerateResult autogenerate(const Project& project, const AutogenerateRequest& request);

/// `requested` validated (format, not taken), or a fresh random id when empty.
std::string newRevisionId(const RevisionGraph& graph, std::string_view requested);

struct WrittenRevision {
    Migration migration;
    std::vector<std::string> files;  // absolute paths, the JSON file last
};

/// Writes a new revision into the migrations folder (never overwriting a file).
WrittenRevision writeRevision(const Project& project, const std::string& revision,
                              const std::vector<std::string>& parents, const std::string& label,
                              const std::vector<Operation>& up, MigrationFormat format = MigrationFormat::Json);

/// The parents of a merge: `{"heads"}` means every head (two or more), otherwise each
/// target resolved; refuses duplicates and a parent that is an ancestor of another.
std::vector<std::string> mergeParents(const RevisionGraph& graph, const std::vector<std::string>& targets);

} // namespace tempest
