// The Op facade: each call appends one operation, so hand-written migrations read as a
// chain of steps.

#include "core/ops/op_facade.h"

namespace tempest {

Op& Op::add(Operation op)
{
    m_ops.push_back(std::move(op));
    return *this;
}

Op& Op::createTable(Table definition) { return add(CreateTable{std::move(definition)}); }
Op& Op::dropTable(Table definition) { return add(DropTable{std::move(definition)}); }
Op& Op::renameTable(std::string from, std::string to) { return add(RenameTable{std::move(from), std::move(to)}); }

Op& Op::addColumn(std::string table, Column definition)
{
    return add(AddColumn{std::move(table), std::move(definition)});
}

Op& Op::dropColumn(std::string table, Column definition)
{
    return add(DropColumn{std::move(table), std::move(definition)});
}

Op& Op::alterColumn(std::string table, Column from, Column to)
{
    return add(AlterColumn{std::move(table), std::move(from), std::move(to)});
}

Op& Op::renameColumn(std::string table, std::string from, std::string to)
{
    return add(RenameColumn{std::move(table), std::move(from), std::move(to)});
}

Op& Op::createIndex(std::string table, Index definition)
{
    return add(CreateIndex{std::move(table), std::move(definition)});
}

Op& Op::dropIndex(std::string table, Index definition)
{
    return add(DropIndex{std::move(table), std::move(definition)});
}

Op& Op::addUnique(std::string table, UniqueConstraint definition)
{
    return add(AddUnique{std::move(table), std::move(definition)});
}

Op& Op::dropUnique(std::string table, UniqueConstraint definition)
{
    return add(DropUnique{std::move(table), std::move(definition)});
}

Op& Op::addForeignKey(std::string table, ForeignKey definition)
{
    return add(AddForeignKey{std::move(table), std::move(definition)});
}

Op& Op::dropForeignKey(std::string table, ForeignKey definition)
{
    return add(DropForeignKey{std::move(table), std::move(definition)});
}

Op& Op::addCheck(std::string table, CheckConstraint definition)
{
    return add(AddCheck{std::move(table), std::move(definition)});
}

Op& Op::dropCheck(std::string table, CheckConstraint definition)
{
    return add(DropCheck{std::move(table), std::move(definition)});
}

Op& Op::alterPrimaryKey(std::string table, std::vector<std::string> from, std::vector<std::string> to)
{
    return add(AlterPrimaryKey{std::move(table), std::move(from), std::move(to)});
}

Op& Op::alterTableComment(std::string table, std::optional<std::string> from, std::optional<std::string> to)
{
    return add(AlterTableComment{std::move(table), std::move(from), std::move(to)});
}

Op& Op::createEnum(EnumType definition) { return add(CreateEnum{std::move(definition)}); }
Op& Op::dropEnum(EnumType definition) { return add(DropEnum{std::move(definition)}); }

Op& Op::addEnumValue(std::string name, std::string value, std::optional<std::string> before)
{
    return add(AddEnumValue{std::move(name), std::move(value), std::move(before)});
}

Op& Op::dropEnumValue(std::string name, std::string value, std::optional<std::string> before)
{
    return add(DropEnumValue{std::move(name), std::move(value), std::move(before)});
}

Op& Op::renameEnum(std::string from, std::string to) { return add(RenameEnum{std::move(from), std::move(to)}); }
Op& Op::createDomain(Domain definition) { return add(CreateDomain{std::move(definition)}); }
Op& Op::dropDomain(Domain definition) { return add(DropDomain{std::move(definition)}); }
Op& Op::alterDomain(Domain from, Domain to) { return add(AlterDomain{std::move(from), std::move(to)}); }
Op& Op::recreateTable(Table from, Table to) { return add(RecreateTable{std::move(from), std::move(to)}); }

Op& Op::execute(std::map<std::string, std::string> up, std::optional<std::map<std::string, std::string>> down)
{
    return add(Execute{std::move(up), std::move(down)});
}

} // namespace tempest
