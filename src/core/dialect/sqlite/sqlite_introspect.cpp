#include "core/dialect/sqlite/sqlite_introspect.h"

#include "core/dialect/sqlite/sqlite_create_parser.h"
#include "core/dialect/sqlite/sqlite_type_map.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <set>
#include <unordered_map>

namespace tempest {

namespace {

// The pragma joins cover ordinary tables only: virtual tables are listed as unsupported
// (a pragma on one whose module is missing would fail the whole query).
constexpr const char* kTableFilter =
    "m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
    "AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%'";

const std::string kSchemaQuery = "SELECT type, name, tbl_name, sql, rowid FROM sqlite_master ORDER BY rowid";
// Each pragma query is a SELECT, a filter and an ORDER BY; above kTablesPerQuery tables
// it runs once per range of that many tables, so that the rows of one range, not of every
// table, are in memory at once (the 60,000 column rows of 5,000 tables were 20 MB), at the
// cost of one more statement per range. A range is one of sqlite_master's rowids
// (`m.rowid BETWEEN ?1 AND ?2`): SQLite seeks to it, where a range of names made each
// statement read the whole catalog (at 5,000 tables, 15 passes over its 5 MB: 46 ms).
struct PragmaQuery {
    std::string select;   // through the WHERE's table filter
    std::string orderBy;  // "" or " ORDER BY …"
    std::string all() const { return select + orderBy; }
    std::string range() const { return select + " AND m.rowid BETWEEN ?1 AND ?2" + orderBy; }
};
constexpr std::size_t kTablesPerQuery = 1000;

// No ORDER BY: the join gives each table's rows together and in cid order, which is all
// readColumns needs, and sorting every column row by table name is work the anchor's
// catalog query does not do.
const PragmaQuery kColumnQuery{
    std::string("SELECT m.name AS tbl, p.cid, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk, p.hidden "
                "FROM sqlite_master AS m JOIN pragma_table_xinfo(m.name) AS p WHERE ") + kTableFilter,
    ""};
const PragmaQuery kIndexQuery{
    std::string("SELECT m.name AS tbl, il.name AS idx, il.\"unique\", il.origin, ix.seqno, ix.cid, "
                "ix.name AS col FROM sqlite_master AS m JOIN pragma_index_list(m.name) AS il "
                "JOIN pragma_index_xinfo(il.name) AS ix WHERE ") + kTableFilter + " AND ix.\"key\" = 1",
    " ORDER BY m.name, il.name, ix.seqno"};
const PragmaQuery kForeignKeyQuery{
    std::string("SELECT m.name AS tbl, f.id, f.seq, f.\"table\" AS ref, f.\"from\" AS col, f.\"to\" AS refcol, "
                "f.on_update, f.on_delete FROM sqlite_master AS m JOIN pragma_foreign_key_list(m.name) AS f "
                "WHERE ") + kTableFilter,
    " ORDER BY m.name, f.id DESC, f.seq"};

// Shadow tables of FTS3/4, FTS5 and R*Tree: `<virtual table>_<suffix>`.
const std::set<std::string> kShadowSuffixes = {"content", "segments", "segdir", "docsize", "stat",
                                               "data",    "idx",      "config", "node",    "rowid",
                                               "parent"};

struct TableState {
    Table table;
    ParsedCreateTable parsed;
    std::string sql;
    std::int64_t rowid = 0;       // its row in sqlite_master
    bool parsedYet = false;       // the CREATE text is parsed when first needed, once
    bool columnsListed = false;   // parsed.columns were read, listed and let go
    int mentionsConflict = -1;    // whether `sql` holds the letters of CONFLICT (-1: not looked yet)
};

/// The table's CREATE text, parsed (once).
ParsedCreateTable& parsedTable(TableState& state)
{
    if (!state.parsedYet) {
        state.parsed = parseCreateTable(state.sql);
        state.parsedYet = true;
    }
    return state.parsed;
}

/// Text of a value as ResultSet::text gives it, moved out of the row.
std::string takeText(Value& value)
{
    if (auto* text = std::get_if<std::string>(&value))
        return std::move(*text);
    return isNull(value) ? std::string() : valueToString(value);
}

/// A text value in place (the catalog's names are text); "" for anything else.
std::string_view textOf(const Value& value)
{
    const auto* text = std::get_if<std::string>(&value);
    return text ? std::string_view(*text) : std::string_view();
}

/// An integer value as ResultSet::integer gives it (the pragmas' numbers are integers).
std::int64_t integerOf(const Value& value)
{
    if (const auto* i = std::get_if<std::int64_t>(&value))
        return *i;
    return ResultSet{{""}, {{value}}}.integer(0, "");
}

void listColumnClausesWithoutIrPlace(TableState& state, Schema& schema);

std::string joinNames(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : "_") + n;
    return out;
}

bool sameNames(const std::vector<std::string>& a, const std::vector<std::string>& b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), equalsIgnoreCase);
}

