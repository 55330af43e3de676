#include "core/revision/revision_graph.h"

#include "core/ir/errors.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace tempest {

namespace {

std::string inQuotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string joinIds(const std::vector<std::string>& ids, std::string_view separator = ", ")
{
    std::string out;
    for (const std::string& id : ids) {
        if (!out.empty())
            out += separator;
        out += id;
    }
    return out;
}

std::string fileOrRevision(const Migration& m)
{
    return m.file.empty() ? "revision " + m.revision : m.file;
}

bool allDigits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void validateIds(const Migration& m)
{
    auto check = [&](const std::string& id, std::string_view what, const std::string& path) {
        if (!isValidRevisionId(id))
            throw InputError("invalid " + std::string(what) + " " + inQuotes(id) +
                                 ": expected letters, digits, '_' or '-'",
                             m.file, path, m.revision);
    };
    check(m.revision, "revision id", "$.revision");
    for (std::size_t i = 0; i < m.downRevision.size(); ++i)
        check(m.downRevision[i], "parent revision", jsonPathIndex("$.downRevision", i));
    for (std::size_t i = 0; i < m.dependsOn.size(); ++i)
        check(m.dependsOn[i], "dependsOn revision", jsonPathIndex("$.dependsOn", i));
    for (std::size_t i = 0; i < m.branchLabels.size(); ++i)
        check(m.branchLabels[i], "branch label", jsonPathIndex("$.branchLabels", i));
}

} // namespace

RevisionGraph::RevisionGraph(std::vector<Migration> migrations)
{
    // m_index maps ids to positions in `migrations` until sortTopologically() moves it
    // to topoOrder positions: one hash of every id for the whole load.
    m_index.reserve(migrations.size());
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        Migration& m = migrations[i];
        validateIds(m);
        dropParentDependencies(m);
        auto [it, inserted] = m_index.emplace(m.revision, i);
        if (!inserted) {
            const Migration& first = migrations[it->second];
            throw InputError("duplicate revision id " + inQuotes(m.revision) + " (also in " +
                                 fileOrRevision(first) + ")",
                             m.file, "$.revision", m.revision);
        }
    }

    std::map<std::string, std::size_t, std::less<>> labels;
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        const Migration& m = migrations[i];
        auto checkExists = [&](const std::vector<std::string>& ids, std::string_view key, std::string_view what) {
            for (std::size_t k = 0; k < ids.size(); ++k)
                if (!m_index.count(ids[k]))
                    throw InputError(std::string(what) + " " + inQuotes(ids[k]) + " of revision " + m.revision +
                                         " does not exist",
                                     m.file, jsonPathIndex(jsonPathMember("$", key), k), m.revision);
        };
        checkExists(m.downRevision, "downRevision", "parent revision");
        checkExists(m.dependsOn, "dependsOn", "dependsOn revision");
        for (const std::string& label : m.branchLabels) {
            auto [it, inserted] = labels.emplace(label, i);
            if (!inserted)
                throw InputError("branch label " + inQuotes(label) + " is used twice (also by " +
                                     fileOrRevision(migrations[it->second]) + ")",
                                 m.file, "$.branchLabels", m.revision);
        }
    }

    sortTopologically(migrations);
    m_migrations = std::move(migrations);
    indexMigrations(m_migrations);
}

namespace {

/// Positions of `ids` (which exist), sorted, each once.
void positionsOf(const std::unordered_map<std::string, std::size_t>& index, const std::vector<std::string>& ids,
                 std::vector<std::size_t>& out)
{
    for (const auto& id : ids)
        out.push_back(index.find(id)->second);
}

/// Sorts and drops repeats: a revision both a parent and a dependsOn counts once.
void sortUnique(std::vector<std::size_t>& positions)
{
    std::sort(positions.begin(), positions.end());
    positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
}

} // namespace

void RevisionGraph::sortTopologically(std::vector<Migration>& migrations)
{
    const std::size_t n = migrations.size();
    std::vector<std::vector<std::size_t>> prereqs(n), prereqOf(n);
    for (std::size_t i = 0; i < n; ++i) {
        positionsOf(m_index, migrations[i].downRevision, prereqs[i]);
        positionsOf(m_index, migrations[i].dependsOn, prereqs[i]);
        sortUnique(prereqs[i]);
        for (std::size_t r : prereqs[i])
            prereqOf[r].push_back(i);
    }

    // Kahn's algorithm; the ready set is ordered by (createdAt, id) so that the result
    // does not depend on file order.
    auto key = [&](std::size_t i) { return std::tie(migrations[i].createdAt, migrations[i].revision); };
    auto less = [&](std::size_t a, std::size_t b) { return key(a) < key(b); };
    std::set<std::size_t, decltype(less)> ready(less);
    std::vector<std::size_t> missing(n);
    for (std::size_t i = 0; i < n; ++i) {
        missing[i] = prereqs[i].size();
        if (missing[i] == 0)
            ready.insert(i);
    }
    std::vector<std::size_t> order;
    order.reserve(n);
    std::vector<bool> done(n, false);
    while (!ready.empty()) {
        const std::size_t i = *ready.begin();
        ready.erase(ready.begin());
        order.push_back(i);
        done[i] = true;
        for (std::size_t c : prereqOf[i])
            if (--missing[c] == 0)
                ready.insert(c);
    }
    if (order.size() != n)
        throwCycle(migrations, prereqs, done);

    std::vector<std::size_t> position(n);
    for (std::size_t k = 0; k < n; ++k)
        position[order[k]] = k;
    for (auto& entry : m_index)
        entry.second = position[entry.second];
    std::vector<Migration> sorted;
    sorted.reserve(n);
    for (std::size_t i : order)
        sorted.push_back(std::move(migrations[i]));
    migrations = std::move(sorted);
}

