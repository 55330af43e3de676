#include "core/drift/drift.h"

#include "core/diff/diff.h"

namespace tempest {

namespace {

// Unsupported objects are kept for the record but never compared (DESIGN.md).
Schema withoutUnsupported(Schema schema)
{
    schema.unsupported.clear();
    return schema;
}

} // namespace

namespace {

// `preparedModels` is already in the shape introspection produces (normalizeModel, or
// prepareModelForCompare when a connection is at hand).
DriftReport compareWith(Schema live, const Dialect& dialect, const Schema& preparedModels,
                        const DriftHistory& history)
{
    DriftReport report;
    const ComparisonRules& rules = dialect.rules();
    const Schema liveCompared = withoutUnsupported(live);
    const Schema modelCompared = withoutUnsupported(preparedModels);
    report.findings = describeDifferences(modelCompared, liveCompared, &rules);
    report.pendingRevisions = history.pendingRevisions;
    if (!report.findings.empty() && !history.pendingRevisions.empty() && history.appliedSchema) {
        const Schema applied = withoutUnsupported(dialect.normalizeModel(*history.appliedSchema));
        report.behindHeads = schemaEquals(liveCompared, applied, &rules);
    }
    report.live = std::move(live);
    return report;
}

} // namespace

DriftReport compareDrift(Schema live, const Dialect& dialect, const Schema& models, const DriftHistory& history)
{
    return compareWith(std::move(live), dialect, dialect.normalizeModel(models), history);
}

DriftReport checkDrift(Driver& driver, const Dialect& dialect, const Schema& models,
                       const IntrospectOptions& options, const DriftHistory& history)
{
    // With a connection, the dialect may render the model's expressions the way the
    // server stores them (PostgreSQL rewrites CHECKs and defaults), so a freshly migrated
    // database never shows false drift.
    Schema prepared = dialect.prepareModelForCompare(driver, models, options);
    return compareWith(dialect.introspect(driver, options), dialect, prepared, history);
}

} // namespace tempest