/// Whether `text` is a number as JSON writes it: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool isJsonNumber(std::string_view text)
{
    std::size_t i = 0;
    auto digits = [&] {
        const std::size_t from = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9')
            ++i;
        return i - from;
    };
    if (i < text.size() && text[i] == '-')
        ++i;
    if (i < text.size() && text[i] == '0')
        ++i;
    else if (i == text.size() || text[i] < '1' || text[i] > '9' || digits() == 0)
        return false;
    if (i < text.size() && text[i] == '.') {
        ++i;
        if (digits() == 0)
            return false;
    }
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-'))
            ++i;
        if (digits() == 0)
            return false;
    }
    return i == text.size();
}

/// A number literal as a JSON number (IR numbers are JSON numbers): +1 → 1, 0x10 → 16,
/// .5 → 0.5. nullopt when it is not a number.
std::optional<std::string> jsonNumber(std::string text)
{
    if (!text.empty() && text.front() == '+')
        text.erase(0, 1);
    if (isJsonNumber(text))
        return text;
    const bool negative = !text.empty() && text.front() == '-';
    const std::string body = negative ? text.substr(1) : text;
    if (body.size() > 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X')) {
        std::uint64_t value = 0;
        auto [ptr, ec] = std::from_chars(body.data() + 2, body.data() + body.size(), value, 16);
        if (ec == std::errc() && ptr == body.data() + body.size())
            return (negative ? "-" : "") + std::to_string(value);
        return std::nullopt;
    }
    double value = 0;
    auto [ptr, ec] = std::from_chars(body.data(), body.data() + body.size(), value);
    if (ec != std::errc() || ptr != body.data() + body.size())
        return std::nullopt;
    char buffer[64];
    auto res = std::to_chars(buffer, buffer + sizeof buffer, negative ? -value : value);
    return std::string(buffer, res.ptr);
}

/// The IR default for a DEFAULT clause (see the header for the rules).
std::optional<DefaultValue> defaultFromClause(const ParsedDefault& clause)
{
    if (clause.parenthesised) {
        std::string expr = stripOuterParentheses(clause.text);
        if (equalsIgnoreCase(expr, "NULL"))
            return std::nullopt;
        return DefaultValue::expression(std::move(expr));
    }
    const auto tokens = tokenizeSql(clause.text);
    if (tokens.size() == 1) {
        const SqlToken& tok = tokens.front();
        switch (tok.kind) {
        case SqlToken::Kind::String:
        case SqlToken::Kind::QuotedIdentifier:  // DEFAULT "x" is the string x in SQLite
            return DefaultValue::string(tok.value);
        case SqlToken::Kind::Word:
            if (tok.isWord("NULL"))
                return std::nullopt;
            if (tok.isWord("TRUE") || tok.isWord("FALSE"))
                return DefaultValue::boolean(tok.isWord("TRUE"));
            if (tok.isWord("CURRENT_TIMESTAMP") || tok.isWord("CURRENT_DATE") || tok.isWord("CURRENT_TIME"))
                return DefaultValue::expression(clause.text);
            return DefaultValue::string(tok.value);  // DEFAULT abc is the string abc in SQLite
        default:
            break;
        }
    }
    if (clause.literalKind == SqlToken::Kind::Number && tokens.size() <= 2) {
        std::string text;
        for (const auto& t : tokens)
            text += t.value;
        if (auto number = jsonNumber(text))
            return DefaultValue::number(*number);
    }
    return DefaultValue::expression(clause.text);
}

