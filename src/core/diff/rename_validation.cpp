// validateRenames(): --rename-table / --rename-column arguments checked against the two
// schemas before anything is diffed, so a typo is an input error (exit 2), not a
// silently ignored flag.

#include "core/diff/diff.h"
#include "core/ir/errors.h"

namespace tempest {
namespace {

std::string quoteName(std::string_view name)
{
    return "\"" + std::string(name) + "\"";
}

/// The current name of the table that `target` calls `name`, following a confirmed table
/// rename or a renamedFrom hint; `name` itself when it exists in `current`.
const Table* currentTableFor(const Schema& current, const Schema& target, const std::string& name,
                             const std::vector<RenameCandidate>& renames)
{
    if (const Table* table = current.findTable(name))
        return table;
    for (const RenameCandidate& rename : renames)
        if (rename.kind == RenameCandidate::Kind::Table && rename.to == name)
            return current.findTable(rename.from);
    if (const Table* table = target.findTable(name); table && table->renamedFrom)
        return current.findTable(*table->renamedFrom);
    return nullptr;
}

/// The target version of the table named `name` in either schema.
const Table* targetTableFor(const Schema& target, const std::string& name,
                            const std::vector<RenameCandidate>& renames)
{
    if (const Table* table = target.findTable(name))
        return table;
    for (const RenameCandidate& rename : renames)
        if (rename.kind == RenameCandidate::Kind::Table && rename.from == name)
            return target.findTable(rename.to);
    for (const Table& table : target.tables)
        if (table.renamedFrom == name)
            return &table;
    return nullptr;
}

void validateTableRename(const Schema& current, const Schema& target, const RenameCandidate& rename)
{
    const std::string what = "--rename-table " + rename.from + ":" + rename.to + ": ";
    if (!current.findTable(rename.from))
        throw InputError(what + "table " + quoteName(rename.from) + " does not exist in the current schema");
    if (!target.findTable(rename.to))
        throw InputError(what + "table " + quoteName(rename.to) + " does not exist in the models");
    if (current.findTable(rename.to))
        throw InputError(what + "table " + quoteName(rename.to) + " already exists in the current schema");
}

void validateColumnRename(const Schema& current, const Schema& target, const RenameCandidate& rename,
                          const std::vector<RenameCandidate>& renames)
{
    const std::string what = "--rename-column " + rename.table + "." + rename.from + ":" + rename.to + ": ";
    const Table* from = currentTableFor(current, target, rename.table, renames);
    const Table* to = targetTableFor(target, rename.table, renames);
    if (!from)
        throw InputError(what + "table " + quoteName(rename.table) + " does not exist in the current schema");
    if (!to)
        throw InputError(what + "table " + quoteName(rename.table) + " does not exist in the models");
    if (!from->findColumn(rename.from))
        throw InputError(what + "column " + quoteName(from->name + "." + rename.from)
                         + " does not exist in the current schema");
    if (!to->findColumn(rename.to))
        throw InputError(what + "column " + quoteName(to->name + "." + rename.to) + " does not exist in the models");
    if (from->findColumn(rename.to))
        throw InputError(what + "column " + quoteName(from->name + "." + rename.to)
                         + " already exists in the current schema");
}

} // namespace

void validateRenames(const Schema& current, const Schema& target, const std::vector<RenameCandidate>& renames)
{
    for (const RenameCandidate& rename : renames) {
        if (rename.kind == RenameCandidate::Kind::Table)
            validateTableRename(current, target, rename);
        else
            validateColumnRename(current, target, rename, renames);
    }
}

} // namespace tempest
