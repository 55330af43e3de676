#include "core/dialect/sqlite/sqlite_create_parser.h"

#include <algorithm>

#include <cctype>

namespace tempest {

namespace {

// ASCII classes written out (as SQLite's tokenizer has them), not std::isalpha and
// friends: no call into the C library per character, and no locale.
bool isAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool isAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool isWordStart(unsigned char c) { return isAsciiLetter(c) || c == '_' || c >= 0x80; }
bool isWordChar(unsigned char c) { return isAsciiLetter(c) || isAsciiDigit(c) || c == '_' || c == '$' || c >= 0x80; }

/// Reads a quoted run starting at `i` (on the opening quote) where a doubled closing
/// quote stands for itself. Returns the unquoted value; `i` ends past the closing quote.
std::string readQuoted(std::string_view sql, std::size_t& i, char close, bool doubling)
{
    std::string value;
    ++i;
    while (i < sql.size()) {
        const std::size_t quote = sql.find(close, i);
        if (quote == std::string_view::npos) {
            value.append(sql.data() + i, sql.size() - i);
            i = sql.size();
            break;
        }
        value.append(sql.data() + i, quote - i);  // the run up to the quote, at once
        i = quote;
        if (doubling && i + 1 < sql.size() && sql[i + 1] == close) {
            value += close;
            i += 2;
            continue;
        }
        ++i;
        return value;
    }
    return value;
}

std::size_t readNumber(std::string_view sql, std::size_t i)
{
    if (sql[i] == '0' && i + 1 < sql.size() && (sql[i + 1] == 'x' || sql[i + 1] == 'X')) {
        i += 2;
        while (i < sql.size() && std::isxdigit(static_cast<unsigned char>(sql[i])))
            ++i;
        return i;
    }
    auto digits = [&] {
        while (i < sql.size() && (std::isdigit(static_cast<unsigned char>(sql[i])) || sql[i] == '_'))
            ++i;
    };
    digits();
    if (i < sql.size() && sql[i] == '.') {
        ++i;
        digits();
    }
    if (i < sql.size() && (sql[i] == 'e' || sql[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < sql.size() && (sql[j] == '+' || sql[j] == '-'))
            ++j;
        if (j < sql.size() && std::isdigit(static_cast<unsigned char>(sql[j]))) {
            i = j;
            digits();
        }
    }
    return i;
}

using Tokens = std::vector<SqlToken>;

} // namespace

std::size_t matchParen(const std::vector<SqlToken>& t, std::size_t open, std::size_t limit)
{
    int depth = 0;
    for (std::size_t i = open; i < limit; ++i) {
        if (t[i].isPunct("("))
            ++depth;
        else if (t[i].isPunct(")") && --depth == 0)
            return i;
    }
    return limit;
}

std::vector<std::pair<std::size_t, std::size_t>> splitTopLevel(const std::vector<SqlToken>& t,
                                                               std::size_t begin, std::size_t end)
{
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t start = begin;
    int depth = 0;
    for (std::size_t i = begin; i < end; ++i) {
        if (t[i].isPunct("("))
            ++depth;
        else if (t[i].isPunct(")"))
            --depth;
        else if (depth == 0 && t[i].isPunct(",")) {
            out.emplace_back(start, i);
            start = i + 1;
        }
    }
    if (start < end)
        out.emplace_back(start, end);
    return out;
}

namespace {

class Slicer {
public:
    Slicer(std::string_view sql, const Tokens& tokens) : m_sql(sql), m_tokens(tokens) {}
    /// Source text of tokens [first, last), exactly as written.
    std::string text(std::size_t first, std::size_t last) const
    {
        if (first >= last)
            return {};
        return std::string(m_sql.substr(m_tokens[first].begin, m_tokens[last - 1].end - m_tokens[first].begin));
    }
    /// Source text between the token `open` and the token `close` (exclusive), trimmed:
    /// keeps comments and spacing inside, as the user wrote them.
    std::string between(std::size_t open, std::size_t close) const
    {
        const std::size_t from = m_tokens[open].end;
        const std::size_t to = close < m_tokens.size() ? m_tokens[close].begin : m_sql.size();
        return std::string(trimSql(m_sql.substr(from, to > from ? to - from : 0)));
    }

private:
    std::string_view m_sql;
    const Tokens& m_tokens;
};

/// The column names of a `( a, b COLLATE x DESC, ... )` list starting at `open`.
std::vector<std::string> nameList(const Tokens& t, std::size_t open, std::size_t close, bool* autoincrement)
{
    std::vector<std::string> names;
    for (auto [a, b] : splitTopLevel(t, open + 1, close)) {
        if (t[a].isName())
            names.push_back(t[a].value);
        for (std::size_t k = a; k < b; ++k)
            if (autoincrement && t[k].isWord("AUTOINCREMENT"))
                *autoincrement = true;
    }
    return names;
}

/// Parses `REFERENCES table [(cols)]` at `i` (on REFERENCES) and skips the actions,
/// MATCH and DEFERRABLE clauses that may follow. Returns the index after the clause.
std::size_t parseReferences(const Tokens& t, std::size_t i, std::size_t end, ParsedForeignKey& fk)
{
    ++i;
    if (i < end && t[i].isName())
        fk.refTable = t[i++].value;
    if (i < end && t[i].isPunct("(")) {
        const std::size_t close = matchParen(t, i, end);
        fk.refColumns = nameList(t, i, close, nullptr);
        i = close + 1;
    }
    while (i < end) {
        if (t[i].isWord("ON")) {
            // ON DELETE|UPDATE <SET NULL|SET DEFAULT|CASCADE|RESTRICT|NO ACTION>
            i += 2;
            if (i < end && (t[i].isWord("SET") || t[i].isWord("NO")))
                ++i;
            ++i;
        } else if (t[i].isWord("MATCH")) {
            i += 2;
        } else if (t[i].isWord("NOT") && i + 1 < end && t[i + 1].isWord("DEFERRABLE")) {
            i += 2;
            fk.deferrable = false;
        } else if (t[i].isWord("DEFERRABLE")) {
            ++i;
            fk.deferrable = true;
        } else if (t[i].isWord("INITIALLY")) {
            fk.initiallyDeferred = fk.deferrable && i + 1 < end && t[i + 1].isWord("DEFERRED");
            i += 2;
        } else {
            break;
        }
    }
    return i;
}

bool isColumnConstraintStart(const SqlToken& tok)
{
    static const char* const keywords[] = {"CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK",
                                           "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS"};
    if (tok.kind != SqlToken::Kind::Word)
        return false;
    for (const char* k : keywords)
        if (tok.isWord(k))
            return true;
    return false;
}

void parseColumn(const Tokens& t, std::size_t a, std::size_t b, const Slicer& slice, ParsedCreateTable& out)
{
    ParsedColumn column;
    column.name = t[a].value;
    column.definition = slice.text(a, b);
    column.begin = t[a].begin;
    column.end = t[b - 1].end;
    std::size_t i = a + 1;
    while (i < b && !isColumnConstraintStart(t[i]))
        i = t[i].isPunct("(") ? matchParen(t, i, b) + 1 : i + 1;

    std::string pendingName;
    std::size_t constraintStart = i;
    // A conflict clause after PRIMARY KEY or UNIQUE belongs to that constraint.
    auto skipConflictClause = [&] {
        if (i + 2 < b && t[i].isWord("ON") && t[i + 1].isWord("CONFLICT"))
            i += 3;
    };
    auto record = [&](ParsedTableConstraint::Kind kind, std::size_t item) {
        // A truncated definition can leave i past the column's last token (fuzz_sqlite_create
        // found it): the text kept ends at that token, and nothing read keeps no text.
        const std::size_t end = std::min(i, b);
        if (constraintStart >= end)
            return;
        column.constraints.push_back({kind, item, t[constraintStart].begin, t[end - 1].end});
    };
    while (i < b) {
        const SqlToken& tok = t[i];
        if (pendingName.empty())
            constraintStart = i;
        if (tok.isWord("CONSTRAINT") && i + 1 < b) {
            pendingName = t[i + 1].value;
            i += 2;
            continue;
        }
        if (tok.isWord("PRIMARY")) {
            column.primaryKey = true;
            out.primaryKey = {column.name};
            out.primaryKeyName = pendingName;
            i += 2;
            if (i < b && (t[i].isWord("ASC") || t[i].isWord("DESC")))
                ++i;
            skipConflictClause();
            if (i < b && t[i].isWord("AUTOINCREMENT")) {
                column.autoincrement = true;
                out.autoincrement = true;
                ++i;
            }
            record(ParsedTableConstraint::Kind::PrimaryKey, 0);
        } else if (tok.isWord("UNIQUE")) {
            ++i;
            skipConflictClause();
            record(ParsedTableConstraint::Kind::Unique, out.uniques.size());
            out.uniques.push_back({pendingName, {column.name}, column.name});
        } else if (tok.isWord("CHECK") && i + 1 < b && t[i + 1].isPunct("(")) {
            const std::size_t open = i + 1;
            const std::size_t close = matchParen(t, open, b);
            i = close + 1;
            record(ParsedTableConstraint::Kind::Check, out.checks.size());
            out.checks.push_back({pendingName, slice.between(open, close), column.name});
        } else if (tok.isWord("DEFAULT") && i + 1 < b) {
            ParsedDefault def;
            if (t[i + 1].isPunct("(")) {
                const std::size_t close = matchParen(t, i + 1, b);
                def.parenthesised = true;
                def.text = slice.between(i + 1, close);
                i = close + 1;
            } else {
                std::size_t last = i + 2;
                if ((t[i + 1].isPunct("+") || t[i + 1].isPunct("-")) && last < b)
                    ++last;
                def.literalKind = t[last - 1].kind;
                def.text = slice.text(i + 1, last);
                i = last;
            }
            column.defaultValue = def;
        } else if (tok.isWord("REFERENCES")) {
            ParsedForeignKey fk;
            fk.name = pendingName;
            fk.columns = {column.name};
            fk.column = column.name;
            i = parseReferences(t, i, b, fk);
            record(ParsedTableConstraint::Kind::ForeignKey, out.foreignKeys.size());
            out.foreignKeys.push_back(std::move(fk));
        } else if (tok.isWord("NOT") && i + 1 < b && t[i + 1].isWord("NULL")) {
            i += 2;
            if (i + 2 < b && t[i].isWord("ON") && t[i + 1].isWord("CONFLICT")) {
                column.notNullConflict = t[i + 2].value;
                i += 3;
            }
        } else if (tok.isWord("GENERATED") || tok.isWord("AS")) {
            column.generated = true;
            if (tok.isWord("AS") && i + 1 < b && t[i + 1].isPunct("(")) {
                const std::size_t close = matchParen(t, i + 1, b);
                column.generatedExpr = slice.between(i + 1, close);
                i = close + 1;
                if (i < b && (t[i].isWord("STORED") || t[i].isWord("VIRTUAL")))
                    column.generatedStored = t[i++].isWord("STORED");
            } else {
                ++i;
            }
        } else if (tok.isWord("AUTOINCREMENT")) {
            column.autoincrement = true;
            out.autoincrement = true;
            ++i;
        } else if (tok.isWord("COLLATE")) {
            if (i + 1 < b && t[i + 1].isName())
                column.collation = t[i + 1].value;
            i += 2;
        } else if (tok.isPunct("(")) {
            i = matchParen(t, i, b) + 1;
        } else {
            ++i;
        }
        pendingName.clear();
    }
    out.columns.push_back(std::move(column));
}

void parseTableConstraint(const Tokens& t, std::size_t a, std::size_t b, const Slicer& slice,
                          ParsedCreateTable& out)
{
    std::string name;
    std::size_t i = a;
    if (t[i].isWord("CONSTRAINT") && i + 1 < b) {
        name = t[i + 1].value;
        i += 2;
    }
    if (i >= b)
        return;
    ParsedTableConstraint span;
    span.begin = t[a].begin;
    span.end = t[b - 1].end;
    auto record = [&](ParsedTableConstraint::Kind kind, std::size_t item) {
        span.kind = kind;
        span.item = item;
        out.tableConstraints.push_back(span);
    };
    auto openAfter = [&](std::size_t from) {
        while (from < b && !t[from].isPunct("("))
            ++from;
        return from;
    };
    if (t[i].isWord("PRIMARY")) {
        const std::size_t open = openAfter(i);
        if (open < b) {
            out.primaryKey = nameList(t, open, matchParen(t, open, b), &out.autoincrement);
            out.primaryKeyName = name;
            record(ParsedTableConstraint::Kind::PrimaryKey, 0);
        }
    } else if (t[i].isWord("UNIQUE")) {
        const std::size_t open = openAfter(i);
        if (open < b) {
            record(ParsedTableConstraint::Kind::Unique, out.uniques.size());
            out.uniques.push_back({name, nameList(t, open, matchParen(t, open, b), nullptr), {}});
        }
    } else if (t[i].isWord("CHECK")) {
        const std::size_t open = openAfter(i);
        if (open < b) {
            record(ParsedTableConstraint::Kind::Check, out.checks.size());
            out.checks.push_back({name, slice.between(open, matchParen(t, open, b)), {}});
        }
    } else if (t[i].isWord("FOREIGN")) {
        const std::size_t open = openAfter(i);
        if (open < b) {
            ParsedForeignKey fk;
            fk.name = name;
            const std::size_t close = matchParen(t, open, b);
            fk.columns = nameList(t, open, close, nullptr);
            std::size_t r = close + 1;
            while (r < b && !t[r].isWord("REFERENCES"))
                ++r;
            if (r < b)
                parseReferences(t, r, b, fk);
            record(ParsedTableConstraint::Kind::ForeignKey, out.foreignKeys.size());
            out.foreignKeys.push_back(std::move(fk));
        }
    }
}

bool isTableConstraintStart(const SqlToken& tok)
{
    return tok.isWord("CONSTRAINT") || tok.isWord("PRIMARY") || tok.isWord("UNIQUE")
        || tok.isWord("CHECK") || tok.isWord("FOREIGN");
}

/// Skips CREATE [TEMP] [UNIQUE|VIRTUAL] TABLE|INDEX [IF NOT EXISTS] [schema.]; returns
/// the index of the object's name.
std::size_t skipToObjectName(const Tokens& t, bool& unique, bool& isVirtual)
{
    std::size_t i = 0;
    while (i < t.size() && !(t[i].isWord("TABLE") || t[i].isWord("INDEX"))) {
        if (t[i].isWord("UNIQUE"))
            unique = true;
        if (t[i].isWord("VIRTUAL"))
            isVirtual = true;
        ++i;
    }
    ++i;
    if (i + 2 < t.size() && t[i].isWord("IF") && t[i + 1].isWord("NOT") && t[i + 2].isWord("EXISTS"))
        i += 3;
    if (i + 2 < t.size() && t[i + 1].isPunct("."))
        i += 2;
    return i;
}

} // namespace

bool SqlToken::isWord(std::string_view keyword) const
{
    return kind == Kind::Word && equalsIgnoreCase(value, keyword);
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    // ASCII folding, as SQLite folds identifiers and keywords (and without a call into
    // the C library per character: this runs for every token the parser looks at).
    auto fold = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i] && fold(a[i]) != fold(b[i]))
            return false;
    return true;
}

