// operationKind and operationTable: the two facts every consumer of an operation list
// (runner logs, the SQLite rebuild grouping, the Studio) asks first.

#include "core/ops/operation.h"
#include "core/ops/operation_kind_names.h"

#include <type_traits>

namespace tempest {

std::string_view operationKind(const Operation& op)
{
    return std::visit([](const auto& o) { return detail::kindName(o); }, op);
}

std::string operationTable(const Operation& op)
{
    return std::visit(
        [](const auto& o) -> std::string {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, CreateTable> || std::is_same_v<T, DropTable>)
                return o.definition.name;
            else if constexpr (std::is_same_v<T, RenameTable>)
                return o.to;
            else if constexpr (std::is_same_v<T, RecreateTable>)
                return o.to.name;
            else if constexpr (std::is_same_v<T, CreateEnum> || std::is_same_v<T, DropEnum>
                               || std::is_same_v<T, AddEnumValue> || std::is_same_v<T, DropEnumValue>
                               || std::is_same_v<T, RenameEnum> || std::is_same_v<T, Execute>
                               || std::is_same_v<T, CreateDomain> || std::is_same_v<T, DropDomain>
                               || std::is_same_v<T, AlterDomain> || isSequenceOperation<T>)
                return {};
            else
                return o.table;
        },
        op);
}

} // namespace tempest
