// diffSchemaDetailed(): plans renames, compares every table and enum, and emits the
// operations in phases ordered so that the list applies (and so does its inverse):
//
//   enum renames, creates, added values · created and altered domains (a domain over
//   another after it) · dropped/changed foreign keys · dropped/changed
//   indexes, uniques, checks · table then column renames · created tables (referenced
//   first) · added columns · altered columns and comments · primary keys · added
//   indexes, uniques, checks · added foreign keys · dropped columns · dropped tables
//   (referencing first) · dropped domains · dropped enum values and enums.
//
// Renames are applied to a working copy of `current` with applyOperations(), so the rest
// of the diff compares against exactly what replay will produce. Operations that run
// before the renames (the early drops) carry the definitions of `current`, which is what
// their inverses need to put back after the renames are undone.

#include "core/diff/dependency_order.h"
#include "core/diff/diff.h"
#include "core/diff/domain_diff.h"
#include "core/diff/enum_diff.h"
#include "core/diff/rename.h"
#include "core/diff/sequence_diff.h"
#include "core/diff/table_compare.h"
#include "core/ir/errors.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace tempest {
namespace {

using namespace diffdetail;

template <typename Named>
std::unordered_map<std::string_view, const Named*> indexByName(const std::vector<Named>& items)
{
    std::unordered_map<std::string_view, const Named*> index;
    index.reserve(items.size());
    for (const Named& item : items)
        index.emplace(item.name, &item);
    return index;
}

template <typename Item>
const Item* findNamed(const std::vector<Item>& items, std::string_view name)
{
    auto it = std::find_if(items.begin(), items.end(), [&](const Item& item) { return item.name == name; });
    return it == items.end() ? nullptr : &*it;
}

/// Operations grouped by the phase they run in; run() concatenates them in this order.
struct Phases {
    std::vector<Operation> enumsFirst;       // rename_enum, create_enum, add_enum_value
    std::vector<Operation> domainsFirst;     // create_domain, alter_domain
    std::vector<Operation> dropForeignKeys;
    std::vector<Operation> dropItems;        // indexes, uniques, checks
    std::vector<Operation> renames;          // tables, then columns
    std::vector<Operation> createTables;
    std::vector<Operation> addColumns;
    std::vector<Operation> alterColumns;     // and table comments
    std::vector<Operation> primaryKeys;
    std::vector<Operation> addItems;         // indexes, uniques, checks
    std::vector<Operation> addForeignKeys;
    std::vector<Operation> dropColumns;
    std::vector<Operation> dropTables;
    std::vector<Operation> dropDomains;
    std::vector<Operation> dropEnumValues;
    std::vector<Operation> dropEnums;

    std::vector<Operation> concatenate()
    {
        std::vector<Operation> all;
        for (auto* phase : {&enumsFirst, &domainsFirst, &dropForeignKeys, &dropItems, &renames, &createTables,
                            &addColumns, &alterColumns, &primaryKeys, &addItems, &addForeignKeys, &dropColumns,
                            &dropTables, &dropDomains, &dropEnumValues, &dropEnums})
            for (Operation& op : *phase)
                all.push_back(std::move(op));
        return all;
    }
};

/// Columns (and whether the primary/unique keys) of a surviving table that change.
struct KeyChanges {
    std::unordered_set<std::string> columns;
    bool keys = false;
};

struct MatchedTable {
    const Table* work;
    const Table* target;
    TableChanges changes;
};

class SchemaDiffer {
public:
    SchemaDiffer(const Schema& current, const Schema& target, const DiffOptions& options)
        : m_current(current), m_target(target), m_options(options),
          m_rules(options.rules ? *options.rules : exactRules())
    {
    }

