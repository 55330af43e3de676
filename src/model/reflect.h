#pragma once
// reflectTable<S>() and reflectSchema<S...>(): the IR of C++ models, built from each
// Model<S>::define() and validated like IR read from a file.

#include "core/ir/errors.h"
#include "core/ir/schema.h"
#include "model/column_draft.h"
#include "model/table.h"
#include "model/table_draft.h"

#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace tempest::model {

namespace detail {

template <typename S, typename M, typename... A>
void addItem(TableDraft& draft, const ColumnDef<S, M, A...>& def)
{
    ColumnDraft column;
    try {
        column = toColumnDraft(def);
    } catch (const InputError& e) {
        throw InputError(e.message(), kModelSource, columnPath(draft.table.name, def.name));
    }
    addColumn(draft, std::move(column));
}
inline void addItem(TableDraft& draft, const PrimaryKeyItem& item) { setTablePrimaryKey(draft, item.columns); }
inline void addItem(TableDraft& draft, const IndexItem& item) { addIndex(draft, item.index); }
inline void addItem(TableDraft& draft, const UniqueItem& item) { addUnique(draft, item.unique); }
inline void addItem(TableDraft& draft, const ForeignKeyItem& item) { addForeignKey(draft, item.fk); }
inline void addItem(TableDraft& draft, const CheckItem& item) { addCheck(draft, item.check); }
inline void addItem(TableDraft& draft, const Comment& item) { setTableComment(draft, item.text); }
inline void addItem(TableDraft& draft, const RenamedFrom& item) { setTableRenamedFrom(draft, item.name); }
inline void addItem(TableDraft& draft, const PartitionByItem& item) { draft.table.partitionBy = item.key; }
inline void addItem(TableDraft& draft, const PartitionOfItem& item)
{
    draft.table.partitionOf = item.parent;
    draft.table.partitionBound = item.bound;
}

template <typename S>
TableDraft reflectTableDraft()
{
    static_assert(HasModel<S>, "tempest: reflecting S needs a specialisation tempest::Model<S> whose static "
                               "define() returns tempest::model::table<S>(...)");
    const auto def = Model<S>::define();
    static_assert(std::is_same_v<typename std::remove_cvref_t<decltype(def)>::Struct, S>,
                  "tempest: Model<S>::define() must return table<S>(...) for the same S");
    TableDraft draft(def.name);
    std::apply([&](const auto&... items) { (addItem(draft, items), ...); }, def.items);
    finishTable(draft);
    return draft;
}

} // namespace detail

/// The IR table of model S. Enum columns name their enum; the enum values themselves
/// are in reflectSchema's `enums`. Throws InputError for what the compiler cannot see
/// (a primary key declared twice, a name used twice, an unknown column in an item).
template <typename S>
Table reflectTable()
{
    return detail::finishStandaloneTable(detail::reflectTableDraft<S>());
}

/// The IR schema of models S..., tables in the order given, enums in the order their
/// first column declares them; validated with validateSchema (a foreign key to a table
/// outside S..., an enum declared with different values). Throws InputError.
template <typename... S>
Schema reflectSchema()
{
    std::vector<detail::TableDraft> tables;
    (tables.push_back(detail::reflectTableDraft<S>()), ...);
    return detail::assembleSchema(std::move(tables));
}

} // namespace tempest::model

namespace tempest {
using model::reflectSchema;
using model::reflectTable;
} // namespace tempest
