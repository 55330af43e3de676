#pragma once
// The Op facade: how a hand-written (or generated C++) migration lists its operations.
//   Op op;
//   op.createTable(users).addColumn("users", score).createIndex("users", ix);
//   runner.addMigration(..., op.operations());

#include "core/ops/operation.h"

namespace tempest {

class Op {
public:
    Op& createTable(Table definition);
    Op& dropTable(Table definition);
    Op& renameTable(std::string from, std::string to);
    Op& addColumn(std::string table, Column definition);
    Op& dropColumn(std::string table, Column definition);
    Op& alterColumn(std::string table, Column from, Column to);
    Op& renameColumn(std::string table, std::string from, std::string to);
    Op& createIndex(std::string table, Index definition);
    Op& dropIndex(std::string table, Index definition);
    Op& addUnique(std::string table, UniqueConstraint definition);
    Op& dropUnique(std::string table, UniqueConstraint definition);
    Op& addForeignKey(std::string table, ForeignKey definition);
    Op& dropForeignKey(std::string table, ForeignKey definition);
    Op& addCheck(std::string table, CheckConstraint definition);
    Op& dropCheck(std::string table, CheckConstraint definition);
    Op& alterPrimaryKey(std::string table, std::vector<std::string> from, std::vector<std::string> to);
    Op& alterTableComment(std::string table, std::optional<std::string> from, std::optional<std::string> to);
    Op& createEnum(EnumType definition);
    Op& dropEnum(EnumType definition);
    Op& addEnumValue(std::string name, std::string value, std::optional<std::string> before = {});
    Op& dropEnumValue(std::string name, std::string value, std::optional<std::string> before = {});
    Op& renameEnum(std::string from, std::string to);
    Op& createDomain(Domain definition);
    Op& dropDomain(Domain definition);
    Op& alterDomain(Domain from, Domain to);
    Op& recreateTable(Table from, Table to);
    Op& execute(std::map<std::string, std::string> up,
                std::optional<std::map<std::string, std::string>> down = {});
    Op& add(Operation op);

    const std::vector<Operation>& operations() const { return m_ops; }
    std::vector<Operation> take() { return std::move(m_ops); }

private:
    std::vector<Operation> m_ops;
};

} // namespace tempest