void RevisionGraph::throwCycle(const std::vector<Migration>& migrations,
                               const std::vector<std::vector<std::size_t>>& prereqs,
                               const std::vector<bool>& done) const
{
    // Every revision left over waits for another left-over one, so walking "needs"
    // edges from any of them must come back to a revision already on the walk.
    std::size_t start = migrations.size();
    for (std::size_t i = 0; i < migrations.size(); ++i)
        if (!done[i] && (start == migrations.size() || migrations[i].revision < migrations[start].revision))
            start = i;
    std::vector<std::size_t> walk;
    std::vector<int> position(migrations.size(), -1);
    std::size_t current = start;
    while (position[current] < 0) {
        position[current] = static_cast<int>(walk.size());
        walk.push_back(current);
        for (std::size_t r : prereqs[current])
            if (!done[r]) {
                current = r;
                break;
            }
    }
    std::vector<std::string> cycle, files;
    for (std::size_t k = static_cast<std::size_t>(position[current]); k < walk.size(); ++k) {
        cycle.push_back(migrations[walk[k]].revision);
        if (!migrations[walk[k]].file.empty())
            files.push_back(migrations[walk[k]].file);
    }
    cycle.push_back(migrations[current].revision);
    std::string message = "cycle in the revision graph: " + joinIds(cycle, " -> ");
    if (!files.empty())
        message += " (files: " + joinIds(files) + ")";
    const Migration& first = migrations[current];
    throw InputError(message, first.file, {}, first.revision);
}

void RevisionGraph::indexMigrations(std::vector<Migration>& migrations)
{
    // m_index already holds topoOrder positions (sortTopologically).
    const std::size_t n = migrations.size();
    m_topoOrder.clear();
    m_topoOrder.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        m_topoOrder.push_back(migrations[i].revision);
    m_parents.assign(n, {});
    m_children.assign(n, {});
    m_requires.assign(n, {});
    m_requiredBy.assign(n, {});
    m_branchLabels.clear();
    for (std::size_t i = 0; i < n; ++i) {
        positionsOf(m_index, migrations[i].downRevision, m_parents[i]);
        for (std::size_t pi : m_parents[i])
            m_children[pi].push_back(i);  // i grows, so children stay in topoOrder
        m_requires[i] = m_parents[i];
        positionsOf(m_index, migrations[i].dependsOn, m_requires[i]);
        sortUnique(m_requires[i]);
        for (std::size_t r : m_requires[i])
            m_requiredBy[r].push_back(i);
        for (const auto& label : migrations[i].branchLabels)
            m_branchLabels.emplace(label, i);
    }
}

std::vector<std::string> RevisionGraph::warnings() const
{
    std::vector<std::string> out;
    for (const Migration& m : m_migrations)
        out.insert(out.end(), m.warnings.begin(), m.warnings.end());
    return out;
}

std::size_t RevisionGraph::topoIndex(std::string_view id) const
{
    auto it = m_index.find(std::string(id));
    if (it == m_index.end())
        throw InputError("unknown revision " + inQuotes(id), {}, {}, std::string(id));
    return it->second;
}

std::vector<std::string> RevisionGraph::heads() const
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < m_migrations.size(); ++i)
        if (m_children[i].empty())
            out.push_back(m_topoOrder[i]);
    return out;
}

std::vector<std::string> RevisionGraph::bases() const
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < m_migrations.size(); ++i)
        if (m_parents[i].empty())
            out.push_back(m_topoOrder[i]);
    return out;
}

std::vector<std::string> RevisionGraph::branchPoints() const
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < m_migrations.size(); ++i)
        if (m_children[i].size() > 1)
            out.push_back(m_topoOrder[i]);
    return out;
}

std::vector<std::string> RevisionGraph::mergePoints() const
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < m_migrations.size(); ++i)
        if (m_parents[i].size() > 1)
            out.push_back(m_topoOrder[i]);
    return out;
}

const Migration* RevisionGraph::find(std::string_view id) const
{
    auto it = m_index.find(std::string(id));
    return it == m_index.end() ? nullptr : &m_migrations[it->second];
}

const Migration& RevisionGraph::at(std::string_view id) const
{
    return m_migrations[topoIndex(id)];
}

