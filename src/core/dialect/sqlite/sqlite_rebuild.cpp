#include "core/dialect/sqlite/sqlite_rebuild.h"

#include "core/dialect/sqlite/sqlite_render_ddl.h"
#include "core/dialect/sqlite/sqlite_render_split.h"
#include "core/dialect/sqlite/sqlite_types.h"
#include "core/ir/errors.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace tempest {

namespace {

std::string lower(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// Whether `sql` may refer to `name`. Textual and generous: a false positive only means
/// an object is dropped and recreated unchanged.
bool mentions(std::string_view sql, std::string_view name)
{
    return lower(sql).find(lower(name)) != std::string::npos;
}

/// The declared type a column really gets in a table, for deciding whether to CAST.
std::string effectiveType(const Table& table, const Column& column, bool strict)
{
    if (sqliteInlinePrimaryKey(table) == &column)
        return "INTEGER";
    std::string type = sqliteColumnType(column);
    return strict ? sqliteStrictType(type) : type;
}

bool namesItem(const Table& table, std::string_view name)
{
    auto same = [&](const auto& item) { return sqliteSameName(item.name, name); };
    return std::any_of(table.indexes.begin(), table.indexes.end(), same)
        || std::any_of(table.uniques.begin(), table.uniques.end(), same);
}

Statement statement(std::string sql, int operationIndex, bool commentOnly = false)
{
    return Statement{std::move(sql), operationIndex, commentOnly};
}

/// The live objects a rebuild must put back, split by what happens to them.
struct Dependents {
    std::vector<const SqliteLiveObject*> dropFirst;  // views and foreign triggers reading the table
    std::set<const SqliteLiveObject*> recreate;      // everything to create again afterwards
};

Dependents findDependents(SqliteLiveCatalog& live, const std::string& liveName, const Table& start,
                          const Table& target, const std::set<std::string>& droppedEarlier)
{
    Dependents result;
    std::vector<std::string> gone{liveName};  // the table, then views dropped with it
    auto isGone = [&](std::string_view name) {
        return std::any_of(gone.begin(), gone.end(), [&](const auto& g) { return sqliteSameName(g, name); });
    };
    auto mentionsGone = [&](const SqliteLiveObject& object) {
        return std::any_of(gone.begin(), gone.end(), [&](const auto& g) { return mentions(object.sql, g); });
    };

    // Views reading the table, and views reading those: `error in view v: no such table`
    // otherwise, at the rename.
    for (bool grew = true; grew;) {
        grew = false;
        for (const auto& object : live.objects()) {
            if (object.type == "view" && !isGone(object.name) && mentionsGone(object)) {
                gone.push_back(object.name);
                result.dropFirst.push_back(&object);
                result.recreate.insert(&object);
                grew = true;
            }
        }
    }
    for (const auto& object : live.objects()) {
        if (object.type == "trigger") {
            if (isGone(object.table)) {
                result.recreate.insert(&object);  // dropped with its table or view
            } else if (mentionsGone(object)) {
                result.dropFirst.push_back(&object);  // a trigger elsewhere whose body reads it
                result.recreate.insert(&object);
            }
        } else if (object.type == "index" && !object.sql.empty() && sqliteSameName(object.table, liveName)
                   && !namesItem(start, object.name) && !namesItem(target, object.name)
                   && !std::any_of(droppedEarlier.begin(), droppedEarlier.end(),
                                   [&](const auto& d) { return sqliteSameName(d, object.name); })) {
            // An index the IR does not describe (introspection listed it as unsupported).
            result.recreate.insert(&object);
        }
    }
    return result;
}

std::string copyRows(const SqliteRebuild& rebuild, const Table& target, const std::string& into, bool strict)
{
    std::string columns, values;
    for (const auto& column : target.columns) {
        auto source = rebuild.sourceOf.find(column.name);
        if (source == rebuild.sourceOf.end())
            continue;
        const Column* from = rebuild.start.findColumn(source->second);
        if (!from)
            continue;
        std::string value = sqliteQuoteIdentifier(from->name);
        std::string type = effectiveType(target, column, strict);
        if (!type.empty() && type != effectiveType(rebuild.start, *from, strict))
            value = "CAST(" + value + " AS " + type + ")";
        if (!column.nullable && column.defaultValue && from->nullable)
            value = "COALESCE(" + value + ", " + sqliteDefaultSql(*column.defaultValue) + ")";
        columns += (columns.empty() ? "" : ", ") + sqliteQuoteIdentifier(column.name);
        values += (values.empty() ? "" : ", ") + value;
    }
    if (columns.empty())
        return {};
    return "INSERT INTO " + sqliteQuoteIdentifier(into) + " (" + columns + ")\n  SELECT " + values
         + " FROM " + sqliteQuoteIdentifier(rebuild.start.name);
}

} // namespace

const std::vector<SqliteLiveObject>& SqliteLiveCatalog::objects()
{
    if (!m_objects) {
        m_objects.emplace();
        if (m_driver) {
            ResultSet rows = m_driver->query(
                "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid");
            for (std::size_t r = 0; r < rows.rows.size(); ++r)
                m_objects->push_back({rows.text(r, "type"), rows.text(r, "name"), rows.text(r, "tbl_name"),
                                      rows.text(r, "sql")});
        }
    }
    return *m_objects;
}

const SqliteLiveObject* SqliteLiveCatalog::table(std::string_view name)
{
    for (const auto& object : objects())
        if (object.type == "table" && sqliteSameName(object.name, name))
            return &object;
    return nullptr;
}

bool sqliteSameName(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && lower(a) == lower(b);
}

std::string sqliteTableOptions(std::string_view createTableSql)
{
    std::size_t open = createTableSql.find('(');
    if (open == std::string_view::npos)
        return {};  // CREATE TABLE … AS SELECT has no options to keep
    std::size_t close = findClosingParenthesis(createTableSql, open);
    if (close == std::string_view::npos)
        return {};
    std::string options(createTableSql.substr(close + 1));
    auto notSpace = [](unsigned char c) { return !std::isspace(c) && c != ';'; };
    options.erase(options.begin(), std::find_if(options.begin(), options.end(), notSpace));
    options.erase(std::find_if(options.rbegin(), options.rend(), notSpace).base(), options.end());
    return options;
}

bool sqliteOptionsAreStrict(std::string_view options)
{
    return lower(options).find("strict") != std::string::npos;
}

SqliteRebuild SqliteRebuild::of(const Table& table, std::string liveName, bool renamedEarlier, int operationIndex)
{
    SqliteRebuild rebuild{table, {}, std::move(liveName), renamedEarlier, {}, operationIndex};
    for (const auto& column : table.columns)
        rebuild.sourceOf[column.name] = column.name;
    return rebuild;
}

void renderSqliteRebuild(const SqliteRebuild& rebuild, const Table& target, const Schema& schema,
                         SqliteLiveCatalog& live, std::vector<Statement>& out)
{
    const int op = rebuild.operationIndex;
    const std::string& name = target.name;
    const std::string temporary = "_tempest_new_" + name;

    SqliteTableSpelling spelling{temporary, {}, false};
    Dependents dependents;
    const SqliteLiveObject* liveTable =
        live.available() && !rebuild.liveName.empty() ? live.table(rebuild.liveName) : nullptr;
    if (!live.available()) {
        out.push_back(statement(
            "-- WARNING: table " + sqliteQuoteIdentifier(name)
                + " is rebuilt without a live database: its triggers, the indexes the schema does not "
                  "describe and its table options (STRICT, WITHOUT ROWID) cannot be known here and are "
                  "not recreated",
            op, true));
    } else if (liveTable) {
        spelling.options = sqliteTableOptions(liveTable->sql);
        spelling.strictTypes = sqliteOptionsAreStrict(spelling.options);
        dependents = findDependents(live, rebuild.liveName, rebuild.start, target, rebuild.droppedEarlier);
        if (rebuild.renamedEarlier && !dependents.recreate.empty())
            throw InputError("table " + sqliteQuoteIdentifier(name)
                             + " needs a rebuild after it or one of its columns was renamed in the same "
                               "revision, and it has triggers, views or indexes that SQLite rewrote for the "
                               "rename; put the rename in a revision of its own");
    }

    out.push_back(statement(sqliteCreateTable(target, schema, spelling), op));
    std::string copy = copyRows(rebuild, target, temporary, spelling.strictTypes);
    if (!copy.empty())
        out.push_back(statement(copy, op));
    if (sqliteInlinePrimaryKey(target)) {
        // Keep AUTOINCREMENT's high-water mark: ids of deleted rows are never reused.
        out.push_back(statement("DELETE FROM sqlite_sequence WHERE name = " + sqliteQuoteLiteral(temporary), op));
        out.push_back(statement("INSERT INTO sqlite_sequence (name, seq) SELECT " + sqliteQuoteLiteral(temporary)
                                    + ", seq FROM sqlite_sequence WHERE name = "
                                    + sqliteQuoteLiteral(rebuild.start.name),
                                op));
    }
    for (auto it = dependents.dropFirst.rbegin(); it != dependents.dropFirst.rend(); ++it)
        out.push_back(statement("DROP " + std::string((*it)->type == "view" ? "VIEW " : "TRIGGER ")
                                    + sqliteQuoteIdentifier((*it)->name),
                                op));
    out.push_back(statement("DROP TABLE " + sqliteQuoteIdentifier(rebuild.start.name), op));
    // Legacy mode: the rename does not re-parse every view and trigger of the database, so
    // ones we could not know about (offline) or that are already broken do not stop it.
    out.push_back(statement("PRAGMA legacy_alter_table=ON", op));
    out.push_back(statement("ALTER TABLE " + sqliteQuoteIdentifier(temporary) + " RENAME TO "
                                + sqliteQuoteIdentifier(name),
                            op));
    out.push_back(statement("PRAGMA legacy_alter_table=OFF", op));
    for (const auto& index : target.indexes)
        out.push_back(statement(sqliteCreateIndex(name, index), op));
    // Live objects in creation order: indexes, then views, then triggers (a trigger may
    // be on a view).
    for (const char* type : {"index", "view", "trigger"})
        for (const auto& object : live.objects())
            if (object.type == type && dependents.recreate.count(&object))
                out.push_back(statement(object.sql, op));
}

} // namespace tempest
