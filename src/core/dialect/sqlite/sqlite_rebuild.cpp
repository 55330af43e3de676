#include "core/dialect/sqlite/sqlite_rebuild.h"

#include "core/dialect/sqlite/sqlite_create_parser.h"
#include "core/dialect/sqlite/sqlite_rebuild_text.h"
#include "core/dialect/sqlite/sqlite_render_ddl.h"
#include "core/dialect/sqlite/sqlite_render_split.h"
#include "core/dialect/sqlite/sqlite_types.h"

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

bool namesAnyItem(const Table& start, const Table& target, std::string_view name)
{
    return namesItem(start, name) || namesItem(target, name);
}

/// The catalog objects a rebuild must put back, split by what happens to them. Copies:
/// emitting the rebuild's statements changes the catalog.
struct Dependents {
    std::vector<SqliteSchemaObject> dropFirst;  // views and foreign triggers reading the table
    std::vector<SqliteSchemaObject> recreate;   // everything to create again afterwards, in catalog order
};

Dependents findDependents(const SqliteRunState& catalog, const Table& start, const Table& target)
{
    Dependents result;
    std::vector<std::string> gone{start.name};  // the table, then views dropped with it
    auto isGone = [&](std::string_view name) {
        return std::any_of(gone.begin(), gone.end(), [&](const auto& g) { return sqliteSameName(g, name); });
    };
    auto mentionsGone = [&](const SqliteSchemaObject& object) {
        return std::any_of(gone.begin(), gone.end(), [&](const auto& g) { return mentions(object.sql, g); });
    };

    // Views reading the table, and views reading those: `error in view v: no such table`
    // otherwise, at the rename.
    std::set<std::string> views;
    for (bool grew = true; grew;) {
        grew = false;
        for (const auto& object : catalog.objects()) {
            if (object.type == "view" && !isGone(object.name) && mentionsGone(object)) {
                gone.push_back(object.name);
                result.dropFirst.push_back(object);
                views.insert(object.name);
                grew = true;
            }
        }
    }
    for (const auto& object : catalog.objects()) {
        if (object.type == "view" && views.count(object.name)) {
            result.recreate.push_back(object);
        } else if (object.type == "trigger") {
            if (isGone(object.table)) {
                result.recreate.push_back(object);  // dropped with its table or view
            } else if (mentionsGone(object)) {
                result.dropFirst.push_back(object);  // a trigger elsewhere whose body reads it
                result.recreate.push_back(object);
            }
        } else if (object.type == "index" && !object.sql.empty() && sqliteSameName(object.table, start.name)
                   && !namesAnyItem(start, target, object.name)) {
            // An index the IR does not describe (introspection listed it as unsupported).
            result.recreate.push_back(object);
        }
    }
    return result;
}

/// The statement that creates `object` again (a TEMP one in the temp schema).
std::string createAgain(const SqliteSchemaObject& object)
{
    if (!object.temp || object.type == "index")
        return object.sql;
    return "CREATE TEMP " + object.sql.substr(std::string_view("CREATE ").size());
}

std::string renameColumnSql(const std::string& table, const std::string& from, const std::string& to)
{
    return "ALTER TABLE " + sqliteQuoteIdentifier(table) + " RENAME COLUMN " + sqliteQuoteIdentifier(from) + " TO "
         + sqliteQuoteIdentifier(to);
}

/// Whether renaming a column of `start` rewrites more than what the rebuild writes anew
/// (the table itself, and the indexes the IR describes).
bool renameReachesOthers(const SqliteRunState& before, const SqliteRunState& after, const Table& start,
                         const Table& target)
{
    const auto& a = before.objects();
    const auto& b = after.objects();
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        if (a[i].sql == b[i].sql)
            continue;
        const bool ownTable = a[i].type == "table" && sqliteSameName(a[i].name, start.name);
        const bool describedIndex = a[i].type == "index" && sqliteSameName(a[i].table, start.name)
                                 && namesAnyItem(start, target, a[i].name);
        if (!ownTable && !describedIndex)
            return true;
    }
    return false;
}