/// `enum:<enum>:<column>` CHECK (`<column>` IN ('a', ...)) on a TEXT column → the enum's
/// name and values; nullopt when the check is not of that form.
std::optional<EnumType> enumFromCheck(const ParsedCheck& check, const Table& table)
{
    constexpr std::string_view prefix = "enum:";
    if (check.name.compare(0, prefix.size(), prefix) != 0)
        return std::nullopt;
    const auto t = tokenizeSql(check.expr);
    if (t.size() < 5 || !(t[0].kind == SqlToken::Kind::Word || t[0].kind == SqlToken::Kind::QuotedIdentifier)
        || !t[1].isWord("IN") || !t[2].isPunct("(") || !t.back().isPunct(")"))
        return std::nullopt;
    const Column* column = table.findColumn(t[0].value);
    if (!column || column->type != ColumnType::Text || check.name.size() <= prefix.size() + column->name.size() + 1
        || check.name.compare(check.name.size() - column->name.size() - 1, std::string::npos, ":" + column->name) != 0)
        return std::nullopt;
    EnumType out;
    out.name = check.name.substr(prefix.size(), check.name.size() - prefix.size() - column->name.size() - 1);
    for (std::size_t i = 3; i + 1 < t.size(); i += 2) {
        if (t[i].kind != SqlToken::Kind::String || !(t[i + 1].isPunct(",") || i + 2 == t.size()))
            return std::nullopt;
        out.values.push_back(t[i].value);
    }
    if (out.name.empty() || out.values.empty())
        return std::nullopt;
    return out;
}

void readChecks(TableState& state, Schema& schema)
{
    Table& table = state.table;
    int unnamed = 0;
    std::set<std::string> names;
    for (const auto& c : state.parsed.checks)
        names.insert(c.name);
    for (const auto& check : state.parsed.checks) {
        if (auto e = enumFromCheck(check, table)) {
            const EnumType* existing = schema.findEnum(e->name);
            if (!existing || existing->values == e->values) {
                Column* column = table.findColumn(check.column.empty() ? tokenizeSql(check.expr)[0].value : check.column);
                column->type = ColumnType::Enum;
                column->enumName = e->name;
                if (!existing)
                    schema.enums.push_back(std::move(*e));
                continue;
            }
        }
        std::string name = check.name;
        while (name.empty()) {
            std::string candidate = "ck_" + table.name + "_" + std::to_string(++unnamed);
            if (!names.count(candidate))
                name = std::move(candidate);
        }
        table.checks.push_back({std::move(name), check.expr});
    }
}