    DiffResult run()
    {
        planRenames();
        if (m_rules.compareEnums()) {
            diffEnums();
            diffDomains();
        }
        diffSequences(*m_work, m_target, {m_phases.enumsFirst, m_phases.dropForeignKeys, m_phases.addForeignKeys,
                                         m_phases.dropEnums});
        compareTables();
        emitMatchedTables();
        emitCreatedTables();
        emitDroppedTables();
        m_result.operations = m_phases.concatenate();
        return std::move(m_result);
    }

private:
    /// Makes the work schema a copy of `current` that renames may change (once).
    void ownWork()
    {
        if (m_work == &m_workCopy)
            return;
        m_workCopy = m_current;
        m_work = &m_workCopy;
    }

    void planRenames()
    {
        std::vector<Operation> enumRenames;
        if (m_rules.compareEnums())
            enumRenames = planEnumRenames(m_current, m_target);
        std::vector<Operation> tableRenames = planTableRenames(m_current, m_target, m_options, m_rules, m_result);
        // Without renames the work schema is `current` itself: no copy of a whole schema
        // (thousands of tables at check's scale) for nothing to change.
        if (!enumRenames.empty() || !tableRenames.empty()) {
            ownWork();
            applyOperations(m_workCopy, enumRenames);
            applyOperations(m_workCopy, tableRenames);
        }
        for (const Operation& op : tableRenames) {
            const auto& rename = std::get<RenameTable>(op);
            m_oldNameOf.emplace(rename.to, rename.from);
        }

        m_currentTables = indexByName(m_current.tables);
        m_targetTables = indexByName(m_target.tables);
        auto workTables = indexByName(m_work->tables);
        std::vector<Operation> columnRenames;
        for (const Table& table : m_target.tables) {
            auto it = workTables.find(table.name);
            if (it == workTables.end())
                continue;
            auto ops = planColumnRenames(*it->second, table, oldName(table.name), m_options, m_rules, m_result);
            std::move(ops.begin(), ops.end(), std::back_inserter(columnRenames));
        }
        if (!columnRenames.empty()) {
            ownWork();
            applyOperations(m_workCopy, columnRenames);
        }
        m_workTables = indexByName(m_work->tables);

        m_phases.enumsFirst = std::move(enumRenames);
        m_phases.renames = std::move(tableRenames);
        std::move(columnRenames.begin(), columnRenames.end(), std::back_inserter(m_phases.renames));
    }

    void diffEnums()
    {
        const auto workEnums = indexByName(m_work->enums);
        for (const EnumType& type : m_target.enums) {
            auto it = workEnums.find(type.name);
            if (it == workEnums.end()) {
                EnumType definition = type;
                definition.renamedFrom.reset();
                m_phases.enumsFirst.push_back(CreateEnum{std::move(definition)});
            } else {
                diffEnumValues(*it->second, type, m_phases.enumsFirst, m_phases.dropEnumValues);
            }
        }
        const auto targetEnums = indexByName(m_target.enums);
        for (const EnumType& type : m_work->enums)
            if (!targetEnums.count(type.name))
                m_phases.dropEnums.push_back(DropEnum{type});
    }

    /// Created domains, and changed ones: a changed base type is drop + create (PostgreSQL
    /// cannot alter it), anything else one alter_domain. Dropped domains go after the
    /// tables that used them.
    void diffDomains()
    {
        std::vector<const Domain*> created, dropped;
        for (const Domain& domain : m_target.domains) {
            const Domain* existing = m_work->findDomain(domain.name);
            if (!existing) {
                created.push_back(&domain);
            } else if (!domainTypesEqual(*existing, domain, m_rules)) {
                m_phases.domainsFirst.push_back(DropDomain{*existing});
                created.push_back(&domain);
            } else if (!domainsEqual(*existing, domain, m_rules)) {
                m_phases.domainsFirst.push_back(AlterDomain{*existing, domain});
            }
        }
        for (std::size_t i : domainOrder(created))
            m_phases.domainsFirst.push_back(CreateDomain{*created[i]});
        for (const Domain& domain : m_work->domains)
            if (!m_target.findDomain(domain.name))
                dropped.push_back(&domain);
        const std::vector<std::size_t> order = domainOrder(dropped);
        for (auto it = order.rbegin(); it != order.rend(); ++it)
            m_phases.dropDomains.push_back(DropDomain{*dropped[*it]});
    }

