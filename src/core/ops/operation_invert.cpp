// invert(): the operation that undoes another (DESIGN.md's operations table). A down
// migration is the up list inverted in reverse order, never a second diff.

#include "core/ops/operation.h"

namespace tempest {
namespace {

Operation inverse(const CreateTable& op) { return DropTable{op.definition}; }
Operation inverse(const DropTable& op) { return CreateTable{op.definition}; }
Operation inverse(const RenameTable& op) { return RenameTable{op.to, op.from}; }
Operation inverse(const AddColumn& op) { return DropColumn{op.table, op.definition}; }
Operation inverse(const DropColumn& op) { return AddColumn{op.table, op.definition}; }
Operation inverse(const AlterColumn& op) { return AlterColumn{op.table, op.to, op.from}; }
Operation inverse(const RenameColumn& op) { return RenameColumn{op.table, op.to, op.from}; }
Operation inverse(const CreateIndex& op) { return DropIndex{op.table, op.definition}; }
Operation inverse(const DropIndex& op) { return CreateIndex{op.table, op.definition}; }
Operation inverse(const AddUnique& op) { return DropUnique{op.table, op.definition}; }
Operation inverse(const DropUnique& op) { return AddUnique{op.table, op.definition}; }
Operation inverse(const AddForeignKey& op) { return DropForeignKey{op.table, op.definition}; }
Operation inverse(const DropForeignKey& op) { return AddForeignKey{op.table, op.definition}; }
Operation inverse(const AddCheck& op) { return DropCheck{op.table, op.definition}; }
Operation inverse(const DropCheck& op) { return AddCheck{op.table, op.definition}; }
Operation inverse(const AlterPrimaryKey& op) { return AlterPrimaryKey{op.table, op.to, op.from}; }
Operation inverse(const AlterTableComment& op) { return AlterTableComment{op.table, op.to, op.from}; }
Operation inverse(const CreateEnum& op) { return DropEnum{op.definition}; }
Operation inverse(const DropEnum& op) { return CreateEnum{op.definition}; }
Operation inverse(const AddEnumValue& op) { return DropEnumValue{op.name, op.value, op.before}; }
Operation inverse(const DropEnumValue& op) { return AddEnumValue{op.name, op.value, op.before}; }
Operation inverse(const RenameEnum& op) { return RenameEnum{op.to, op.from}; }
Operation inverse(const CreateDomain& op) { return DropDomain{op.definition}; }
Operation inverse(const DropDomain& op) { return CreateDomain{op.definition}; }
Operation inverse(const AlterDomain& op) { return AlterDomain{op.to, op.from}; }
Operation inverse(const RecreateTable& op) { return RecreateTable{op.to, op.from}; }

Operation inverse(const Execute& op)
{
    if (!op.down)
        throw IrreversibleError("execute has no down SQL: the operation cannot be reverted");
    return Execute{*op.down, op.up};
}

} // namespace

Operation invert(const Operation& op)
{
    return std::visit([](const auto& o) { return inverse(o); }, op);
}

std::vector<Operation> invert(const std::vector<Operation>& ops)
{
    std::vector<Operation> out;
    out.reserve(ops.size());
    for (auto it = ops.rbegin(); it != ops.rend(); ++it)
        out.push_back(invert(*it));
    return out;
}

bool isReversible(const Operation& op)
{
    const auto* execute = std::get_if<Execute>(&op);
    return !execute || execute->down.has_value();
}

} // namespace tempest
