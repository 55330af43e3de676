#include "core/dialect/sqlite/sqlite_rules.h"

#include "core/dialect/sqlite/sqlite_create_parser.h"
#include "core/dialect/sqlite/sqlite_type_map.h"
#include "core/dialect/sqlite/sqlite_types.h"

#include <charconv>
#include <cstdint>
#include <set>
#include <vector>

namespace tempest {

namespace {

bool isBareIdentifier(std::string_view text)
{
    if (text.empty())
        return false;
    const auto tokens = tokenizeSql(text);
    return tokens.size() == 1 && tokens[0].kind == SqlToken::Kind::Word && tokens[0].end == text.size();
}

std::string quoteString(std::string_view value)
{
    std::string out = "'";
    for (char c : value) {
        out += c;
        if (c == '\'')
            out += '\'';
    }
    return out + "'";
}

/// Removes parentheses that enclose the whole token list, as often as they do.
void stripOuterParens(std::vector<std::string>& tokens)
{
    while (tokens.size() >= 2 && tokens.front() == "(" && tokens.back() == ")") {
        int depth = 0;
        bool enclosesAll = true;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (tokens[i] == "(")
                ++depth;
            else if (tokens[i] == ")" && --depth == 0 && i + 1 != tokens.size()) {
                enclosesAll = false;
                break;
            }
        }
        if (!enclosesAll)
            return;
        tokens.erase(tokens.begin());
        tokens.pop_back();
    }
}

std::vector<std::string> normalizedTokens(std::string_view expr)
{
    std::vector<std::string> out;
    for (const auto& tok : tokenizeSql(expr)) {
        switch (tok.kind) {
        case SqlToken::Kind::Word:
            out.push_back(toLowerAscii(tok.value));
            break;
        case SqlToken::Kind::QuotedIdentifier:
            out.push_back(isBareIdentifier(tok.value) ? toLowerAscii(tok.value)
                                                      : "\"" + toLowerAscii(tok.value) + "\"");
            break;
        case SqlToken::Kind::String:
            out.push_back(quoteString(tok.value));
            break;
        case SqlToken::Kind::Blob:
            out.push_back("x'" + toLowerAscii(tok.value) + "'");
            break;
        case SqlToken::Kind::Punct:
            out.push_back(tok.value == "==" ? "=" : tok.value == "<>" ? "!=" : tok.value);
            break;
        case SqlToken::Kind::Number:
        case SqlToken::Kind::Variable:
            out.push_back(tok.value);
            break;
        }
    }
    stripOuterParens(out);
    return out;
}

std::optional<double> parseNumber(std::string_view text)
{
    text = trimSql(text);
    bool negative = false;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
        text = trimSql(text);
    }
    if (text.empty())
        return std::nullopt;
    double value = 0;
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        std::uint64_t hex = 0;
        auto [ptr, ec] = std::from_chars(text.data() + 2, text.data() + text.size(), hex, 16);
        if (ec != std::errc() || ptr != text.data() + text.size())
            return std::nullopt;
        value = static_cast<double>(hex);
    } else {
        auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || ptr != text.data() + text.size())
            return std::nullopt;
    }
    return negative ? -value : value;
}

/// A default as the value SQLite stores, so that literal spellings compare equal.
struct CanonicalDefault {
    enum class Kind { None, Number, String, Expression } kind = Kind::None;
    double number = 0;
    std::string text;
};