    /// Pairs tables by name and records which surviving tables gain or lose keys and
    /// columns: foreign keys of created or dropped tables that touch them must wait for
    /// (or go before) those changes.
    void compareTables()
    {
        const IndexNames targetIndexNames = indexNamesOf(m_target);
        for (const Table& table : m_target.tables) {
            auto it = m_workTables.find(table.name);
            if (it == m_workTables.end()) {
                m_created.push_back(&table);
                for (const Index& index : table.indexes)
                    m_createdRelationNames.insert(index.name);
                for (const UniqueConstraint& unique : table.uniques)
                    m_createdRelationNames.insert(unique.name);
                continue;
            }
            TableChanges changes = compareTable(*it->second, table, m_rules, targetIndexNames);
            if (changes.empty())
                continue;
            refusePartitionChange(*it->second, table, changes);
            recordKeyChanges(table.name, changes);
            for (const Index* index : changes.indexes.added)
                m_createdRelationNames.insert(index->name);
            for (const UniqueConstraint* unique : changes.uniques.added)
                m_createdRelationNames.insert(unique->name);
            m_matched.push_back({it->second, &table, std::move(changes)});
        }
        for (const Table& table : m_work->tables)
            if (!m_targetTables.count(table.name))
                m_dropped.push_back(&table);
    }

    /// A table's partitioning is fixed at CREATE TABLE (docs/decisions.md): a change of
    /// partitionBy, partitionOf or partitionBound, or a table becoming or ceasing to be a
    /// partition, has no operation. Refused, naming the table and both spellings.
    static void refusePartitionChange(const Table& from, const Table& to, const TableChanges& changes)
    {
        auto text = [](const std::optional<std::string>& v) { return v ? "\"" + *v + "\"" : std::string("none"); };
        const std::string advice =
            ": PostgreSQL fixes a table's partitioning when the table is created, and tempest has no operation "
            "for it. Rename the table in the models (a new table is created; move the rows in a data migration, "
            "then drop the old one), or ATTACH/DETACH PARTITION by hand and re-introspect";
        if (changes.partitionByChanged)
            throw InputError("partition key of table \"" + to.name + "\" changed: " + text(from.partitionBy) + " → "
                             + text(to.partitionBy) + advice);
        if (changes.partitionOfChanged) {
            if (!from.partitionOf || !to.partitionOf)
                throw InputError("table \"" + to.name + "\" " + (to.partitionOf ? "becomes" : "ceases to be")
                                 + " a partition: partitionOf " + text(from.partitionOf) + " → " + text(to.partitionOf)
                                 + advice);
            throw InputError("partition \"" + to.name + "\" changed: partitionOf " + text(from.partitionOf) + " → "
                             + text(to.partitionOf) + ", partitionBound " + text(from.partitionBound) + " → "
                             + text(to.partitionBound) + advice);
        }
    }

    /// What a foreign key elsewhere may depend on: the referenced columns and the table's
    /// primary key and unique keys.
    void recordKeyChanges(const std::string& table, const TableChanges& changes)
    {
        auto uniqueIndex = [](const Index* index) { return index->unique; };
        const bool keysGained = changes.primaryKeyChanged || !changes.uniques.added.empty()
            || std::any_of(changes.indexes.added.begin(), changes.indexes.added.end(), uniqueIndex);
        const bool keysLost = changes.primaryKeyChanged || !changes.uniques.removed.empty()
            || std::any_of(changes.indexes.removed.begin(), changes.indexes.removed.end(), uniqueIndex);
        KeyChanges gains{{}, keysGained};
        KeyChanges losses{{}, keysLost};
        for (const Column* column : changes.addedColumns)
            gains.columns.insert(column->name);
        for (const Column* column : changes.droppedColumns)
            losses.columns.insert(column->name);
        for (const auto& [from, to] : changes.alteredColumns) {
            gains.columns.insert(to->name);
            losses.columns.insert(from->name);
        }
        if (gains.keys || !gains.columns.empty())
            m_gains.emplace(table, std::move(gains));
        if (losses.keys || !losses.columns.empty())
            m_losses.emplace(table, std::move(losses));
    }

