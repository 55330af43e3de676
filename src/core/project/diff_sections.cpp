#include "core/project/diff_sections.h"

#include "core/diff/diff.h"
#include "core/revision/replay.h"


namespace tempest {

std::string_view changeSourceName(ChangeSource source)
{
    switch (source) {
    case ChangeSource::Pending: return "pending";
    case ChangeSource::Drift: return "drift";
    case ChangeSource::Uncaptured: return "uncaptured";
    }
    return "drift";
}

std::vector<SourcedOperation> operationsBySource(const Project& project, const ProjectStatus& status)
{
    std::vector<SourcedOperation> out;
    const RevisionGraph& graph = project.graph();
    if (!status.offline()) {
        for (const std::string& id : status.pending)
            for (const Operation& op : graph.at(id).up)
                out.push_back({ChangeSource::Pending, id, op});
        const Dialect& dialect = project.dialect();
        Schema live = status.live;
        live.unsupported.clear();
        Schema expected = dialect.normalizeModel(replaySchema(graph, appliedInTopoOrder(graph, status.appliedRows)));
        expected.unsupported.clear();
        DiffOptions options;
        options.rules = &dialect.rules();
        for (Operation& op : diffSchema(live, expected, options))
            out.push_back({ChangeSource::Drift, {}, std::move(op)});
    }
    for (Operation& op : diffSchema(status.atHeads, status.models))
        out.push_back({ChangeSource::Uncaptured, {}, std::move(op)});
    return out;
}

} // namespace tempest