std::string toLowerAscii(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string toUpperAscii(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string_view trimSql(std::string_view text)
{
    auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!text.empty() && space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && (space(text.back()) || text.back() == ';'))
        text.remove_suffix(1);
    return text;
}

std::vector<SqlToken> tokenizeSql(std::string_view sql)
{
    std::vector<SqlToken> tokens;
    tokens.reserve(sql.size() / 6 + 4);  // about one token per 6 characters of a CREATE text
    std::size_t i = 0;
    while (i < sql.size()) {
        const unsigned char c = static_cast<unsigned char>(sql[i]);
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {  // SQLite's spaces
            ++i;
            continue;
        }
        if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            while (i < sql.size() && sql[i] != '\n')
                ++i;
            continue;
        }
        if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
            const std::size_t close = sql.find("*/", i + 2);
            i = close == std::string_view::npos ? sql.size() : close + 2;
            continue;
        }
        SqlToken& tok = tokens.emplace_back();  // built in place
        tok.begin = i;
        if (c == '\'') {
            tok.kind = SqlToken::Kind::String;
            tok.value = readQuoted(sql, i, '\'', true);
        } else if (c == '"' || c == '`') {
            tok.kind = SqlToken::Kind::QuotedIdentifier;
            tok.value = readQuoted(sql, i, static_cast<char>(c), true);
        } else if (c == '[') {
            tok.kind = SqlToken::Kind::QuotedIdentifier;
            tok.value = readQuoted(sql, i, ']', false);
        } else if ((c == 'x' || c == 'X') && i + 1 < sql.size() && sql[i + 1] == '\'') {
            tok.kind = SqlToken::Kind::Blob;
            ++i;
            tok.value = readQuoted(sql, i, '\'', false);
        } else if (isAsciiDigit(c)
                   || (c == '.' && i + 1 < sql.size() && isAsciiDigit(static_cast<unsigned char>(sql[i + 1])))) {
            tok.kind = SqlToken::Kind::Number;
            i = readNumber(sql, i);
            tok.value.assign(sql.data() + tok.begin, i - tok.begin);
        } else if (isWordStart(c)) {
            tok.kind = SqlToken::Kind::Word;
            while (i < sql.size() && isWordChar(static_cast<unsigned char>(sql[i])))
                ++i;
            tok.value.assign(sql.data() + tok.begin, i - tok.begin);
        } else if (c == '?' || c == ':' || c == '@' || c == '$') {
            tok.kind = SqlToken::Kind::Variable;
            ++i;
            while (i < sql.size() && isWordChar(static_cast<unsigned char>(sql[i])))
                ++i;
            tok.value.assign(sql.data() + tok.begin, i - tok.begin);
        } else {
            tok.kind = SqlToken::Kind::Punct;
            // The operators of more than one character: ->> || <= >= <> != == << >> ->
            const char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
            std::size_t len = 1;
            switch (c) {
            case '-':
                if (next == '>')
                    len = i + 2 < sql.size() && sql[i + 2] == '>' ? 3 : 2;
                break;
            case '|':
                len = next == '|' ? 2 : 1;
                break;
            case '<':
                len = next == '=' || next == '>' || next == '<' ? 2 : 1;
                break;
            case '>':
                len = next == '=' || next == '>' ? 2 : 1;
                break;
            case '!':
            case '=':
                len = next == '=' ? 2 : 1;
                break;
            default:
                break;
            }
            i += len;
            tok.value.assign(sql.data() + tok.begin, len);
        }
        tok.end = i;
    }
    return tokens;
}

