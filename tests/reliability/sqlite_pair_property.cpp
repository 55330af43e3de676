// The random-pair property on SQLite files (see pair_property.h and pair_harness.h), with
// `sqlite3` running the scripts.
#include "pair_harness.h"

#include "drivers/sqlite/sqlite_driver.h"

#include <filesystem>

namespace tempest::test {

namespace {

class SqliteDatabases final : public PairDatabases {
public:
    std::string dialect() const override { return "sqlite"; }
    std::string begin(const std::string& workspace) override
    {
        m_root = workspace;
        return "app.db";
    }
    std::unique_ptr<Driver> open(PairDb which) override { return SqliteDriver::open(path(which)); }
    void bringToA(const std::function<void(Driver&)>& bringToA) override
    {
        bringToA(*open(PairDb::Online));
        std::filesystem::copy_file(path(PairDb::Online), path(PairDb::Range));
        std::filesystem::copy_file(path(PairDb::Online), path(PairDb::Live));
    }

    void createHandMadeObjects(Driver& db, const SchemaPair& pair) override
    {
        // On tables that survive under their name: a view reading every column, a trigger
        // on the table and one on the view.
        for (const Table& t : pair.a.tables) {
            const bool survives = std::any_of(pair.b.tables.begin(), pair.b.tables.end(),
                                              [&](const Table& b) { return b.name == t.name && !b.renamedFrom; });
            if (!survives)
                continue;
            const std::string view = quoteSql("v " + t.name), table = quoteSql(t.name);
            db.execute("CREATE VIEW " + view + " AS SELECT * FROM " + table);
            db.execute("CREATE TRIGGER " + quoteSql("trg " + t.name) + " AFTER UPDATE ON " + table
                       + " WHEN NEW.\"id\" > 0 BEGIN SELECT 1; END");
            db.execute("CREATE TRIGGER " + quoteSql("trg v " + t.name) + " INSTEAD OF DELETE ON " + view
                       + " BEGIN SELECT 1; END");
        }
    }
    std::string handMadeObjects(Driver& db) override
    {
        return dump(db, "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE type IN ('view', 'trigger') "
                        "ORDER BY type, name");
    }
    std::string catalog(Driver& db) override
    {
        return dump(db, "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' "
                        "ORDER BY type, name");
    }
    bool rangeScriptKeepsCatalog() const override { return false; }
    std::optional<std::string> integrity(Driver& db) override
    {
        if (db.query("PRAGMA integrity_check").text(0, "integrity_check") != "ok"
            || !db.query("PRAGMA foreign_key_check").rows.empty())
            return "integrity or foreign-key check fails";
        return std::nullopt;
    }
    std::pair<QString, QStringList> shell(PairDb which) const override
    {
        return {QStringLiteral("sqlite3"), {QStringLiteral("-bail"), QString::fromStdString(path(which))}};
    }

private:
    std::string path(PairDb which) const
    {
        return m_root + (which == PairDb::Online ? "/app.db" : which == PairDb::Range ? "/range.db" : "/live.db");
    }
    static std::string dump(Driver& db, const std::string& query)
    {
        std::string out;
        const ResultSet rows = db.query(query);
        for (std::size_t r = 0; r < rows.rows.size(); ++r)
            out += rows.text(r, "type") + " " + rows.text(r, "name") + " " + rows.text(r, "tbl_name") + ": "
                 + rows.text(r, "sql") + "\n";
        return out;
    }

    std::string m_root;
};

} // namespace

std::optional<std::string> sqlitePairProperty(const SchemaPair& pair)
{
    SqliteDatabases databases;
    return runPairProperty(pair, databases);
}

} // namespace tempest::test
