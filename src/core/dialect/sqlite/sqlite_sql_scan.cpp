#include "core/dialect/sqlite/sqlite_sql_scan.h"

#include "core/dialect/sqlite/sqlite_types.h"

#include <algorithm>
#include <array>

namespace tempest {

namespace {

using Tokens = std::vector<SqlToken>;

/// Words after which a FROM list has ended (a comma no longer separates tables).
bool endsFromList(const SqlToken& token)
{
    static constexpr std::array<std::string_view, 15> words{
        "WHERE", "GROUP", "ORDER", "HAVING", "LIMIT", "WINDOW", "UNION", "INTERSECT",
        "EXCEPT", "SELECT", "SET", "VALUES", "RETURNING", "ON", "USING"};
    return token.kind == SqlToken::Kind::Word
        && std::any_of(words.begin(), words.end(), [&](std::string_view w) { return token.isWord(w); });
}

/// Words that follow a table reference without being its alias.
bool cannotBeAlias(const SqlToken& token)
{
    static constexpr std::array<std::string_view, 12> words{
        "LEFT", "RIGHT", "FULL", "INNER", "OUTER", "CROSS", "NATURAL", "INDEXED", "WINDOW", "BEGIN", "FOR", "DEFAULT"};
    return isSqliteReservedWord(token)
        || std::any_of(words.begin(), words.end(), [&](std::string_view w) { return token.isWord(w); });
}

} // namespace

std::size_t skipSchemaQualifier(const Tokens& t, std::size_t i)
{
    return i + 2 < t.size() && t[i + 1].isPunct(".") ? i + 2 : i;
}

bool isSqliteReservedWord(const SqlToken& token)
{
    static constexpr std::array<std::string_view, 59> words{
        "ADD", "ALL", "ALTER", "AND", "AS", "AUTOINCREMENT", "BETWEEN", "CASE", "CHECK", "COLLATE",
        "COMMIT", "CONSTRAINT", "CREATE", "DEFAULT", "DEFERRABLE", "DELETE", "DISTINCT", "DROP", "ELSE",
        "ESCAPE", "EXCEPT", "EXISTS", "FOREIGN", "FROM", "GROUP", "HAVING", "IN", "INDEX", "INDEXED",
        "INSERT", "INTERSECT", "INTO", "IS", "ISNULL", "JOIN", "LIMIT", "NOT", "NOTHING", "NOTNULL",
        "NULL", "ON", "OR", "ORDER", "PRIMARY", "REFERENCES", "RETURNING", "SELECT", "SET", "TABLE",
        "THEN", "TO", "TRANSACTION", "UNION", "UNIQUE", "UPDATE", "USING", "VALUES", "WHEN", "WHERE"};
    return token.kind == SqlToken::Kind::Word
        && std::any_of(words.begin(), words.end(), [&](std::string_view w) { return token.isWord(w); });
}

bool isIdentifierNamed(const SqlToken& token, std::string_view name)
{
    return (token.kind == SqlToken::Kind::QuotedIdentifier
            || (token.kind == SqlToken::Kind::Word && !isSqliteReservedWord(token)))
        && equalsIgnoreCase(token.value, name);
}

bool isObjectNamed(const SqlToken& token, std::string_view name)
{
    return token.isName() && equalsIgnoreCase(token.value, name);
}

SqliteCreateHeader parseCreateHeader(const Tokens& t)
{
    SqliteCreateHeader header;
    if (t.empty() || !t[0].isWord("CREATE"))
        return header;
    std::size_t i = 1;
    for (; i < t.size(); ++i) {
        if (t[i].isWord("TEMP") || t[i].isWord("TEMPORARY"))
            header.temp = true;
        else if (t[i].isWord("UNIQUE"))
            header.unique = true;
        else if (t[i].isWord("VIRTUAL"))
            header.isVirtual = true;
        else
            break;
    }
    if (i >= t.size())
        return header;
    for (std::string_view kind : {"TABLE", "INDEX", "VIEW", "TRIGGER"})
        if (t[i].isWord(kind))
            header.kind = kind;
    if (header.kind.empty())
        return header;
    ++i;
    if (i + 2 < t.size() && t[i].isWord("IF") && t[i + 1].isWord("NOT") && t[i + 2].isWord("EXISTS")) {
        header.ifNotExists = true;
        i += 3;
    }
    if (i + 2 < t.size() && t[i + 1].isPunct(".")) {
        header.temp = header.temp || equalsIgnoreCase(t[i].value, "temp");
        i += 2;
    }
    if (i >= t.size())
        return header;
    header.nameIndex = i;
    if (header.kind == "INDEX" || header.kind == "TRIGGER") {
        // The first ON after the name: a trigger's event clause holds no other.
        for (std::size_t k = i + 1; k + 1 < t.size(); ++k) {
            if (t[k].isWord("ON")) {
                header.onIndex = skipSchemaQualifier(t, k + 1);
                break;
            }
        }
    }
    return header;
}

std::vector<bool> findTableReferences(const Tokens& t, const SqliteCreateHeader& header)
{
    std::vector<bool> refs(t.size(), false);
    if (header.onIndex != kNoToken)
        refs[header.onIndex] = true;
    std::vector<bool> inFrom{false};  // per parenthesis depth
    for (std::size_t i = 0; i < t.size(); ++i) {
        const SqlToken& token = t[i];
        if (token.isPunct("(")) {
            inFrom.push_back(false);
            continue;
        }
        if (token.isPunct(")")) {
            if (inFrom.size() > 1)
                inFrom.pop_back();
            continue;
        }
        if (token.isWord("FROM"))
            inFrom.back() = true;
        else if (endsFromList(token))
            inFrom.back() = false;
        if (!token.isName() || isSqliteReservedWord(token) || i == 0)
            continue;
        std::size_t p = i;  // where the reference starts: before a `schema.` qualifier
        if (p >= 2 && t[p - 1].isPunct(".") && t[p - 2].isName())
            p -= 2;
        if (p == 0)
            continue;
        const SqlToken& before = t[p - 1];
        bool ref = before.isWord("FROM") || before.isWord("JOIN") || before.isWord("INTO")
                || before.isWord("REFERENCES") || (before.isPunct(",") && inFrom.back())
                || (before.isWord("UPDATE") && !token.isWord("OF"));
        if (!ref && p >= 3 && t[p - 2].isWord("OR") && t[p - 3].isWord("UPDATE"))
            ref = true;  // UPDATE OR REPLACE t
        if (ref && i + 1 < t.size() && t[i + 1].isPunct("."))
            ref = false;  // the schema of a qualified reference, not the table
        refs[i] = refs[i] || ref;
    }
    return refs;
}

std::string tableAliasAfter(const Tokens& t, std::size_t ref, std::size_t end)
{
    std::size_t i = ref + 1;
    if (i < end && t[i].isWord("AS"))
        ++i;
    if (i >= end || !t[i].isName() || cannotBeAlias(t[i]))
        return {};
    if (i + 1 < end && (t[i + 1].isPunct(".") || t[i + 1].isPunct("(")))
        return {};
    return t[i].value;
}

void SqlTokenEdits::replaceName(const SqlToken& token, std::string_view name, bool alwaysQuote)
{
    std::string text;
    if (!alwaysQuote && token.kind == SqlToken::Kind::Word) {
        text = std::string(name);
    } else {
        text = sqliteQuoteIdentifier(name);
        if (token.end < m_sql.size() && m_sql[token.end] == '"')
            text += ' ';  // SQLite keeps a quoted name from running into the next one
    }
    m_edits[token.begin] = {token.end, std::move(text)};
}

std::string SqlTokenEdits::result() const
{
    std::string out;
    std::size_t pos = 0;
    for (const auto& [begin, edit] : m_edits) {
        if (begin < pos)
            continue;
        out.append(m_sql.substr(pos, begin - pos));
        out += edit.second;
        pos = edit.first;
    }
    out.append(m_sql.substr(pos));
    return out;
}

} // namespace tempest