std::vector<std::string> RevisionGraph::parents(std::string_view id) const
{
    return at(id).downRevision;
}

std::vector<std::string> RevisionGraph::children(std::string_view id) const
{
    std::vector<std::string> out;
    for (std::size_t c : m_children[topoIndex(id)])
        out.push_back(m_topoOrder[c]);
    return out;
}

void RevisionGraph::markAncestors(std::size_t index, std::vector<bool>& marked) const
{
    marked.resize(m_migrations.size(), false);
    std::vector<std::size_t> stack{index};
    while (!stack.empty()) {
        const std::size_t i = stack.back();
        stack.pop_back();
        if (marked[i])
            continue;
        marked[i] = true;
        stack.insert(stack.end(), m_requires[i].begin(), m_requires[i].end());
    }
}

void RevisionGraph::markDescendants(std::size_t index, std::vector<bool>& marked) const
{
    marked.resize(m_migrations.size(), false);
    std::vector<std::size_t> stack{index};
    while (!stack.empty()) {
        const std::size_t i = stack.back();
        stack.pop_back();
        if (marked[i])
            continue;
        marked[i] = true;
        stack.insert(stack.end(), m_requiredBy[i].begin(), m_requiredBy[i].end());
    }
}

std::vector<std::string> RevisionGraph::idsOf(const std::vector<bool>& marked, std::size_t except) const
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < marked.size(); ++i)
        if (marked[i] && i != except)
            out.push_back(m_topoOrder[i]);
    return out;
}

std::vector<std::string> RevisionGraph::ancestors(std::string_view id) const
{
    const std::size_t i = topoIndex(id);
    std::vector<bool> marked;
    markAncestors(i, marked);
    return idsOf(marked, i);
}

std::vector<std::string> RevisionGraph::ancestorsInclusive(std::string_view id) const
{
    std::vector<bool> marked;
    markAncestors(topoIndex(id), marked);
    return idsOf(marked, m_migrations.size());
}

std::vector<std::string> RevisionGraph::descendants(std::string_view id) const
{
    const std::size_t i = topoIndex(id);
    std::vector<bool> marked;
    markDescendants(i, marked);
    return idsOf(marked, i);
}

const Migration* RevisionGraph::findBranchLabel(std::string_view label) const
{
    auto it = m_branchLabels.find(label);
    return it == m_branchLabels.end() ? nullptr : &m_migrations[it->second];
}

std::string RevisionGraph::branchHead(std::string_view label) const
{
    auto it = m_branchLabels.find(label);
    if (it == m_branchLabels.end())
        throw InputError("unknown branch label " + inQuotes(label));
    // A branch is the labelled revision and its descendants by parent edges; its heads
    // are the graph's heads among them.
    std::vector<bool> onBranch(m_migrations.size(), false);
    std::vector<std::size_t> stack{it->second};
    while (!stack.empty()) {
        const std::size_t i = stack.back();
        stack.pop_back();
        if (onBranch[i])
            continue;
        onBranch[i] = true;
        stack.insert(stack.end(), m_children[i].begin(), m_children[i].end());
    }
    std::vector<std::string> heads;
    for (std::size_t i = 0; i < m_migrations.size(); ++i)
        if (onBranch[i] && m_children[i].empty())
            heads.push_back(m_topoOrder[i]);
    if (heads.size() != 1)
        throw InputError("branch " + inQuotes(label) + " has several heads: " + joinIds(heads) +
                         "; name one of them");
    return heads.front();
}

std::string RevisionGraph::resolve(std::string_view target) const
{
    if (target.empty())
        throw InputError("empty revision target");
    if (find(target))
        return std::string(target);

    if (const auto at = target.rfind('@'); at != std::string_view::npos) {
        if (target.substr(at + 1) != "head")
            throw InputError("unknown revision target " + inQuotes(target) + ": expected <branchLabel>@head");
        return branchHead(target.substr(0, at));
    }

    if (target.size() < 4)
        throw InputError("unknown revision " + inQuotes(target) + " (a revision prefix needs at least 4 characters)",
                         {}, {}, std::string(target));

    std::vector<std::string> matches;
    for (const std::string& id : m_topoOrder)
        if (id.size() > target.size() && id.compare(0, target.size(), target) == 0)
            matches.push_back(id);
    if (matches.empty())
        throw InputError("unknown revision " + inQuotes(target), {}, {}, std::string(target));
    if (allDigits(target))
        throw InputError("ambiguous target " + inQuotes(target) + ": it could mean " + std::string(target) +
                             " revisions or the revision" + (matches.size() > 1 ? "s " : " ") + joinIds(matches) +
                             "; write -" + std::string(target) + " or more of the id",
                         {}, {}, std::string(target));
    if (matches.size() > 1)
        throw InputError("ambiguous revision prefix " + inQuotes(target) + " matches " + joinIds(matches), {}, {},
                         std::string(target));
    return matches.front();
}

} // namespace tempest
