#include "core/drift/drift.h"

#include "core/diff/diff.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace tempest {

namespace {

// Unsupported objects are kept for the record but never compared (DESIGN.md).
Schema withoutUnsupported(Schema schema)
{
    schema.unsupported.clear();
    return schema;
}

/// `rules` except that expressions and defaults always compare equal: what is left
/// differs whatever the server's spelling.
class ExpressionBlindRules final : public ComparisonRules {
public:
    explicit ExpressionBlindRules(const ComparisonRules& rules) : m_rules(rules) {}
    bool typesEqual(const Column& a, const Column& b) const override { return m_rules.typesEqual(a, b); }
    bool defaultsEqual(const std::optional<DefaultValue>&, const std::optional<DefaultValue>&) const override
    {
        return true;
    }
    bool collationsEqual(const std::optional<std::string>& a, const std::optional<std::string>& b) const override
    {
        return m_rules.collationsEqual(a, b);
    }
    bool expressionsEqual(const std::string&, const std::string&) const override { return true; }
    bool compareComments() const override { return m_rules.compareComments(); }
    bool compareEnums() const override { return m_rules.compareEnums(); }

private:
    const ComparisonRules& m_rules;
};

/// The tables, present on both sides, with a difference that is (or may be) only a
/// matter of expression spelling: more differences under `rules` than with expressions
/// and defaults ignored. Tables that differ otherwise alone are left out — rendering
/// them again cannot change their answer.
std::set<std::string> tablesDifferingInExpressions(const std::vector<SchemaDifference>& differences,
                                                   const Schema& model, const Schema& live,
                                                   const ComparisonRules& rules)
{
    std::map<std::string, int> count;
    for (const auto& difference : differences)
        if (!difference.table.empty() && model.findTable(difference.table) && live.findTable(difference.table))
            ++count[difference.table];
    if (count.empty())
        return {};
    // Differences are found table by table: the tables counted are all that need
    // comparing again (a handful, where the schemas hold thousands).
    Schema modelPart, livePart;
    for (const auto& [table, n] : count) {
        modelPart.tables.push_back(*model.findTable(table));
        livePart.tables.push_back(*live.findTable(table));
    }
    const ExpressionBlindRules blind(rules);
    for (const auto& difference : schemaDifferences(modelPart, livePart, &blind))
        if (auto it = count.find(difference.table); it != count.end())
            --it->second;
    std::set<std::string> out;
    for (const auto& [table, extra] : count)
        if (extra > 0)
            out.insert(table);
    return out;
}

/// `schema`'s enums and the tables named in `names`, with the partitioned tables those
/// are partitions of (a partition's expressions name its parent's columns: docs/ir.md
/// "Partitioning (PostgreSQL)").
Schema subset(const Schema& schema, const std::set<std::string>& names)
{
    std::set<std::string> wanted = names;
    for (const auto& name : names) {
        const Table* table = schema.findTable(name);
        for (int depth = 0; depth < 64 && table && table->partitionOf; ++depth) {
            wanted.insert(*table->partitionOf);
            table = schema.findTable(*table->partitionOf);
        }
    }
    Schema out;
    out.enums = schema.enums;
    for (const auto& table : schema.tables)
        if (wanted.count(table.name))
            out.tables.push_back(table);
    return out;
}

/// Renders the tables `names` of `schema` again (none: no round trip); returns the
/// names of those whose spelling changed.
std::set<std::string> renderAgain(Driver& driver, const Dialect& dialect, Schema& schema,
                                  const std::set<std::string>& names, const IntrospectOptions& options)
{
    std::set<std::string> changed;
    if (names.empty())
        return changed;
    for (const auto& table : dialect.renderExpressionsAgain(driver, subset(schema, names), options).tables)
        if (Table* target = names.count(table.name) ? schema.findTable(table.name) : nullptr;
            target && !(*target == table)) {
            *target = table;
            changed.insert(table.name);
        }
    return changed;
}

/// True when `text` qualifies a column with `table` (`t.n`, `"t".n`): a CHECK may, and
/// would no longer compile under a stand-in name.
bool qualifiesWith(std::string_view text, const std::string& table)
{
    const auto identifierChar = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '"';
    };
    for (const std::string& form : {table, "\"" + table + "\""})
        for (std::size_t at = text.find(form); at != std::string_view::npos; at = text.find(form, at + 1)) {
            const std::size_t end = at + form.size();
            if ((at == 0 || !identifierChar(text[at - 1])) && end < text.size() && text[end] == '.')
                return true;
        }
    return false;
}