const ParsedColumn* ParsedCreateTable::findColumn(std::string_view name) const
{
    for (const auto& c : columns)
        if (equalsIgnoreCase(c.name, name))
            return &c;
    return nullptr;
}

ParsedCreateTable parseCreateTable(std::string_view sql)
{
    ParsedCreateTable out;
    const Tokens t = tokenizeSql(sql);
    const Slicer slice(sql, t);
    bool unique = false;
    std::size_t i = skipToObjectName(t, unique, out.isVirtual);
    if (i >= t.size())
        return out;
    out.name = t[i++].value;
    if (out.isVirtual || i >= t.size() || !t[i].isPunct("("))
        return out;
    const std::size_t close = matchParen(t, i, t.size());
    out.open = t[i].begin;
    out.close = close < t.size() ? t[close].begin : sql.size();
    bool constraintsStarted = false;
    for (auto [a, b] : splitTopLevel(t, i + 1, close)) {
        constraintsStarted = constraintsStarted || isTableConstraintStart(t[a]);
        if (constraintsStarted)
            parseTableConstraint(t, a, b, slice, out);
        else
            parseColumn(t, a, b, slice, out);
    }
    for (std::size_t k = close + 1; k < t.size(); ++k) {
        if (t[k].isWord("STRICT"))
            out.strict = true;
        else if (t[k].isWord("ROWID") && t[k - 1].isWord("WITHOUT"))
            out.withoutRowid = true;
    }
    return out;
}

