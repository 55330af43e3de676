#include "core/drift/drift.h"

#include "core/diff/diff.h"

#include <functional>

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
// `prepare` brings a model-level schema into introspection's shape: normalizeModel, or
// prepareModelForCompare when a connection is at hand.
DriftReport compareWith(Schema live, const Dialect& dialect, const Schema& preparedModels,
                        const DriftHistory& history, const std::function<Schema(const Schema&)>& prepare)
{
    DriftReport report;
    const ComparisonRules& rules = dialect.rules();
    const Schema liveCompared = withoutUnsupported(live);
    const Schema modelCompared = withoutUnsupported(preparedModels);
    report.differences = schemaDifferences(modelCompared, liveCompared, &rules);
    for (const auto& difference : report.differences)
        report.findings.push_back(difference.text);
    report.pendingRevisions = history.pendingRevisions;
    if (!report.findings.empty() && !history.pendingRevisions.empty() && history.appliedSchema) {
        // Prepared the same way as the models: on PostgreSQL the replayed CHECKs must be
        // in the server's spelling too, or a database merely behind heads looks drifted.
        const Schema applied = withoutUnsupported(prepare(*history.appliedSchema));
        report.behindHeads = schemaEquals(liveCompared, applied, &rules);
    }
    report.live = std::move(live);
    return report;
}

} // namespace

DriftReport compareDrift(Schema live, const Dialect& dialect, const Schema& models, const DriftHistory& history)
{
    auto normalize = [&](const Schema& schema) { return dialect.normalizeModel(schema); };
    return compareWith(std::move(live), dialect, normalize(models), history, normalize);
}

DriftReport checkDrift(Driver& driver, const Dialect& dialect, const Schema& models,
                       const IntrospectOptions& options, const DriftHistory& history)
{
    // With a connection, the dialect may render the model's expressions the way the
    // server stores them (PostgreSQL rewrites CHECKs and defaults), so a freshly migrated
    // database never shows false drift.
    auto prepare = [&](const Schema& schema) { return dialect.prepareModelForCompare(driver, schema, options); };
    Schema prepared = prepare(models);
    return compareWith(dialect.introspect(driver, options), dialect, prepared, history, prepare);
}

} // namespace tempest
