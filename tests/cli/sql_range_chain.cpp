#include "sql_range_chain.h"

#include "core/ir/json.h"

#include <QDebug>
#include <QTest>

namespace tempest::test::sqlrange {

namespace {

/// An execute operation with SQLite and PostgreSQL SQL for both directions.
std::string executeBoth(const std::string& sqliteUp, const std::string& postgresUp, const std::string& sqliteDown,
                        const std::string& postgresDown)
{
    Json op = Json::object();
    op["kind"] = "execute";
    op["up"] = Json::object({{"sqlite", sqliteUp}, {"postgresql", postgresUp}});
    op["down"] = Json::object({{"sqlite", sqliteDown}, {"postgresql", postgresDown}});
    return op.dump();
}

std::string executeSame(const std::string& up, const std::string& down) { return executeBoth(up, up, down, down); }

std::string migration(const std::string& id, const std::string& parent, const std::string& label,
                      const std::vector<std::string>& up)
{
    std::string ops;
    for (const std::string& op : up)
        ops += (ops.empty() ? "\n    " : ",\n    ") + op;
    return "{\n  \"revision\": \"" + id + "\",\n  \"downRevision\": [" + (parent.empty() ? "" : "\"" + parent + "\"") +
           "],\n  \"label\": \"" + label + "\",\n  \"up\": [" + ops + "\n  ]\n}\n";
}

const char* kAuthors = R"({"kind": "create_table", "table": "authors", "definition": {"columns": {)"
                       R"("id": {"type": "integer"}, "name": {"type": "varchar", "length": 100, "nullable": false}}, )"
                       R"("primaryKey": ["id"]}})";

const char* kBooks = R"({"kind": "create_table", "table": "books", "definition": {"columns": {)"
                     R"("id": {"type": "integer"}, "author_id": {"type": "integer", "nullable": false}, )"
                     R"("title": {"type": "text"}, "price": {"type": "integer"}}, "primaryKey": ["id"], )"
                     R"("indexes": {"ix_books_title": {"columns": ["title"]}}, )"
                     R"("foreignKeys": {"fk_books_author_id": {"columns": ["author_id"], "refTable": "authors", )"
                     R"("refColumns": ["id"], "onDelete": "cascade"}}}})";

const char* kSeed = "INSERT INTO authors (id, name) VALUES (1, 'Ann'), (2, 'Bob'); "
                    "INSERT INTO books (id, author_id, title, price) VALUES "
                    "(1, 1, 'First', 10), (2, 1, NULL, 20), (3, 2, 'Third', NULL)";
const char* kUnseed = "DELETE FROM books; DELETE FROM authors";

const char* kRetype = R"({"kind": "alter_column", "table": "books", "column": "price", "from": {"type": "integer"}, )"
                      R"("to": {"type": "numeric", "precision": 10, "scale": 2}})";
const char* kTitleRequired =
    R"({"kind": "alter_column", "table": "books", "column": "title", "from": {"type": "text"}, )"
    R"("to": {"type": "text", "nullable": false, "default": {"value": "untitled"}}})";

// The trigger touches authors on every update of books; the view reads books.title
// (renamed by r4: SQLite rewrites the view, PostgreSQL keeps it by attribute number).
const char* kSqliteTriggerAndView =
    "CREATE TRIGGER trg_books_touch AFTER UPDATE ON books BEGIN "
    "UPDATE authors SET name = name WHERE id = NEW.author_id; END; "
    "CREATE VIEW v_books AS SELECT b.id, b.title, a.name AS author FROM books b JOIN authors a ON a.id = b.author_id";
const char* kSqliteDropTriggerAndView = "DROP VIEW v_books; DROP TRIGGER trg_books_touch";
const char* kPostgresTriggerAndView =
    "CREATE FUNCTION books_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "UPDATE authors SET name = name WHERE id = NEW.author_id; RETURN NEW; END $$; "
    "CREATE TRIGGER trg_books_touch AFTER UPDATE ON books FOR EACH ROW EXECUTE FUNCTION books_touch(); "
    "CREATE VIEW v_books AS SELECT b.id, b.title, a.name AS author FROM books b JOIN authors a ON a.id = b.author_id";
const char* kPostgresDropTriggerAndView =
    "DROP VIEW v_books; DROP TRIGGER trg_books_touch ON books; DROP FUNCTION books_touch()";

const char* kRenameTitle = R"({"kind": "rename_column", "table": "books", "from": "title", "to": "headline"})";
const char* kPriceCheck =
    R"({"kind": "add_check", "table": "books", "name": "ck_books_price", "definition": {"expr": "price >= 0"}})";
const char* kCreateStatus = R"({"kind": "create_enum", "name": "book_status", "values": ["draft", "published"]})";
const char* kAddStatus = R"({"kind": "add_column", "table": "books", "column": "status", "definition": )"
                         R"({"type": "enum", "enum": "book_status", "default": {"value": "draft"}}})";
const char* kAddArchived = R"({"kind": "add_enum_value", "name": "book_status", "value": "archived"})";
const char* kDropPublished =
    R"({"kind": "drop_enum_value", "name": "book_status", "value": "published", "before": "archived"})";

const char* kHeadModels = R"({
  "tables": {
    "authors": {
      "columns": {
        "id": {"type": "integer"},
        "name": {"type": "varchar", "length": 100, "nullable": false}
      },
      "primaryKey": ["id"]
    },
    "books": {
      "columns": {
        "id": {"type": "integer"},
        "author_id": {"type": "integer", "nullable": false},
        "headline": {"type": "text", "nullable": false, "default": {"value": "untitled"}},
        "price": {"type": "numeric", "precision": 10, "scale": 2},
        "status": {"type": "enum", "enum": "book_status", "default": {"value": "draft"}}
      },
      "primaryKey": ["id"],
      "indexes": {"ix_books_title": {"columns": ["headline"]}},
      "foreignKeys": {"fk_books_author_id": {"columns": ["author_id"], "refTable": "authors",
                                             "refColumns": ["id"], "onDelete": "cascade"}},
      "checks": {"ck_books_price": {"expr": "price >= 0"}}
    }
  },
  "enums": {"book_status": ["draft", "archived"]}
}
)";

} // namespace

