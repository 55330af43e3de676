#pragma once
// ProjectSnapshot: everything the Studio shows about a project at one moment — the
// core's projectStatus() (models, live schema, findings, drift operations) and the
// project it was computed with — made by one pure function on a worker thread with
// its own connection. The Studio compares nothing itself.

#include "core/ir/schema.h"
#include "core/ops/operation.h"
#include "core/project/diff_sections.h"
#include "core/project/project.h"
#include "core/project/run_plan.h"
#include "core/project/status.h"
#include "core/revision/revision_graph.h"

#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tempest::studio {

/// Seconds Studio waits for a PostgreSQL server to answer a connection (libpq's
/// `connect_timeout`, unless the connection string or PGCONNECT_TIMEOUT sets one): an
/// unanswering server shows "Offline" after this long, and quitting waits no longer.
inline constexpr int kStudioConnectTimeoutSeconds = 5;

struct ProjectSnapshot {
    /// The project as loaded for this snapshot (its graph loaded): what Generate, plans
    /// and runs use until the next refresh.
    std::optional<tempest::Project> project;
    ProjectStatus status;
    Schema models;
    Schema live;
    /// False when the SQLite file does not exist yet (it is not created just to look).
    bool databaseExists = false;
    /// The operations that turn the live schema into the models (status.driftOperations).
    std::vector<Operation> operations;
    /// The same ground by source, for the Diff pane: pending revisions' operations, drift,
    /// uncaptured model changes (operationsBySource).
    std::vector<SourcedOperation> sourcedOperations;
    std::shared_ptr<const RevisionGraph> graph = std::make_shared<RevisionGraph>();
    /// The version table's ids by seq.
    std::vector<std::string> applied;
    std::vector<std::string> warnings;
    /// Non-empty when loading failed; the rest is whatever was loaded before.
    QString error;
};

/// Reads the migrations and models, connects through QtSqlDriver (on the calling
/// thread), and asks projectStatusOrOffline(): a database that cannot be reached gives
/// status.offline(), not an error. Never throws: failures land in `error`.
ProjectSnapshot loadSnapshot(const tempest::Project& project);

/// A read-only connection to the project's database on the calling thread, or null when
/// there is none yet (a SQLite file not created, no database configured). Throws
/// ConnectionError.
std::unique_ptr<Driver> openDatabaseReadOnly(const ProjectConfig& config);

/// "Show SQL": the SQL of "Upgrade to here" / "Downgrade to here" on `revision`, exactly
/// as `upgrade <revision> --sql` / `downgrade <revision> --sql` print it — planned against
/// the live version table and rendered with the live database (its own read-only
/// connection, on the calling thread), so what only the database holds (a trigger a
/// rebuild recreates, the version table's numbering) is in it as in the run. Never
/// throws: an error is returned as an SQL comment.
QString revisionRunSql(const tempest::Project& project, Direction direction, const std::string& revision);

} // namespace tempest::studio
