// Assembles the catalog rows of postgres_catalog_queries.h into IR, deciding for each
// object whether IR can express it or it goes to `unsupported`.

#include "core/dialect/postgresql/postgres_introspect.h"

#include "core/dialect/postgresql/postgres_catalog_queries.h"
#include "core/dialect/postgresql/postgres_catalog_values.h"
#include "core/dialect/postgresql/postgres_introspect_sequence.h"
#include "core/dialect/postgresql/postgres_sql.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace tempest {

namespace {

std::string str(const Json& row, const char* key)
{
    const auto it = row.find(key);
    return it == row.end() || it->is_null() ? std::string() : it->get<std::string>();
}

std::optional<std::string> optionalStr(const Json& row, const char* key)
{
    const auto it = row.find(key);
    if (it == row.end() || it->is_null())
        return std::nullopt;
    return it->get<std::string>();
}

bool flag(const Json& row, const char* key)
{
    const auto it = row.find(key);
    return it != row.end() && it->is_boolean() && it->get<bool>();
}

std::vector<std::string> strings(const Json& row, const char* key)
{
    std::vector<std::string> out;
    const auto it = row.find(key);
    if (it != row.end() && it->is_array())
        for (const auto& v : *it)
            out.push_back(v.is_string() ? v.get<std::string>() : v.dump());
    return out;
}

// Cells of the raw catalog rows (PgCatalog): NULL reads as absent, booleans arrive as 0/1.

std::string text(const Value& cell)
{
    const auto* s = std::get_if<std::string>(&cell);
    return s ? *s : std::string();
}

std::optional<std::string> optionalText(const Value& cell)
{
    const auto* s = std::get_if<std::string>(&cell);
    return s ? std::optional<std::string>(*s) : std::nullopt;
}

bool truth(const Value& cell)
{
    const auto* i = std::get_if<std::int64_t>(&cell);
    return i && *i != 0;
}

std::int64_t number(const Value& cell)
{
    const auto* i = std::get_if<std::int64_t>(&cell);
    return i ? *i : 0;
}

/// The positions of the columns `names` in `rows`, in that order (a catalog row's cells
/// are read by position; the names are resolved once per query).
template <std::size_t N>
std::array<std::size_t, N> positions(const ResultSet& rows, const std::array<const char*, N>& names)
{
    std::array<std::size_t, N> out{};
    for (std::size_t i = 0; i < N; ++i)
        out[i] = rows.columnIndex(names[i]);
    return out;
}

/// The numbers of an int2[] ("{1,2}") or int2vector ("1 2") cell.
std::vector<int> numbers(const Value& cell)
{
    std::vector<int> out;
    const std::string_view s = std::get_if<std::string>(&cell) ? std::string_view(std::get<std::string>(cell))
                                                                : std::string_view();
    for (std::size_t i = 0; i < s.size();) {
        const bool negative = s[i] == '-';
        std::size_t j = negative ? i + 1 : i;
        if (j >= s.size() || s[j] < '0' || s[j] > '9') {
            i = j + 1;
            continue;
        }
        int value = 0;
        for (; j < s.size() && s[j] >= '0' && s[j] <= '9'; ++j)
            value = value * 10 + (s[j] - '0');
        out.push_back(negative ? -value : value);
        i = j;
    }
    return out;
}

/// A JSON array of strings in a cell (the few arrays of names the server builds).
std::vector<std::string> jsonStrings(const Value& cell)
{
    std::vector<std::string> out;
    if (const auto* s = std::get_if<std::string>(&cell))
        for (const auto& v : Json::parse(*s))
            out.push_back(v.is_string() ? v.get<std::string>() : v.dump());
    return out;
}

FkAction fkAction(const std::string& code)
{
    if (code == "r") return FkAction::Restrict;
    if (code == "c") return FkAction::Cascade;
    if (code == "n") return FkAction::SetNull;
    if (code == "d") return FkAction::SetDefault;
    return FkAction::NoAction;
}

UnsupportedObject unsupported(std::string kind, std::string name, std::optional<std::string> table,
                              std::optional<std::string> detail, std::optional<std::string> sql)
{
    return {std::move(kind), std::move(name), std::move(table), std::move(detail), std::move(sql)};
}

/// Builds the schema; `strip` removes the qualifier of the introspected schema (or of
/// pg_temp) that the server adds to names when the schema is not on the search_path.
/// A named schema of the project (docs/ir.md "Named schemas") is read with `prefix`
/// "schema." before every name of a table, enum, domain or sequence; `named` maps every
/// schema of the project (its own too) to its prefix, for foreign keys that reference
/// a table of another of them.
class Assembler {
public:
    Assembler(std::function<std::string(std::string_view)> strip, std::string versionTable,
              std::string prefix = {}, std::map<std::string, std::string> named = {})
        : m_strip(std::move(strip)), m_versionTable(std::move(versionTable)), m_prefix(std::move(prefix)),
          m_named(std::move(named))
    {
    }

