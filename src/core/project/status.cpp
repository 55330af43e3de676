#include "core/project/status.h"

#include "core/ir/errors.h"
#include "core/ir/retire.h"

#include "core/drift/drift.h"
#include "core/revision/migration.h"
#include "core/revision/replay.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <future>
#include <stdexcept>
#include <unordered_set>

namespace tempest {

namespace {

Finding differenceFinding(FindingKind kind, const SchemaDifference& difference)
{
    return {kind, difference.table.empty() ? difference.enumName : difference.table, difference.text, difference.item};
}

std::string behindHeadsText(const std::vector<std::string>& pending)
{
    return "database is behind heads: " + std::to_string(pending.size()) + " pending revision" +
           (pending.size() == 1 ? "" : "s") + " (" + joinIds(pending) + "); run `tempest-migrate upgrade`";
}

Finding headsFinding(const std::vector<std::string>& heads)
{
    return {FindingKind::MultipleHeads, {}, std::to_string(heads.size()) + " heads: " + joinIds(heads)};
}

/// The table or enum an operation changes (operationTable, or the enum's name).
std::string operationSubject(const Operation& op)
{
    if (const auto* o = std::get_if<CreateEnum>(&op))
        return o->definition.name;
    if (const auto* o = std::get_if<DropEnum>(&op))
        return o->definition.name;
    if (const auto* o = std::get_if<AddEnumValue>(&op))
        return o->name;
    if (const auto* o = std::get_if<DropEnumValue>(&op))
        return o->name;
    if (const auto* o = std::get_if<RenameEnum>(&op))
        return o->to;
    return operationTable(op);
}

/// The first pending revision whose operations touch `subject` (either name of a rename).
std::string pendingRevisionTouching(const RevisionGraph& graph, const std::vector<std::string>& pending,
                                    const std::string& subject)
{
    for (const std::string& id : pending)
        for (const Operation& op : graph.at(id).up) {
            if (operationSubject(op) == subject)
                return id;
            if (const auto* r = std::get_if<RenameTable>(&op); r && r->from == subject)
                return id;
            if (const auto* r = std::get_if<RenameEnum>(&op); r && r->from == subject)
                return id;
        }
    return {};
}

} // namespace

std::string_view findingKindName(FindingKind kind)
{
    switch (kind) {
    case FindingKind::Pending: return "pending";
    case FindingKind::Drift: return "drift";
    case FindingKind::Uncaptured: return "uncaptured";
    case FindingKind::Edited: return "edited";
    case FindingKind::Unknown: return "unknown";
    case FindingKind::MultipleHeads: return "heads";
    case FindingKind::DeclaredType: return "declared-type";
    }
    return "finding";
}

std::vector<Finding> ProjectStatus::findingsOf(FindingKind kind) const
{
    std::vector<Finding> out;
    std::copy_if(findings.begin(), findings.end(), std::back_inserter(out),
                 [&](const Finding& f) { return f.kind == kind; });
    return out;
}

bool ProjectStatus::failsCheck() const
{
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding& f) {
                           return f.kind != FindingKind::MultipleHeads && f.kind != FindingKind::DeclaredType;
                       });
}

bool RevisionState::isApplied(std::string_view id) const
{
    return std::any_of(appliedRows.begin(), appliedRows.end(), [&](const AppliedRevision& r) { return r.id == id; });
}

std::vector<std::string> appliedInTopoOrder(const RevisionGraph& graph, const std::vector<AppliedRevision>& rows)
{
    std::unordered_set<std::string> applied;
    for (const AppliedRevision& row : rows)
        applied.insert(row.id);
    std::vector<std::string> ids;
    for (const std::string& id : graph.topoOrder())
        if (applied.count(id))
            ids.push_back(id);
    return ids;
}

namespace {

using KnownChecksums = std::unordered_map<std::string, std::string>;

RevisionState revisionStateWith(const Project& project, Driver* db, AppliedCheck check, const KnownChecksums* known)
{
    const RevisionGraph& graph = project.graph();
    RevisionState state;
    MigrationRunner runner(graph, project.dialect(), project.runnerOptions());
    if (db)
        state.appliedRows = runner.appliedRows(*db);
    std::unordered_set<std::string> applied, parentOfApplied;
    for (const AppliedRevision& row : state.appliedRows) {
        applied.insert(row.id);
        if (const Migration* m = graph.find(row.id))
            parentOfApplied.insert(m->downRevision.begin(), m->downRevision.end());
    }
    for (const std::string& id : graph.topoOrder()) {
        if (!applied.count(id))
            state.pending.push_back(id);
        else if (!parentOfApplied.count(id))
            state.currentHeads.push_back(id);
    }
    for (const AppliedRevision& row : state.appliedRows)
        if (!graph.contains(row.id))
            state.currentHeads.push_back(row.id);  // the user must see these
    if (check == AppliedCheck::Checksums) {
        state.checksumWarnings = runner.checksumWarnings(state.appliedRows, known);
    } else {
        for (const AppliedRevision& row : state.appliedRows)
            if (!graph.contains(row.id))
                state.checksumWarnings.push_back("unknown: " + row.id);
    }
    return state;
}

} // namespace