/// Builds the columns of every table from the pragma_table_xinfo rows (grouped by table).
/// Each row is let go once read, and each table's parsed column definitions once its
/// rows are done, so that the rows, the parsed text and the IR of thousands of tables
/// are never all in memory at once.
void readColumns(ResultSet rows, std::map<std::string, TableState>& tables, Schema& schema)
{
    struct PkColumn {
        std::int64_t position;
        std::string name;
        std::string declaredType;
        bool operator<(const PkColumn& o) const { return position < o.position; }
    };
    std::map<std::string, std::vector<PkColumn>> pkByTable;
    // A schema repeats a few declared types (INTEGER, TEXT, VARCHAR(255), …) over all
    // its columns: each is mapped once.
    std::unordered_map<std::string, Column> typeOf;
    const std::size_t tblAt = rows.columnIndex("tbl"), nameAt = rows.columnIndex("name"),
                      typeAt = rows.columnIndex("type"), notNullAt = rows.columnIndex("notnull"),
                      defaultAt = rows.columnIndex("dflt_value"), pkAt = rows.columnIndex("pk"),
                      hiddenAt = rows.columnIndex("hidden");

    TableState* current = nullptr;
    auto finishTable = [&] {
        if (current)
            listColumnClausesWithoutIrPlace(*current, schema);
        current = nullptr;
    };
    for (std::size_t r = 0; r < rows.rows.size(); ++r) {
        if (r > 0)
            std::vector<Value>().swap(rows.rows[r - 1]);
        const std::string& tableName = std::get<std::string>(rows.rows[r][tblAt]);
        if (!current || current->table.name != tableName) {  // the rows come grouped by table
            auto it = tables.find(tableName);
            if (it == tables.end()) {
                finishTable();
                continue;
            }
            if (current != &it->second)
                finishTable();
            current = &it->second;
            std::size_t count = 1;
            while (r + count < rows.rows.size() && std::get<std::string>(rows.rows[r + count][tblAt]) == tableName)
                ++count;
            current->table.columns.reserve(count);
        }
        TableState& state = *current;
        std::vector<Value>& row = rows.rows[r];
        std::string name = takeText(row[nameAt]);
        const ParsedColumn* parsed = parsedTable(state).findColumn(name);
        const auto hidden = integerOf(row[hiddenAt]);  // 2: generated virtual, 3: generated stored
        const bool generated = (hidden == 2 || hidden == 3) && parsed && parsed->generated && !parsed->generatedExpr.empty();
        if (hidden != 0 && !generated) {
            UnsupportedObject column{"column", name, state.table.name, "generated column", std::nullopt};
            if (parsed)
                column.sql = parsed->definition;
            schema.unsupported.push_back(std::move(column));
            continue;
        }
        std::string declaredType = takeText(row[typeAt]);
        auto known = typeOf.find(declaredType);
        if (known == typeOf.end())
            known = typeOf.emplace(declaredType, mapSqliteDeclaredType(declaredType)).first;
        Column column = known->second;
        column.nullable = integerOf(row[notNullAt]) == 0;
        if (parsed && !parsed->collation.empty())
            column.collation = parsed->collation;  // as written: NOCASE, nocase, unicase
        if (generated) {
            column.generated = parsed->generatedExpr;
            column.generatedStored = hidden == 3;
        } else if (parsed && parsed->defaultValue)
            column.defaultValue = defaultFromClause(*parsed->defaultValue);
        else if (!isNull(row[defaultAt]))
            column.defaultValue = defaultFromClause({false, takeText(row[defaultAt]), SqlToken::Kind::Word});
        if (const auto pk = integerOf(row[pkAt]); pk > 0)
            pkByTable[state.table.name].push_back({pk, name, std::move(declaredType)});
        column.name = std::move(name);
        state.table.columns.push_back(std::move(column));
    }
    finishTable();
    for (auto& [tableName, pk] : pkByTable) {
        TableState& state = tables.at(tableName);
        std::sort(pk.begin(), pk.end());
        for (const auto& c : pk)
            state.table.primaryKey.push_back(c.name);
        if (pk.size() != 1)
            continue;
        Column* column = state.table.findColumn(pk.front().name);
        // A rowid alias (declared exactly INTEGER, in a rowid table) can never be NULL,
        // whatever pragma's notnull says.
        if (equalsIgnoreCase(trimSql(pk.front().declaredType), "INTEGER") && !state.parsed.withoutRowid)
            column->nullable = false;
        column->autoincrement = state.parsed.autoincrement && column->type == ColumnType::Integer;
    }
}

std::string resolveTableName(const std::map<std::string, TableState>& tables, const std::string& name)
{
    if (tables.count(name))
        return name;
    for (const auto& [actual, state] : tables)
        if (equalsIgnoreCase(actual, name))
            return actual;
    return name;
}