    /// Reads `catalog` one kind of object at a time, each kind's rows let go once read.
    Schema build(PgCatalog& catalog)
    {
        relations(catalog.relations());
        columns(catalog.columns(), catalog);
        constraints(catalog.constraints());
        partitionColumnDifferences();
        autoincrement();
        indexes(catalog.indexes());
        enums(catalog.enums());
        domains(catalog.domains());
        sequences(catalog.sequences());
        others(catalog.others());
        definitions(catalog);
        for (auto oid : m_order) {
            Table& t = m_tables.at(oid);
            if (!m_prefix.empty())
                for (auto& column : t.columns)
                    if (column.type == ColumnType::Enum)  // an enum of this schema
                        column.enumName = m_prefix + column.enumName;
            m_schema.tables.push_back(std::move(t));
        }
        m_schema.sortUnsupported();
        return std::move(m_schema);
    }

    /// A foreign key to a table of another named schema: (table, constraint, definition).
    struct CrossSchemaFk {
        std::string table, name, def;
        std::int64_t oid = 0;
    };
    const std::vector<CrossSchemaFk>& crossSchemaFks() const { return m_crossSchemaFks; }

private:
    std::string namedPrefix(const std::string& schema) const
    {
        const auto it = m_named.find(schema);
        return it == m_named.end() ? std::string() : it->second;
    }

    struct Pending {
        bool identity = false;
        std::string serialDefault;  // nextval(…) text
    };

    void note(UnsupportedObject object) { m_schema.unsupported.push_back(std::move(object)); }

    /// An unsupported constraint or index whose definition (`sql`) the server writes
    /// afterwards, with the others of its kind in one query (definitions()).
    void noteWithDefinition(UnsupportedObject object, std::int64_t oid, bool index)
    {
        (index ? m_indexDefinitions : m_constraintDefinitions).push_back({m_schema.unsupported.size(), oid});
        note(std::move(object));
    }

    /// The server's text of the constraints and indexes noted without it, and of the
    /// foreign keys to another named schema.
    void definitions(PgCatalog& catalog)
    {
        std::vector<std::int64_t> constraintOids, indexOids;
        for (const auto& [at, oid] : m_constraintDefinitions)
            constraintOids.push_back(oid);
        for (const auto& fk : m_crossSchemaFks)
            constraintOids.push_back(fk.oid);
        for (const auto& [at, oid] : m_indexDefinitions)
            indexOids.push_back(oid);
        const auto written = catalog.definitions(constraintOids, indexOids);
        const auto textOf = [&](std::int64_t oid) {
            const auto it = written.find(oid);
            return it == written.end() ? std::string() : it->second;
        };
        for (const auto& [at, oid] : m_constraintDefinitions)
            m_schema.unsupported[at].sql = textOf(oid);
        for (const auto& [at, oid] : m_indexDefinitions)
            m_schema.unsupported[at].sql = textOf(oid);
        for (auto& fk : m_crossSchemaFks)
            fk.def = textOf(fk.oid);
    }

