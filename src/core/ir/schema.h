#pragma once
// The dialect-independent Schema IR (DESIGN.md "Schema IR JSON"). Plain values: every
// struct compares with ==, which is *exact* structural equality. Dialect-aware
// equality (affinity, synonyms, ignored comments) is schemaEquals() in core/diff.
//
// Named items keep declaration order in vectors; lookups are linear, which is fine for
// the sizes schemas have (a table's columns, a table's indexes). Tables are looked up
// through Schema::findTable, which is also linear: callers that loop over thousands of
// tables build their own index (see diff).

#include "core/ir/compact_optional.h"
#include "core/ir/sequence.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tempest {

enum class ColumnType {
    Smallint, Integer, Bigint, Boolean, Real, Double, Numeric, Text, Varchar, Char,
    Date, Time, Timestamp, Timestamptz, Blob, Json, Uuid, Enum, Custom
};

/// "integer", "varchar", ... as written in IR JSON.
std::string_view typeName(ColumnType type);
/// The type for an IR type name; nullopt for an unknown name.
std::optional<ColumnType> parseTypeName(std::string_view name);
bool isIntegerType(ColumnType type);

/// A column default: a literal {"value": …} or an expression {"expr": …}.
struct DefaultValue {
    enum class Kind { String, Number, Boolean, Expression };
    Kind kind = Kind::String;
    /// String: the string itself (unquoted). Number: the JSON number as written
    /// ("42", "-1.5"). Boolean: "true" or "false". Expression: verbatim SQL.
    std::string text;

    static DefaultValue string(std::string s) { return {Kind::String, std::move(s)}; }
    static DefaultValue number(std::string n) { return {Kind::Number, std::move(n)}; }
    static DefaultValue boolean(bool b) { return {Kind::Boolean, b ? "true" : "false"}; }
    static DefaultValue expression(std::string e) { return {Kind::Expression, std::move(e)}; }
    bool operator==(const DefaultValue&) const = default;
};

/// The optional fields are compact (core/ir/compact_optional.h): a string or default in 8
/// bytes against 40–48, an int in 4 against 8. Four copies of a large schema are alive at
/// once in `check`, 60,000 columns each at 5,000 tables (issue 12).
struct Column {
    std::string name;
    ColumnType type = ColumnType::Text;
    CompactOptionalInt length;     // varchar, char
    CompactOptionalInt precision;  // numeric (also time/timestamp fractional precision)
    CompactOptionalInt scale;      // numeric
    std::string enumName;          // type == Enum: the name in Schema::enums
    std::string sql;               // type == Custom: the type as the dialect spells it
    /// The column's collation as the dialect names it (SQLite NOCASE, PostgreSQL
    /// "de-x-icu"); absent: the database's default.
    CompactOptional<std::string> collation;
    bool nullable = true;          // resolved: PK columns default to false when read
    bool autoincrement = false;
    CompactOptional<DefaultValue> defaultValue;
    /// PostgreSQL: an array of the type above with this many dimensions (`text[]` is 1);
    /// 0 is not an array. JSON "array": n.
    int arrayDims = 0;
    /// A generated column's expression, verbatim SQL (no default then). JSON
    /// "generated": {"expr": …, "stored": bool}.
    CompactOptional<std::string> generated;
    /// Stored (computed on write) rather than virtual (computed on read; SQLite only).
    bool generatedStored = true;
    CompactOptional<std::string> comment;
    CompactOptional<std::string> renamedFrom;
    bool operator==(const Column&) const = default;
};

/// One entry of an index: a column name, or an expression.
struct IndexColumn {
    std::string value;
    bool expression = false;
    static IndexColumn column(std::string name) { return {std::move(name), false}; }
    static IndexColumn expr(std::string sql) { return {std::move(sql), true}; }
    bool operator==(const IndexColumn&) const = default;
};

struct Index {
    std::string name;
    std::vector<IndexColumn> columns;
    bool unique = false;
    CompactOptional<std::string> where;  // partial index predicate
    bool operator==(const Index&) const = default;
};

/// When a constraint is checked (SQL `DEFERRABLE [INITIALLY DEFERRED]`): the default is
/// at the end of each statement; a deferrable one may be put off to COMMIT.
struct Deferral {
    bool deferrable = false;
    bool initiallyDeferred = false;  // only with deferrable
    bool operator==(const Deferral&) const = default;
};

struct UniqueConstraint {
    std::string name;
    std::vector<std::string> columns;
    Deferral deferral;  // PostgreSQL only
    bool operator==(const UniqueConstraint&) const = default;
};

enum class FkAction { NoAction, Restrict, Cascade, SetNull, SetDefault };
/// "no action", "restrict", "cascade", "set null", "set default".
std::string_view fkActionName(FkAction action);
std::optional<FkAction> parseFkAction(std::string_view name);

