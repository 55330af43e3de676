// Writes the table-count fixtures of the benchmark of record (scripts/bench.sh), the same
// schema three ways, deterministically (a fixed-seed generator, nothing from the clock):
//
//   generate_bench_schema schema DIR TABLES [SEED]
//     DIR/schema.sqlite.sql     the schema as SQLite DDL (one transaction)
//     DIR/schema.postgres.sql   the same schema as PostgreSQL DDL (a transaction per 100 tables)
//     DIR/models.json           the same schema as IR
//     DIR/models_changed.json   the IR with 50 known changes of 7 kinds
//     DIR/changes.json          those changes: kind, table, and the quoted name a
//                               `check` finding about it contains (also as changes.tsv)
//     DIR/migrations/r0001_base.json  one revision creating the base schema
//   generate_bench_schema rows DIR PARENT_ROWS CHILD_ROWS
//     DIR/tempest.json, DIR/migrations/ (r1: parent + child with an ON DELETE CASCADE
//     key; r2: a type change of parent.amount, which SQLite can only do by a rebuild),
//     DIR/fill.sql (rows for both tables, generated inside SQLite by recursive CTEs)
//
// Tables t0000, t0001, … have 12 columns of mixed types with literal and expression
// defaults, a primary key (autoincrement on some), a unique, one or two indexes and,
// from the second table on, a foreign key to an earlier table.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

/// splitmix64: small, fast and the same on every platform, unlike std::*_distribution.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }

private:
    std::uint64_t m_state;
};

std::string tableName(int k)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "t%04d", k);
    return buf;
}

struct TableShape {
    bool autoincrement = false;
    int parent = -1;              // referenced table, -1 for none
    std::string onDelete;         // IR action; empty = no action
    bool compositeIndex = false;  // ix_<t>_name_day on (name, day)
};

void writeText(const fs::path& path, const std::string& text)
{
    std::ofstream out(path);
    out << text;
    if (!out)
        throw std::runtime_error("cannot write " + path.string());
}

void writeJson(const fs::path& path, const json& value) { writeText(path, value.dump(2) + "\n"); }

std::string sqlAction(const std::string& action)
{
    std::string upper;
    for (char c : action)
        upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return upper;
}

json tableIr(const std::string& name, const TableShape& shape, int k)
{
    json columns = json::object();
    columns["id"] = shape.autoincrement ? json {{"type", "integer"}, {"autoincrement", true}} : json {{"type", "integer"}};
    columns["name"] = {{"type", "varchar"}, {"length", 120}, {"nullable", false}};
    columns["code"] = {{"type", "varchar"}, {"length", 32}, {"nullable", false}};
    columns["qty"] = {{"type", "integer"}, {"nullable", false}, {"default", {{"value", 0}}}};
    columns["price"] = {{"type", "numeric"}, {"precision", 10}, {"scale", 2}, {"default", {{"value", 0}}}};
    columns["status"] = {{"type", "varchar"}, {"length", 16}, {"nullable", false}, {"default", {{"value", "new"}}}};
    columns["created_at"] = {{"type", "timestamp"}, {"nullable", false}, {"default", {{"expr", "CURRENT_TIMESTAMP"}}}};
    columns["note"] = {{"type", "text"}};
    columns["ratio"] = {{"type", "double"}};
    columns["flag"] = {{"type", "boolean"}, {"nullable", false}, {"default", {{"value", false}}}};
    columns["day"] = {{"type", "date"}};
    if (shape.parent >= 0)
        columns["parent_id"] = {{"type", "integer"}};
    else
        columns["rank"] = {{"type", "smallint"}, {"default", {{"value", k % 7}}}};

    json table = {{"columns", columns}, {"primaryKey", {"id"}}};
    json indexes = {{"ix_" + name + "_created_at", {{"columns", {"created_at"}}}}};
    if (shape.parent >= 0)
        indexes["ix_" + name + "_parent_id"] = {{"columns", {"parent_id"}}};
    if (shape.compositeIndex)
        indexes["ix_" + name + "_name_day"] = {{"columns", {"name", "day"}}};
    table["indexes"] = indexes;
    table["uniques"] = {{"uq_" + name + "_code", {{"columns", {"code"}}}}};
    if (shape.parent >= 0) {
        json fk = {{"columns", {"parent_id"}}, {"refTable", tableName(shape.parent)}, {"refColumns", {"id"}}};
        if (!shape.onDelete.empty())
            fk["onDelete"] = shape.onDelete;
        table["foreignKeys"] = {{"fk_" + name + "_parent_id", fk}};
    }
    return table;
}