    void relations(ResultSet rows)
    {
        const auto [cOid, cName, cKind, cPartition, cParent, cParentOid, cPartkey, cBound, cViewdef, cComment] =
            positions<10>(rows, {"oid", "name", "kind", "partition", "parent", "parent_oid", "partkey", "bound",
                                 "viewdef", "comment"});
        for (const auto& row : rows.rows) {
            const std::int64_t oid = number(row[cOid]);
            const std::string bare = text(row[cName]);
            const std::string name = m_prefix + bare;
            const std::string kind = text(row[cKind]);
            auto parent = optionalText(row[cParent]);
            if (parent)
                parent = m_prefix + *parent;
            m_relationNames[oid] = name;
            if (kind == "v" || kind == "m") {
                const bool view = kind == "v";
                note(unsupported(view ? "view" : "materialized_view", name, std::nullopt, std::nullopt,
                                 std::string(view ? "CREATE VIEW " : "CREATE MATERIALIZED VIEW ")
                                     + pgObjectName({}, name) + " AS\n" + text(row[cViewdef])));
            } else if (m_prefix.empty() && bare.find('.') != std::string::npos && bare != m_versionTable) {
                // The IR reads `a.b` as table b of schema a (docs/ir.md "Named schemas").
                note(unsupported("table_option", name, name,
                                 "a '.' in the name of a table of the project's schema, which the IR would read as schema.table",
                                 std::nullopt));
            } else if (kind == "f") {
                note(unsupported("table_option", name, name, "foreign table", std::nullopt));
            } else if (truth(row[cPartition]) && name != m_versionTable) {
                // A partition (docs/ir.md "Partitioning (PostgreSQL)"): its parent is
                // resolved once every relation is read (partitions() below).
                Table table;
                table.name = name;
                table.comment = optionalText(row[cComment]);
                table.partitionBound = text(row[cBound]);
                if (kind == "p")
                    table.partitionBy = text(row[cPartkey]);
                m_partitionParent[oid] = {number(row[cParentOid]), parent.value_or(std::string())};
                m_tables.emplace(oid, std::move(table));
                m_order.push_back(oid);
            } else if (parent) {
                note(unsupported("inheritance", name, parent, "INHERITS (" + *parent + ")", std::nullopt));
            } else if (name != m_versionTable) {
                Table table;
                table.name = name;
                table.comment = optionalText(row[cComment]);
                if (kind == "p")
                    table.partitionBy = text(row[cPartkey]);
                m_tables.emplace(oid, std::move(table));
                m_order.push_back(oid);
            }
        }
        partitions();
    }

    /// A partition whose parent is in the IR gets partitionOf; one whose parent is not
    /// (another schema, the version table, an unsupported parent) is listed, as before.
    void partitions()
    {
        for (bool changed = true; changed;) {
            changed = false;
            for (auto& [oid, link] : m_partitionParent) {
                auto self = m_tables.find(oid);
                if (self == m_tables.end())
                    continue;
                auto parent = m_tables.find(link.first);
                if (parent != m_tables.end() && parent->second.partitionBy) {
                    self->second.partitionOf = parent->second.name;
                    continue;
                }
                note(unsupported("partition", self->second.name,
                                 link.second.empty() ? std::nullopt : std::optional<std::string>(link.second),
                                 self->second.partitionBound, std::nullopt));
                m_tables.erase(self);
                std::erase(m_order, oid);
                changed = true;
            }
        }
    }

    bool isPartition(std::int64_t rel) const
    {
        const auto it = m_tables.find(rel);
        return it != m_tables.end() && it->second.partitionOf;
    }

    /// The table whose columns a partition's constraints and indexes name: the root of
    /// its partition tree (itself for an ordinary table).
    const Table& columnsTable(std::int64_t rel) const
    {
        std::int64_t at = rel;
        for (int depth = 0; depth < 64 && isPartition(at); ++depth)
            at = m_partitionParent.at(at).first;
        const auto it = m_tables.find(at);
        return it == m_tables.end() ? m_tables.at(rel) : it->second;
    }

    /// A partition's column that differs from its parent's in default or NOT NULL has no
    /// IR place: listed (nothing silent).
    void partitionColumnDifferences()
    {
        for (const auto& [key, raw] : m_rawColumns) {
            if (!isPartition(key.first))
                continue;
            const auto parent = m_rawColumns.find({m_partitionParent.at(key.first).first, key.second});
            if (parent == m_rawColumns.end())
                continue;
            const Table& t = m_tables.at(key.first);
            if (raw.notnull != parent->second.notnull)
                note(unsupported("table_option", key.second, t.name,
                                 std::string("partition column ") + (raw.notnull ? "NOT NULL" : "nullable")
                                     + " where its parent's is " + (parent->second.notnull ? "NOT NULL" : "nullable"),
                                 std::nullopt));
            if (raw.def != parent->second.def)
                note(unsupported("table_option", key.second, t.name,
                                 "partition column default differs from its parent's ("
                                     + (parent->second.def ? *parent->second.def : std::string("none")) + ")",
                                 raw.def ? std::optional<std::string>("DEFAULT " + *raw.def) : std::nullopt));
        }
    }

