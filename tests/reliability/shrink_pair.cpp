// Shrinking a failing random pair: try one reduction at a time (a table, a column, a
// named item, a whole table's mutations undone) and keep it when the property still
// fails, until nothing more can go or the budget is spent.
#include "pair_property.h"

#include "core/ir/schema_json.h"

#include <algorithm>

namespace tempest::test {

namespace {

Table* counterpart(Schema& b, const std::string& nameInA)
{
    for (Table& t : b.tables)
        if (t.name == nameInA || (t.renamedFrom && *t.renamedFrom == nameInA))
            return &t;
    return nullptr;
}

template <typename Item>
bool eraseNamed(std::vector<Item>& items, const std::string& name)
{
    const auto before = items.size();
    std::erase_if(items, [&](const Item& item) { return item.name == name; });
    return items.size() != before;
}

/// "after upgrade", "upgrade failed", "r1:r2 --sql", "error", …: what comes before the
/// first colon.
std::string failureKind(const std::string& failure)
{
    return failure.substr(0, failure.find(':'));
}

/// Every smaller pair one step away from `pair`.
std::vector<SchemaPair> reductions(const SchemaPair& pair)
{
    std::vector<SchemaPair> out;
    auto emit = [&](SchemaPair candidate) {
        sanitizeSchema(candidate.a);
        sanitizeSchema(candidate.b);
        if (!candidate.a.tables.empty() || !candidate.b.tables.empty())
            out.push_back(std::move(candidate));
    };
    for (const Table& table : pair.a.tables) {
        SchemaPair c = pair;  // the table gone from both sides
        std::erase_if(c.a.tables, [&](const Table& t) { return t.name == table.name; });
        if (Table* other = counterpart(c.b, table.name))
            c.b.tables.erase(c.b.tables.begin() + (other - c.b.tables.data()));
        emit(std::move(c));
        if (Table* other = counterpart(const_cast<Schema&>(pair.b), table.name); other && !(*other == table)) {
            SchemaPair undone = pair;  // the table's changes undone
            Table* target = counterpart(undone.b, table.name);
            const std::string newName = target->name;
            *target = table;
            for (Table& t : undone.b.tables)
                for (ForeignKey& fk : t.foreignKeys)
                    if (fk.refTable == newName)
                        fk.refTable = table.name;
            emit(std::move(undone));
        }
    }
    for (const Table& table : pair.b.tables) {
        const bool inA = std::any_of(pair.a.tables.begin(), pair.a.tables.end(), [&](const Table& t) {
            return t.name == table.name || (table.renamedFrom && *table.renamedFrom == t.name);
        });
        if (!inA) {
            SchemaPair c = pair;
            std::erase_if(c.b.tables, [&](const Table& t) { return t.name == table.name; });
            emit(std::move(c));
        }
    }
    for (std::size_t ti = 0; ti < pair.a.tables.size(); ++ti) {
        const Table& table = pair.a.tables[ti];
        for (const Column& column : table.columns) {
            if (column.name == "id")
                continue;
            SchemaPair c = pair;
            std::erase_if(c.a.tables[ti].columns, [&](const Column& x) { return x.name == column.name; });
            if (Table* other = counterpart(c.b, table.name))
                std::erase_if(other->columns, [&](const Column& x) {
                    return x.name == column.name || (x.renamedFrom && *x.renamedFrom == column.name);
                });
            emit(std::move(c));
        }
        auto items = [&](auto member) {
            for (const auto& item : table.*member) {
                SchemaPair c = pair;
                eraseNamed(c.a.tables[ti].*member, item.name);
                if (Table* other = counterpart(c.b, table.name))
                    eraseNamed(other->*member, item.name);
                emit(std::move(c));
            }
        };
        items(&Table::indexes);
        items(&Table::uniques);
        items(&Table::foreignKeys);
        items(&Table::checks);
    }
    for (std::size_t ti = 0; ti < pair.b.tables.size(); ++ti) {
        const Table& table = pair.b.tables[ti];
        const Table* inA = nullptr;
        for (const Table& t : pair.a.tables)
            if (t.name == table.name || (table.renamedFrom && *table.renamedFrom == t.name))
                inA = &t;
        for (const Column& column : table.columns) {
            // Only columns B adds: dropping one of A's is a change the generator makes
            // only when its downgrade can bring the data back.
            if (column.name == "id" || (inA && (inA->findColumn(column.name)
                                                || (column.renamedFrom && inA->findColumn(*column.renamedFrom)))))
                continue;
            SchemaPair c = pair;
            std::erase_if(c.b.tables[ti].columns, [&](const Column& x) { return x.name == column.name; });
            emit(std::move(c));
        }
        auto items = [&](auto member) {
            for (const auto& item : table.*member) {
                SchemaPair c = pair;
                eraseNamed(c.b.tables[ti].*member, item.name);
                emit(std::move(c));
            }
        };
        items(&Table::indexes);
        items(&Table::uniques);
        items(&Table::foreignKeys);
        items(&Table::checks);
    }
    return out;
}

} // namespace

std::pair<SchemaPair, std::string> shrinkPair(SchemaPair pair, std::string failure, const PairProperty& property,
                                              int budget)
{
    for (bool progress = true; progress && budget > 0;) {
        progress = false;
        for (SchemaPair& candidate : reductions(pair)) {
            if (--budget < 0)
                break;
            // The same kind of failure ("after upgrade: …", "upgrade failed: …"): a
            // reduction that breaks the pair some other way (an enum a column no longer
            // finds) is not the same bug, smaller.
            if (auto smaller = property(candidate); smaller && failureKind(*smaller) == failureKind(failure)) {
                pair = std::move(candidate);
                failure = *smaller;
                progress = true;
                break;
            }
        }
    }
    return {std::move(pair), std::move(failure)};
}

std::string describeFailure(unsigned seed, const SchemaPair& pair, const std::string& failure)
{
    return "seed " + std::to_string(seed) + ": " + failure + "\nA: " + toJson(pair.a) + "B: " + toJson(pair.b);
}

} // namespace tempest::test
