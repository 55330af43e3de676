#include "core/dialect/sqlite/sqlite_catalog_state.h"

#include "core/dialect/sqlite/sqlite_schema_rewrite.h"
#include "core/dialect/sqlite/sqlite_sql_scan.h"

#include <algorithm>

namespace tempest {

namespace {

using Tokens = std::vector<SqlToken>;

bool isTableConstraint(const SqlToken& token)
{
    return token.isWord("CONSTRAINT") || token.isWord("PRIMARY") || token.isWord("UNIQUE")
        || token.isWord("CHECK") || token.isWord("FOREIGN");
}

/// The column list of a stored CREATE TABLE: its parentheses and the entries that are
/// columns (before the first table constraint).
struct ColumnList {
    std::size_t open = kNoToken, close = kNoToken;
    std::vector<std::pair<std::size_t, std::size_t>> columns;
    std::size_t constraintsComma = kNoToken;  // the comma before the first table constraint
};

ColumnList columnList(const Tokens& t)
{
    ColumnList list;
    const SqliteCreateHeader header = parseCreateHeader(t);
    if (header.kind != "TABLE" || header.nameIndex + 1 >= t.size() || !t[header.nameIndex + 1].isPunct("("))
        return list;
    list.open = header.nameIndex + 1;
    list.close = matchParen(t, list.open, t.size());
    if (list.close >= t.size())
        return {};
    for (auto [a, b] : splitTopLevel(t, list.open + 1, list.close)) {
        if (isTableConstraint(t[a])) {
            list.constraintsComma = a - 1;
            break;
        }
        list.columns.emplace_back(a, b);
    }
    return list;
}

/// Whether `sql` may name `name`: a cheap test before the token scan, which most objects
/// of a large catalog fail. A name with a quote in it is written with the quote doubled.
bool mayName(std::string_view sql, std::string_view name)
{
    if (sql.empty())
        return false;
    if (name.find_first_of("\"`]'") != std::string_view::npos)
        return true;
    return toLowerAscii(sql).find(toLowerAscii(name)) != std::string::npos;
}

} // namespace

std::string sqliteStoredCreateSql(std::string_view statement)
{
    const std::string_view body = trimSql(statement);
    const Tokens t = tokenizeSql(body);
    const SqliteCreateHeader header = parseCreateHeader(t);
    if (header.kind.empty() || header.nameIndex == kNoToken)
        return {};
    std::size_t end = body.size();
    if (header.kind == "TRIGGER") {
        end = t.back().end;  // END; a comment after it is not kept
    } else if (header.kind == "TABLE" && !header.isVirtual && header.nameIndex + 1 < t.size()
               && t[header.nameIndex + 1].isPunct("(")) {
        const std::size_t close = matchParen(t, header.nameIndex + 1, t.size());
        if (close + 1 == t.size())
            end = t[close].end;  // no table options: SQLite stops at the parenthesis
    }
    std::string sql = "CREATE ";
    if (header.unique)
        sql += "UNIQUE ";
    if (header.isVirtual)
        sql += "VIRTUAL ";
    const std::size_t from = t[header.nameIndex].begin;
    return sql + header.kind + " " + std::string(body.substr(from, end - from));
}

std::string sqliteTableTextWithColumn(std::string_view createTable, std::string_view definition)
{
    const Tokens t = tokenizeSql(createTable);
    const ColumnList list = columnList(t);
    if (list.open == kNoToken)
        return std::string(createTable);
    const std::size_t at = t[list.constraintsComma != kNoToken ? list.constraintsComma : list.close].begin;
    return std::string(createTable.substr(0, at)) + ", " + std::string(definition) + std::string(createTable.substr(at));
}

std::string sqliteTableTextWithoutColumn(std::string_view createTable, std::string_view column)
{
    const Tokens t = tokenizeSql(createTable);
    const ColumnList list = columnList(t);
    for (std::size_t k = 0; k < list.columns.size(); ++k) {
        const SqlToken& name = t[list.columns[k].first];
        if (!name.isName() || !equalsIgnoreCase(name.value, column))
            continue;
        std::size_t from = name.begin, to = 0;
        if (k + 1 < list.columns.size()) {
            to = t[list.columns[k + 1].first].begin;
        } else {
            // The last column: from the comma before it (found by scanning the text back,
            // as SQLite does) to where a new column would go.
            while (from > 0 && createTable[from] != ',')
                --from;
            to = t[list.constraintsComma != kNoToken ? list.constraintsComma : list.close].begin;
        }
        return std::string(createTable.substr(0, from)) + std::string(createTable.substr(to));
    }
    return std::string(createTable);
}

void SqliteRunState::primeFrom(Driver& driver)
{
    ResultSet rows = driver.query("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid");
    m_objects.clear();
    for (std::size_t r = 0; r < rows.rows.size(); ++r)
        m_objects.push_back({rows.text(r, "type"), rows.text(r, "name"), rows.text(r, "tbl_name"),
                             rows.text(r, "sql"), false});
    m_primedFromLive = true;
}

void SqliteRunState::beginRender(Driver* live)
{
    if (live && !m_rendered)
        primeFrom(*live);
    m_rendered = true;
}

namespace {

/// equalsIgnoreCase for names looked up once per statement of a run, among every object:
/// ASCII folding as SQLite does, without a tolower() call per character.
bool sameName(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x == y)
            continue;
        if (x >= 'A' && x <= 'Z')
            x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = static_cast<char>(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

} // namespace

const SqliteSchemaObject* SqliteRunState::find(std::string_view type, std::string_view name) const
{
    for (const auto& object : m_objects)
        if (sameName(object.name, name) && object.type == type)
            return &object;
    return nullptr;
}

SqliteSchemaObject* SqliteRunState::findMutable(std::string_view type, std::string_view name)
{
    return const_cast<SqliteSchemaObject*>(find(type, name));
}

bool SqliteRunState::hasColumn(std::string_view table, std::string_view column) const
{
    const SqliteSchemaObject* object = this->table(table);
    return object && parseCreateTable(object->sql).findColumn(column) != nullptr;
}

void SqliteRunState::apply(std::string_view statement)
{
    const Tokens t = tokenizeSql(statement);
    if (t.empty())
        return;
    if (t[0].isWord("CREATE")) {
        create(statement);
    } else if (t[0].isWord("DROP")) {
        drop(statement);
    } else if (t[0].isWord("ALTER")) {
        alter(statement);
    } else if (t[0].isWord("PRAGMA") && t.size() >= 3) {
        const std::size_t name = skipSchemaQualifier(t, 1);
        if (name + 2 < t.size() && equalsIgnoreCase(t[name].value, "legacy_alter_table")
            && (t[name + 1].isPunct("=") || t[name + 1].isPunct("("))) {
            const std::string value = toUpperAscii(t[name + 2].value);
            m_legacyAlterTable = value == "ON" || value == "TRUE" || value == "YES" || value == "1";
        }
    }
}

void SqliteRunState::create(std::string_view statement)
{
    const std::string sql = sqliteStoredCreateSql(statement);
    if (sql.empty())
        return;
    const Tokens t = tokenizeSql(sql);
    const SqliteCreateHeader header = parseCreateHeader(t);
    const std::string& name = t[header.nameIndex].value;
    const bool exists = std::any_of(m_objects.begin(), m_objects.end(),
                                    [&](const auto& o) { return sameName(o.name, name); });
    if (exists)
        return;  // IF NOT EXISTS, or a statement that fails
    SqliteSchemaObject object{toLowerAscii(header.kind), name, name, sql,
                              parseCreateHeader(tokenizeSql(statement)).temp};
    if (header.kind == "INDEX" || header.kind == "TRIGGER") {
        if (header.onIndex == kNoToken)
            return;
        object.table = t[header.onIndex].value;
        // An index records its table's own spelling; a trigger, the one it was written with.
        if (const SqliteSchemaObject* owner = table(object.table); owner && header.kind == "INDEX")
            object.table = owner->name;
    }
    const bool autoincrement = header.kind == "TABLE" && parseCreateTable(sql).autoincrement;
    m_objects.push_back(std::move(object));
    if (autoincrement && !table("sqlite_sequence"))
        m_objects.push_back({"table", "sqlite_sequence", "sqlite_sequence", "CREATE TABLE sqlite_sequence(name,seq)", false});
}

void SqliteRunState::drop(std::string_view statement)
{
    const Tokens t = tokenizeSql(statement);
    if (t.size() < 3)
        return;
    const std::string type = toLowerAscii(t[1].value);
    std::size_t i = 2;
    if (i + 1 < t.size() && t[i].isWord("IF") && t[i + 1].isWord("EXISTS"))
        i += 2;
    i = skipSchemaQualifier(t, i);
    if (i >= t.size())
        return;
    if (type == "table") {
        const SqliteSchemaObject* object = table(t[i].value);
        if (!object)
            return;
        const std::string name = object->name;
        erase("table", name);
        std::erase_if(m_objects, [&](const SqliteSchemaObject& o) {
            return (o.type == "index" || o.type == "trigger") && equalsIgnoreCase(o.table, name);
        });
    } else {
        erase(type, t[i].value);
    }
}

void SqliteRunState::alter(std::string_view statement)
{
    const Tokens t = tokenizeSql(statement);
    if (t.size() < 5 || !t[1].isWord("TABLE"))
        return;
    std::size_t i = skipSchemaQualifier(t, 2);
    if (i + 2 >= t.size())
        return;
    // A table the model does not hold (offline, not created by the run) is still renamed
    // in the objects that name it, which the model may hold.
    const SqliteSchemaObject* object = table(t[i].value);
    const std::string name = object ? object->name : t[i].value;
    const SqlToken& action = t[i + 1];
    std::size_t k = i + 2;
    if (action.isWord("RENAME") && t[k].isWord("TO")) {
        if (k + 1 < t.size())
            renameTable(name, t[k + 1].value);
        return;
    }
    if (t[k].isWord("COLUMN") && k + 1 < t.size())
        ++k;
    if (action.isWord("RENAME") && k + 2 < t.size() && t[k + 1].isWord("TO")) {
        const SqliteColumnRename rename{name, t[k].value, t[k + 2].value, t[k + 2].kind != SqlToken::Kind::Word};
        auto lookup = [this](std::string_view table, std::string_view column) { return hasColumn(table, column); };
        std::vector<std::string> rewritten;
        for (const auto& o : m_objects)
            rewritten.push_back(!mayName(o.sql, rename.from) || (o.type == "index" && !equalsIgnoreCase(o.table, name))
                                    ? o.sql
                                    : sqliteRenameColumnIn(o, rename, lookup));
        for (std::size_t n = 0; n < m_objects.size(); ++n)
            m_objects[n].sql = std::move(rewritten[n]);
    } else if (!object) {
        return;
    } else if (action.isWord("ADD")) {
        std::string definition(trimSql(statement.substr(t[k].begin)));
        findMutable("table", name)->sql = sqliteTableTextWithColumn(object->sql, definition);
    } else if (action.isWord("DROP")) {
        findMutable("table", name)->sql = sqliteTableTextWithoutColumn(object->sql, t[k].value);
    }
}

void SqliteRunState::renameTable(const std::string& from, const std::string& to)
{
    const std::string oldAutoindex = "sqlite_autoindex_" + from + "_";
    for (auto& object : m_objects) {
        if (mayName(object.sql, from))
            object.sql = sqliteRenameTableIn(object, from, to, m_legacyAlterTable);
        if (object.type == "table" && equalsIgnoreCase(object.name, from))
            object.name = to;
        if (object.type != "view" && equalsIgnoreCase(object.table, from))
            object.table = to;
        if (object.type == "index" && object.name.size() > oldAutoindex.size()
            && equalsIgnoreCase(object.name.substr(0, oldAutoindex.size()), oldAutoindex))
            object.name = "sqlite_autoindex_" + to + object.name.substr(oldAutoindex.size() - 1);
    }
}

void SqliteRunState::erase(std::string_view type, std::string_view name)
{
    std::erase_if(m_objects, [&](const SqliteSchemaObject& o) {
        return o.type == type && equalsIgnoreCase(o.name, name);
    });
}

void SqliteRunState::markStartOfScript()
{
    m_beforeScript.clear();
    for (const auto& object : m_objects)
        if (object.type == "table")
            m_beforeScript.push_back(toLowerAscii(object.name));
}

bool SqliteRunState::existedBeforeScript(std::string_view table) const
{
    const std::string name = toLowerAscii(table);
    return std::find(m_beforeScript.begin(), m_beforeScript.end(), name) != m_beforeScript.end();
}

} // namespace tempest
