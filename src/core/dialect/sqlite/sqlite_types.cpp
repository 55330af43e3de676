#include "core/dialect/sqlite/sqlite_types.h"

#include <algorithm>
#include <cctype>

namespace tempest {

namespace {

std::string upper(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

std::string withArguments(std::string name, std::optional<int> first, std::optional<int> second = {})
{
    if (!first)
        return name;
    name += "(" + std::to_string(*first);
    if (second)
        name += "," + std::to_string(*second);
    return name + ")";
}

/// True when `text` is one parenthesised group: "(a) + (b)" is not, "((a) + (b))" is.
bool isOneParenthesisedGroup(std::string_view text)
{
    if (text.size() < 2 || text.front() != '(' || text.back() != ')')
        return false;
    int depth = 0;
    char quote = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quote) {
            if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '\'' || c == '"' || c == '`') {
            quote = c;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')') {
            if (--depth == 0 && i + 1 != text.size())
                return false;
        }
    }
    return depth == 0;
}

} // namespace

std::string sqliteColumnType(const Column& column)
{
    switch (column.type) {
    case ColumnType::Smallint: return "SMALLINT";
    case ColumnType::Integer: return "INTEGER";
    case ColumnType::Bigint: return "BIGINT";
    case ColumnType::Boolean: return "BOOLEAN";
    case ColumnType::Real: return "REAL";
    case ColumnType::Double: return "DOUBLE";
    case ColumnType::Numeric: return withArguments("NUMERIC", column.precision, column.scale);
    case ColumnType::Text: return "TEXT";
    case ColumnType::Varchar: return withArguments("VARCHAR", column.length);
    case ColumnType::Char: return withArguments("CHAR", column.length);
    case ColumnType::Date: return "DATE";
    case ColumnType::Time: return withArguments("TIME", column.precision);
    case ColumnType::Timestamp: return withArguments("TIMESTAMP", column.precision);
    case ColumnType::Timestamptz: return withArguments("TIMESTAMPTZ", column.precision);
    case ColumnType::Blob: return "BLOB";
    case ColumnType::Json: return "JSON";
    case ColumnType::Uuid: return "UUID";
    case ColumnType::Enum: return "TEXT";
    case ColumnType::Custom: return column.sql;
    }
    return column.sql;
}

bool sqliteIsDefaultKeyword(std::string_view expression)
{
    std::string word = upper(expression);
    return word == "CURRENT_TIMESTAMP" || word == "CURRENT_DATE" || word == "CURRENT_TIME";
}

std::string sqliteDefaultSql(const DefaultValue& value)
{
    switch (value.kind) {
    case DefaultValue::Kind::String: return sqliteQuoteLiteral(value.text);
    case DefaultValue::Kind::Number: return value.text;
    case DefaultValue::Kind::Boolean: return value.text == "true" ? "TRUE" : "FALSE";
    case DefaultValue::Kind::Expression:
        // SQLite only takes a literal, a signed number, a keyword or "(expr)" after DEFAULT.
        if (sqliteIsDefaultKeyword(value.text) || isOneParenthesisedGroup(value.text))
            return value.text;
        return "(" + value.text + ")";
    }
    return value.text;
}

std::string sqliteEnumCheckName(std::string_view enumName, std::string_view column)
{
    return "enum:" + std::string(enumName) + ":" + std::string(column);
}

std::string sqliteStrictType(std::string_view declared)
{
    std::string type = upper(declared);
    if (type == "INT" || type == "INTEGER" || type == "REAL" || type == "TEXT" || type == "BLOB"
        || type == "ANY")
        return type;
    // SQLite's affinity rules (datatype3.html §3.1), in their order.
    if (type.find("INT") != std::string::npos)
        return "INTEGER";
    if (type.find("CHAR") != std::string::npos || type.find("CLOB") != std::string::npos
        || type.find("TEXT") != std::string::npos)
        return "TEXT";
    if (type.empty() || type.find("BLOB") != std::string::npos)
        return type.empty() ? "ANY" : "BLOB";
    if (type.find("REAL") != std::string::npos || type.find("FLOA") != std::string::npos
        || type.find("DOUB") != std::string::npos)
        return "REAL";
    return "ANY";
}

std::string sqliteQuoteLiteral(std::string_view text)
{
    std::string out = "'";
    for (char c : text) {
        if (c == '\'')
            out += '\'';
        out += c;
    }
    return out + "'";
}

std::string sqliteQuoteIdentifier(std::string_view name)
{
    std::string out = "\"";
    for (char c : name) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

} // namespace tempest
