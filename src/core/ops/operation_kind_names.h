#pragma once
// The JSON `kind` of each operation struct, as overloads rather than a table indexed by
// variant position: adding an alternative without a name is a compile error, and the
// reader finds the struct for a name by walking the variant's alternatives.

#include "core/ops/operation.h"

#include <string_view>

namespace tempest::detail {

constexpr std::string_view kindName(const CreateTable&) { return "create_table"; }
constexpr std::string_view kindName(const DropTable&) { return "drop_table"; }
constexpr std::string_view kindName(const RenameTable&) { return "rename_table"; }
constexpr std::string_view kindName(const AddColumn&) { return "add_column"; }
constexpr std::string_view kindName(const DropColumn&) { return "drop_column"; }
constexpr std::string_view kindName(const AlterColumn&) { return "alter_column"; }
constexpr std::string_view kindName(const RenameColumn&) { return "rename_column"; }
constexpr std::string_view kindName(const CreateIndex&) { return "create_index"; }
constexpr std::string_view kindName(const DropIndex&) { return "drop_index"; }
constexpr std::string_view kindName(const AddUnique&) { return "add_unique"; }
constexpr std::string_view kindName(const DropUnique&) { return "drop_unique"; }
constexpr std::string_view kindName(const AddForeignKey&) { return "add_foreign_key"; }
constexpr std::string_view kindName(const DropForeignKey&) { return "drop_foreign_key"; }
constexpr std::string_view kindName(const AddCheck&) { return "add_check"; }
constexpr std::string_view kindName(const DropCheck&) { return "drop_check"; }
constexpr std::string_view kindName(const AlterPrimaryKey&) { return "alter_primary_key"; }
constexpr std::string_view kindName(const AlterTableComment&) { return "alter_table_comment"; }
constexpr std::string_view kindName(const CreateEnum&) { return "create_enum"; }
constexpr std::string_view kindName(const DropEnum&) { return "drop_enum"; }
constexpr std::string_view kindName(const AddEnumValue&) { return "add_enum_value"; }
constexpr std::string_view kindName(const DropEnumValue&) { return "drop_enum_value"; }
constexpr std::string_view kindName(const RenameEnum&) { return "rename_enum"; }
constexpr std::string_view kindName(const CreateDomain&) { return "create_domain"; }
constexpr std::string_view kindName(const DropDomain&) { return "drop_domain"; }
constexpr std::string_view kindName(const AlterDomain&) { return "alter_domain"; }
constexpr std::string_view kindName(const RecreateTable&) { return "recreate_table"; }
constexpr std::string_view kindName(const Execute&) { return "execute"; }

} // namespace tempest::detail
