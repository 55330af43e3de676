#include "core/dialect/postgresql/postgres_catalog_values.h"

#include "core/dialect/postgresql/postgres_sql.h"

#include <cctype>
#include <map>
#include <regex>

namespace tempest {

namespace {

/// The numbers in "name(a,b) …": {a, b}.
std::vector<int> typeParameters(std::string_view formatted)
{
    std::vector<int> out;
    const std::size_t open = formatted.find('(');
    if (open == std::string_view::npos)
        return out;
    int value = 0;
    bool any = false, negative = false;
    for (std::size_t i = open + 1; i < formatted.size(); ++i) {
        const char c = formatted[i];
        if (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            any = true;
        } else if (c == '-') {
            negative = true;
        } else if (c == ',' || c == ')') {
            if (any)
                out.push_back(negative ? -value : value);
            value = 0;
            any = negative = false;
            if (c == ')')
                break;
        }
    }
    return out;
}

bool isNumberText(std::string_view text)
{
    static const std::regex number(R"(^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$)");
    return std::regex_match(text.begin(), text.end(), number);
}

/// Scans a string literal starting at `pos` ('…' or E'…'); returns its value and moves
/// `pos` past it, or nullopt when there is none there.
std::optional<std::string> readLiteral(std::string_view text, std::size_t& pos)
{
    bool escapes = false;
    std::size_t i = pos;
    if (i < text.size() && (text[i] == 'E' || text[i] == 'e')) {
        escapes = true;
        ++i;
    }
    if (i >= text.size() || text[i] != '\'')
        return std::nullopt;
    std::string value;
    for (++i; i < text.size(); ++i) {
        const char c = text[i];
        if (escapes && c == '\\' && i + 1 < text.size()) {
            const char n = text[++i];
            value += n == 'n' ? '\n' : n == 't' ? '\t' : n == 'r' ? '\r' : n;
            continue;
        }
        if (c == '\'') {
            if (i + 1 < text.size() && text[i + 1] == '\'') {
                value += '\'';
                ++i;
                continue;
            }
            pos = i + 1;
            return value;
        }
        value += c;
    }
    return std::nullopt;
}

/// True for the text after `::` when it is one type name (no further cast or operator).
bool isSingleTypeName(std::string_view type)
{
    if (type.empty() || type.find("::") != std::string_view::npos)
        return false;
    for (char c : type)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == '_' || c == '(' || c == ')' || c == ','
              || c == '"' || c == '.' || c == '[' || c == ']' || static_cast<unsigned char>(c) >= 0x80))
            return false;
    return true;
}

bool isNumericTypeName(std::string_view type)
{
    const std::string t = pgLower(type);
    for (const char* name : {"smallint", "integer", "bigint", "numeric", "real", "double precision"})
        if (t == name || t.starts_with(std::string(name) + "("))
            return true;
    return false;
}

} // namespace

void pgApplyCatalogType(Column& column, const PgCatalogType& type)
{
    static const std::map<std::string, ColumnType, std::less<>> plain = {
        {"int2", ColumnType::Smallint}, {"int4", ColumnType::Integer}, {"int8", ColumnType::Bigint},
        {"bool", ColumnType::Boolean}, {"float4", ColumnType::Real}, {"float8", ColumnType::Double},
        {"text", ColumnType::Text}, {"date", ColumnType::Date}, {"bytea", ColumnType::Blob},
        {"jsonb", ColumnType::Json}, {"uuid", ColumnType::Uuid}};
    const auto params = typeParameters(type.formatted);
    column.length.reset();
    column.precision.reset();
    column.scale.reset();
    column.enumName.clear();
    column.sql.clear();
    if (type.typtype == 'e' && type.localEnum) {
        column.type = ColumnType::Enum;
        column.enumName = type.typname;
        return;
    }
    if (type.typtype == 'b') {
        if (auto it = plain.find(type.typname); it != plain.end()) {
            column.type = it->second;
            return;
        }
        const std::string& n = type.typname;
        if (n == "numeric") {
            column.type = ColumnType::Numeric;
            if (!params.empty())
                column.precision = params[0];
            if (params.size() > 1)
                column.scale = params[1];
            return;
        }
        if (n == "varchar" || (n == "bpchar" && !params.empty())) {
            column.type = n == "varchar" ? ColumnType::Varchar : ColumnType::Char;
            if (!params.empty())
                column.length = params[0];
            return;
        }
        if (n == "time" || n == "timestamp" || n == "timestamptz") {
            column.type = n == "time" ? ColumnType::Time : n == "timestamp" ? ColumnType::Timestamp : ColumnType::Timestamptz;
            if (!params.empty())
                column.precision = params[0];
            return;
        }
    }
    column.type = ColumnType::Custom;
    column.sql = type.formatted;
}

std::optional<DefaultValue> pgParseDefault(std::string_view serverText)
{
    std::string_view text = serverText;
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    if (text.empty() || text == "NULL" || text.starts_with("NULL::"))
        return std::nullopt;
    if (text == "true" || text == "false")
        return DefaultValue::boolean(text == "true");
    if (isNumberText(text))
        return DefaultValue::number(std::string(text));
    std::size_t pos = 0;
    if (auto literal = readLiteral(text, pos)) {
        std::string_view rest = text.substr(pos);
        if (rest.empty())
            return DefaultValue::string(*literal);
        if (rest.starts_with("::") && isSingleTypeName(rest.substr(2))) {
            const std::string_view type = rest.substr(2);
            if (isNumericTypeName(type) && isNumberText(*literal))
                return DefaultValue::number(*literal);
            if (pgLower(type) == "boolean" && (*literal == "true" || *literal == "false"))
                return DefaultValue::boolean(*literal == "true");
            return DefaultValue::string(*literal);
        }
    }
    return DefaultValue::expression(std::string(text));
}

std::string pgCheckExpression(std::string_view constraintDef)
{
    if (!constraintDef.starts_with("CHECK ("))
        return std::string(constraintDef);
    const std::size_t start = 7;
    int depth = 1;
    bool inString = false, inIdentifier = false;
    for (std::size_t i = start; i < constraintDef.size(); ++i) {
        const char c = constraintDef[i];
        if (inString) {
            inString = c != '\'';
            continue;
        }
        if (inIdentifier) {
            inIdentifier = c != '"';
            continue;
        }
        if (c == '\'')
            inString = true;
        else if (c == '"')
            inIdentifier = true;
        else if (c == '(')
            ++depth;
        else if (c == ')' && --depth == 0)
            return std::string(constraintDef.substr(start, i - start));
    }
    return std::string(constraintDef);
}

std::string pgStripTempQualifier(std::string_view text)
{
    static const std::regex temp(R"((^|[^A-Za-z0-9_"])pg_temp(_[0-9]+)?\.)");
    std::string out;
    bool inString = false;
    std::string chunk;
    // Only outside string literals: split on quotes, rewrite the even chunks.
    for (char c : text) {
        if (c == '\'') {
            out += inString ? chunk : std::regex_replace(chunk, temp, "$1");
            chunk.clear();
            out += c;
            inString = !inString;
            continue;
        }
        chunk += c;
    }
    out += inString ? chunk : std::regex_replace(chunk, temp, "$1");
    return out;
}

} // namespace tempest