    static bool touches(const std::unordered_map<std::string, KeyChanges>& changes, const ForeignKey& fk)
    {
        auto it = changes.find(fk.refTable);
        if (it == changes.end())
            return false;
        return it->second.keys || std::any_of(fk.refColumns.begin(), fk.refColumns.end(), [&](const std::string& c) {
                   return it->second.columns.count(c) > 0;
               });
    }

    void emitMatchedTables()
    {
        for (const MatchedTable& matched : m_matched) {
            const Table& work = *matched.work;
            const Table& target = *matched.target;
            const TableChanges& changes = matched.changes;
            const std::string& name = target.name;
            // Early drops run before the renames: old table name, old definitions.
            const std::string& before = oldName(name);
            const Table* original = m_currentTables.at(before);
            for (const ForeignKey* fk : changes.foreignKeys.removed)
                m_phases.dropForeignKeys.push_back(DropForeignKey{before, originalItem(original->foreignKeys, *fk)});
            for (const Index* index : changes.indexes.removed)
                m_phases.dropItems.push_back(DropIndex{before, originalItem(original->indexes, *index)});
            for (const UniqueConstraint* unique : changes.uniques.removed)
                m_phases.dropItems.push_back(DropUnique{before, originalItem(original->uniques, *unique)});
            for (const CheckConstraint* check : changes.checks.removed)
                m_phases.dropItems.push_back(DropCheck{before, originalItem(original->checks, *check)});

            for (const Column* column : changes.addedColumns)
                m_phases.addColumns.push_back(AddColumn{name, withoutHints(*column)});
            for (const auto& [from, to] : changes.alteredColumns)
                m_phases.alterColumns.push_back(AlterColumn{name, withoutHints(*from), withoutHints(*to)});
            if (changes.commentChanged)
                m_phases.alterColumns.push_back(AlterTableComment{name, work.comment, target.comment});
            if (changes.primaryKeyChanged)
                m_phases.primaryKeys.push_back(AlterPrimaryKey{name, work.primaryKey, target.primaryKey});
            for (const Index* index : changes.indexes.added)
                m_phases.addItems.push_back(CreateIndex{name, *index});
            for (const UniqueConstraint* unique : changes.uniques.added)
                m_phases.addItems.push_back(AddUnique{name, *unique});
            for (const CheckConstraint* check : changes.checks.added)
                m_phases.addItems.push_back(AddCheck{name, *check});
            for (const ForeignKey* fk : changes.foreignKeys.added)
                m_phases.addForeignKeys.push_back(AddForeignKey{name, *fk});
            for (const Column* column : changes.droppedColumns)
                m_phases.dropColumns.push_back(DropColumn{name, withoutHints(*column)});
        }
    }

    /// Referenced tables first. A foreign key that closes a cycle between new tables, or
    /// that points at a surviving table whose columns or keys change in this diff, is
    /// added after the create (the referenced side must exist in its final shape first).
    void emitCreatedTables()
    {
        const DependencyOrder order = dependencyOrder(m_created);
        std::unordered_set<std::string> deferred;
        for (const auto& [table, fk] : order.cycleKeys)
            deferred.insert(table + '\0' + fk);
        for (std::size_t i : order.order) {
            Table definition = withoutHints(*m_created[i]);
            std::vector<ForeignKey> inline_;
            for (ForeignKey& fk : definition.foreignKeys) {
                if (deferred.count(definition.name + '\0' + fk.name) || touches(m_gains, fk))
                    m_phases.addForeignKeys.push_back(AddForeignKey{definition.name, std::move(fk)});
                else
                    inline_.push_back(std::move(fk));
            }
            definition.foreignKeys = std::move(inline_);
            m_phases.createTables.push_back(CreateTable{std::move(definition)});
        }
    }