    Table* table(std::int64_t rel)
    {
        const auto it = m_tables.find(rel);
        return it == m_tables.end() ? nullptr : &it->second;
    }

    /// The names of the columns `nums` of relation `rel` of this schema (any column,
    /// whether or not the IR can express it), in that order.
    std::vector<std::string> columnNames(std::int64_t rel, const std::vector<int>& nums) const
    {
        std::vector<std::string> out;
        const auto it = m_allColumnNames.find(rel);
        if (it == m_allColumnNames.end())
            return out;
        for (const int num : nums)
            if (num > 0 && std::size_t(num) < it->second.size() && !it->second[std::size_t(num)].empty())
                out.push_back(it->second[std::size_t(num)]);
        return out;
    }

    /// The facts of a type that a column's IR type is read from.
    struct TypeFacts {
        std::string name;
        char typtype = 'b';
        std::string category;
        bool local = false;
    };

    /// The types the columns `rows` name (column `type`, and `elem` for arrays), by oid.
    static std::map<std::int64_t, TypeFacts> typeFacts(const ResultSet& rows, PgCatalog& catalog)
    {
        const auto [cType, cElem] =
            positions<2>(rows, {"type", "elem"});
        std::set<std::int64_t> used;
        for (const auto& row : rows.rows) {
            used.insert(number(row[cType]));
            if (!isNull(row[cElem]))
                used.insert(number(row[cElem]));
        }
        const ResultSet types = catalog.types({used.begin(), used.end()});
        const auto [cOid, cName, cTyptype, cCategory, cLocal] =
            positions<5>(types, {"oid", "name", "typtype", "category", "local"});
        std::map<std::int64_t, TypeFacts> out;
        for (const auto& row : types.rows) {
            const std::string typtype = text(row[cTyptype]);
            out[number(row[cOid])] = {text(row[cName]), typtype.empty() ? 'b' : typtype[0], text(row[cCategory]),
                                      truth(row[cLocal])};
        }
        return out;
    }

    void columns(ResultSet rows, PgCatalog& catalog)
    {
        const auto types = typeFacts(rows, catalog);
        const auto typeOf = [&](const Value& oid) -> const TypeFacts& {
            static const TypeFacts none;
            const auto it = types.find(number(oid));
            return it == types.end() ? none : it->second;
        };
        const auto [cRel, cNum, cName, cFmt, cType, cElem, cElemFmt, cNdims, cNotnull, cIdentity, cGenerated, cDef,
                    cCollation, cComment] =
            positions<14>(rows, {"rel", "num", "name", "fmt", "type", "elem", "elem_fmt", "ndims", "notnull",
                                 "identity", "generated", "def", "collation", "comment"});
        // The query leaves the order to the client: each table's columns by number.
        // (Named copies: clang 14 cannot capture structured bindings.)
        const std::size_t relAt = cRel, numAt = cNum;
        std::sort(rows.rows.begin(), rows.rows.end(),
                  [&, relAt, numAt](const std::vector<Value>& a, const std::vector<Value>& b) {
                      const auto ra = number(a[relAt]), rb = number(b[relAt]);
                      return ra != rb ? ra < rb : number(a[numAt]) < number(b[numAt]);
                  });
        for (auto& slot : rows.rows) {
            const std::vector<Value> row = std::move(slot);  // let go once read: the IR grows as the rows shrink
            const std::int64_t rel = number(row[cRel]);
            const int num = int(number(row[cNum]));
            std::string name = text(row[cName]);
            auto& names = m_allColumnNames[rel];
            if (names.size() <= std::size_t(num))
                names.resize(std::size_t(num) + 1);
            names[std::size_t(num)] = name;
            Table* t = table(rel);
            if (!t)
                continue;
            const std::string fmt = m_strip(text(row[cFmt]));
            m_rawColumns[{rel, name}] = {truth(row[cNotnull]), optionalText(row[cDef])};
            if (isPartition(rel)) {
                // A partition's columns are its parent's: only their numbers are kept,
                // for its own indexes (unsupported ones stay out, as the parent's do).
                if (!isNull(row[cElem]) || typeOf(row[cType]).category != "A")
                    m_columnNames[{rel, num}] = name;
                continue;
            }
            Column column;
            column.name = name;
            const TypeFacts& type = typeOf(row[cType]);
            if (!isNull(row[cElem])) {
                // An array: the element type read as a column's, and its dimensions
                // (attndims; 0 where the server did not record them, which is 1).
                const TypeFacts& elem = typeOf(row[cElem]);
                pgApplyCatalogType(column, {elem.name, m_strip(text(row[cElemFmt])), elem.typtype, elem.local});
                column.arrayDims = std::max(1, int(number(row[cNdims])));
            } else if (type.category == "A") {
                note(unsupported("column", name, t->name, "array-like type " + fmt, std::nullopt));
                continue;
            } else {
                pgApplyCatalogType(column, {type.name, fmt, type.typtype, type.local});
            }
            const bool generated = !text(row[cGenerated]).empty();
            column.nullable = !truth(row[cNotnull]);
            column.collation = optionalText(row[cCollation]);  // only where it is not the type's default
            column.comment = optionalText(row[cComment]);
            Pending pending;
            pending.identity = !text(row[cIdentity]).empty();
            if (auto def = optionalText(row[cDef]); def && generated) {
                column.generated = m_strip(*def);  // attgenerated 's': stored, the only kind
            } else if (def) {
                if (def->starts_with("nextval("))
                    pending.serialDefault = *def;
                else
                    column.defaultValue = pgParseDefault(m_strip(*def));
            }
            m_columnNames[{rel, num}] = name;
            if (pending.identity || !pending.serialDefault.empty())
                m_pending[{rel, name}] = pending;
            t->columns.push_back(std::move(column));
        }
    }