ParsedCreateIndex parseCreateIndex(std::string_view sql)
{
    ParsedCreateIndex out;
    const Tokens t = tokenizeSql(sql);
    const Slicer slice(sql, t);
    bool isVirtual = false;
    std::size_t i = skipToObjectName(t, out.unique, isVirtual);
    if (i >= t.size())
        return out;
    out.name = t[i++].value;
    if (i < t.size() && t[i].isWord("ON"))
        ++i;
    if (i < t.size())
        out.table = t[i++].value;
    if (i >= t.size() || !t[i].isPunct("("))
        return out;
    const std::size_t close = matchParen(t, i, t.size());
    for (auto [a, b] : splitTopLevel(t, i + 1, close))
        out.entries.push_back(slice.text(a, b));
    if (close + 1 < t.size() && t[close + 1].isWord("WHERE"))
        out.where = slice.between(close + 1, t.size());
    return out;
}

std::vector<std::string> sqliteCollationsNamedIn(std::string_view sql)
{
    std::vector<std::string> names;
    const Tokens t = tokenizeSql(sql);
    for (std::size_t i = 0; i + 1 < t.size(); ++i)
        if (t[i].isWord("COLLATE") && t[i + 1].isName())
            names.push_back(t[i + 1].value);
    return names;
}

std::string stripOuterParentheses(std::string_view expr)
{
    expr = trimSql(expr);
    for (;;) {
        const Tokens t = tokenizeSql(expr);
        if (t.size() < 2 || !t.front().isPunct("(") || !t.back().isPunct(")")
            || matchParen(t, 0, t.size()) != t.size() - 1)
            return std::string(expr);
        expr = trimSql(expr.substr(t.front().end, t.back().begin - t.front().end));
    }
}

IndexEntryParts splitIndexEntry(std::string_view entry)
{
    IndexEntryParts parts;
    const Tokens t = tokenizeSql(entry);
    std::size_t end = t.size();
    if (end > 0 && (t[end - 1].isWord("DESC") || t[end - 1].isWord("ASC"))) {
        parts.descending = t[end - 1].isWord("DESC");
        --end;
    }
    if (end >= 2 && t[end - 2].isWord("COLLATE")) {
        parts.collation = t[end - 1].value;
        end -= 2;
    }
    parts.expr = Slicer(entry, t).text(0, end);
    return parts;
}

} // namespace tempest
