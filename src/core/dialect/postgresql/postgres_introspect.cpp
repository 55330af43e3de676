// Assembles the catalog rows of postgres_catalog_queries.h into IR, deciding for each
// object whether IR can express it or it goes to `unsupported`.

#include "core/dialect/postgresql/postgres_introspect.h"

#include "core/dialect/postgresql/postgres_catalog_queries.h"
#include "core/dialect/postgresql/postgres_catalog_values.h"
#include "core/dialect/postgresql/postgres_introspect_sequence.h"
#include "core/dialect/postgresql/postgres_sql.h"

#include <algorithm>
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

    Schema build(const PgCatalogRows& rows)
    {
        relations(rows.relations);
        columns(rows.columns);
        constraints(rows.constraints);
        partitionColumnDifferences();
        autoincrement();
        indexes(rows.indexes);
        enums(rows.enums);
        domains(rows.domains);
        sequences(rows.sequences);
        others(rows.others);
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

    void relations(const Json& rows)
    {
        for (const auto& row : rows) {
            const std::int64_t oid = row.at("oid").get<std::int64_t>();
            const std::string bare = str(row, "name");
            const std::string name = m_prefix + bare;
            const std::string kind = str(row, "kind");
            auto parent = optionalStr(row, "parent");
            if (parent)
                parent = m_prefix + *parent;
            m_relationNames[oid] = name;
            if (kind == "v" || kind == "m") {
                const bool view = kind == "v";
                note(unsupported(view ? "view" : "materialized_view", name, std::nullopt, std::nullopt,
                                 std::string(view ? "CREATE VIEW " : "CREATE MATERIALIZED VIEW ")
                                     + pgObjectName({}, name) + " AS\n" + str(row, "viewdef")));
            } else if (m_prefix.empty() && bare.find('.') != std::string::npos && bare != m_versionTable) {
                // The IR reads `a.b` as table b of schema a (docs/ir.md "Named schemas").
                note(unsupported("table_option", name, name,
                                 "a '.' in the name of a table of the project's schema, which the IR would read as schema.table",
                                 std::nullopt));
            } else if (kind == "f") {
                note(unsupported("table_option", name, name, "foreign table", std::nullopt));
            } else if (flag(row, "partition") && name != m_versionTable) {
                // A partition (docs/ir.md "Partitioning (PostgreSQL)"): its parent is
                // resolved once every relation is read (partitions() below).
                Table table;
                table.name = name;
                table.comment = optionalStr(row, "comment");
                table.partitionBound = str(row, "bound");
                if (kind == "p")
                    table.partitionBy = str(row, "partkey");
                m_partitionParent[oid] = {row.at("parent_oid").get<std::int64_t>(), parent.value_or(std::string())};
                m_tables.emplace(oid, std::move(table));
                m_order.push_back(oid);
            } else if (parent) {
                note(unsupported("inheritance", name, parent, "INHERITS (" + *parent + ")", std::nullopt));
            } else if (name != m_versionTable) {
                Table table;
                table.name = name;
                table.comment = optionalStr(row, "comment");
                if (kind == "p")
                    table.partitionBy = str(row, "partkey");
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

    Table* table(const Json& row)
    {
        const auto it = m_tables.find(row.at("rel").get<std::int64_t>());
        return it == m_tables.end() ? nullptr : &it->second;
    }

    void columns(const Json& rows)
    {
        for (const auto& row : rows) {
            Table* t = table(row);
            if (!t)
                continue;
            const std::string name = str(row, "name");
            const std::int64_t rel = row.at("rel").get<std::int64_t>();
            const std::string fmt = m_strip(str(row, "fmt"));
            m_rawColumns[{rel, name}] = {flag(row, "notnull"), optionalStr(row, "def")};
            if (isPartition(rel)) {
                // A partition's columns are its parent's: only their numbers are kept,
                // for its own indexes (unsupported ones stay out, as the parent's do).
                if (optionalStr(row, "elem_typname") || str(row, "category") != "A")
                    m_columnNames[{rel, row.at("num").get<int>()}] = name;
                continue;
            }
            Column column;
            column.name = name;
            if (auto elem = optionalStr(row, "elem_typname")) {
                // An array: the element type read as a column's, and its dimensions
                // (attndims; 0 where the server did not record them, which is 1).
                const std::string elemType = str(row, "elem_typtype");
                pgApplyCatalogType(column, {*elem, m_strip(str(row, "elem_fmt")),
                                            elemType.empty() ? 'b' : elemType[0], flag(row, "elem_local")});
                column.arrayDims = std::max(1, row.at("ndims").get<int>());
            } else if (str(row, "category") == "A") {
                note(unsupported("column", name, t->name, "array-like type " + fmt, std::nullopt));
                continue;
            } else {
                const std::string typtype = str(row, "typtype");
                pgApplyCatalogType(column, {str(row, "typname"), fmt, typtype.empty() ? 'b' : typtype[0],
                                            flag(row, "local_type")});
            }
            const bool generated = !str(row, "generated").empty();
            column.nullable = !flag(row, "notnull");
            column.collation = optionalStr(row, "collation");  // only where it is not the type's default
            column.comment = optionalStr(row, "comment");
            Pending pending;
            pending.identity = !str(row, "identity").empty();
            if (auto def = optionalStr(row, "def"); def && generated) {
                column.generated = m_strip(*def);  // attgenerated 's': stored, the only kind
            } else if (def) {
                if (def->starts_with("nextval("))
                    pending.serialDefault = *def;
                else
                    column.defaultValue = pgParseDefault(m_strip(*def));
            }
            m_columnNames[{rel, row.at("num").get<int>()}] = name;
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

    void constraints(const Json& rows)
    {
        std::set<std::string> tableNames;
        for (const auto& [oid, t] : m_tables)
            tableNames.insert(t.name);
        for (const auto& row : rows) {
            Table* t = table(row);
            if (!t)
                continue;
            const std::string type = str(row, "type");
            const std::string name = str(row, "name");
            const std::string def = str(row, "def");
            const auto cols = strings(row, "cols");
            const std::int64_t rel = row.at("rel").get<std::int64_t>();
            const bool partition = isPartition(rel);
            // Constraints cloned from a partitioned table (on its partitions, and on the
            // referencing side for each partition a foreign key references) come with
            // the parent's; a partition's inherited CHECKs too.
            if (flag(row, "cloned") || (partition && flag(row, "inherited")))
                continue;
            const Table& columnsOf = columnsTable(rel);
            if (partition && (type == "p" || type == "u")) {
                note(unsupported("table_option", name, t->name,
                                 "a partition's own primary key or unique constraint", def));
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
                note(unsupported("table_option", name, t->name, "constraint on a column IR cannot express", def));
                continue;
            }
            const Deferral deferral{flag(row, "deferrable"), flag(row, "deferred")};
            if (type == "p") {
                if (deferral.deferrable)  // the IR's key has no name and no deferral
                    note(unsupported("table_option", name, t->name, "deferrable primary key", def));
                t->primaryKey = cols;
            } else if (type == "u") {
                t->uniques.push_back({name, cols, deferral});
            } else if (flag(row, "ref_local") ? !tableNames.count(m_prefix + str(row, "reftable"))
                                              : !m_named.count(str(row, "refschema"))) {
                note(unsupported("table_option", name, t->name, "foreign key to a table outside the schema's IR", def));
            } else {
                // A table of another named schema: whether the IR has it is known once
                // every schema is read (pgIntrospect).
                const std::string ref = flag(row, "ref_local") ? m_prefix + str(row, "reftable")
                                                               : namedPrefix(str(row, "refschema")) + str(row, "reftable");
                if (!flag(row, "ref_local"))
                    m_crossSchemaFks.push_back({t->name, name, def});
                t->foreignKeys.push_back({name, cols, ref, strings(row, "refcols"), fkAction(str(row, "ondelete")),
                                          fkAction(str(row, "onupdate")), deferral});
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

    void indexes(const Json& rows)
    {
        for (const auto& row : rows) {
            Table* t = table(row);
            if (!t)
                continue;
            const std::int64_t rel = row.at("rel").get<std::int64_t>();
            const std::string name = str(row, "name");
            const std::string sql = str(row, "sql");
            if (flag(row, "cloned"))  // a partition of a partitioned table's index: the parent's lists it
                continue;
            std::optional<std::string> problem;
            if (str(row, "method") != "btree")
                problem = "index method " + str(row, "method");
            else if (flag(row, "has_include"))
                problem = "INCLUDE columns";
            else if (flag(row, "has_options"))
                problem = "DESC or NULLS FIRST ordering";
            else if (flag(row, "has_opclass"))
                problem = "a non-default operator class";
            Index index;
            index.name = name;
            index.unique = flag(row, "unique");
            if (auto predicate = optionalStr(row, "predicate"))
                index.where = m_strip(*predicate);
            const auto keys = strings(row, "keys");
            const auto& attnums = row.at("attnums");
            for (std::size_t k = 0; k < keys.size() && !problem; ++k) {
                const int attnum = attnums.at(k).get<int>();
                if (attnum == 0) {
                    index.columns.push_back(IndexColumn::expr(m_strip(keys[k])));
                    continue;
                }
                const auto it = m_columnNames.find({rel, attnum});
                if (it == m_columnNames.end())
                    problem = "a column IR cannot express";
                else
                    index.columns.push_back(IndexColumn::column(it->second));
            }
            // Expressions and predicates count too: every column the index depends on.
            for (const auto& dep : row.at("dep_attnums")) {
                if (problem)
                    break;
                if (!m_columnNames.count({rel, dep.get<int>()}))
                    problem = "an expression or predicate on a column IR cannot express";
            }
            if (problem)
                note(unsupported("index", name, t->name, *problem, sql));
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
    const PgCatalogRows rows = pgFetchCatalog(driver, schema, false);
    if (options.schemas.empty()) {
        Assembler assembler([schema](std::string_view text) { return pgStripQualifier(text, schema); },
                            versionTablePlace == schema ? options.versionTable : std::string());
        return assembler.build(rows);
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
    Schema out = first.build(rows);
    auto crossSchemaFks = first.crossSchemaFks();
    for (const auto& named : options.schemas) {
        // Names stay qualified as the server prints them: the DDL runs with the project's
        // schema first on the search_path, not this one.
        Assembler pass([](std::string_view text) { return std::string(text); },
                       versionTablePlace == named ? named + "." + options.versionTable : std::string(),
                       named + ".", prefixes);
        Schema part = pass.build(pgFetchCatalog(driver, named, false));
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
    const PgCatalogRows rows = pgFetchCatalog(driver, std::string(), true);
    Assembler assembler([](std::string_view text) { return pgStripTempQualifier(text); }, std::string());
    return assembler.build(rows);
}

} // namespace tempest