std::string resolveColumnName(const Table* table, const std::string& name)
{
    if (table)
        for (const auto& c : table->columns)
            if (equalsIgnoreCase(c.name, name))
                return c.name;
    return name;
}

FkAction fkAction(std::string_view pragmaText)
{
    return parseFkAction(toLowerAscii(pragmaText)).value_or(FkAction::NoAction);
}

/// Lets go of rows [from, to) of `rows`, read already.
void releaseRows(ResultSet& rows, std::size_t from, std::size_t to)
{
    for (std::size_t r = from; r < to; ++r)
        std::vector<Value>().swap(rows.rows[r]);
}

void readForeignKeys(ResultSet rows, std::map<std::string, TableState>& tables)
{
    // Rows come grouped by (table, id), ids descending: declaration order.
    std::map<std::string, std::vector<bool>> usedParsed;
    const std::size_t tblAt = rows.columnIndex("tbl"), idAt = rows.columnIndex("id"), refAt = rows.columnIndex("ref"),
                      onDeleteAt = rows.columnIndex("on_delete"), onUpdateAt = rows.columnIndex("on_update"),
                      colAt = rows.columnIndex("col"), refColAt = rows.columnIndex("refcol");
    for (std::size_t r = 0, read = 0; r < rows.rows.size(); releaseRows(rows, read, r), read = r) {
        const std::string tableName = takeText(rows.rows[r][tblAt]);
        const auto id = integerOf(rows.rows[r][idAt]);
        ForeignKey fk;
        fk.refTable = takeText(rows.rows[r][refAt]);
        fk.onDelete = fkAction(textOf(rows.rows[r][onDeleteAt]));
        fk.onUpdate = fkAction(textOf(rows.rows[r][onUpdateAt]));
        bool anyRefColumn = false;
        for (bool first = true; r < rows.rows.size(); ++r, first = false) {
            auto& row = rows.rows[r];
            // The first row's table name was taken above; the others' are compared in place.
            if (!first && (textOf(row[tblAt]) != tableName || integerOf(row[idAt]) != id))
                break;
            anyRefColumn = anyRefColumn || !isNull(row[refColAt]);
            fk.columns.push_back(takeText(row[colAt]));
            fk.refColumns.push_back(takeText(row[refColAt]));
        }
        auto it = tables.find(tableName);
        if (it == tables.end())
            continue;
        TableState& state = it->second;
        fk.refTable = resolveTableName(tables, fk.refTable);
        auto ref = tables.find(fk.refTable);
        const Table* refTable = ref == tables.end() ? nullptr : &ref->second.table;
        if (!anyRefColumn)  // REFERENCES t without columns: t's primary key
            fk.refColumns = refTable ? refTable->primaryKey : std::vector<std::string>{};
        for (auto& c : fk.columns)
            c = resolveColumnName(&state.table, c);
        for (auto& c : fk.refColumns)
            c = resolveColumnName(refTable, c);

        auto& used = usedParsed[tableName];
        used.resize(state.parsed.foreignKeys.size());
        for (std::size_t k = 0; k < state.parsed.foreignKeys.size(); ++k) {
            const auto& parsed = state.parsed.foreignKeys[k];
            if (!used[k] && sameNames(parsed.columns, fk.columns) && equalsIgnoreCase(parsed.refTable, fk.refTable)) {
                used[k] = true;
                fk.name = parsed.name;
                fk.deferral = {parsed.deferrable, parsed.initiallyDeferred};
                break;
            }
        }
        if (fk.name.empty())
            fk.name = "fk_" + state.table.name + "_" + joinNames(fk.columns);
        for (int n = 2; state.table.findForeignKey(fk.name); ++n)
            fk.name = "fk_" + state.table.name + "_" + joinNames(fk.columns) + "_" + std::to_string(n);
        state.table.foreignKeys.push_back(std::move(fk));
    }
}

