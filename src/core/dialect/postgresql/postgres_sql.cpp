#include "core/dialect/postgresql/postgres_sql.h"

#include "core/ir/errors.h"

namespace tempest {

std::string pgQuoteIdentifier(std::string_view name)
{
    if (name.empty())
        throw InputError("an empty name cannot be a PostgreSQL identifier");
    if (name.size() > kPgMaxIdentifierBytes)
        throw InputError("identifier \"" + std::string(name) + "\" is " + std::to_string(name.size())
                         + " bytes long; PostgreSQL keeps at most 63 and would truncate it");
    std::string out = "\"";
    for (char c : name) {
        out += c;
        if (c == '"')
            out += '"';
    }
    return out + "\"";
}

std::string pgQuoteLiteral(std::string_view text)
{
    std::string out = "'";
    for (char c : text) {
        out += c;
        if (c == '\'')
            out += '\'';
    }
    return out + "'";
}

std::string pgQualified(std::string_view schema, std::string_view name)
{
    if (schema.empty())
        return pgQuoteIdentifier(name);
    return pgQuoteIdentifier(schema) + "." + pgQuoteIdentifier(name);
}

std::string_view pgNameSchema(std::string_view defaultSchema, std::string_view name)
{
    const auto dot = name.find('.');
    return dot == std::string_view::npos ? defaultSchema : name.substr(0, dot);
}

std::string_view pgBareName(std::string_view name)
{
    const auto dot = name.find('.');
    return dot == std::string_view::npos ? name : name.substr(dot + 1);
}

std::string pgObjectName(std::string_view defaultSchema, std::string_view name)
{
    return pgQualified(pgNameSchema(defaultSchema, name), pgBareName(name));
}

std::string pgSiblingName(std::string_view defaultSchema, std::string_view like, std::string_view name)
{
    return pgQualified(pgNameSchema(defaultSchema, like), name);
}

namespace {

std::string withPrecision(const char* base, const Column& column)
{
    std::string out = base;
    if (column.precision)
        out += "(" + std::to_string(*column.precision) + ")";
    return out;
}

} // namespace

std::string pgColumnType(const Column& column, std::string_view schema)
{
    if (column.arrayDims > 0) {
        Column element = column;
        element.arrayDims = 0;
        std::string out = pgColumnType(element, schema);
        for (int d = 0; d < column.arrayDims; ++d)
            out += "[]";
        return out;
    }
    switch (column.type) {
    case ColumnType::Smallint: return "smallint";
    case ColumnType::Integer: return "integer";
    case ColumnType::Bigint: return "bigint";
    case ColumnType::Boolean: return "boolean";
    case ColumnType::Real: return "real";
    case ColumnType::Double: return "double precision";
    case ColumnType::Numeric:
        if (!column.precision)
            return "numeric";
        return "numeric(" + std::to_string(*column.precision)
             + (column.scale ? "," + std::to_string(*column.scale) : std::string()) + ")";
    case ColumnType::Text: return "text";
    case ColumnType::Varchar:
        return column.length ? "varchar(" + std::to_string(*column.length) + ")" : "varchar";
    case ColumnType::Char:
        return column.length ? "char(" + std::to_string(*column.length) + ")" : "char";
    case ColumnType::Date: return "date";
    case ColumnType::Time: return withPrecision("time", column);
    case ColumnType::Timestamp: return withPrecision("timestamp", column);
    case ColumnType::Timestamptz: return withPrecision("timestamptz", column);
    case ColumnType::Blob: return "bytea";
    case ColumnType::Json: return "jsonb";
    case ColumnType::Uuid: return "uuid";
    case ColumnType::Enum: return pgObjectName(schema, column.enumName);
    case ColumnType::Custom:
        if (column.sql.empty())
            throw InputError("column \"" + column.name + "\" has a custom type without sql; PostgreSQL needs a type");
        return column.sql;
    }
    return "text";
}

std::string pgDefaultSql(const DefaultValue& value)
{
    switch (value.kind) {
    case DefaultValue::Kind::String: return pgQuoteLiteral(value.text);
    case DefaultValue::Kind::Number: return value.text;
    case DefaultValue::Kind::Boolean: return value.text == "true" ? "true" : "false";
    case DefaultValue::Kind::Expression: return value.text;
    }
    return value.text;
}

std::int64_t pgAdvisoryLockKey(std::string_view schema, std::string_view table)
{
    std::string key = std::string(schema.empty() ? "public" : schema) + "." + std::string(table);
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : key) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return static_cast<std::int64_t>(hash);
}

std::string pgStripQualifier(std::string_view text, std::string_view schema)
{
    if (schema.empty())
        return std::string(text);
    const std::string quoted = "\"" + std::string(schema) + "\".";
    const std::string bare = std::string(schema) + ".";
    auto isWordChar = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
            || c == '$' || static_cast<unsigned char>(c) >= 0x80;
    };
    std::string out;
    bool inString = false;
    for (std::size_t i = 0; i < text.size();) {
        char c = text[i];
        if (inString) {
            out += c;
            if (c == '\'')
                inString = false;
            ++i;
            continue;
        }
        if (c == '\'') {
            inString = true;
            out += c;
            ++i;
            continue;
        }
        const bool boundary = i == 0 || (!isWordChar(text[i - 1]) && text[i - 1] != '"');
        if (boundary && text.substr(i).starts_with(quoted)) {
            i += quoted.size();
            continue;
        }
        if (boundary && text.substr(i).starts_with(bare)) {
            i += bare.size();
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

std::string pgLower(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace tempest