std::string tableDdl(const std::string& name, const TableShape& shape, int k, bool postgres)
{
    std::ostringstream s;
    s << "CREATE TABLE \"" << name << "\" (\n";
    if (postgres)
        s << "  \"id\" integer" << (shape.autoincrement ? " GENERATED BY DEFAULT AS IDENTITY" : "") << " NOT NULL,\n";
    else
        s << (shape.autoincrement ? "  \"id\" INTEGER PRIMARY KEY AUTOINCREMENT,\n" : "  \"id\" INTEGER NOT NULL,\n");
    s << "  \"name\" " << (postgres ? "varchar(120)" : "VARCHAR(120)") << " NOT NULL,\n"
      << "  \"code\" " << (postgres ? "varchar(32)" : "VARCHAR(32)") << " NOT NULL,\n"
      << "  \"qty\" " << (postgres ? "integer" : "INTEGER") << " NOT NULL DEFAULT 0,\n"
      << "  \"price\" " << (postgres ? "numeric(10,2)" : "NUMERIC(10,2)") << " DEFAULT 0,\n"
      << "  \"status\" " << (postgres ? "varchar(16)" : "VARCHAR(16)") << " NOT NULL DEFAULT 'new',\n"
      << "  \"created_at\" " << (postgres ? "timestamp" : "TIMESTAMP") << " NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
      << "  \"note\" " << (postgres ? "text" : "TEXT") << ",\n"
      << "  \"ratio\" " << (postgres ? "double precision" : "DOUBLE PRECISION") << ",\n"
      << "  \"flag\" " << (postgres ? "boolean NOT NULL DEFAULT false" : "BOOLEAN NOT NULL DEFAULT FALSE") << ",\n"
      << "  \"day\" " << (postgres ? "date" : "DATE") << ",\n";
    if (shape.parent >= 0)
        s << "  \"parent_id\" " << (postgres ? "integer" : "INTEGER") << ",\n";
    else
        s << "  \"rank\" " << (postgres ? "smallint" : "SMALLINT") << " DEFAULT " << k % 7 << ",\n";
    if (postgres || !shape.autoincrement)
        s << "  CONSTRAINT \"pk_" << name << "\" PRIMARY KEY (\"id\"),\n";
    s << "  CONSTRAINT \"uq_" << name << "_code\" UNIQUE (\"code\")";
    if (shape.parent >= 0) {
        s << ",\n  CONSTRAINT \"fk_" << name << "_parent_id\" FOREIGN KEY (\"parent_id\") REFERENCES \""
          << tableName(shape.parent) << "\" (\"id\")";
        if (!shape.onDelete.empty())
            s << " ON DELETE " << sqlAction(shape.onDelete);
    }
    s << "\n);\n";
    s << "CREATE INDEX \"ix_" << name << "_created_at\" ON \"" << name << "\" (\"created_at\");\n";
    if (shape.parent >= 0)
        s << "CREATE INDEX \"ix_" << name << "_parent_id\" ON \"" << name << "\" (\"parent_id\");\n";
    if (shape.compositeIndex)
        s << "CREATE INDEX \"ix_" << name << "_name_day\" ON \"" << name << "\" (\"name\", \"day\");\n";
    return s.str();
}

