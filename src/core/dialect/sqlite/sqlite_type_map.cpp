#include "core/dialect/sqlite/sqlite_type_map.h"

#include "core/dialect/sqlite/sqlite_create_parser.h"

#include <charconv>
#include <optional>
#include <string>
#include <vector>

namespace tempest {

namespace {

/// A declared type split into its name words (uppercased, single-spaced) and its
/// numeric arguments. nullopt when the text is not of the form `words [(n [, n])]`.
struct DeclaredType {
    std::string name;
    std::vector<int> args;
    bool hasParens = false;
};

std::optional<DeclaredType> splitDeclaredType(std::string_view declared)
{
    DeclaredType out;
    const auto tokens = tokenizeSql(declared);
    std::size_t i = 0;
    for (; i < tokens.size() && tokens[i].kind == SqlToken::Kind::Word; ++i) {
        if (!out.name.empty())
            out.name += ' ';
        out.name += toUpperAscii(tokens[i].value);
    }
    if (out.name.empty())
        return std::nullopt;
    if (i == tokens.size())
        return out;
    if (!tokens[i].isPunct("("))
        return std::nullopt;
    out.hasParens = true;
    ++i;
    while (i < tokens.size() && tokens[i].kind == SqlToken::Kind::Number) {
        int value = 0;
        const auto& text = tokens[i].value;
        auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || ptr != text.data() + text.size())
            return std::nullopt;
        out.args.push_back(value);
        ++i;
        if (i < tokens.size() && tokens[i].isPunct(","))
            ++i;
        else
            break;
    }
    if (i + 1 != tokens.size() || !tokens[i].isPunct(")") || out.args.empty())
        return std::nullopt;
    return out;
}

using Names = std::vector<std::string_view>;
const Names kVarcharNames = {"VARCHAR", "NVARCHAR", "CHARACTER VARYING", "VARYING CHARACTER",
                             "NATIONAL CHARACTER VARYING"};
const Names kCharNames = {"CHAR", "NCHAR", "CHARACTER", "NATIONAL CHARACTER"};

bool nameIn(const std::string& name, const Names& names)
{
    for (auto n : names)
        if (name == n)
            return true;
    return false;
}

/// The IR type of a declared name without arguments, if a name rule knows it.
std::optional<ColumnType> plainType(const std::string& name)
{
    struct Rule {
        Names names;
        ColumnType type;
    };
    static const Rule rules[] = {
        {{"TEXT", "CLOB"}, ColumnType::Text},
        {{"INT", "INTEGER", "INT4"}, ColumnType::Integer},
        {{"BIGINT", "INT8"}, ColumnType::Bigint},
        {{"SMALLINT", "INT2"}, ColumnType::Smallint},
        {{"BOOL", "BOOLEAN"}, ColumnType::Boolean},
        {{"REAL", "FLOAT4"}, ColumnType::Real},
        {{"DOUBLE", "DOUBLE PRECISION", "FLOAT", "FLOAT8"}, ColumnType::Double},
        {{"NUMERIC", "DECIMAL"}, ColumnType::Numeric},
        {{"DATE"}, ColumnType::Date},
        {{"TIME"}, ColumnType::Time},
        {{"DATETIME", "TIMESTAMP", "TIMESTAMP WITHOUT TIME ZONE"}, ColumnType::Timestamp},
        {{"TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE"}, ColumnType::Timestamptz},
        {{"BLOB"}, ColumnType::Blob},
        {{"JSON"}, ColumnType::Json},
        {{"UUID"}, ColumnType::Uuid},
    };
    for (const auto& rule : rules)
        if (nameIn(name, rule.names))
            return rule.type;
    return std::nullopt;
}

bool contains(const std::string& haystack, std::string_view needle)
{
    return haystack.find(needle) != std::string::npos;
}

} // namespace

Column mapSqliteDeclaredType(std::string_view declared)
{
    Column column;
    column.type = ColumnType::Custom;
    column.sql = std::string(declared);
    const auto parsed = splitDeclaredType(declared);
    if (!parsed)
        return column;
    const std::string& name = parsed->name;
    const auto& args = parsed->args;
    auto finish = [&](ColumnType type) {
        column.type = type;
        column.sql.clear();
        return column;
    };
    if (!parsed->hasParens) {
        if (auto type = plainType(name))
            return finish(*type);
        if (nameIn(name, kVarcharNames))  // the renderer's spelling of varchar without a length
            return finish(ColumnType::Varchar);
        if (nameIn(name, kCharNames))
            return finish(ColumnType::Char);
        return column;
    }
    if (args.size() == 1 && nameIn(name, kVarcharNames)) {
        column.length = args[0];
        return finish(ColumnType::Varchar);
    }
    if (args.size() == 1 && nameIn(name, kCharNames)) {
        column.length = args[0];
        return finish(ColumnType::Char);
    }
    if (args.size() <= 2 && nameIn(name, {"NUMERIC", "DECIMAL"})) {
        column.precision = args[0];
        if (args.size() == 2)
            column.scale = args[1];
        return finish(ColumnType::Numeric);
    }
    if (args.size() == 1) {
        // Fractional-second precision: TIME(p), TIMESTAMP(p), TIMESTAMPTZ(p).
        if (auto type = plainType(name);
            type == ColumnType::Time || type == ColumnType::Timestamp || type == ColumnType::Timestamptz) {
            column.precision = args[0];
            return finish(*type);
        }
    }
    return column;
}

char sqliteAffinityOfDeclaredType(std::string_view declared)
{
    // https://www.sqlite.org/datatype3.html §3.1, in its order.
    const std::string upper = toUpperAscii(declared);
    if (contains(upper, "INT"))
        return 'I';
    if (contains(upper, "CHAR") || contains(upper, "CLOB") || contains(upper, "TEXT"))
        return 'T';
    if (contains(upper, "BLOB") || trimSql(upper).empty())
        return 'B';
    if (contains(upper, "REAL") || contains(upper, "FLOA") || contains(upper, "DOUB"))
        return 'R';
    return 'N';
}

char sqliteAffinity(const Column& column)
{
    switch (column.type) {
    case ColumnType::Smallint:
    case ColumnType::Integer:
    case ColumnType::Bigint:
        return 'I';
    case ColumnType::Text:
    case ColumnType::Varchar:
    case ColumnType::Char:
    case ColumnType::Enum:
    case ColumnType::Json:
    case ColumnType::Uuid:
        return 'T';
    case ColumnType::Real:
    case ColumnType::Double:
        return 'R';
    case ColumnType::Blob:
        return 'B';
    case ColumnType::Boolean:
    case ColumnType::Numeric:
    case ColumnType::Date:
    case ColumnType::Time:
    case ColumnType::Timestamp:
    case ColumnType::Timestamptz:
        return 'N';
    case ColumnType::Custom:
        return sqliteAffinityOfDeclaredType(column.sql);
    }
    return 'N';
}

} // namespace tempest
