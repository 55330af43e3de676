#pragma once
// The non-template half of the model API: what a column() or a table item says, in
// plain values, and the assembly of those values into IR (synthesised names, primary
// key, enums, the checks that need more than one column to see). The templates in
// column.h and table.h only type-check and translate into these values, so the rules
// live in one compiled place.

#include "core/ir/schema.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tempest::model::detail {

/// Where the IR of C++ models comes from, as InputError names it.
inline constexpr const char* kModelSource = "C++ models";

/// A column's FK target, resolved to names.
struct ReferenceDraft {
    std::string table;
    std::string column;
    FkAction onDelete = FkAction::NoAction;
    FkAction onUpdate = FkAction::NoAction;
};

/// One column() as values: the IR column plus what it asks of its table.
struct ColumnDraft {
    Column column;
    bool primaryKey = false;
    bool explicitNullable = false;  // nullable() was written
    bool unique = false;
    bool index = false;
    std::optional<std::string> check;
    std::optional<ReferenceDraft> reference;
    std::optional<EnumType> enumType;
    /// enumType<E>: each enumerator's underlying value and its IR string.
    std::vector<std::pair<long long, std::string>> enumerators;
    /// defaultValue(E::x) on an enum class member, resolved through `enumerators`.
    std::optional<long long> enumeratorDefault;
};

/// A table being assembled, items in declaration order.
struct TableDraft {
    Table table;
    std::vector<EnumType> enums;
    std::vector<std::string> enumColumns;  // "table.column" that declared each enum
    std::vector<std::string> columnPrimaryKey;
    std::vector<std::string> explicitNullable;
    bool tablePrimaryKey = false;

    explicit TableDraft(std::string name) { table.name = std::move(name); }
};

/// Appends a column and the items it implies (uq_/ix_/fk_/ck_<table>_<column>).
/// Throws InputError for an enumerator default missing from the value list.
void addColumn(TableDraft& draft, ColumnDraft column);

void setTablePrimaryKey(TableDraft& draft, std::vector<std::string> columns);
void addIndex(TableDraft& draft, Index index);
void addUnique(TableDraft& draft, UniqueConstraint unique);
void addForeignKey(TableDraft& draft, ForeignKey fk);
void addCheck(TableDraft& draft, CheckConstraint check);
void setTableComment(TableDraft& draft, std::string comment);
void setTableRenamedFrom(TableDraft& draft, std::string name);

/// Resolves the primary key (column-level primaryKey() or table-level primaryKey({...}),
/// not both; its columns become NOT NULL) and rejects names used twice in the table.
/// Throws InputError naming the table's JSON path.
void finishTable(TableDraft& draft);

/// Puts the tables and their enums into one schema: an enum declared by several
/// columns must list the same values each time; index names are unique across the
/// schema (SQLite and PostgreSQL both require it). Then validateSchema. Throws InputError.
Schema assembleSchema(std::vector<TableDraft> tables);

/// reflectTable's result: validated as far as one table can be on its own (a foreign
/// key's own columns, not the table it references, which is not at hand). Throws
/// InputError.
Table finishStandaloneTable(TableDraft draft);

/// JSON path of a column, for errors raised while translating it.
std::string columnPath(const std::string& table, const std::string& column);

/// The JSON number text of a default literal: the shortest text that reads back as the
/// same value. Throws InputError for NaN and infinities, which JSON cannot write.
std::string numberText(long long value);
std::string numberText(double value);

} // namespace tempest::model::detail