RevisionState revisionState(const Project& project, Driver* db, AppliedCheck check)
{
    return revisionStateWith(project, db, check, nullptr);
}

Schema introspectDatabase(const Project& project, Driver& db)
{
    return project.dialect().introspect(db, project.introspectOptions());
}

namespace {

/// What the project's files say, before any database: models, replayed heads, warnings.
/// In sequence: loading the models beside the migrations on a third thread was tried
/// (issue 12) and kept out — the database's reading finishes last anyway, a third thread
/// only competes with it for two cores, and both files' parse trees alive at once cost
/// 12 MB more at 5,000 tables.
ProjectStatus inputStatus(const Project& project)
{
    ProjectStatus status;
    const RevisionGraph& graph = project.graph();
    status.warnings = project.graphWarnings();
    status.models = project.loadModels();
    status.atHeads = replaySchema(graph, graph.topoOrder());
    status.heads = graph.heads();
    return status;
}

std::vector<Finding> uncapturedFindings(const ProjectStatus& status)
{
    std::vector<Finding> findings;
    for (const SchemaDifference& difference : schemaDifferences(status.atHeads, status.models, nullptr))
        findings.push_back(differenceFinding(FindingKind::Uncaptured, difference));
    return findings;
}

void addFindings(ProjectStatus& status, std::vector<Finding> findings)
{
    std::move(findings.begin(), findings.end(), std::back_inserter(status.findings));
}

/// Called first on the reading thread. glibc gives a new thread a heap of its own and
/// makes it usable a page at a time, with an mprotect call each time its top moves past
/// the usable end: reading 500 tables (SQLite compiling its schema, the rows, the IR)
/// made 1,100 such calls (issue 12, docs/profiles/check.md). Taking 6 MiB in pieces below
/// the mmap threshold and giving them back leaves the heap usable that far: the pages go
/// back to the system at once (glibc releases them with MADV_DONTNEED, RSS does not grow)
/// while the usable end stays, so the reading that follows calls mprotect some 64 times.
void reserveReadingThreadHeap()
{
#if defined(__GLIBC__)
    constexpr std::size_t kPiece = 96 * 1024;  // below 128 KiB: glibc's least mmap threshold
    std::array<void*, 64> pieces{};
    for (void*& piece : pieces) {
        piece = std::malloc(kPiece);
        asm volatile("" : : "r"(piece) : "memory");  // the pair must not be optimised away
    }
    for (void* piece : pieces)
        std::free(piece);
#endif
}

/// The live schema, read on a second thread from construction while the caller loads the
/// project's files, when the connection may change threads (Driver::usableFromAnotherThread):
/// on PostgreSQL the server works while the client parses, on SQLite a second core does
/// (issue 12: `check` is introspection plus reading files as large as its output).
/// Otherwise it is read on the caller's thread by take(). Until database() has returned,
/// the caller must not touch the connection; the destructor waits too, so an input error
/// thrown meanwhile never leaves the thread running on the connection.
class LiveSchemaRead {
public:
    LiveSchemaRead(const Project& project, Driver* db)
        : m_db(db), m_dialect(project.dialect()), m_options(project.introspectOptions())
    {
        if (m_db && m_db->usableFromAnotherThread())
            m_read = std::async(std::launch::async, [this] {
                reserveReadingThreadHeap();
                return m_dialect.introspect(*m_db, m_options);
            });
    }
    /// The database is opened on the second thread too (SQLite reads its whole schema on
    /// opening); `open` must outlive this object.
    LiveSchemaRead(const Project& project, const DatabaseOpener& open)
        : m_db(nullptr), m_dialect(project.dialect()), m_options(project.introspectOptions())
    {
        m_read = std::async(std::launch::async, [this, &open] {
            reserveReadingThreadHeap();
            m_owned = open();
            if (m_owned && !m_owned->usableFromAnotherThread())
                throw std::logic_error("projectStatus: the database opener gave a connection bound to its thread");
            m_db = m_owned.get();
            return m_db ? m_dialect.introspect(*m_db, m_options) : Schema{};
        });
    }
    LiveSchemaRead(const LiveSchemaRead&) = delete;
    LiveSchemaRead& operator=(const LiveSchemaRead&) = delete;
    ~LiveSchemaRead()
    {
        if (m_read.valid())
            m_read.wait();
    }

