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

DriftReport compareDrift(Schema live, const Dialect& dialect, const Schema& models, const DriftHistory& history)
{
    DriftReport report;
    const ComparisonRules& rules = dialect.rules();
    const Schema liveCompared = withoutUnsupported(live);
    const Schema modelCompared = withoutUnsupported(dialect.normalizeModel(models));
    report.findings = describeDifferences(modelCompared, liveCompared, &rules);
    report.pendingRevisions = history.pendingRevisions;
    if (!report.findings.empty() && !history.pendingRevisions.empty() && history.appliedSchema) {
        const Schema applied = withoutUnsupported(dialect.normalizeModel(*history.appliedSchema));
        report.behindHeads = schemaEquals(liveCompared, applied, &rules);
    }
    report.live = std::move(live);
    return report;
}

DriftReport checkDrift(Driver& driver, const Dialect& dialect, const Schema& models,
                       const IntrospectOptions& options, const DriftHistory& history)
{
    return compareDrift(dialect.introspect(driver, options), dialect, models, history);
}

} // namespace tempest