const std::vector<std::string>& chainIds()
{
    static const std::vector<std::string> ids{"r1", "r2", "r3", "r4", "r5", "r6"};
    return ids;
}

std::vector<std::string> chainStates()
{
    std::vector<std::string> states{"base"};
    states.insert(states.end(), chainIds().begin(), chainIds().end());
    return states;
}

std::vector<std::pair<int, int>> chainPairs()
{
    std::vector<std::pair<int, int>> pairs;
    const int n = int(chainStates().size());
    for (int a = 0; a < n; ++a)
        for (int b = a + 1; b < n; ++b)
            pairs.emplace_back(a, b);
    return pairs;
}

void addPairRows()
{
    QTest::addColumn<int>("a");
    QTest::addColumn<int>("b");
    const auto states = chainStates();
    for (const auto& [a, b] : chainPairs())
        QTest::addRow("%s..%s", states[std::size_t(a)].c_str(), states[std::size_t(b)].c_str()) << a << b;
}

std::vector<std::pair<std::string, std::string>> chainFiles()
{
    return {
        {"migrations/r1.json", migration("r1", "", "create authors and books", {kAuthors, kBooks, executeSame(kSeed, kUnseed)})},
        {"migrations/r2.json", migration("r2", "r1", "retype price, title required", {kRetype, kTitleRequired})},
        {"migrations/r3.json",
         migration("r3", "r2", "trigger and view on books",
                   {executeBoth(kSqliteTriggerAndView, kPostgresTriggerAndView, kSqliteDropTriggerAndView,
                                kPostgresDropTriggerAndView)})},
        {"migrations/r4.json",
         migration("r4", "r3", "headline, price check, status", {kRenameTitle, kPriceCheck, kCreateStatus, kAddStatus})},
        {"migrations/r5.json",
         migration("r5", "r4", "archived status, used",
                   {kAddArchived, executeSame("UPDATE books SET status = 'archived' WHERE id = 3",
                                              "UPDATE books SET status = 'draft' WHERE status = 'archived'")})},
        {"migrations/r6.json", migration("r6", "r5", "no published status", {kDropPublished})},
        {"models.json", kHeadModels},
    };
}