/// The seven kinds of known change, applied one per table so each finding names its own.
json applyChanges(json& tables, int tableCount)
{
    struct Kind {
        const char* kind;
        int count;
    };
    // Eight same-affinity type changes (the kind issue 12 found silent on SQLite), seven of
    // each other kind: 50.
    const Kind kinds[] = {{"same_affinity_type", 8}, {"add_column", 7}, {"drop_column", 7}, {"type", 7},
                          {"nullability", 7},        {"default", 7},    {"add_index", 7}};
    json changes = json::array();
    const int stride = tableCount / 50;
    int i = 0;
    for (const auto& k : kinds) {
        for (int n = 0; n < k.count; ++n, ++i) {
            const std::string t = tableName(i * stride);
            json& columns = tables[t]["columns"];
            const std::string kind = k.kind;
            std::string object;
            if (kind == "same_affinity_type") {
                if (n % 2 == 0) {
                    columns["qty"]["type"] = "bigint";
                    object = "\"" + t + "\".\"qty\"";
                } else {
                    columns["name"] = {{"type", "text"}, {"nullable", false}};
                    object = "\"" + t + "\".\"name\"";
                }
            } else if (kind == "add_column") {
                columns["extra"] = {{"type", "varchar"}, {"length", 40}};
                object = "\"" + t + "\".\"extra\"";
            } else if (kind == "drop_column") {
                columns.erase("note");
                object = "\"" + t + "\".\"note\"";
            } else if (kind == "type") {
                columns["ratio"] = {{"type", "text"}};
                object = "\"" + t + "\".\"ratio\"";
            } else if (kind == "nullability") {
                columns["day"]["nullable"] = false;
                object = "\"" + t + "\".\"day\"";
            } else if (kind == "default") {
                columns["qty"]["default"] = {{"value", 1}};
                object = "\"" + t + "\".\"qty\"";
            } else {
                tables[t]["indexes"]["ix_" + t + "_name"] = {{"columns", {"name"}}};
                object = "\"ix_" + t + "_name\"";
            }
            changes.push_back({{"kind", kind}, {"table", t}, {"finding", object}});
        }
    }
    return changes;
}

int writeSchema(const fs::path& dir, int tableCount, std::uint64_t seed)
{
    if (tableCount < 50) {
        std::cerr << "generate_bench_schema: need at least 50 tables for the 50 known changes\n";
        return 2;
    }
    Rng rng(seed);
    fs::remove_all(dir);
    fs::create_directories(dir / "migrations");
    static const char* actions[] = {"", "cascade", "set null", "restrict"};
    std::string sqlite = "BEGIN;\n", postgres = "BEGIN;\n";
    json tables = json::object();
    json ups = json::array();
    for (int k = 0; k < tableCount; ++k) {
        TableShape shape;
        shape.autoincrement = rng.below(2) == 0;
        if (k > 0) {
            // Mostly the previous table, sometimes any earlier one: chains and fans.
            shape.parent = rng.below(4) == 0 ? rng.below(k) : k - 1;
            shape.onDelete = actions[rng.below(4)];
        }
        shape.compositeIndex = rng.below(10) < 3;
        const std::string name = tableName(k);
        tables[name] = tableIr(name, shape, k);
        sqlite += tableDdl(name, shape, k, false);
        postgres += tableDdl(name, shape, k, true);
        // A server with default settings (max_locks_per_transaction = 64) cannot create
        // thousands of tables in one transaction: commit every 100.
        if (k % 100 == 99)
            postgres += "COMMIT;\nBEGIN;\n";
        ups.push_back({{"kind", "create_table"}, {"table", name}, {"definition", tables[name]}});
    }
    sqlite += "COMMIT;\n";
    postgres += "COMMIT;\n";
    writeText(dir / "schema.sqlite.sql", sqlite);
    writeText(dir / "schema.postgres.sql", postgres);
    writeJson(dir / "models.json", {{"tables", tables}});
    writeJson(dir / "migrations" / "r0001_base.json",
              {{"revision", "r0001"}, {"downRevision", json::array()}, {"label", "base"},
               {"createdAt", "2026-01-01T00:00:00Z"}, {"up", ups}});
    json changed = tables;
    const json changes = applyChanges(changed, tableCount);
    writeJson(dir / "models_changed.json", {{"tables", changed}});
    writeJson(dir / "changes.json", changes);
    std::string tsv;  // the same list for scripts/bench.sh, which has no JSON reader
    for (const auto& c : changes)
        tsv += c["kind"].get<std::string>() + '\t' + c["table"].get<std::string>() + '\t' + c["finding"].get<std::string>() + '\n';
    writeText(dir / "changes.tsv", tsv);
    std::cout << "wrote " << dir.string() << ": " << tableCount << " tables, " << changes.size()
              << " known changes (seed " << seed << ")\n";
    return 0;
}

