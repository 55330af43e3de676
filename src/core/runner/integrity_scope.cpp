#include "core/runner/integrity_scope.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace tempest {

namespace {

std::string folded(std::string_view name)
{
    std::string out(name);
    for (auto& c : out)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

template <typename... T>
bool holds(const Operation& op)
{
    return (std::holds_alternative<T>(op) || ...);
}

} // namespace

bool canBreakChildren(const Operation& op)
{
    return holds<DropTable, RenameTable, AlterColumn, DropColumn, RenameColumn, AlterPrimaryKey, DropUnique,
                 DropIndex, RecreateTable, Execute>(op);
}

IntegrityScope integrityScope(const std::vector<Operation>& ops, const Schema& schema,
                              const ForeignKeyEdges* liveEdges)
{
    IntegrityScope scope;
    std::set<std::string> changed;  // folded names
    std::set<std::string> tables;   // as spelled
    bool children = false;
    auto add = [&](const std::string& name) {
        if (name.empty())
            return;
        changed.insert(folded(name));
        tables.insert(name);
    };
    for (const auto& op : ops) {
        if (std::holds_alternative<Execute>(op)) {
            scope.wholeDatabase = true;
            return scope;
        }
        add(operationTable(op));
        if (const auto* fk = std::get_if<AddForeignKey>(&op))
            add(fk->definition.refTable);
        if (const auto* rt = std::get_if<RenameTable>(&op))
            add(rt->from);
        if (const auto* rt = std::get_if<RecreateTable>(&op))
            add(rt->from.name);
        children = children || canBreakChildren(op);
    }
    if (children) {
        for (const auto& table : schema.tables)
            for (const auto& fk : table.foreignKeys)
                if (changed.count(folded(fk.refTable)))
                    tables.insert(table.name);
        if (liveEdges)
            for (const auto& [child, parent] : *liveEdges)
                if (changed.count(folded(parent)))
                    tables.insert(child);
    }
    // One spelling per table, whatever case each source used.
    std::set<std::string> seen;
    for (const auto& t : tables)
        if (seen.insert(folded(t)).second)
            scope.tables.push_back(t);
    return scope;
}

void applyRenames(ForeignKeyEdges& edges, const std::vector<Operation>& ops)
{
    for (const auto& op : ops) {
        const auto* rt = std::get_if<RenameTable>(&op);
        if (!rt)
            continue;
        const std::string from = folded(rt->from);
        for (auto& [child, parent] : edges) {
            if (folded(child) == from)
                child = rt->to;
            if (folded(parent) == from)
                parent = rt->to;
        }
    }
}

} // namespace tempest