    bool hasColumns(const Table& t, const std::vector<std::string>& names) const
    {
        for (const auto& n : names)
            if (!t.findColumn(n))
                return false;
        return !names.empty();
    }

    void constraints(ResultSet rows)
    {
        const auto [cOid, cRel, cName, cType, cDef, cKeys, cRefkeys, cReftable, cRefLocal, cRefrel, cRefschema,
                    cRefcols, cOndelete, cOnupdate, cDeferrable, cDeferred, cCloned, cInherited] =
            positions<18>(rows, {"oid", "rel", "name", "type", "def", "keys", "refkeys", "reftable", "ref_local",
                                 "refrel", "refschema", "refcols", "ondelete", "onupdate", "deferrable", "deferred",
                                 "cloned", "inherited"});
        std::set<std::string> tableNames;
        for (const auto& [oid, t] : m_tables)
            tableNames.insert(t.name);
        for (const auto& row : rows.rows) {
            const std::int64_t rel = number(row[cRel]);
            Table* t = table(rel);
            if (!t)
                continue;
            const std::int64_t oid = number(row[cOid]);
            const std::string type = text(row[cType]);
            const std::string name = text(row[cName]);
            // A key's or foreign key's text is not read with it: the server writes it
            // afterwards for those that go to `unsupported` (noteWithDefinition).
            const std::string def = text(row[cDef]);
            const auto cols = columnNames(rel, numbers(row[cKeys]));
            const bool partition = isPartition(rel);
            // Constraints cloned from a partitioned table (on its partitions, and on the
            // referencing side for each partition a foreign key references) come with
            // the parent's; a partition's inherited CHECKs too.
            if (truth(row[cCloned]) || (partition && truth(row[cInherited])))
                continue;
            const Table& columnsOf = columnsTable(rel);
            if (partition && (type == "p" || type == "u")) {
                noteWithDefinition(unsupported("table_option", name, t->name,
                                               "a partition's own primary key or unique constraint", std::nullopt),
                                   oid, false);
                continue;
            }
            if (type == "c") {
                // A CHECK on a column that went to `unsupported` goes with it: in the IR it
                // would name a column the IR does not create.
                if (!cols.empty() && !hasColumns(columnsOf, cols))
                    note(unsupported("table_option", name, t->name, "CHECK on a column IR cannot express", def));
                else
                    t->checks.push_back({name, m_strip(pgCheckExpression(def))});
                continue;
            }
            if (type != "p" && type != "u" && type != "f") {
                if (type == "x")
                    note(unsupported("table_option", name, t->name, "exclusion constraint", def));
                continue;  // constraint triggers are listed with the triggers
            }
            if (!hasColumns(columnsOf, cols)) {
                noteWithDefinition(unsupported("table_option", name, t->name,
                                               "constraint on a column IR cannot express", std::nullopt),
                                   oid, false);
                continue;
            }
            const Deferral deferral{truth(row[cDeferrable]), truth(row[cDeferred])};
            const bool refLocal = truth(row[cRefLocal]);
            const std::string reftable = text(row[cReftable]);
            if (type == "p") {
                if (deferral.deferrable)  // the IR's key has no name and no deferral
                    noteWithDefinition(unsupported("table_option", name, t->name, "deferrable primary key", std::nullopt),
                                       oid, false);
                t->primaryKey = cols;
            } else if (type == "u") {
                t->uniques.push_back({name, cols, deferral});
            } else if (refLocal ? !tableNames.count(m_prefix + reftable) : !m_named.count(text(row[cRefschema]))) {
                noteWithDefinition(unsupported("table_option", name, t->name,
                                               "foreign key to a table outside the schema's IR", std::nullopt),
                                   oid, false);
            } else {
                // A table of another named schema: whether the IR has it is known once
                // every schema is read (pgIntrospect).
                const std::string ref = refLocal ? m_prefix + reftable : namedPrefix(text(row[cRefschema])) + reftable;
                if (!refLocal)
                    m_crossSchemaFks.push_back({t->name, name, std::string(), oid});
                auto refcols = refLocal ? columnNames(number(row[cRefrel]), numbers(row[cRefkeys]))
                                        : jsonStrings(row[cRefcols]);
                t->foreignKeys.push_back({name, cols, ref, std::move(refcols), fkAction(text(row[cOndelete])),
                                          fkAction(text(row[cOnupdate])), deferral});
            }
        }
    }