struct ForeignKey {
    std::string name;
    std::vector<std::string> columns;
    std::string refTable;
    std::vector<std::string> refColumns;
    FkAction onDelete = FkAction::NoAction;
    FkAction onUpdate = FkAction::NoAction;
    Deferral deferral;
    bool operator==(const ForeignKey&) const = default;
};

struct CheckConstraint {
    std::string name;
    std::string expr;
    bool operator==(const CheckConstraint&) const = default;
};

struct Table {
    std::string name;
    std::vector<Column> columns;
    std::vector<std::string> primaryKey;
    std::vector<Index> indexes;
    std::vector<UniqueConstraint> uniques;
    std::vector<ForeignKey> foreignKeys;
    std::vector<CheckConstraint> checks;
    CompactOptional<std::string> comment;
    /// PostgreSQL declarative partitioning (docs/ir.md "Partitioning (PostgreSQL)").
    /// The partition key as pg_get_partkeydef prints it ("RANGE (payment_date)").
    CompactOptional<std::string> partitionBy;
    /// A partition: the parent table's IR name. Its columns, primary key and uniques are
    /// the parent's (none listed here).
    CompactOptional<std::string> partitionOf;
    /// With partitionOf: the bound as pg_get_expr(relpartbound) prints it
    /// ("FOR VALUES FROM (...) TO (...)", "FOR VALUES IN (...)", "DEFAULT", ...).
    CompactOptional<std::string> partitionBound;
    CompactOptional<std::string> renamedFrom;
    bool operator==(const Table&) const = default;

    const Column* findColumn(std::string_view name) const;
    Column* findColumn(std::string_view name);
    const Index* findIndex(std::string_view name) const;
    const UniqueConstraint* findUnique(std::string_view name) const;
    const ForeignKey* findForeignKey(std::string_view name) const;
    const CheckConstraint* findCheck(std::string_view name) const;
    bool isPrimaryKeyColumn(std::string_view column) const;
};

struct EnumType {
    std::string name;
    std::vector<std::string> values;
    std::optional<std::string> renamedFrom;
    bool operator==(const EnumType&) const = default;
};

/// A PostgreSQL domain (docs/ir.md "Domains"): a named base type with an optional
/// NOT NULL, default and CHECK constraints. A column uses it as type custom whose `sql`
/// is the domain's name (see columnDomain).
struct Domain {
    std::string name;
    /// The base type (type, length, precision, scale, enum, sql), `nullable` (false: NOT
    /// NULL) and `defaultValue`, as a column says them; the column's other fields unused.
    Column base;
    /// CHECK constraints on VALUE, keyed by name.
    std::vector<CheckConstraint> checks;
    bool operator==(const Domain&) const = default;

    const CheckConstraint* findCheck(std::string_view name) const;
};

/// What introspection found but the IR cannot express. Kept, listed, never diffed.
struct UnsupportedObject {
    /// view trigger virtual_table partition inheritance domain materialized_view
    /// column index table_option
    std::string kind;
    std::string name;
    std::optional<std::string> table;
    std::optional<std::string> detail;
    std::optional<std::string> sql;
    bool operator==(const UnsupportedObject&) const = default;
};
bool isUnsupportedKind(std::string_view kind);

struct Schema {
    std::vector<Table> tables;
    std::vector<EnumType> enums;
    std::vector<Domain> domains;
    std::vector<Sequence> sequences;  // PostgreSQL only (core/ir/sequence.h)
    std::vector<UnsupportedObject> unsupported;
    bool operator==(const Schema&) const = default;

    const Table* findTable(std::string_view name) const;
    Table* findTable(std::string_view name);
    const EnumType* findEnum(std::string_view name) const;
    EnumType* findEnum(std::string_view name);
    const Domain* findDomain(std::string_view name) const;
    Domain* findDomain(std::string_view name);
    const Sequence* findSequence(std::string_view name) const;
    Sequence* findSequence(std::string_view name);
    /// Sorts `unsupported` by (kind, table, name) as DESIGN.md requires.
    void sortUnsupported();
};

/// The domain a column's type is: a custom column whose `sql` is a declared domain's name,
/// bare or double-quoted (as PostgreSQL's format_type spells it); nullptr otherwise.
const Domain* columnDomain(const Schema& schema, const Column& column);
/// Whether `column`'s type is the domain `name` (see columnDomain).
bool columnUsesDomain(const Column& column, std::string_view name);

/// A schema with nothing in it: the state before the first revision.
Schema emptySchema();

/// Checks the rules JSON cannot: every PK/index/FK column exists, autoincrement only on
/// a single-column integer primary key, enum columns name a declared enum, types carry
/// the parameters they need. Throws InputError naming `file` and the JSON path.
void validateSchema(const Schema& schema, const std::string& file = {});

} // namespace tempest
