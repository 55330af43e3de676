#pragma once
// The operations between the live database and the models, by where they come from, so
// a reviewer never mistakes what pending revisions will do for real drift: the pending
// revisions' own operations, the drift (the live database against what the applied
// revisions produce), and the model changes no migration captures yet. Tempest Studio's
// Diff pane shows these sections; nothing here touches a database.

#include "core/ops/operation.h"
#include "core/project/project.h"
#include "core/project/status.h"

#include <string>
#include <string_view>
#include <vector>

namespace tempest {

enum class ChangeSource {
    Pending,     // an operation of a pending revision: an upgrade will do it
    Drift,       // the live database differs from the replay of the applied revisions
    Uncaptured,  // the models differ from the replay of every revision
};

/// "pending", "drift", "uncaptured".
std::string_view changeSourceName(ChangeSource source);

struct SourcedOperation {
    ChangeSource source = ChangeSource::Drift;
    std::string revision;  // Pending: the revision the operation belongs to
    Operation operation;
};

/// Pending revisions' operations (topoOrder, each revision's `up` in order), then drift
/// (live → replay of the applied revisions, through the dialect's rules), then uncaptured
/// changes (replay of every revision → models, exactly, as autogenerate compares them).
/// Offline, only the uncaptured changes: nothing is known about the database.
std::vector<SourcedOperation> operationsBySource(const Project& project, const ProjectStatus& status);

} // namespace tempest