/// True when some expression of `table` (a default, a generated column, a CHECK, an
/// index's expression or predicate) qualifies a column with the table's name.
bool expressionsQualifyWithName(const Table& table)
{
    const auto mentions = [&](const std::string& text) { return qualifiesWith(text, table.name); };
    for (const auto& column : table.columns)
        if ((column.defaultValue && mentions(column.defaultValue->text)) || (column.generated && mentions(*column.generated)))
            return true;
    for (const auto& check : table.checks)
        if (mentions(check.expr))
            return true;
    for (const auto& index : table.indexes) {
        if (index.where && mentions(*index.where))
            return true;
        for (const auto& column : index.columns)
            if (column.expression && mentions(column.value))
                return true;
    }
    return false;
}

/// Renders the tables `liveNames` of `live` and `modelNames` of `model` again; returns
/// the names of those whose spelling changed, on each side. Both sides go to the server
/// in one call when they can (one transaction and one read of the scratch tables instead
/// of two, issue 12): the model's tables under stand-in names, so that they do not meet
/// the live side's, and back under their own. They cannot when the two sides' enums
/// differ (the scratch types are made once per call) or when a model expression qualifies
/// a column with its table's name: then one call per side.
std::pair<std::set<std::string>, std::set<std::string>>
renderBothAgain(Driver& driver, const Dialect& dialect, Schema& live, const std::set<std::string>& liveNames,
                Schema& model, const std::set<std::string>& modelNames, const IntrospectOptions& options)
{
    Schema both = subset(live, liveNames);
    Schema modelPart = subset(model, modelNames);
    const bool together = !liveNames.empty() && !modelNames.empty() && live.enums == model.enums
                       && std::none_of(modelPart.tables.begin(), modelPart.tables.end(), expressionsQualifyWithName);
    if (!together)
        return {renderAgain(driver, dialect, live, liveNames, options),
                renderAgain(driver, dialect, model, modelNames, options)};

    // Stand-in names that no table or index of either part has.
    std::set<std::string> taken;
    for (const Schema* part : {&both, &modelPart})
        for (const auto& table : part->tables) {
            taken.insert(table.name);
            for (const auto& index : table.indexes)
                taken.insert(index.name);
        }
    std::size_t counter = 0;
    const auto standIn = [&] {
        std::string name;
        do
            name = "tempest_fixed_point_" + std::to_string(counter++);
        while (taken.count(name));
        taken.insert(name);
        return name;
    };
    std::map<std::string, std::string> renamed;  // model table -> stand-in
    for (const auto& table : modelPart.tables)
        renamed[table.name] = standIn();
    std::map<std::string, const Table*> original;  // stand-in -> model table
    const std::size_t liveCount = both.tables.size();
    for (auto& table : modelPart.tables) {
        const std::string name = renamed.at(table.name);
        original[name] = model.findTable(table.name);
        table.name = name;
        if (table.partitionOf)
            if (const auto it = renamed.find(*table.partitionOf); it != renamed.end())
                table.partitionOf = it->second;
        for (auto& index : table.indexes)
            index.name = standIn();
        both.tables.push_back(std::move(table));
    }

    Schema rendered = dialect.renderExpressionsAgain(driver, both, options);
    std::set<std::string> liveChanged, modelChanged;
    for (std::size_t i = 0; i < rendered.tables.size(); ++i) {
        Table& table = rendered.tables[i];
        if (i < liveCount) {
            if (Table* target = liveNames.count(table.name) ? live.findTable(table.name) : nullptr;
                target && !(*target == table)) {
                *target = std::move(table);
                liveChanged.insert(target->name);
            }
            continue;
        }
        const Table* source = original.at(table.name);
        if (!modelNames.count(source->name))
            continue;
        // Back under the model's own names (the indexes are in the same order).
        table.name = source->name;
        table.partitionOf = source->partitionOf;
        for (std::size_t k = 0; k < table.indexes.size() && k < source->indexes.size(); ++k)
            table.indexes[k].name = source->indexes[k].name;
        Table* target = model.findTable(source->name);
        if (!(*target == table)) {
            *target = std::move(table);
            modelChanged.insert(target->name);
        }
    }
    return {liveChanged, modelChanged};
}