    /// Identity and serial columns: autoincrement when they are a single-column integer
    /// primary key (DESIGN.md), else a serial keeps its nextval() default and an
    /// identity elsewhere is reported.
    void autoincrement()
    {
        for (auto& [key, pending] : m_pending) {
            Table& t = m_tables.at(key.first);
            Column* column = t.findColumn(key.second);
            const bool soleKey = t.primaryKey.size() == 1 && t.primaryKey.front() == column->name;
            if (soleKey && isIntegerType(column->type)) {
                column->autoincrement = true;
                column->nullable = false;
            } else if (pending.identity) {
                note(unsupported("table_option", column->name, t.name,
                                 "identity column outside a single-column integer primary key", std::nullopt));
            } else {
                column->defaultValue = DefaultValue::expression(m_strip(pending.serialDefault));
            }
        }
        for (auto& [oid, t] : m_tables)
            for (const auto& k : t.primaryKey)
                if (Column* c = t.findColumn(k))
                    c->nullable = false;
    }

    void indexes(ResultSet rows)
    {
        const auto [cRel, cOid, cName, cUnique, cMethod, cPredicate, cKeys, cAttnums, cNkeys, cDeps, cInclude,
                    cOptions, cOpclass, cCloned] =
            positions<14>(rows, {"rel", "oid", "name", "unique", "method", "predicate", "keys", "attnums", "nkeys",
                                 "dep_attnums", "has_include", "has_options", "has_opclass", "cloned"});
        for (const auto& row : rows.rows) {
            const std::int64_t rel = number(row[cRel]);
            Table* t = table(rel);
            if (!t)
                continue;
            const std::string name = text(row[cName]);
            if (truth(row[cCloned]))  // a partition of a partitioned table's index: the parent's lists it
                continue;
            std::optional<std::string> problem;
            const std::string method = text(row[cMethod]);
            if (method != "btree")
                problem = "index method " + method;
            else if (truth(row[cInclude]))
                problem = "INCLUDE columns";
            else if (truth(row[cOptions]))
                problem = "DESC or NULLS FIRST ordering";
            else if (truth(row[cOpclass]))
                problem = "a non-default operator class";
            Index index;
            index.name = name;
            index.unique = truth(row[cUnique]);
            if (auto predicate = optionalText(row[cPredicate]))
                index.where = m_strip(*predicate);
            // Key texts come only for an index with expression keys (attnum 0).
            const auto keys = jsonStrings(row[cKeys]);
            const auto attnums = numbers(row[cAttnums]);
            const std::size_t nkeys = std::min(std::size_t(number(row[cNkeys])), attnums.size());
            for (std::size_t k = 0; k < nkeys && !problem; ++k) {
                const int attnum = attnums[k];
                if (attnum == 0) {
                    index.columns.push_back(IndexColumn::expr(m_strip(k < keys.size() ? keys[k] : std::string())));
                    continue;
                }
                const auto it = m_columnNames.find({rel, attnum});
                if (it == m_columnNames.end())
                    problem = "a column IR cannot express";
                else
                    index.columns.push_back(IndexColumn::column(it->second));
            }
            // Expressions and predicates count too: every column the index depends on
            // (listed only for an index with either; a plain one's are its keys).
            for (const int dep : numbers(row[cDeps])) {
                if (problem)
                    break;
                if (!m_columnNames.count({rel, dep}))
                    problem = "an expression or predicate on a column IR cannot express";
            }
            if (problem)
                noteWithDefinition(unsupported("index", name, t->name, *problem, std::nullopt), number(row[cOid]), true);
            else
                t->indexes.push_back(std::move(index));
        }
    }