/// Runs the renames folded into `rebuild` as ALTER TABLE RENAME COLUMN before it, where
/// views, triggers, indexes the IR does not describe or other tables' REFERENCES name the
/// column. Before and not after the rebuild: the rebuild builds the table from the IR,
/// which already speaks of the new name (CHECKs, an enum CHECK's name, index columns), so
/// it cannot leave the column under its old name for a later RENAME. Renaming first lets
/// SQLite rewrite those objects by its own rules, the run's catalog carries the same
/// rewrite, and the rebuild recreates them from it: they end up as a plain RENAME COLUMN
/// would have left them. Renames whose new name the table still holds (a swap, a column
/// dropped by the same rebuild) stay folded into the copy.
void renameFirstWhereNamed(SqliteRebuild& rebuild, const Table& target, const SqliteRunState& catalog,
                           const SqliteEmit& emit)
{
    for (bool renamed = true; renamed;) {
        renamed = false;
        for (auto& [column, source] : rebuild.sourceOf) {
            if (column == source || rebuild.start.findColumn(column) || !rebuild.start.findColumn(source))
                continue;
            const std::string sql = renameColumnSql(rebuild.start.name, source, column);
            SqliteRunState after = catalog;
            after.apply(sql);
            if (!renameReachesOthers(catalog, after, rebuild.start, target))
                continue;
            auto by = rebuild.renamedBy.find(column);
            emit(sql, by == rebuild.renamedBy.end() ? rebuild.operationIndex : by->second, false);
            Schema scratch;
            scratch.tables = {rebuild.start};
            applyOperation(scratch, RenameColumn{rebuild.start.name, source, column});
            rebuild.start = scratch.tables.front();
            source = column;
            renamed = true;
        }
    }
}