struct IndexRows {
    std::string table;
    std::string name;
    bool unique = false;
    std::string origin;
    std::vector<std::pair<std::int64_t, std::string>> columns;  // cid, name
};

void readIndex(const IndexRows& rows, TableState& state, const std::map<std::string, std::string>& indexSql,
               Schema& schema)
{
    Table& table = state.table;
    if (rows.origin == "pk")
        return;
    if (rows.origin == "u") {
        UniqueConstraint unique;
        for (const auto& [cid, name] : rows.columns)
            unique.columns.push_back(name);
        for (const auto& parsed : state.parsed.uniques)
            if (!parsed.name.empty() && sameNames(parsed.columns, unique.columns) && !table.findUnique(parsed.name)) {
                unique.name = parsed.name;
                break;
            }
        if (unique.name.empty())
            unique.name = "uq_" + table.name + "_" + joinNames(unique.columns);
        table.uniques.push_back(std::move(unique));
        return;
    }
    auto sqlIt = indexSql.find(rows.name);
    const std::string sql = sqlIt == indexSql.end() ? std::string() : sqlIt->second;
    const ParsedCreateIndex parsed = parseCreateIndex(sql);
    const bool entriesKnown = parsed.entries.size() == rows.columns.size();
    auto unsupported = [&](const std::string& detail) {
        schema.unsupported.push_back({"index", rows.name, table.name, detail, sql});
    };
    Index index;
    index.name = rows.name;
    index.unique = rows.unique;
    index.where = parsed.where;
    for (std::size_t k = 0; k < rows.columns.size(); ++k) {
        const auto& [cid, name] = rows.columns[k];
        const IndexEntryParts parts = entriesKnown ? splitIndexEntry(parsed.entries[k]) : IndexEntryParts{};
        if (parts.descending || !parts.collation.empty())
            return unsupported("index entry with DESC or COLLATE: " + parsed.entries[k]);
        if (cid >= 0) {
            index.columns.push_back(IndexColumn::column(name));
        } else {
            if (!entriesKnown)
                return unsupported("could not read the index's expressions");
            index.columns.push_back(IndexColumn::expr(stripOuterParentheses(parts.expr)));
        }
    }
    table.indexes.push_back(std::move(index));
}

void readIndexes(ResultSet rows, std::map<std::string, TableState>& tables,
                 const std::map<std::string, std::string>& indexSql, Schema& schema)
{
    const std::size_t tblAt = rows.columnIndex("tbl"), idxAt = rows.columnIndex("idx"),
                      uniqueAt = rows.columnIndex("unique"), originAt = rows.columnIndex("origin"),
                      cidAt = rows.columnIndex("cid"), colAt = rows.columnIndex("col");
    for (std::size_t r = 0, read = 0; r < rows.rows.size(); releaseRows(rows, read, r), read = r) {
        IndexRows index;
        index.table = takeText(rows.rows[r][tblAt]);
        index.name = takeText(rows.rows[r][idxAt]);
        index.unique = integerOf(rows.rows[r][uniqueAt]) != 0;
        index.origin = takeText(rows.rows[r][originAt]);
        for (bool first = true; r < rows.rows.size(); ++r, first = false) {
            auto& row = rows.rows[r];
            // The first row's names were taken above; the others' are compared in place.
            if (!first && (textOf(row[tblAt]) != index.table || textOf(row[idxAt]) != index.name))
                break;
            index.columns.emplace_back(integerOf(row[cidAt]), takeText(row[colAt]));
        }
        auto it = tables.find(index.table);
        if (it != tables.end())
            readIndex(index, it->second, indexSql, schema);
    }
}

