#pragma once
// Typed schema operations (DESIGN.md "Operations"). One struct per kind, held in a
// std::variant so every switch over kinds is exhaustive at compile time. Every
// operation carries what its inverse needs: drops carry the definition they drop.

#include "core/ir/json.h"
#include "core/ir/schema.h"
#include "core/ops/phrase.h"
#include "core/ops/sequence_ops.h"

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace tempest {

struct CreateTable { Table definition; bool operator==(const CreateTable&) const = default; };
struct DropTable { Table definition; bool operator==(const DropTable&) const = default; };
struct RenameTable { std::string from, to; bool operator==(const RenameTable&) const = default; };
struct AddColumn { std::string table; Column definition; bool operator==(const AddColumn&) const = default; };
struct DropColumn { std::string table; Column definition; bool operator==(const DropColumn&) const = default; };
/// from/to are whole column definitions (same name; renames are RenameColumn).
struct AlterColumn { std::string table; Column from, to; bool operator==(const AlterColumn&) const = default; };
struct RenameColumn { std::string table, from, to; bool operator==(const RenameColumn&) const = default; };
struct CreateIndex { std::string table; Index definition; bool operator==(const CreateIndex&) const = default; };
struct DropIndex { std::string table; Index definition; bool operator==(const DropIndex&) const = default; };
struct AddUnique { std::string table; UniqueConstraint definition; bool operator==(const AddUnique&) const = default; };
struct DropUnique { std::string table; UniqueConstraint definition; bool operator==(const DropUnique&) const = default; };
struct AddForeignKey { std::string table; ForeignKey definition; bool operator==(const AddForeignKey&) const = default; };
struct DropForeignKey { std::string table; ForeignKey definition; bool operator==(const DropForeignKey&) const = default; };
struct AddCheck { std::string table; CheckConstraint definition; bool operator==(const AddCheck&) const = default; };
struct DropCheck { std::string table; CheckConstraint definition; bool operator==(const DropCheck&) const = default; };
struct AlterPrimaryKey {
    std::string table;
    std::vector<std::string> from, to;
    bool operator==(const AlterPrimaryKey&) const = default;
};
struct AlterTableComment {
    std::string table;
    std::optional<std::string> from, to;
    bool operator==(const AlterTableComment&) const = default;
};
struct CreateEnum { EnumType definition; bool operator==(const CreateEnum&) const = default; };
struct DropEnum { EnumType definition; bool operator==(const DropEnum&) const = default; };
/// `before`: the existing value the new one goes before; none = appended at the end.
struct AddEnumValue {
    std::string name, value;
    std::optional<std::string> before;
    bool operator==(const AddEnumValue&) const = default;
};
/// `before` records the value's position so that the inverse puts it back.
struct DropEnumValue {
    std::string name, value;
    std::optional<std::string> before;
    bool operator==(const DropEnumValue&) const = default;
};
struct RenameEnum { std::string from, to; bool operator==(const RenameEnum&) const = default; };
struct CreateDomain { Domain definition; bool operator==(const CreateDomain&) const = default; };
struct DropDomain { Domain definition; bool operator==(const DropDomain&) const = default; };
/// from/to are whole domain definitions with the same name and base type: what differs
/// is the default, NOT NULL and the checks (a base type change is drop + create).
struct AlterDomain { Domain from, to; bool operator==(const AlterDomain&) const = default; };
/// Hand-written: rebuild a table from one whole definition to another.
struct RecreateTable { Table from, to; bool operator==(const RecreateTable&) const = default; };
/// Escape hatch: SQL per dialect name ("sqlite", "postgresql"). No `down` = irreversible.
struct Execute {
    std::map<std::string, std::string> up;
    std::optional<std::map<std::string, std::string>> down;
    bool operator==(const Execute&) const = default;
};

using Operation = std::variant<CreateTable, DropTable, RenameTable, AddColumn, DropColumn,
                               AlterColumn, RenameColumn, CreateIndex, DropIndex, AddUnique,
                               DropUnique, AddForeignKey, DropForeignKey, AddCheck, DropCheck,
                               AlterPrimaryKey, AlterTableComment, CreateEnum, DropEnum,
                               AddEnumValue, DropEnumValue, RenameEnum, CreateDomain, DropDomain,
                               AlterDomain, CreateSequence, DropSequence, AlterSequence, RecreateTable,
                               Execute>;

/// "create_table", "add_column", ... (the JSON `kind`).
std::string_view operationKind(const Operation& op);
/// The table an operation touches (the new name for renames); empty for enum, domain and
/// sequence ops and execute.
std::string operationTable(const Operation& op);
/// One line for humans: `add column users.score (numeric(10,2))`.
std::string describe(const Operation& op);
/// describe() as a translatable pattern with its arguments (core/ops/phrase.h): Studio
/// shows it in the user's language; describe() is its English rendering.
Phrase describePhrase(const Operation& op);
/// True for operations that lose data when applied (drop table/column, narrowing types,
/// dropping an enum value): the Studio asks before applying them.
bool isDestructive(const Operation& op);

/// Thrown when an operation cannot be inverted (execute without `down`).
class IrreversibleError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The operation that undoes `op`. Throws IrreversibleError for execute without down.
Operation invert(const Operation& op);
/// The inverse of a list: each inverted, in reverse order.
std::vector<Operation> invert(const std::vector<Operation>& ops);
bool isReversible(const Operation& op);

/// Applies `op` to `schema` (replay). Throws InputError when it does not fit (a missing
/// table, an existing name): a migration file that does not match its history.
void applyOperation(Schema& schema, const Operation& op);
void applyOperations(Schema& schema, const std::vector<Operation>& ops);

Json operationToJson(const Operation& op);
/// Strict: unknown kind or key, wrong type → InputError with file and JSON path.
Operation operationFromJson(const Json& json, const std::string& file, const std::string& path);
Json operationsToJson(const std::vector<Operation>& ops);
/// Appends writeCompactJson(operationToJson(op)) to `out`, written from the operation
/// without building the JSON (the text a migration's checksum hashes).
void appendCompactOperationJson(const Operation& op, std::string& out);
std::vector<Operation> operationsFromJson(const Json& json, const std::string& file, const std::string& path);

} // namespace tempest

#include "core/ops/sequence_op_hooks.h"
