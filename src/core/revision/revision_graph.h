#pragma once
// RevisionGraph: the validated DAG of migrations (DESIGN.md "Revision graph
// semantics"). Pure: built from a list, never touches files or databases. Two kinds of
// edges: parents (downRevision), which define heads, bases and branch points, and
// dependsOn, which only constrains order — "ancestors" and topoOrder follow both.

#include "core/revision/migration.h"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tempest {

class RevisionGraph {
public:
    RevisionGraph() = default;
    /// Validates the whole graph and throws InputError naming the files: an invalid id,
    /// a duplicate id (both files), a parent or dependsOn that does not exist (file and
    /// revision), a branch label used twice, a cycle (printed `a -> b -> c -> a`, each
    /// arrow pointing from a revision to one it needs). dependsOn entries that are also
    /// parents are dropped with a warning (see warnings()).
    explicit RevisionGraph(std::vector<Migration> migrations);

    std::size_t size() const { return m_migrations.size(); }
    bool empty() const { return m_migrations.empty(); }
    /// Every migration, in topoOrder.
    const std::vector<Migration>& migrations() const { return m_migrations; }
    /// Warnings collected from the migrations (ignored dependsOn entries).
    std::vector<std::string> warnings() const;

    /// Kahn's algorithm over parents and dependsOn, ties broken by (createdAt, id).
    const std::vector<std::string>& topoOrder() const { return m_topoOrder; }
    /// Position of a revision in topoOrder; throws InputError for an unknown id.
    std::size_t topoIndex(std::string_view id) const;

    /// Revisions no other revision names as a parent, in topoOrder.
    std::vector<std::string> heads() const;
    /// Revisions without parents, in topoOrder.
    std::vector<std::string> bases() const;
    /// Revisions with two or more children, in topoOrder.
    std::vector<std::string> branchPoints() const;
    /// Revisions with two or more parents, in topoOrder.
    std::vector<std::string> mergePoints() const;

    /// nullptr for an unknown id (exact ids only; see resolve()).
    const Migration* find(std::string_view id) const;
    /// Throws InputError naming the id when it is unknown.
    const Migration& at(std::string_view id) const;
    bool contains(std::string_view id) const { return find(id) != nullptr; }

    /// Parent edges only. Unknown ids throw InputError.
    std::vector<std::string> parents(std::string_view id) const;
    std::vector<std::string> children(std::string_view id) const;  // in topoOrder
    /// Transitive over parents and dependsOn, in topoOrder, excluding `id` itself.
    std::vector<std::string> ancestors(std::string_view id) const;
    std::vector<std::string> ancestorsInclusive(std::string_view id) const;
    /// Transitive over children and dependents, in topoOrder, excluding `id` itself.
    std::vector<std::string> descendants(std::string_view id) const;

    /// The revision carrying a branch label, or nullptr.
    const Migration* findBranchLabel(std::string_view label) const;
    /// The single head reachable from the labelled revision (`<label>@head`). Throws
    /// InputError for an unknown label or when the branch has several heads.
    std::string branchHead(std::string_view label) const;

    /// Resolves a revision target to an id: an exact id; a unique prefix of 4+
    /// characters (an exact id beats a prefix; several matches → InputError listing
    /// them); `<branchLabel>@head`. An all-digit target of 4+ characters that is a
    /// prefix of some id (but not an id) is refused as ambiguous with "N revisions".
    /// `heads`, `head`, `base`, `+N`, `-N` are not revisions: see plan.h.
    std::string resolve(std::string_view target) const;

    /// Index-level access for planners: positions are topoOrder positions.
    std::size_t indexOf(std::string_view id) const { return topoIndex(id); }
    const std::vector<std::size_t>& parentIndexes(std::size_t index) const { return m_parents[index]; }
    const std::vector<std::size_t>& childIndexes(std::size_t index) const { return m_children[index]; }
    /// Parents and dependsOn: what must be applied before `index`.
    const std::vector<std::size_t>& requirementIndexes(std::size_t index) const { return m_requires[index]; }
    /// Children and dependents: what must be reverted before `index`.
    const std::vector<std::size_t>& dependentIndexes(std::size_t index) const { return m_requiredBy[index]; }
    /// Marks `index` and everything it needs (parents, dependsOn), transitively.
    void markAncestors(std::size_t index, std::vector<bool>& marked) const;
    /// Marks `index` and everything that needs it (children, dependents), transitively.
    void markDescendants(std::size_t index, std::vector<bool>& marked) const;

private:
    void indexMigrations(std::vector<Migration>& migrations);
    void sortTopologically(std::vector<Migration>& migrations);
    [[noreturn]] void throwCycle(const std::vector<Migration>& migrations,
                                 const std::vector<std::vector<std::size_t>>& prereqs,
                                 const std::vector<bool>& done) const;
    std::vector<std::string> idsOf(const std::vector<bool>& marked, std::size_t except) const;

    std::vector<Migration> m_migrations;  // in topoOrder
    std::vector<std::string> m_topoOrder;
    std::unordered_map<std::string, std::size_t> m_index;
    std::vector<std::vector<std::size_t>> m_parents, m_children, m_requires, m_requiredBy;
    std::map<std::string, std::size_t, std::less<>> m_branchLabels;
};

/// The JS original's free functions, for users who know them: topoOrder(graph) and
/// heads(graph) are graph.topoOrder() and graph.heads().
inline std::vector<std::string> topoOrder(const RevisionGraph& graph) { return graph.topoOrder(); }
inline std::vector<std::string> heads(const RevisionGraph& graph) { return graph.heads(); }

} // namespace tempest