/// The clauses of `text` the IR has no place for: `ON CONFLICT x`, as written but
/// upper-cased. (`DEFERRABLE`, which SQLite takes on foreign keys only, is the foreign
/// key's deferral in the IR.)
/// Whether `text` holds the letters of CONFLICT, in any case: without them there is no
/// `ON CONFLICT` clause, and most texts are not tokenized a second time.
bool mentionsConflict(std::string_view text)
{
    constexpr std::string_view conflict = "conflict";
    for (std::size_t i = 0; i + conflict.size() <= text.size(); ++i)
        if ((text[i] | 0x20) == 'c' && equalsIgnoreCase(text.substr(i, conflict.size()), conflict))
            return true;
    return false;
}

bool tableMentionsConflict(TableState& state)
{
    if (state.mentionsConflict < 0)
        state.mentionsConflict = mentionsConflict(state.sql) ? 1 : 0;
    return state.mentionsConflict == 1;
}

std::vector<std::string> clausesWithoutIrPlace(std::string_view text)
{
    std::vector<std::string> clauses;
    if (!mentionsConflict(text))
        return clauses;
    const auto t = tokenizeSql(text);
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i].isWord("ON") && i + 2 < t.size() && t[i + 1].isWord("CONFLICT")) {
            clauses.push_back("ON CONFLICT " + toUpperAscii(t[i + 2].value));
        }
    }
    return clauses;
}

/// Lists what the IR cannot say about a table's columns (ON CONFLICT) as unsupported
/// table options, so that nothing is dropped silently; a rebuild keeps their text
/// (sqlite_rebuild_text.h) unless it changes what they are on. The parsed columns are
/// needed no more after that and are let go.
void listColumnClausesWithoutIrPlace(TableState& state, Schema& schema)
{
    if (state.columnsListed)
        return;
    // No column can hold the clause when the whole CREATE text does not.
    if (tableMentionsConflict(state))
        for (const auto& column : parsedTable(state).columns)
            for (auto& clause : clausesWithoutIrPlace(column.definition))
                schema.unsupported.push_back({"table_option", std::move(clause), state.table.name,
                                              "column \"" + column.name + "\"", column.definition});
    std::vector<ParsedColumn>().swap(state.parsed.columns);
    state.columnsListed = true;
}

/// The same for the table's constraints, after its columns.
void listClausesWithoutIrPlace(TableState& state, Schema& schema)
{
    listColumnClausesWithoutIrPlace(state, schema);
    if (!tableMentionsConflict(state))
        return;
    for (const auto& constraint : state.parsed.tableConstraints) {
        const std::string text = state.sql.substr(constraint.begin, constraint.end - constraint.begin);
        for (auto& clause : clausesWithoutIrPlace(text))
            schema.unsupported.push_back({"table_option", std::move(clause), state.table.name, "table constraint", text});
    }
}

/// Orders the uniques as their constraints are written in CREATE TABLE.
void orderUniques(TableState& state)
{
    auto position = [&](const UniqueConstraint& u) {
        for (std::size_t k = 0; k < state.parsed.uniques.size(); ++k)
            if (sameNames(state.parsed.uniques[k].columns, u.columns))
                return k;
        return state.parsed.uniques.size();
    };
    std::stable_sort(state.table.uniques.begin(), state.table.uniques.end(),
                     [&](const UniqueConstraint& a, const UniqueConstraint& b) { return position(a) < position(b); });
}

/// Runs `query` over every table of `tables` (by ranges of sqlite_master's rowids above
/// kTablesPerQuery tables) and hands each result to `read`.
template <typename Read>
void queryByTableRanges(Driver& driver, const std::map<std::string, TableState>& tables, const PragmaQuery& query,
                        Read read)
{
    if (tables.size() <= kTablesPerQuery) {
        read(driver.query(query.all()));
        return;
    }
    std::vector<std::int64_t> rowids;
    rowids.reserve(tables.size());
    for (const auto& [name, state] : tables)
        rowids.push_back(state.rowid);
    std::sort(rowids.begin(), rowids.end());
    const std::string sql = query.range();
    for (std::size_t first = 0; first < rowids.size(); first += kTablesPerQuery) {
        const std::size_t last = std::min(first + kTablesPerQuery, rowids.size()) - 1;
        read(driver.query(sql, {Value(rowids[first]), Value(rowids[last])}));
    }
}

} // namespace