/// `differences` with the lines of `tables` found again (after those tables, and only
/// they, changed), each table's lines where its old ones were. Every table named had
/// lines before (it differed); should one not have, the whole comparison is made again.
std::vector<SchemaDifference> withTablesComparedAgain(std::vector<SchemaDifference> differences, const Schema& model,
                                                      const Schema& live, const std::set<std::string>& tables,
                                                      const ComparisonRules& rules)
{
    std::map<std::string, std::vector<SchemaDifference>> fresh;
    for (auto& line : tableDifferences(model, live, tables, &rules))
        fresh[line.table].push_back(std::move(line));
    std::vector<SchemaDifference> out;
    std::set<std::string> placed;
    for (auto& line : differences) {
        if (!tables.count(line.table)) {
            out.push_back(std::move(line));
            continue;
        }
        if (placed.insert(line.table).second)
            for (auto& again : fresh[line.table])
                out.push_back(std::move(again));
    }
    if (placed.size() != tables.size())
        return schemaDifferences(model, live, &rules);
    return out;
}

std::set<std::string> intersection(const std::set<std::string>& a, const std::set<std::string>& b)
{
    std::set<std::string> out;
    for (const auto& name : a)
        if (b.count(name))
            out.insert(name);
    return out;
}

// The fixed point (docs/decisions.md "Expressions compare in the server's normal form").
// Round 0 is the plain comparison: live (the server's text) with the model as written
// (normalizeModel; its domains already rendered, see prepareForCompare). Only the tables
// that still differ in an expression go further: round 1 renders both sides of them
// once, so both are one parse from their source; rounds 2 and 3 render again each side
// that changed in the round before (a side that did not change is at its fixed point).
// A table leaves the loop as soon as it compares equal, or when no side of it is still
// changing: the difference is real. Two expressions the server renders alike after the
// same number of parses are the same expression to it, so nothing real is hidden; tables
// equal as written never cost a round trip — on a database that matches its models,
// which is most of every check, that is every table (issue 12: check rendered all of
// them, thousands of scratch tables).
std::vector<SchemaDifference> differencesAtFixedPoint(Driver* driver, const Dialect& dialect, Schema& live,
                                                      Schema& model, const IntrospectOptions& options)
{
    const ComparisonRules& rules = dialect.rules();
    std::vector<SchemaDifference> differences = schemaDifferences(model, live, &rules);
    if (!driver || differences.empty())
        return differences;
    constexpr int kRounds = 3;
    std::set<std::string> open = tablesDifferingInExpressions(differences, model, live, rules);
    std::set<std::string> liveMoving = open;
    std::set<std::string> modelMoving = open;
    for (int round = 1; round <= kRounds && !open.empty(); ++round) {
        std::tie(liveMoving, modelMoving) = renderBothAgain(*driver, dialect, live, intersection(open, liveMoving),
                                                            model, intersection(open, modelMoving), options);
        if (liveMoving.empty() && modelMoving.empty())
            break;
        // Only the tables rendered again can have changed (a whole comparison of
        // thousands of tables per round before: 25 ms at 5,000).
        std::set<std::string> moved = liveMoving;
        moved.insert(modelMoving.begin(), modelMoving.end());
        differences = withTablesComparedAgain(std::move(differences), model, live, moved, rules);
        std::set<std::string> next;
        for (const auto& name : tablesDifferingInExpressions(differences, model, live, rules))
            if (open.count(name) && (liveMoving.count(name) || modelMoving.count(name)))
                next.insert(name);
        open = std::move(next);
    }
    return differences;
}

/// The model as introspection would shape it (normalizeModel), with its domains in the
/// server's spelling: a domain is not a table, so the fixed point below does not reach
/// it, and a schema has few. The tables' expressions are rendered by the fixed point,
/// only where they differ from the live text.
Schema renderDomains(Driver& driver, const Dialect& dialect, Schema prepared, const IntrospectOptions& options)
{
    if (prepared.domains.empty())
        return prepared;
    Schema domains;
    domains.enums = prepared.enums;
    domains.domains = prepared.domains;
    prepared.domains = dialect.renderExpressionsAgain(driver, domains, options).domains;
    return prepared;
}

Schema prepareForCompare(Driver& driver, const Dialect& dialect, const Schema& models, const IntrospectOptions& options)
{
    return renderDomains(driver, dialect, dialect.normalizeModel(models), options);
}

