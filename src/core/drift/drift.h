#pragma once
// checkDrift: does the live database match the models? The live schema (introspected)
// and the model schema (normalised into the shape introspection produces) are compared
// through the dialect's comparison rules, so what the database cannot tell apart
// (SQLite affinity, comments) is never drift, and neither is anything `unsupported`.

#include "core/dialect/dialect.h"
#include "core/diff/diff.h"
#include "core/driver/driver.h"
#include "core/ir/schema.h"

#include <optional>
#include <string>
#include <vector>

namespace tempest {

/// What the caller knows about the revision history, so the report can say that a
/// difference is only revisions not applied yet rather than real drift.
struct DriftHistory {
    /// The schema the applied revisions produce (replay of the version table's ids).
    std::optional<Schema> appliedSchema;
    /// Revisions that exist but are not applied, in topoOrder.
    std::vector<std::string> pendingRevisions;
};

struct DriftReport {
    /// One line per difference between the live schema and the models (empty: none),
    /// phrased as what happened to the database: `table "x" added` is a table the
    /// database has and the models do not.
    std::vector<std::string> findings;
    /// The same differences with the object each is about (findings[i] is differences[i].text).
    std::vector<SchemaDifference> differences;
    /// Columns whose types the dialect's rules call equal but that are declared
    /// differently (SQLite: BIGINT in the models, INTEGER in the database — the same
    /// affinity). Not drift, never in `findings`: a note, so that nothing in the models is
    /// silently different from the database.
    std::vector<SchemaDifference> declaredTypeNotes;
    /// The live schema matches the applied revisions and revisions are pending: the
    /// findings are explained by `upgrade` not having run, not by hand-made changes.
    bool behindHeads = false;
    std::vector<std::string> pendingRevisions;
    /// The introspected schema (unsupported objects included).
    Schema live;
    /// The two sides as compared: unsupported objects left out, the models normalised
    /// (normalizeModel; with a connection, their domains rendered by the server), and the
    /// tables that differed in an expression brought to the server's fixed point on both
    /// sides. diffSchema(comparedLive, comparedModels)
    /// are the operations that would sync the database, with no false ones.
    Schema comparedLive;
    Schema comparedModels;

    /// No drift (declaredTypeNotes may still be there).
    bool clean() const { return findings.empty(); }
};

/// Introspects `driver` and compares it with `models`. Read-only. Throws DatabaseError
/// when the catalog cannot be read. Expressions compare in the server's normal form: a
/// table whose expressions differ as written is rendered on both sides
/// (renderExpressionsAgain, at most 3 rounds) until the two agree or stop changing;
/// tables equal as written cost no round trip — the only answer to "is there drift", which
/// `check`, status and Studio all get through projectStatus. Call outside a transaction.
DriftReport checkDrift(Driver& driver, const Dialect& dialect, const Schema& models,
                       const IntrospectOptions& options, const DriftHistory& history = {});

/// checkDrift for a `live` schema the caller has already read from `driver`
/// (dialect.introspect(driver, options)): projectStatus reads it on a second thread while
/// the project's files load. `driver` is still needed for the expressions' fixed point.
DriftReport checkDrift(Driver& driver, Schema live, const Dialect& dialect, const Schema& models,
                       const IntrospectOptions& options, const DriftHistory& history = {});

/// checkDrift(driver, live, …) for a caller that needs only the comparison — findings,
/// differences, notes, behindHeads and the compared sides (`check`): `models` is consumed
/// (normalised in place) and the report's `live` is left empty, the compared live side
/// being `live` itself rather than a copy. The same answers as checkDrift with a fraction
/// of its peak memory on a schema of thousands of tables.
DriftReport checkDriftFindings(Driver& driver, Schema live, const Dialect& dialect, Schema&& models,
                               const IntrospectOptions& options, const DriftHistory& history = {});

/// The comparison alone, for a live schema obtained elsewhere (an absent database is
/// the empty schema).
DriftReport compareDrift(Schema live, const Dialect& dialect, const Schema& models,
                         const DriftHistory& history = {});

} // namespace tempest
