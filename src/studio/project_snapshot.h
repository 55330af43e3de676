#pragma once
// ProjectSnapshot: everything the Studio shows about a project at one moment (models,
// live schema, operations live → models, revision graph and applied revisions, drift),
// computed by one pure function that runs on a worker thread with its own connection.

#include "core/drift/drift.h"
#include "core/ir/schema.h"
#include "core/ops/operation.h"
#include "core/revision/revision_graph.h"
#include "studio/project.h"

#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace tempest::studio {

struct ProjectSnapshot {
    Schema models;
    Schema live;
    /// False when the SQLite file does not exist yet (it is not created just to look).
    bool databaseExists = false;
    /// The operations that turn the live schema into the models.
    std::vector<Operation> operations;
    std::shared_ptr<const RevisionGraph> graph = std::make_shared<RevisionGraph>();
    /// The version table's ids by seq.
    std::vector<std::string> applied;
    DriftReport drift;
    std::vector<std::string> warnings;
    /// Non-empty when loading failed; the rest is whatever was loaded before.
    QString error;
};

/// Reads the migrations and models, connects through QtSqlDriver (on the calling
/// thread), introspects and compares. Never throws: failures land in `error`.
ProjectSnapshot loadSnapshot(const ProjectConfig& config);

} // namespace tempest::studio