bool sameSpelling(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string declaredText(const std::string& declared)
{
    return declared.empty() ? std::string("no type") : declared;
}

bool sameTypeFields(const Column& a, const Column& b)
{
    return a.type == b.type && a.length == b.length && a.precision == b.precision && a.scale == b.scale
        && a.enumName == b.enumName && a.sql == b.sql && a.arrayDims == b.arrayDims
        && a.autoincrement == b.autoincrement;
}

/// The columns both sides have whose types `rules` call equal but whose declared types
/// differ (ComparisonRules::declaredType), one note each, in the models' order.
std::vector<SchemaDifference> declaredTypeNotes(const Schema& live, const Schema& models, const ComparisonRules& rules)
{
    std::vector<SchemaDifference> notes;
    std::unordered_map<std::string_view, const Table*> liveTables;
    liveTables.reserve(live.tables.size());
    for (const Table& table : live.tables)
        liveTables.emplace(table.name, &table);
    for (const Table& model : models.tables) {
        const auto it = liveTables.find(model.name);
        if (it == liveTables.end())
            continue;
        for (const Column& column : model.columns) {
            const Column* liveColumn = it->second->findColumn(column.name);
            // A declared type is made of these fields alone: the same fields, the same
            // spelling (most columns; 60,000 at 5,000 tables, two strings each).
            if (!liveColumn || column.arrayDims != liveColumn->arrayDims || sameTypeFields(column, *liveColumn)
                || !rules.typesEqual(column, *liveColumn))
                continue;
            const std::string inModels = rules.declaredType(column);
            const std::string inDatabase = rules.declaredType(*liveColumn);
            if (sameSpelling(inModels, inDatabase))
                continue;
            std::string text = "column \"" + model.name + "\".\"" + column.name + "\" declared " + declaredText(inModels)
                             + " in the models, " + declaredText(inDatabase) + " in the database";
            if (const std::string sameClass = rules.typeClass(column); !sameClass.empty())
                text += " (both " + sameClass + ": stored alike, not drift)";
            notes.push_back({model.name, {}, std::move(text), column.name});
        }
    }
    return notes;
}

// `prepare` brings a model-level schema into introspection's shape: normalizeModel, or
// prepareModelForCompare when a connection is at hand (then `driver` is that connection,
// for the fixed point; null otherwise). Without `keepLive` the report's `live` stays
// empty and the compared live side is `live` itself, moved rather than copied, unless the
// behind-heads comparison below needs it again.
DriftReport compareWith(Schema live, const Dialect& dialect, Schema preparedModels,
                        const DriftHistory& history, const std::function<Schema(const Schema&)>& prepare,
                        Driver* driver, const IntrospectOptions& options, bool keepLive = true)
{
    DriftReport report;
    const bool mayCompareApplied = !history.pendingRevisions.empty() && history.appliedSchema;
    report.comparedLive = keepLive || mayCompareApplied ? withoutUnsupported(live) : withoutUnsupported(std::move(live));
    report.comparedModels = withoutUnsupported(std::move(preparedModels));
    report.differences = differencesAtFixedPoint(driver, dialect, report.comparedLive, report.comparedModels, options);
    for (const auto& difference : report.differences)
        report.findings.push_back(difference.text);
    report.declaredTypeNotes = declaredTypeNotes(report.comparedLive, report.comparedModels, dialect.rules());
    report.pendingRevisions = history.pendingRevisions;
    if (!report.findings.empty() && !history.pendingRevisions.empty() && history.appliedSchema) {
        // Prepared and compared the same way as the models: on PostgreSQL the replayed
        // CHECKs must be in the server's spelling too, or a database merely behind heads
        // looks drifted.
        Schema applied = withoutUnsupported(prepare(*history.appliedSchema));
        Schema liveAgain = withoutUnsupported(live);
        report.behindHeads = differencesAtFixedPoint(driver, dialect, liveAgain, applied, options).empty();
    }
    if (keepLive)
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
    Schema live = dialect.introspect(driver, options);
    return checkDrift(driver, std::move(live), dialect, models, options, history);
}

DriftReport checkDrift(Driver& driver, Schema live, const Dialect& dialect, const Schema& models,
                       const IntrospectOptions& options, const DriftHistory& history)
{
    // With a connection, the dialect may render the model's expressions the way the
    // server stores them (PostgreSQL rewrites CHECKs and defaults), so a freshly migrated
    // database never shows false drift.
    auto prepare = [&](const Schema& schema) { return prepareForCompare(driver, dialect, schema, options); };
    Schema prepared = prepare(models);
    return compareWith(std::move(live), dialect, std::move(prepared), history, prepare, &driver, options);
}

DriftReport checkDriftFindings(Driver& driver, Schema live, const Dialect& dialect, Schema&& models,
                               const IntrospectOptions& options, const DriftHistory& history)
{
    // Normalised in place (normalizeModel takes its schema by value): the models and
    // their normalised copy are never alive together.
    Schema prepared = renderDomains(driver, dialect, dialect.normalizeModel(std::move(models)), options);
    auto prepare = [&](const Schema& schema) { return prepareForCompare(driver, dialect, schema, options); };
    return compareWith(std::move(live), dialect, std::move(prepared), history, prepare, &driver, options, false);
}

} // namespace tempest
