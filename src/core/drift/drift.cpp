#include "core/drift/drift.h"

#include "core/diff/diff.h"

#include <functional>
#include <set>

namespace tempest {

namespace {

// Unsupported objects are kept for the record but never compared (DESIGN.md).
Schema withoutUnsupported(Schema schema)
{
    schema.unsupported.clear();
    return schema;
}

/// The tables, present on both sides, that some difference is about.
std::set<std::string> tablesOnBothSidesIn(const std::vector<SchemaDifference>& differences, const Schema& a,
                                          const Schema& b)
{
    std::set<std::string> out;
    for (const auto& difference : differences)
        if (!difference.table.empty() && a.findTable(difference.table) && b.findTable(difference.table))
            out.insert(difference.table);
    return out;
}

/// `schema`'s enums and the tables named in `names`.
Schema subset(const Schema& schema, const std::set<std::string>& names)
{
    Schema out;
    out.enums = schema.enums;
    for (const auto& table : schema.tables)
        if (names.count(table.name))
            out.tables.push_back(table);
    return out;
}

/// Puts `rendered`'s tables into `schema`; returns the names of those that changed.
std::set<std::string> replaceTables(Schema& schema, const Schema& rendered)
{
    std::set<std::string> changed;
    for (const auto& table : rendered.tables)
        if (Table* target = schema.findTable(table.name); target && !(*target == table)) {
            *target = table;
            changed.insert(table.name);
        }
    return changed;
}

// The fixed point (docs/decisions.md "Expressions compare in the server's normal form").
// Round 0 is the plain comparison: live (the server's text) with the model rendered once
// (prepareModelForCompare). Only the tables that still differ go further: round 1 renders
// the live side once, so both are one parse from their source; rounds 2 and 3 render both
// sides again. A table leaves the loop as soon as it compares equal, or when a round
// changed neither side (both at their fixed point: the difference is real). Two
// expressions the server renders alike after the same number of parses are the same
// expression to it, so nothing real is hidden; equal tables never cost a round trip.
std::vector<SchemaDifference> differencesAtFixedPoint(Driver* driver, const Dialect& dialect, Schema& live,
                                                      Schema& model, const IntrospectOptions& options)
{
    const ComparisonRules& rules = dialect.rules();
    std::vector<SchemaDifference> differences = schemaDifferences(model, live, &rules);
    if (!driver)
        return differences;
    constexpr int kRounds = 3;
    std::set<std::string> open = tablesOnBothSidesIn(differences, model, live);
    for (int round = 1; round <= kRounds && !open.empty(); ++round) {
        std::set<std::string> changed = replaceTables(live, dialect.renderExpressionsAgain(*driver, subset(live, open), options));
        if (round > 1)
            changed.merge(replaceTables(model, dialect.renderExpressionsAgain(*driver, subset(model, open), options)));
        if (changed.empty() && round > 1)
            break;
        differences = schemaDifferences(model, live, &rules);
        std::set<std::string> stillDifferent = tablesOnBothSidesIn(differences, model, live);
        std::set<std::string> next;
        for (const auto& name : stillDifferent)
            if (open.count(name) && (round == 1 || changed.count(name)))
                next.insert(name);
        open = std::move(next);
    }
    return differences;
}

// `prepare` brings a model-level schema into introspection's shape: normalizeModel, or
// prepareModelForCompare when a connection is at hand (then `driver` is that connection,
// for the fixed point; null otherwise).
DriftReport compareWith(Schema live, const Dialect& dialect, const Schema& preparedModels,
                        const DriftHistory& history, const std::function<Schema(const Schema&)>& prepare,
                        Driver* driver, const IntrospectOptions& options)
{
    DriftReport report;
    report.comparedLive = withoutUnsupported(live);
    report.comparedModels = withoutUnsupported(preparedModels);
    report.differences = differencesAtFixedPoint(driver, dialect, report.comparedLive, report.comparedModels, options);
    for (const auto& difference : report.differences)
        report.findings.push_back(difference.text);
    report.pendingRevisions = history.pendingRevisions;
    if (!report.findings.empty() && !history.pendingRevisions.empty() && history.appliedSchema) {
        // Prepared and compared the same way as the models: on PostgreSQL the replayed
        // CHECKs must be in the server's spelling too, or a database merely behind heads
        // looks drifted.
        Schema applied = withoutUnsupported(prepare(*history.appliedSchema));
        Schema liveAgain = withoutUnsupported(live);
        report.behindHeads = differencesAtFixedPoint(driver, dialect, liveAgain, applied, options).empty();
    }
    report.live = std::move(live);
    return report;
}

} // namespace

DriftReport compareDrift(Schema live, const Dialect& dialect, const Schema& models, const DriftHistory& history)
{
    auto normalize = [&](const Schema& schema) { return dialect.normalizeModel(schema); };
    return compareWith(std::move(live), dialect, normalize(models), history, normalize, nullptr, {});
}

DriftReport checkDrift(Driver& driver, const Dialect& dialect, const Schema& models,
                       const IntrospectOptions& options, const DriftHistory& history)
{
    // With a connection, the dialect may render the model's expressions the way the
    // server stores them (PostgreSQL rewrites CHECKs and defaults), so a freshly migrated
    // database never shows false drift.
    auto prepare = [&](const Schema& schema) { return dialect.prepareModelForCompare(driver, schema, options); };
    Schema prepared = prepare(models);
    return compareWith(dialect.introspect(driver, options), dialect, prepared, history, prepare, &driver, options);
}

} // namespace tempest
