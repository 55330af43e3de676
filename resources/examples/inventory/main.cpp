// inventory: a small stock list that keeps its SQLite database up to date by itself.
// At start-up it runs its compiled-in migrations with MigrationRunner, then does what
// the command asks. `--print-schema` prints the models' IR instead: tempest.json names
// it as the models command, so `tempest-migrate check` and `revision --autogenerate`
// compare the database and the migrations with these very models.
//
//   inventory [--database FILE] [list]                 every item; low stock marked
//   inventory [--database FILE] add SKU NAME QTY [CATEGORY]
//   inventory --print-schema

#include "migrations.h"
#include "models.h"

#include "core/dialect/dialect.h"
#include "core/ir/errors.h"
#include "core/revision/revision_graph.h"
#include "core/runner/migration_runner.h"
#include "drivers/sqlite/sqlite_driver.h"
#include "model/models_main.h"

#include <exception>
#include <iostream>
#include <string>
#include <vector>

namespace {

constexpr const char* kUsage =
    "usage: inventory [--database FILE] [list | add SKU NAME QUANTITY [CATEGORY]]\n"
    "       inventory --print-schema\n";

// The migrations are part of the program: a copy of it never runs against a database
// it does not know how to bring up to date.
void upgrade(tempest::Driver& db)
{
    const tempest::RevisionGraph graph(inventory::migrations());
    const auto dialect = tempest::makeDialect("sqlite");
    tempest::MigrationRunner runner(graph, *dialect);
    const tempest::RunResult result = runner.upgrade(db);
    for (const std::string& warning : result.warnings)
        std::cerr << "warning: " << warning << '\n';
    for (const std::string& id : result.applied)
        std::cout << "applied " << id << " — " << graph.at(id).label << '\n';
}

void addItem(tempest::Driver& db, const std::vector<std::string>& args)
{
    const std::int64_t quantity = std::stoll(args.at(3));
    tempest::Value category;  // NULL unless one is named
    if (args.size() > 4) {
        db.execute("INSERT INTO categories (name) VALUES (?) ON CONFLICT (name) DO NOTHING", {args[4]});
        category = db.query("SELECT id FROM categories WHERE name = ?", {args[4]}).integer(0, "id");
    }
    db.execute("INSERT INTO items (sku, name, quantity, category_id) VALUES (?, ?, ?, ?)",
               {args[1], args[2], quantity, category});
    std::cout << "added " << args[1] << '\n';
}

void listItems(tempest::Driver& db)
{
    const tempest::ResultSet rows = db.query(
        "SELECT i.sku, i.name, i.quantity, i.reorder_level, c.name AS category "
        "FROM items i LEFT JOIN categories c ON c.id = i.category_id ORDER BY i.sku");
    if (rows.rows.empty())
        std::cout << "(no items)\n";
    for (std::size_t r = 0; r < rows.rows.size(); ++r) {
        const bool low = rows.integer(r, "quantity") <= rows.integer(r, "reorder_level");
        std::cout << rows.text(r, "sku") << "  " << rows.text(r, "name") << "  " << rows.integer(r, "quantity")
                  << (rows.null(r, "category") ? "" : "  [" + rows.text(r, "category") + "]")
                  << (low ? "  (reorder)" : "") << '\n';
    }
}

} // namespace

int main(int argc, char** argv)
{
    std::string database = "inventory.db";
    std::vector<std::string> command;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--print-schema")
            return tempest::model::printModels<inventory::Category, inventory::Item>(std::cout, std::cerr);
        if (arg == "--database" && i + 1 < argc)
            database = argv[++i];
        else if (arg == "--help" || arg == "-h")
            return std::cout << kUsage, 0;
        else
            command.push_back(arg);
    }
    if (command.empty())
        command = {"list"};
    const bool add = command[0] == "add" && (command.size() == 4 || command.size() == 5);
    if (!add && !(command[0] == "list" && command.size() == 1)) {
        std::cerr << kUsage;
        return 2;
    }
    try {
        const auto db = tempest::SqliteDriver::open(database);
        upgrade(*db);
        if (add)
            addItem(*db, command);
        else
            listItems(*db);
    } catch (const tempest::MigrationFailed& e) {
        std::cerr << "inventory: migration " << e.revision() << " failed: " << e.cause() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "inventory: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