Schema introspectSqlite(Driver& driver, const IntrospectOptions& options)
{
    Schema schema;
    std::map<std::string, TableState> tables;
    std::map<std::string, std::string> indexSql;
    std::vector<std::string> virtualTables;

    {
    ResultSet objects = driver.query(kSchemaQuery);
    const std::size_t typeAt = objects.columnIndex("type"), nameAt = objects.columnIndex("name"),
                      sqlAt = objects.columnIndex("sql"), ownerAt = objects.columnIndex("tbl_name"),
                      rowidAt = objects.columnIndex("rowid");
    for (auto& row : objects.rows) {
        const std::string type = takeText(row[typeAt]);
        std::string name = takeText(row[nameAt]);
        std::string sql = takeText(row[sqlAt]);
        const std::string owner = takeText(row[ownerAt]);
        if (type == "table") {
            if (name.compare(0, 7, "sqlite_") == 0 || equalsIgnoreCase(name, options.versionTable))
                continue;
            // SQLite writes the text of a virtual table as `CREATE VIRTUAL TABLE …` itself
            // (the column query's filter relies on it too); the parser agrees, so ordinary
            // tables are parsed only when their columns are read.
            if (sql.size() >= 20 && equalsIgnoreCase(std::string_view(sql).substr(0, 20), "CREATE VIRTUAL TABLE")) {
                virtualTables.push_back(name);
                schema.unsupported.push_back({"virtual_table", name, std::nullopt, std::nullopt, std::move(sql)});
                continue;
            }
            TableState state;
            state.table.name = name;
            state.sql = std::move(sql);
            state.rowid = integerOf(row[rowidAt]);
            tables.emplace(std::move(name), std::move(state));
        } else if (type == "view") {
            schema.unsupported.push_back({"view", name, std::nullopt, std::nullopt, sql});
        } else if (type == "trigger") {
            schema.unsupported.push_back({"trigger", name, owner, std::nullopt, sql});
        } else if (type == "index" && !sql.empty()) {
            indexSql.emplace(std::move(name), std::move(sql));
        }
    }
    }  // the catalog rows are let go: their text now lives in `tables` and `indexSql`
    for (const auto& vt : virtualTables)
        for (const auto& suffix : kShadowSuffixes)
            tables.erase(vt + "_" + suffix);

    queryByTableRanges(driver, tables, kColumnQuery, [&](ResultSet rows) { readColumns(std::move(rows), tables, schema); });
    for (auto& [name, state] : tables)
        parsedTable(state);  // a table without column rows was not parsed yet
    queryByTableRanges(driver, tables, kIndexQuery,
                       [&](ResultSet rows) { readIndexes(std::move(rows), tables, indexSql, schema); });
    std::map<std::string, std::string>().swap(indexSql);  // read: let go
    for (auto& [name, state] : tables)
        std::sort(state.table.indexes.begin(), state.table.indexes.end(),
                  [](const Index& a, const Index& b) { return a.name < b.name; });
    queryByTableRanges(driver, tables, kForeignKeyQuery, [&](ResultSet rows) { readForeignKeys(std::move(rows), tables); });

    schema.tables.reserve(tables.size());
    for (auto it = tables.begin(); it != tables.end(); it = tables.erase(it)) {  // let go as they are done
        const std::string& name = it->first;
        TableState& state = it->second;
        if (state.parsed.withoutRowid)
            schema.unsupported.push_back({"table_option", "WITHOUT ROWID", name, std::nullopt, state.sql});
        if (state.parsed.strict)
            schema.unsupported.push_back({"table_option", "STRICT", name, std::nullopt, state.sql});
        readChecks(state, schema);
        listClausesWithoutIrPlace(state, schema);
        orderUniques(state);
        schema.tables.push_back(std::move(state.table));
    }
    schema.sortUnsupported();
    return schema;
}

} // namespace tempest