int writeRows(const fs::path& dir, long parents, long children)
{
    fs::remove_all(dir);
    fs::create_directories(dir / "migrations");
    writeJson(dir / "tempest.json",
              {{"dialect", "sqlite"}, {"database", "rows.db"}, {"migrations", "migrations"}, {"models", "models.json"}});
    const json amountBefore = {{"type", "integer"}, {"nullable", false}, {"default", {{"value", 0}}}};
    const json amountAfter = {{"type", "text"}, {"nullable", false}, {"default", {{"value", "0"}}}};
    json parent = {{"columns",
                    {{"id", {{"type", "integer"}}},
                     {"name", {{"type", "varchar"}, {"length", 60}, {"nullable", false}}},
                     {"amount", amountBefore},
                     {"created_at", {{"type", "timestamp"}}},
                     {"note", {{"type", "text"}}}}},
                   {"primaryKey", {"id"}},
                   {"indexes", {{"ix_parent_name", {{"columns", {"name"}}}}}}};
    const json child = {{"columns",
                         {{"id", {{"type", "integer"}}},
                          {"parent_id", {{"type", "integer"}, {"nullable", false}}},
                          {"qty", {{"type", "integer"}, {"nullable", false}, {"default", {{"value", 0}}}}}}},
                        {"primaryKey", {"id"}},
                        {"indexes", {{"ix_child_parent_id", {{"columns", {"parent_id"}}}}}},
                        {"foreignKeys",
                         {{"fk_child_parent_id",
                           {{"columns", {"parent_id"}}, {"refTable", "parent"}, {"refColumns", {"id"}}, {"onDelete", "cascade"}}}}}};
    writeJson(dir / "migrations" / "r1_tables.json",
              {{"revision", "r1"}, {"downRevision", json::array()}, {"label", "tables"},
               {"createdAt", "2026-01-01T00:00:00Z"},
               {"up", {{{"kind", "create_table"}, {"table", "parent"}, {"definition", parent}},
                       {{"kind", "create_table"}, {"table", "child"}, {"definition", child}}}}});
    writeJson(dir / "migrations" / "r2_amount_as_text.json",
              {{"revision", "r2"}, {"downRevision", {"r1"}}, {"label", "amount as text"},
               {"createdAt", "2026-01-01T00:01:00Z"},
               {"up", {{{"kind", "alter_column"}, {"table", "parent"}, {"column", "amount"},
                        {"from", amountBefore}, {"to", amountAfter}}}}});
    parent["columns"]["amount"] = amountAfter;
    writeJson(dir / "models.json", {{"tables", {{"parent", parent}, {"child", child}}}});
    std::ostringstream fill;
    fill << "BEGIN;\n"
         << "INSERT INTO parent (id, name, amount, created_at, note)\n"
         << "  WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < " << parents << ")\n"
         << "  SELECT v, 'parent ' || v, v % 1000, '2026-01-01 00:00:00', CASE WHEN v % 3 = 0 THEN 'note ' || v END FROM n;\n"
         << "INSERT INTO child (id, parent_id, qty)\n"
         << "  WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < " << children << ")\n"
         << "  SELECT v, (v * 7919) % " << parents << " + 1, v % 10 FROM n;\n"
         << "COMMIT;\n";
    writeText(dir / "fill.sql", fill.str());
    std::cout << "wrote " << dir.string() << ": parent " << parents << " rows, child " << children << " rows\n";
    return 0;
}

int usage()
{
    std::cerr << "usage: generate_bench_schema schema DIR TABLES [SEED]\n"
                 "       generate_bench_schema rows DIR PARENT_ROWS CHILD_ROWS\n";
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 4)
        return usage();
    const std::string command = argv[1];
    try {
        if (command == "schema")
            return writeSchema(argv[2], std::stoi(argv[3]), argc > 4 ? std::stoull(argv[4]) : 12);
        if (command == "rows" && argc == 5)
            return writeRows(argv[2], std::stol(argv[3]), std::stol(argv[4]));
    } catch (const std::exception& e) {
        std::cerr << "generate_bench_schema: " << e.what() << '\n';
        return 1;
    }
    return usage();
}