CanonicalDefault canonical(const std::optional<DefaultValue>& value)
{
    CanonicalDefault out;
    if (!value)
        return out;
    switch (value->kind) {
    case DefaultValue::Kind::Number:
        if (auto n = parseNumber(value->text)) {
            out.kind = CanonicalDefault::Kind::Number;
            out.number = *n;
            return out;
        }
        break;
    case DefaultValue::Kind::Boolean:
        out.kind = CanonicalDefault::Kind::Number;  // SQLite stores TRUE/FALSE as 1/0
        out.number = value->text == "true" ? 1 : 0;
        return out;
    case DefaultValue::Kind::String:
        out.kind = CanonicalDefault::Kind::String;
        out.text = value->text;
        return out;
    case DefaultValue::Kind::Expression:
        break;
    }
    // An expression that is only a literal is that literal: (0) = 0, ('a') = 'a'.
    const auto tokens = tokenizeSql(value->text);
    std::vector<SqlToken> inner(tokens.begin(), tokens.end());
    while (inner.size() >= 2 && inner.front().isPunct("(") && inner.back().isPunct(")"))
        inner = std::vector<SqlToken>(inner.begin() + 1, inner.end() - 1);
    if (inner.size() == 1 && inner[0].kind == SqlToken::Kind::String) {
        out.kind = CanonicalDefault::Kind::String;
        out.text = inner[0].value;
        return out;
    }
    if (inner.size() == 1 && (inner[0].isWord("TRUE") || inner[0].isWord("FALSE"))) {
        out.kind = CanonicalDefault::Kind::Number;
        out.number = inner[0].isWord("TRUE") ? 1 : 0;
        return out;
    }
    if (inner.size() == 1 && inner[0].isWord("NULL"))
        return out;
    if (!inner.empty() && inner.size() <= 2 && inner.back().kind == SqlToken::Kind::Number
        && (inner.size() == 1 || inner[0].isPunct("-") || inner[0].isPunct("+"))) {
        std::string text;
        for (const auto& t : inner)
            text += t.value;
        if (auto n = parseNumber(text)) {
            out.kind = CanonicalDefault::Kind::Number;
            out.number = *n;
            return out;
        }
    }
    out.kind = CanonicalDefault::Kind::Expression;
    out.text = normalizeSqliteExpression(value->text);
    return out;
}

} // namespace

std::string normalizeSqliteExpression(std::string_view expr)
{
    std::string out;
    for (const auto& tok : normalizedTokens(expr)) {
        if (!out.empty())
            out += ' ';
        out += tok;
    }
    return out;
}

bool SqliteComparisonRules::collationsEqual(const std::optional<std::string>& a,
                                            const std::optional<std::string>& b) const
{
    return equalsIgnoreCase(a.value_or("BINARY"), b.value_or("BINARY"));
}

bool SqliteComparisonRules::typesEqual(const Column& a, const Column& b) const
{
    if (a.type == ColumnType::Enum && b.type == ColumnType::Enum && a.enumName != b.enumName)
        return false;
    return sqliteAffinity(a) == sqliteAffinity(b);
}

std::string SqliteComparisonRules::declaredType(const Column& column) const
{
    if (column.autoincrement)  // rendered INTEGER PRIMARY KEY AUTOINCREMENT, whatever its IR type
        return "INTEGER";
    return sqliteColumnType(mapSqliteDeclaredType(sqliteColumnType(column)));
}

std::string SqliteComparisonRules::typeClass(const Column& column) const
{
    switch (sqliteAffinity(column)) {
    case 'I': return "INTEGER affinity";
    case 'T': return "TEXT affinity";
    case 'B': return "BLOB affinity";
    case 'R': return "REAL affinity";
    default: return "NUMERIC affinity";
    }
}

bool SqliteComparisonRules::defaultsEqual(const std::optional<DefaultValue>& a,
                                          const std::optional<DefaultValue>& b) const
{
    using Kind = CanonicalDefault::Kind;
    const CanonicalDefault x = canonical(a);
    const CanonicalDefault y = canonical(b);
    if (x.kind == Kind::Number && y.kind == Kind::String)
        return parseNumber(y.text) == x.number;
    if (x.kind == Kind::String && y.kind == Kind::Number)
        return parseNumber(x.text) == y.number;
    if (x.kind != y.kind)
        return false;
    switch (x.kind) {
    case Kind::None:
        return true;
    case Kind::Number:
        return x.number == y.number;
    case Kind::String:
    case Kind::Expression:
        return x.text == y.text;
    }
    return false;
}

bool SqliteComparisonRules::expressionsEqual(const std::string& a, const std::string& b) const
{
    return a == b || normalizeSqliteExpression(a) == normalizeSqliteExpression(b);
}

const ComparisonRules& sqliteRules()
{
    static const SqliteComparisonRules rules;
    return rules;
}

Schema sqliteNormalizeModel(Schema out)
{
    std::set<std::string> usedEnums;
    for (auto& table : out.tables) {
        table.comment.reset();
        for (auto& column : table.columns) {
            column.comment.reset();
            if (column.type == ColumnType::Enum)
                usedEnums.insert(column.enumName);
        }
    }
    std::erase_if(out.enums, [&](const EnumType& e) { return usedEnums.count(e.name) == 0; });
    return out;
}

} // namespace tempest
