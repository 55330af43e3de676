#pragma once
// Planning and running: "what would `upgrade X` / `downgrade X` do, and in what SQL?"
// and "do it". The CLI's upgrade/downgrade/stamp (with and without --sql) and Studio's
// "Upgrade to here" / "Downgrade to here" / previews all go through these.

#include "core/project/project.h"
#include "core/runner/migration_runner.h"

#include <string>
#include <string_view>
#include <vector>

namespace tempest {

struct RunPlan {
    Direction direction = Direction::Upgrade;
    std::string target;
    /// A FROM:TO range: an offline script, never run online.
    bool range = false;
    /// The revisions the run applies or reverts, in run order.
    std::vector<std::string> revisions;
    /// What the database holds before the run (a range: the revisions at its start).
    std::vector<std::string> appliedBefore;
    /// Checksum findings about the applied revisions ("changed: <id>", "unknown: <id>").
    std::vector<std::string> warnings;
};

/// True for a FROM:TO range target (an offline `--sql` script only).
bool isRangeTarget(std::string_view target);

/// Plans `target` (DESIGN.md "Targets", or FROM:TO) against what `db` holds (null: no
/// database yet, nothing applied). Validates everything a run would refuse before it
/// touches anything: the target, that the revisions replay onto their history, and for
/// a downgrade that each is reversible. Throws InputError naming the revision and file.
RunPlan planRun(const Project& project, Driver* db, Direction direction, std::string_view target);
/// The same against version-table rows read earlier (Studio plans against its snapshot;
/// the run itself plans again under the write lock).
RunPlan planRun(const Project& project, const std::vector<AppliedRevision>& appliedRows, Direction direction,
                std::string_view target);

/// The SQL the plan runs, exactly as the online run would execute it (the runner's
/// loop with a text sink). `live` is read only (null: rendered from the history alone).
std::string planSql(const Project& project, const RunPlan& plan, Driver* live);

/// The SQL of one revision on its own (`show`): its upgrade rendered against the schema
/// its ancestors produce.
std::string revisionSql(const Project& project, std::string_view revision);

/// One online run of a plan. requestCancel() may be called from any thread.
class ProjectRun {
public:
    ProjectRun(const Project& project, RunPlan plan);
    /// Applies or reverts the plan's target on `db` (made again under the write lock).
    /// Throws MigrationFailed, DatabaseLocked, DatabaseError, InputError.
    RunResult execute(Driver& db, const ProgressCallback& progress = {});
    void requestCancel() { m_runner.requestCancel(); }
    const RunPlan& plan() const { return m_plan; }

private:
    std::shared_ptr<const RevisionGraph> m_graph;
    std::shared_ptr<const Dialect> m_dialect;
    RunPlan m_plan;
    MigrationRunner m_runner;
};

/// Validates a stamp target (before any database is opened or created): InputError for
/// an unknown revision or an ambiguous `head`.
void checkStampTarget(const Project& project, std::string_view target);
/// Sets the version table to the target's revisions without running operations.
RunResult stampDatabase(const Project& project, Driver& db, std::string_view target);

} // namespace tempest
