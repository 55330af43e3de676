#include "core/revision/graph_layout.h"

#include <algorithm>
#include <optional>

namespace tempest {

DagLayout layoutDag(const RevisionGraph& graph)
{
    DagLayout layout;
    // lanes[i]: the revision lane i waits for (its line continues down to it).
    std::vector<std::optional<std::string>> lanes;
    auto freeLane = [&lanes]() {
        for (std::size_t i = 0; i < lanes.size(); ++i)
            if (!lanes[i])
                return int(i);
        lanes.emplace_back();
        return int(lanes.size() - 1);
    };

    const auto& order = graph.topoOrder();
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        DagRow row;
        row.revision = *it;
        for (std::size_t i = 0; i < lanes.size(); ++i) {
            if (!lanes[i])
                continue;
            if (*lanes[i] == *it)
                row.incoming.push_back(int(i));
        }
        row.lane = row.incoming.empty() ? freeLane() : row.incoming.front();
        for (int lane : row.incoming)
            lanes[std::size_t(lane)].reset();
        for (std::size_t i = 0; i < lanes.size(); ++i)
            if (lanes[i])
                row.passing.push_back(int(i));

        const auto parents = graph.parents(*it);
        for (std::size_t p = 0; p < parents.size(); ++p) {
            // A parent some lane already waits for: join that line instead of a new one.
            int target = -1;
            for (std::size_t i = 0; i < lanes.size(); ++i)
                if (lanes[i] && *lanes[i] == parents[p])
                    target = int(i);
            if (target < 0) {
                target = (p == 0 && !lanes[std::size_t(row.lane)]) ? row.lane : freeLane();
                lanes[std::size_t(target)] = parents[p];
            }
            row.outgoing.push_back(target);
        }
        layout.laneCount = std::max(layout.laneCount, int(lanes.size()));
        layout.rows.push_back(std::move(row));
    }
    return layout;
}

} // namespace tempest