    /// Referencing tables first. Foreign keys that close a cycle between dropped tables,
    /// or that point at a surviving table losing columns or keys, are dropped up front;
    /// indexes and uniques whose names are about to be reused (names are global to a
    /// database) likewise. A dropped table's definition is otherwise the whole table.
    void emitDroppedTables()
    {
        const DependencyOrder order = dependencyOrder(m_dropped);
        std::unordered_set<std::string> early;
        for (const auto& [table, fk] : order.cycleKeys)
            early.insert(table + '\0' + fk);
        for (auto it = order.order.rbegin(); it != order.order.rend(); ++it) {
            Table definition = withoutHints(*m_dropped[*it]);
            const Table& original = *m_currentTables.at(definition.name);
            std::erase_if(definition.foreignKeys, [&](const ForeignKey& fk) {
                if (!early.count(definition.name + '\0' + fk.name) && !touches(m_losses, fk))
                    return false;
                m_phases.dropForeignKeys.push_back(DropForeignKey{definition.name, originalItem(original.foreignKeys, fk)});
                return true;
            });
            std::erase_if(definition.indexes, [&](const Index& index) {
                if (!m_createdRelationNames.count(index.name))
                    return false;
                m_phases.dropItems.push_back(DropIndex{definition.name, originalItem(original.indexes, index)});
                return true;
            });
            std::erase_if(definition.uniques, [&](const UniqueConstraint& unique) {
                if (!m_createdRelationNames.count(unique.name))
                    return false;
                m_phases.dropItems.push_back(DropUnique{definition.name, originalItem(original.uniques, unique)});
                return true;
            });
            m_phases.dropTables.push_back(DropTable{std::move(definition)});
        }
    }

    const std::string& oldName(const std::string& name) const
    {
        auto it = m_oldNameOf.find(name);
        return it == m_oldNameOf.end() ? name : it->second;
    }

    /// The definition an item had in `current` (before renames rewrote its columns).
    template <typename Item>
    static Item originalItem(const std::vector<Item>& originals, const Item& item)
    {
        const Item* original = findNamed(originals, item.name);
        return original ? *original : item;
    }

    const Schema& m_current;
    const Schema& m_target;
    const DiffOptions& m_options;
    const ComparisonRules& m_rules;
    DiffResult m_result;
    Phases m_phases;
    /// `current` with the renames applied: what the rest of the diff compares — `current`
    /// itself when nothing is renamed, else m_workCopy.
    const Schema* m_work = &m_current;
    Schema m_workCopy;
    std::unordered_map<std::string, std::string> m_oldNameOf;  // renamed table: new → old
    std::unordered_map<std::string_view, const Table*> m_currentTables;
    std::unordered_map<std::string_view, const Table*> m_workTables;
    std::unordered_map<std::string_view, const Table*> m_targetTables;
    std::vector<MatchedTable> m_matched;
    std::vector<const Table*> m_created;
    std::vector<const Table*> m_dropped;
    /// Surviving tables whose referenceable columns or keys change, by table name.
    std::unordered_map<std::string, KeyChanges> m_gains;
    std::unordered_map<std::string, KeyChanges> m_losses;
    std::unordered_set<std::string> m_createdRelationNames;
};

} // namespace

DiffResult diffSchemaDetailed(const Schema& current, const Schema& target, const DiffOptions& options)
{
    if (!options.confirmedRenames.empty())
        validateRenames(current, target, options.confirmedRenames);
    return SchemaDiffer(current, target, options).run();
}

std::vector<Operation> diffSchema(const Schema& current, const Schema& target, const DiffOptions& options)
{
    return diffSchemaDetailed(current, target, options).operations;
}

} // namespace tempest
