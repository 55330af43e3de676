#pragma once
// projectStatus: "where does this project stand?" — the one answer behind `check`,
// `current`, `history` and Tempest Studio's status bar, findings pane and panes. Each
// thing that is off is a Finding of its own kind, so no door can say "no drift" while
// revisions are pending, model changes are uncaptured or an applied file was edited.

#include "core/diff/diff.h"
#include "core/ops/operation.h"
#include "core/project/project.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tempest {

enum class FindingKind {
    Pending,        // a revision not applied yet (subject: its id)
    Drift,          // the live schema differs from the models (subject: table or enum)
    Uncaptured,     // the models differ from the replay of the heads (subject: table or enum)
    Edited,         // an applied revision whose file changed since (subject: its id)
    Unknown,        // an applied revision no migration file has (subject: its id)
    MultipleHeads,  // the history has several heads (subject: "", text lists them)
    /// A column the database declares with another type than the models, of a type the
    /// dialect cannot tell apart (SQLite: BIGINT vs INTEGER, the same affinity). Not drift
    /// and not a failure: `check` prints it as a `note:` and still exits 0 (subject: table).
    DeclaredType,
};

/// "pending", "drift", "uncaptured", "edited", "unknown", "heads", "declared-type".
std::string_view findingKindName(FindingKind kind);

struct Finding {
    FindingKind kind = FindingKind::Drift;
    /// The table or enum (drift, uncaptured) or the revision id (pending, edited, unknown).
    std::string subject;
    /// One line, without a kind prefix: `column "t"."c" added (integer)`.
    std::string text;
    /// Drift and uncaptured: the column, index or constraint of `subject` the finding is
    /// about; empty when it is about the whole table or enum (or a revision).
    std::string item;
    /// Drift only: the first pending revision (topoOrder) that changes `subject`, so an
    /// upgrade may resolve this finding ("" when no pending revision touches it).
    std::string pendingRevision;
    bool operator==(const Finding&) const = default;
};

/// The revision side of the status alone (no models, no introspection): `current`,
/// `history` and Studio's DAG states.
struct RevisionState {
    std::vector<AppliedRevision> appliedRows;  // the version table, by seq
    std::vector<std::string> pending;          // topoOrder
    /// Applied revisions no applied one names as parent (topoOrder), then applied ids
    /// no migration file has.
    std::vector<std::string> currentHeads;
    /// "changed: <id>" (applied, file edited since) and "unknown: <id>", by seq.
    std::vector<std::string> checksumWarnings;

    bool isApplied(std::string_view id) const;
};

/// The applied revisions the graph knows, in topoOrder (what replaying them builds).
std::vector<std::string> appliedInTopoOrder(const RevisionGraph& graph, const std::vector<AppliedRevision>& rows);

/// What revisionState compares: the checksum of every applied revision against its
/// file (`current`, Studio: "changed: <id>" warnings; a SHA-256 of each applied
/// revision's operations), or only whether each applied revision has a file
/// (`history`, whose contract has no checksum warnings: "unknown: <id>" only).
enum class AppliedCheck { Checksums, FilesOnly };

/// Reads the version table of `db` (null: nothing applied). Read-only.
RevisionState revisionState(const Project& project, Driver* db, AppliedCheck check = AppliedCheck::Checksums);

/// The live schema as IR (`introspect`). Read-only.
Schema introspectDatabase(const Project& project, Driver& db);

struct ProjectStatus {
    /// False when there is no database yet (a SQLite file not created, none configured),
    /// and when it could not be reached.
    bool databaseExists = false;
    /// Why the database could not be reached (password masked); empty when it was, or
    /// when there is none yet. An offline status knows nothing about the database: no
    /// applied rows, no pending revisions, an empty `live`, no drift operations and no
    /// pending or drift findings — "unknown", never "everything is missing".
    std::string offlineReason;
    /// Offline because the server wanted a password it was not given.
    bool passwordRejected = false;
    std::vector<AppliedRevision> appliedRows;  // the version table, by seq
    std::vector<std::string> pending;          // topoOrder
    std::vector<std::string> heads;            // of the graph
    std::vector<std::string> currentHeads;     // applied revisions no applied one names as parent
    /// Revisions are pending and the live schema is exactly what the applied ones
    /// produce: the drift is only `upgrade` not having run.
    bool behindHeads = false;
    Schema models;
    Schema live;     // introspected (unsupported objects included); empty without a database
    Schema atHeads;  // replay of every revision
    /// Live → models through the dialect's rules: what an upgrade-free sync would do.
    std::vector<Operation> driftOperations;
    /// Pending, drift, declared-type, uncaptured, edited/unknown (by seq), heads.
    std::vector<Finding> findings;
    /// Loading warnings (ignored dependsOn entries) and the like.
    std::vector<std::string> warnings;

    /// Findings of `kind`.
    std::vector<Finding> findingsOf(FindingKind kind) const;
    /// True when `check` would exit 1: anything but MultipleHeads and DeclaredType.
    bool failsCheck() const;
    bool offline() const { return !offlineReason.empty(); }
};

/// What projectStatus fills. Full: everything (Studio, `status`). FindingsOnly (`check`):
/// the same findings, pending, heads, behindHeads and warnings, but `models`, `live`,
/// `atHeads` and `driftOperations` are left empty and each whole schema is released as
/// soon as its comparison is done — a 5,000-table project no longer holds eight copies of
/// its schema at once (issue 12).
enum class StatusScope { Full, FindingsOnly };

/// Reads models, migrations and (when `db` is not null) the database, read-only.
/// Throws InputError for bad inputs, DatabaseError when the catalog cannot be read.
ProjectStatus projectStatus(const Project& project, Driver* db, StatusScope scope = StatusScope::Full);

/// Opens the project's database read-only: null when there is none yet; throws
/// ConnectionError when it cannot be reached.
using DatabaseOpener = std::function<DriverPtr()>;

/// projectStatus() over the database `open` gives (null: none yet), opened and read on a
/// second thread while the files load (`check`: SQLite reads its whole schema on opening).
/// The connection must be usable from another thread (Driver::usableFromAnotherThread;
/// std::logic_error otherwise). A ConnectionError from `open` is thrown once the inputs
/// are known good, so a bad file is still the error reported.
ProjectStatus projectStatus(const Project& project, const DatabaseOpener& open, StatusScope scope);

/// projectStatus() over the database `open` gives; a ConnectionError from `open` is not
/// thrown but makes an offline status (offlineReason, passwordRejected): the models,
/// the heads and the uncaptured model changes, nothing about the database. Throws
/// InputError for bad inputs and DatabaseError when the catalog cannot be read.
ProjectStatus projectStatusOrOffline(const Project& project, const DatabaseOpener& open);

/// What `check` prints, one line each: `drift: …` (a single "database is behind heads"
/// line when that explains it), `uncaptured: …`, `changed: <id>`, `unknown: <id>`.
/// Only what fails `check`: never a note.
std::vector<std::string> checkLines(const ProjectStatus& status);

/// What `check` prints after checkLines(), without failing: `note: …` per DeclaredType
/// finding (`note: column "t"."c" declared BIGINT in the models, INTEGER in the database
/// (both INTEGER affinity: stored alike, not drift)`).
std::vector<std::string> checkNotes(const ProjectStatus& status);

} // namespace tempest