std::string checkProblem(const CliRun& check, int stateIndex)
{
    Json doc;
    try {
        doc = Json::parse(check.out);
    } catch (const std::exception& e) {
        return std::string("check --json printed no JSON (") + e.what() + ")\n" + check.describe();
    }
    const Json& result = doc["result"];
    const bool atHead = stateIndex == int(chainIds().size());
    if (atHead) {
        if (check.exitCode != 0 || !result["lines"].empty())
            return "check at the head is not clean:\n" + check.describe();
        return {};
    }
    const std::size_t pending = chainIds().size() - std::size_t(stateIndex);
    if (check.exitCode != 1 || !result["behindHeads"].get<bool>() || result["lines"].size() != 1 ||
        result["pending"].size() != pending || !result["uncaptured"].empty() || !result["changed"].empty())
        return "check at " + chainStates()[std::size_t(stateIndex)] + " should say only \"behind heads\" (" +
               std::to_string(pending) + " pending):\n" + check.describe();
    const std::string line = result["lines"][0].get<std::string>();
    if (line.rfind("drift: database is behind heads", 0) != 0 || contains(line, "differs"))
        return "unexpected check line: " + line + "\n" + check.describe();
    return {};
}

QStringList withDatabase(const std::string& database, const QStringList& args)
{
    return QStringList{QStringLiteral("--database"), QString::fromStdString(database)} + args;
}

std::string dumpQuery(Driver& db, const std::string& sql)
{
    const ResultSet rows = db.query(sql);
    std::string dump;
    for (const auto& row : rows.rows) {
        for (std::size_t c = 0; c < row.size(); ++c)
            dump += (c ? " | " : "") + (std::holds_alternative<std::monostate>(row[c]) ? "NULL" : valueToString(row[c]));
        dump += "\n";
    }
    return dump;
}

std::string compareRange(const RangeSuite& suite, bool down, int a, int b)
{
    const auto states = chainStates();
    const std::string& from = states[std::size_t(a)];
    const std::string& to = states[std::size_t(b)];
    const int start = down ? b : a;
    const int end = down ? a : b;

    // Online: `upgrade B` on a database at A, or `downgrade A` on one at B.
    const std::string online = suite.databaseAt(start);
    const CliRun run = suite.cli(withDatabase(online, {QString::fromStdString(down ? "downgrade" : "upgrade"),
                                                       QString::fromStdString(down ? from : to)}));
    if (run.exitCode != 0)
        return "online run failed:\n" + run.describe();
    const std::string check = checkProblem(suite.cli(withDatabase(online, {"--json", "check"})), end);
    if (!check.empty())
        return check;

    // Offline: the range's --sql script, run by the dialect's shell on another database.
    const std::string range = down ? to + ":" + from : from + ":" + to;
    const CliRun sql = suite.cli({QString::fromStdString(down ? "downgrade" : "upgrade"), QString::fromStdString(range),
                                  "--sql"});
    if (sql.exitCode != 0)
        return "--sql " + range + " failed:\n" + sql.describe();
    const std::string offline = suite.databaseAt(start);
    const CliRun shell = suite.runScript(offline, sql.out);
    if (shell.exitCode != 0)
        return "the shell failed on the --sql script of " + range + ":\n" + shell.describe() + "--- script:\n" + sql.out;

    const std::string onlineState = suite.record(online);
    const std::string offlineState = suite.record(offline);
    if (onlineState != offlineState)
        return "online and --sql " + range + " differ at " + firstDifference(onlineState, offlineState, "online", "offline") +
               "\n--- online:\n" + onlineState + "--- offline:\n" + offlineState + "--- script:\n" + sql.out;
    return {};
}

bool passes(const std::string& problem)
{
    if (problem.empty())
        return true;
    qWarning().noquote() << QString::fromStdString(problem);
    return false;
}

std::string firstLine(const std::string& text)
{
    return text.substr(0, text.find('\n'));
}

} // namespace tempest::test::sqlrange