    /// The connection, once the reading thread (if any) is done with it: null when there
    /// is no database. Throws what opening it threw.
    Driver* database()
    {
        if (m_read.valid()) {
            m_read.wait();
            if (!m_db)
                m_read.get();  // the opener's error, or no database (an empty schema)
        }
        return m_db;
    }
    /// True while the second thread still reads the database.
    bool stillReading() const
    {
        return m_read.valid() && m_read.wait_for(std::chrono::seconds(0)) != std::future_status::ready;
    }
    /// The schema, or the error reading it threw.
    Schema take() { return m_read.valid() ? m_read.get() : m_dialect.introspect(*m_db, m_options); }
    /// Done with the connection: one this object opened is closed on another thread while
    /// the caller goes on (SQLite frees its parsed schema on closing: 2–3 ms at 1,000
    /// tables, issue 12), and waited for by the destructor. Call after take().
    void closeWhileCallerGoesOn()
    {
        if (!m_owned)
            return;
        m_db = nullptr;
        m_close = std::async(std::launch::async, [db = std::move(m_owned)]() mutable { db.reset(); });
    }

private:
    DriverPtr m_owned;
    Driver* m_db;
    const Dialect& m_dialect;
    IntrospectOptions m_options;
    std::future<Schema> m_read;
    std::future<void> m_close;  // declared last: destroyed (waited for) first
};

ProjectStatus statusWith(const Project& project, LiveSchemaRead& liveRead, StatusScope scope);

} // namespace

ProjectStatus projectStatus(const Project& project, Driver* db, StatusScope scope)
{
    LiveSchemaRead liveRead(project, db);
    return statusWith(project, liveRead, scope);
}

ProjectStatus projectStatus(const Project& project, const DatabaseOpener& open, StatusScope scope)
{
    LiveSchemaRead liveRead(project, open);
    return statusWith(project, liveRead, scope);
}

