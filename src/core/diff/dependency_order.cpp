// dependencyOrder(): Kahn's algorithm over the foreign keys of a set of tables, breaking
// cycles at the earliest table still waiting.

#include "core/diff/dependency_order.h"

#include <functional>
#include <queue>
#include <string_view>
#include <unordered_map>

namespace tempest::diffdetail {

DependencyOrder dependencyOrder(const std::vector<const Table*>& tables)
{
    const std::size_t n = tables.size();
    std::unordered_map<std::string_view, std::size_t> indexOf;
    indexOf.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        indexOf.emplace(tables[i]->name, i);

    std::vector<std::size_t> waitingFor(n, 0);                 // unemitted referenced tables, per key
    std::vector<std::vector<std::size_t>> referencedBy(n);
    constexpr std::size_t noParent = static_cast<std::size_t>(-1);
    std::vector<std::size_t> parentOf(n, noParent);  // partitionOf within the set
    for (std::size_t i = 0; i < n; ++i) {
        for (const ForeignKey& fk : tables[i]->foreignKeys) {
            auto it = indexOf.find(fk.refTable);
            if (it == indexOf.end() || it->second == i)
                continue;
            ++waitingFor[i];
            referencedBy[it->second].push_back(i);
        }
        // A partition comes after its parent (docs/ir.md "Partitioning (PostgreSQL)"):
        // an edge like a foreign key's, but one a cycle never breaks.
        if (tables[i]->partitionOf) {
            auto it = indexOf.find(*tables[i]->partitionOf);
            if (it != indexOf.end() && it->second != i) {
                ++waitingFor[i];
                referencedBy[it->second].push_back(i);
                parentOf[i] = it->second;
            }
        }
    }

    DependencyOrder result;
    result.order.reserve(n);
    std::vector<bool> emitted(n, false);
    std::priority_queue<std::size_t, std::vector<std::size_t>, std::greater<>> ready;
    for (std::size_t i = 0; i < n; ++i)
        if (waitingFor[i] == 0)
            ready.push(i);

    auto emit = [&](std::size_t i) {
        emitted[i] = true;
        result.order.push_back(i);
        for (std::size_t child : referencedBy[i])
            if (!emitted[child] && --waitingFor[child] == 0)
                ready.push(child);
    };

    std::size_t nextUnemitted = 0;
    while (result.order.size() < n) {
        if (!ready.empty()) {
            std::size_t i = ready.top();
            ready.pop();
            if (!emitted[i])
                emit(i);
            continue;
        }
        // Every remaining table waits on another: a cycle. Take the earliest one and leave
        // out its keys to tables not created yet.
        // A partition whose parent is still waiting is never taken: the parent (or the
        // root of its partition tree) is.
        while (emitted[nextUnemitted])
            ++nextUnemitted;
        std::size_t pick = nextUnemitted;
        for (std::size_t steps = 0; steps < n && parentOf[pick] != noParent && !emitted[parentOf[pick]]; ++steps)
            pick = parentOf[pick];
        const Table& table = *tables[pick];
        for (const ForeignKey& fk : table.foreignKeys) {
            auto it = indexOf.find(fk.refTable);
            if (it != indexOf.end() && it->second != pick && !emitted[it->second])
                result.cycleKeys.emplace_back(table.name, fk.name);
        }
        waitingFor[pick] = 0;
        emit(pick);
    }
    return result;
}

std::vector<std::size_t> domainOrder(const std::vector<const Domain*>& domains)
{
    std::vector<std::size_t> order;
    std::vector<bool> placed(domains.size(), false);
    auto waitsFor = [&](std::size_t i) {
        for (std::size_t j = 0; j < domains.size(); ++j)
            if (j != i && !placed[j] && columnUsesDomain(domains[i]->base, domains[j]->name))
                return true;
        return false;
    };
    while (order.size() < domains.size()) {
        bool progress = false;
        for (std::size_t i = 0; i < domains.size(); ++i) {
            if (placed[i] || waitsFor(i))
                continue;
            placed[i] = true;
            order.push_back(i);
            progress = true;
            break;  // restart: ties go to the lowest index
        }
        if (!progress)  // a cycle (not possible on a server): keep the input order
            for (std::size_t i = 0; i < domains.size(); ++i)
                if (!placed[i]) {
                    placed[i] = true;
                    order.push_back(i);
                }
    }
    return order;
}

} // namespace tempest::diffdetail