    void enums(const Json& rows)
    {
        for (const auto& row : rows)
            m_schema.enums.push_back({m_prefix + str(row, "name"), strings(row, "values"), std::nullopt});
    }

    /// Domains (docs/ir.md "Domains"): the base type read as a column's, NOT NULL,
    /// the default and the named CHECKs. Columns of a domain type are custom columns
    /// whose sql is the domain's name (format_type), which is how the IR refers to it.
    void domains(const Json& rows)
    {
        for (const auto& row : rows) {
            Domain domain;
            domain.name = m_prefix + str(row, "name");
            domain.base.name = domain.name;
            const std::string typtype = str(row, "base_typtype");
            pgApplyCatalogType(domain.base, {str(row, "base_typname"), m_strip(str(row, "base")),
                                             typtype.empty() ? 'b' : typtype[0], flag(row, "base_local")});
            domain.base.nullable = !flag(row, "notnull");
            if (auto def = optionalStr(row, "def"))
                domain.base.defaultValue = pgParseDefault(m_strip(*def));
            for (const auto& check : row.at("checks"))
                domain.checks.push_back({str(check, "name"), m_strip(pgCheckExpression(str(check, "def")))});
            m_schema.domains.push_back(std::move(domain));
        }
    }

    void sequences(const Json& rows)
    {
        m_schema.sequences = pgSequencesFromRows(rows, [&](std::int64_t rel, int num) -> std::optional<PgColumnRef> {
            const auto t = m_tables.find(rel);
            const auto name = m_columnNames.find({rel, num});
            if (t == m_tables.end() || name == m_columnNames.end())
                return std::nullopt;
            const Column* column = t->second.findColumn(name->second);
            return PgColumnRef{t->second.name, name->second, column && column->autoincrement};
        });
        for (auto& sequence : m_schema.sequences)
            sequence.name = m_prefix + sequence.name;
    }

    void others(const Json& rows)
    {
        for (const auto& row : rows) {
            const std::string table = m_prefix + str(row, "table");
            if (table == m_versionTable)
                continue;
            const bool trigger = str(row, "kind") == "trigger";
            note(unsupported(trigger ? "trigger" : "table_option", str(row, "name"), table,
                             trigger ? std::nullopt : std::optional<std::string>("rule"), str(row, "sql")));
        }
    }

    std::function<std::string(std::string_view)> m_strip;
    std::string m_versionTable;
    std::string m_prefix;
    std::map<std::string, std::string> m_named;
    std::vector<CrossSchemaFk> m_crossSchemaFks;
    Schema m_schema;
    std::map<std::int64_t, Table> m_tables;
    std::vector<std::int64_t> m_order;
    std::map<std::int64_t, std::string> m_relationNames;
    std::map<std::pair<std::int64_t, int>, std::string> m_columnNames;
    /// Every column of every relation read, by relation and number ("" for a gap).
    std::map<std::int64_t, std::vector<std::string>> m_allColumnNames;
    /// (position in m_schema.unsupported, oid) of the objects noted without their sql.
    std::vector<std::pair<std::size_t, std::int64_t>> m_constraintDefinitions, m_indexDefinitions;
    std::map<std::pair<std::int64_t, std::string>, Pending> m_pending;
    /// A partition's parent: (oid, bare name).
    std::map<std::int64_t, std::pair<std::int64_t, std::string>> m_partitionParent;
    struct RawColumn {
        bool notnull = false;
        std::optional<std::string> def;
    };
    std::map<std::pair<std::int64_t, std::string>, RawColumn> m_rawColumns;
};

} // namespace

