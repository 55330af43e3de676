#include "core/revision/replay.h"

#include "core/ir/errors.h"
#include "core/ops/schema_applier.h"

namespace tempest {

Schema replaySchema(const RevisionGraph& graph, const std::vector<std::string>& revisionsInOrder)
{
    Schema schema = emptySchema();
    // The table list at its final size at once (a base migration creates thousands).
    std::size_t created = 0;
    for (const std::string& id : revisionsInOrder)
        for (const Operation& op : graph.at(id).up)
            created += std::holds_alternative<CreateTable>(op) ? 1 : 0;
    schema.tables.reserve(created);
    SchemaApplier applier(schema);
    for (const std::string& id : revisionsInOrder) {
        const Migration& m = graph.at(id);
        for (std::size_t i = 0; i < m.up.size(); ++i) {
            try {
                applier.apply(m.up[i]);
            } catch (const InputError& e) {
                // The operation knows what did not fit; only the caller knows where it is.
                throw InputError(e.message(), m.file, jsonPathIndex("$.up", i), m.revision);
            }
        }
    }
    return schema;
}

Schema replaySchemaTo(const RevisionGraph& graph, const std::vector<std::string>& targets)
{
    std::vector<bool> chosen(graph.size(), false);
    for (const std::string& target : targets)
        graph.markAncestors(graph.indexOf(graph.resolve(target)), chosen);
    std::vector<std::string> order;
    for (std::size_t i = 0; i < chosen.size(); ++i)
        if (chosen[i])
            order.push_back(graph.topoOrder()[i]);
    return replaySchema(graph, order);
}

} // namespace tempest