std::string copyRows(const SqliteRebuild& rebuild, const Table& target, const std::string& into, bool strict)
{
    std::string columns, values;
    for (const auto& column : target.columns) {
        if (column.generated)  // computed by the new table ("cannot INSERT into generated column")
            continue;
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

namespace {

/// The name the new table is built under: `_tempest_new_<table>`, or with a numeric
/// suffix when a table, index, view or trigger of the database (or a table of the target
/// schema) already has that name; SQLite compares names without case.
std::string freeTemporaryName(const std::string& table, const Schema& schema, const SqliteRunState& catalog)
{
    auto taken = [&](const std::string& candidate) {
        for (const auto& object : catalog.objects())
            if (equalsIgnoreCase(object.name, candidate))
                return true;
        for (const auto& other : schema.tables)
            if (equalsIgnoreCase(other.name, candidate))
                return true;
        return false;
    };
    const std::string base = "_tempest_new_" + table;
    std::string candidate = base;
    for (int suffix = 2; taken(candidate); ++suffix)
        candidate = base + "_" + std::to_string(suffix);
    return candidate;
}

} // namespace

SqliteRebuild SqliteRebuild::of(const Table& table, int operationIndex)
{
    SqliteRebuild rebuild{table, {}, {}, operationIndex};
    for (const auto& column : table.columns)
        rebuild.sourceOf[column.name] = column.name;
    return rebuild;
}

void renderSqliteRebuild(SqliteRebuild rebuild, const Table& target, const Schema& schema,
                         const SqliteRunState& catalog, const SqliteEmit& emit)
{
    renameFirstWhereNamed(rebuild, target, catalog, emit);
    const int op = rebuild.operationIndex;
    const std::string& name = target.name;
    const std::string temporary = freeTemporaryName(name, schema, catalog);

    SqliteTableSpelling spelling{temporary, {}, false};
    const SqliteSchemaObject* known = catalog.table(rebuild.start.name);
    if (known) {
        spelling.options = sqliteTableOptions(known->sql);
        spelling.strictTypes = sqliteOptionsAreStrict(spelling.options);
    }
    const Dependents dependents = findDependents(catalog, rebuild.start, target);
    if (!catalog.primedFromLive() && (!known || catalog.existedBeforeScript(rebuild.start.name))) {
        // Not read from a database, and the table was there before the script: what was
        // made on it outside the migrations (a trigger or index added by hand) cannot be
        // known, even when a replay of the history created the table; DESIGN.md wants
        // the script to say so. What the migrations' own statements created is known and
        // recreated. A table the script itself creates has nothing unknown.
        const bool replayed = known != nullptr;
        emit("-- WARNING: table " + sqliteQuoteIdentifier(name)
                 + (replayed ? " is rebuilt without a live database: the triggers, indexes and views made on it "
                               "outside the migrations cannot be known here and are not recreated"
                             : " is rebuilt without a live database: its triggers, the indexes the schema does "
                               "not describe and its table options (STRICT, WITHOUT ROWID) cannot be known here "
                               "and are not recreated")
                 + std::string(dependents.recreate.empty() ? ""
                                                           : " (except the ones created earlier in this run)"),
             op, true);
    }

    // Untouched columns, constraints and indexes keep their text as stored.
    std::optional<std::string> edited;
    if (known)
        edited = sqliteEditedCreateTable(known->sql, rebuild.start, target, rebuild.sourceOf, schema, spelling);
    std::map<std::string, std::string> storedIndexSql;  // lower-case name → CREATE INDEX as stored
    for (const auto& object : catalog.objects())
        if (object.type == "index" && !object.sql.empty() && sqliteSameName(object.table, rebuild.start.name))
            storedIndexSql[lower(object.name)] = object.sql;

    emit(edited ? *edited : sqliteCreateTable(target, schema, spelling), op, false);
    std::string copy = copyRows(rebuild, target, temporary, spelling.strictTypes);
    if (!copy.empty())
        emit(copy, op, false);
    if (sqliteInlinePrimaryKey(target)) {
        // Keep AUTOINCREMENT's high-water mark: ids of deleted rows are never reused.
        emit("DELETE FROM sqlite_sequence WHERE name = " + sqliteQuoteLiteral(temporary), op, false);
        emit("INSERT INTO sqlite_sequence (name, seq) SELECT " + sqliteQuoteLiteral(temporary)
                 + ", seq FROM sqlite_sequence WHERE name = " + sqliteQuoteLiteral(rebuild.start.name),
             op, false);
    }
    for (auto it = dependents.dropFirst.rbegin(); it != dependents.dropFirst.rend(); ++it)
        emit("DROP " + std::string(it->type == "view" ? "VIEW " : "TRIGGER ") + sqliteQuoteIdentifier(it->name), op,
             false);
    emit("DROP TABLE " + sqliteQuoteIdentifier(rebuild.start.name), op, false);
    // Legacy mode: the rename does not re-parse every view and trigger of the database, so
    // ones we could not know about (offline) or that are already broken do not stop it.
    emit("PRAGMA legacy_alter_table=ON", op, false);
    emit("ALTER TABLE " + sqliteQuoteIdentifier(temporary) + " RENAME TO " + sqliteQuoteIdentifier(name), op, false);
    emit("PRAGMA legacy_alter_table=OFF", op, false);
    for (const auto& index : target.indexes) {
        const Index* was = rebuild.start.findIndex(index.name);
        auto stored = storedIndexSql.find(lower(index.name));
        if (was && *was == index && stored != storedIndexSql.end() && name == rebuild.start.name)
            emit(stored->second, op, false);
        else
            emit(sqliteCreateIndex(name, index), op, false);
    }
    // Catalog objects in creation order: indexes, then views, then triggers (a trigger may
    // be on a view).
    for (const char* type : {"index", "view", "trigger"})
        for (const auto& object : dependents.recreate)
            if (object.type == type)
                emit(createAgain(object), op, false);
}

} // namespace tempest