namespace {

ProjectStatus statusWith(const Project& project, LiveSchemaRead& liveRead, StatusScope scope)
{
    // Inputs first (a bad file is an input error, not a finding), then the database: its
    // schema is read meanwhile where the connection allows, its errors held until the
    // inputs are known good and the version table read.
    ProjectStatus status = inputStatus(project);
    const RevisionGraph& graph = project.graph();
    const Dialect& dialect = project.dialect();
    const bool findingsOnly = scope == StatusScope::FindingsOnly;
    // The uncaptured changes compare only the inputs (schemaDifferences raises nothing):
    // for findings alone, found now and the replay released before the database is read.
    std::vector<Finding> uncaptured;
    if (findingsOnly) {
        uncaptured = uncapturedFindings(status);
        status.atHeads = Schema{};
    }

    // While the database is still being read, this thread hashes the migrations, the
    // base first (topological order): the applied ones' checksums are compared as soon as
    // the version table is read, and the base migration of a 5,000-table project is 11.6 MB
    // of operations to hash (issue 12, docs/profiles/check.md). It stops once the reading
    // is done; whatever is left is hashed then, as before.
    KnownChecksums hashed;
    for (const std::string& id : graph.topoOrder()) {
        if (!liveRead.stillReading())
            break;
        hashed.emplace(id, migrationChecksum(graph.at(id)));
    }
    Driver* db = liveRead.database();
    status.databaseExists = db != nullptr;
    RevisionState revisions = revisionStateWith(project, db, AppliedCheck::Checksums, &hashed);
    status.appliedRows = revisions.appliedRows;
    status.pending = revisions.pending;
    status.currentHeads = revisions.currentHeads;
    DriftHistory history;
    // Drift uses it only to tell "merely behind heads", which needs pending revisions:
    // without any, no second replay of the history.
    if (!status.pending.empty())
        history.appliedSchema = replaySchema(graph, appliedInTopoOrder(graph, revisions.appliedRows));
    history.pendingRevisions = status.pending;
    DriftReport report;
    if (!db)
        report = compareDrift(Schema{}, dialect, status.models, history);
    else if (findingsOnly)
        report = checkDriftFindings(*db, liveRead.take(), dialect, std::move(status.models),
                                    project.introspectOptions(), history);
    else
        report = checkDrift(*db, liveRead.take(), dialect, status.models, project.introspectOptions(), history);
    liveRead.closeWhileCallerGoesOn();
    status.live = std::move(report.live);
    status.behindHeads = !status.pending.empty() && (report.clean() || report.behindHeads);

    for (const std::string& id : status.pending)
        status.findings.push_back({FindingKind::Pending, id, revisionLine(id, graph.at(id).label)});
    // Behind heads: the differences are the pending revisions', not worth listing.
    if (!status.behindHeads)
        for (const SchemaDifference& difference : report.differences) {
            Finding finding = differenceFinding(FindingKind::Drift, difference);
            finding.pendingRevision = pendingRevisionTouching(graph, status.pending, finding.subject);
            status.findings.push_back(std::move(finding));
        }
    // Same reason: behind heads, a declared type the pending revisions change is theirs.
    if (!status.behindHeads)
        for (const SchemaDifference& note : report.declaredTypeNotes)
            status.findings.push_back(differenceFinding(FindingKind::DeclaredType, note));
    addFindings(status, findingsOnly ? std::move(uncaptured) : uncapturedFindings(status));
    // revisionState compared the checksums already: hashing every applied migration
    // again cost as much (a migration of thousands of tables is megabytes of JSON).
    const std::unordered_set<std::string> checksumWarnings(revisions.checksumWarnings.begin(),
                                                           revisions.checksumWarnings.end());
    for (const AppliedRevision& row : status.appliedRows) {
        const Migration* m = graph.find(row.id);
        if (!m)
            status.findings.push_back({FindingKind::Unknown, row.id, row.id + " is applied but has no migration file"});
        else if (checksumWarnings.count("changed: " + row.id))
            status.findings.push_back(
                {FindingKind::Edited, row.id, revisionLine(row.id, m->label) + " was edited after it was applied"});
    }
    if (status.heads.size() > 1)
        status.findings.push_back(headsFinding(status.heads));

    // The sides drift compared, so an expression the server merely spells differently is
    // no operation either. For findings alone the operations are not kept, only the one
    // difference that has none: a table's partitioning, which neither side can change
    // when neither has a partitioned table or a partition (then no whole second
    // comparison of thousands of tables, issue 12).
    DiffOptions options;
    options.rules = &dialect.rules();
    const auto partitioned = [](const Schema& schema) {
        return std::any_of(schema.tables.begin(), schema.tables.end(),
                           [](const Table& t) { return t.partitionBy || t.partitionOf || t.partitionBound; });
    };
    if (!findingsOnly || partitioned(report.comparedLive) || partitioned(report.comparedModels)) {
        try {
            std::vector<Operation> operations = diffSchema(report.comparedLive, report.comparedModels, options);
            if (!findingsOnly)
                status.driftOperations = std::move(operations);
        } catch (const InputError& e) {
            // A difference no operation makes (a table's partitioning, docs/decisions.md) is
            // drift all the same: reported with what to do, and no operations offered.
            status.findings.push_back({FindingKind::Drift, {}, e.message()});
        }
    }
    if (findingsOnly)
        status.models = Schema{};  // without a database compareDrift took a copy
    retire(std::move(report));  // the compared sides: two whole schemas
    return status;
}

} // namespace

ProjectStatus projectStatusOrOffline(const Project& project, const DatabaseOpener& open)
{
    DriverPtr db;
    try {
        db = open();
    } catch (const ConnectionError& e) {
        // A bad file is still an input error, offline or not: inputStatus throws it.
        ProjectStatus status = inputStatus(project);
        status.offlineReason = maskPassword(e.what());
        status.passwordRejected = e.passwordRejected();
        addFindings(status, uncapturedFindings(status));
        if (status.heads.size() > 1)
            status.findings.push_back(headsFinding(status.heads));
        return status;
    }
    return projectStatus(project, db.get());
}

std::vector<std::string> checkLines(const ProjectStatus& status)
{
    std::vector<std::string> lines;
    if (status.behindHeads) {
        lines.push_back("drift: " + behindHeadsText(status.pending));
    } else {
        for (const Finding& f : status.findingsOf(FindingKind::Drift))
            lines.push_back("drift: " + f.text);
        if (!status.pending.empty())
            lines.push_back("drift: " + behindHeadsText(status.pending) +
                            " (and the database differs from the applied revisions)");
    }
    for (const Finding& f : status.findingsOf(FindingKind::Uncaptured))
        lines.push_back("uncaptured: " + f.text);
    for (const Finding& f : status.findings) {
        if (f.kind == FindingKind::Edited)
            lines.push_back("changed: " + f.subject);
        else if (f.kind == FindingKind::Unknown)
            lines.push_back("unknown: " + f.subject);
    }
    return lines;
}

std::vector<std::string> checkNotes(const ProjectStatus& status)
{
    std::vector<std::string> lines;
    for (const Finding& f : status.findingsOf(FindingKind::DeclaredType))
        lines.push_back("note: " + f.text);
    return lines;
}

} // namespace tempest