namespace {

/// Custom columns whose type is an enum of the IR, spelled as the server does from
/// another schema (`sales.mood`, `"Mood"`), become enum columns like the others.
void resolveEnumColumns(Schema& schema)
{
    if (schema.enums.empty())
        return;
    for (auto& table : schema.tables)
        for (auto& column : table.columns) {
            if (column.type != ColumnType::Custom)
                continue;
            for (const auto& e : schema.enums) {
                if (columnUsesDomain(column, e.name)) {  // the same spelling rules as a domain's
                    column.type = ColumnType::Enum;
                    column.enumName = e.name;
                    column.sql.clear();
                    break;
                }
            }
        }
}

} // namespace

Schema pgIntrospect(Driver& driver, const IntrospectOptions& options)
{
    const std::string schema = options.schemaName;
    // A version table in another schema (versionTableSchema) is not this schema's to hide.
    const std::string versionTablePlace = options.versionTableSchema.empty() ? schema : options.versionTableSchema;
    PgCatalog catalog(driver, schema, false);
    if (options.schemas.empty()) {
        Assembler assembler([schema](std::string_view text) { return pgStripQualifier(text, schema); },
                            versionTablePlace == schema ? options.versionTable : std::string());
        return assembler.build(catalog);
    }

    // Several schemas (docs/ir.md "Named schemas"): one pass each, the project's own
    // first, every name of another schema's objects prefixed with "schema.".
    std::map<std::string, std::string> prefixes;
    const std::string own = schema.empty() ? driver.query("SELECT pg_catalog.current_schema() AS s").text(0, "s") : schema;
    prefixes[own] = "";
    for (const auto& named : options.schemas)
        prefixes[named] = named + ".";
    Assembler first([schema](std::string_view text) { return pgStripQualifier(text, schema); },
                    versionTablePlace == schema ? options.versionTable : std::string(), "", prefixes);
    Schema out = first.build(catalog);
    auto crossSchemaFks = first.crossSchemaFks();
    for (const auto& named : options.schemas) {
        // Names stay qualified as the server prints them: the DDL runs with the project's
        // schema first on the search_path, not this one.
        Assembler pass([](std::string_view text) { return std::string(text); },
                       versionTablePlace == named ? named + "." + options.versionTable : std::string(),
                       named + ".", prefixes);
        PgCatalog namedCatalog(driver, named, false);
        Schema part = pass.build(namedCatalog);
        for (auto& t : part.tables)
            out.tables.push_back(std::move(t));
        for (auto& e : part.enums)
            out.enums.push_back(std::move(e));
        for (auto& d : part.domains)
            out.domains.push_back(std::move(d));
        for (auto& s : part.sequences)
            out.sequences.push_back(std::move(s));
        for (auto& u : part.unsupported)
            out.unsupported.push_back(std::move(u));
        for (const auto& fk : pass.crossSchemaFks())
            crossSchemaFks.push_back(fk);
    }
    // A foreign key to a table of another named schema stays only when that table is in
    // the IR (it may be a view, a partition, …): else it is listed, as one to a table
    // outside the project's schemas is.
    for (const auto& fk : crossSchemaFks) {
        Table* table = out.findTable(fk.table);
        const ForeignKey* key = table ? table->findForeignKey(fk.name) : nullptr;
        if (!key || out.findTable(key->refTable))
            continue;
        table->foreignKeys.erase(table->foreignKeys.begin() + (key - table->foreignKeys.data()));
        out.unsupported.push_back(
            unsupported("table_option", fk.name, fk.table, "foreign key to a table outside the schema's IR", fk.def));
    }
    resolveEnumColumns(out);
    out.sortUnsupported();
    return out;
}

Schema pgIntrospectTemporary(Driver& driver)
{
    PgCatalog catalog(driver, std::string(), true);
    Assembler assembler([](std::string_view text) { return pgStripTempQualifier(text); }, std::string());
    return assembler.build(catalog);
}

} // namespace tempest
