#include "core/dialect/postgresql/postgres_rules.h"

#include "core/dialect/postgresql/postgres_catalog_values.h"
#include "core/dialect/postgresql/postgres_sql.h"

#include <cctype>
#include <charconv>
#include <map>

namespace tempest {

namespace {

std::string collapseSpaces(std::string_view text)
{
    std::string out;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::optional<double> number(std::string_view text)
{
    double value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || text.empty())
        return std::nullopt;
    return value;
}

bool isIdentifierStart(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

bool isIdentifierChar(char c)
{
    return isIdentifierStart(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '$';
}

/// A quoted identifier that needs no quotes: lowercase letters, digits, underscores.
bool needsNoQuotes(std::string_view name)
{
    if (name.empty() || !(std::islower(static_cast<unsigned char>(name[0])) || name[0] == '_'))
        return false;
    for (char c : name)
        if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_'))
            return false;
    return true;
}

std::vector<std::string> tokens(std::string_view expr)
{
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < expr.size()) {
        const char c = expr[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (c == '\'') {
            std::size_t j = i + 1;
            while (j < expr.size()) {
                if (expr[j] == '\'' && j + 1 < expr.size() && expr[j + 1] == '\'')
                    j += 2;
                else if (expr[j] == '\'')
                    break;
                else
                    ++j;
            }
            out.emplace_back(expr.substr(i, j + 1 - i));
            i = j + 1;
        } else if (c == '"') {
            std::size_t j = i + 1;
            std::string name;
            while (j < expr.size()) {
                if (expr[j] == '"' && j + 1 < expr.size() && expr[j + 1] == '"') {
                    name += '"';
                    j += 2;
                } else if (expr[j] == '"') {
                    break;
                } else {
                    name += expr[j++];
                }
            }
            out.push_back(needsNoQuotes(name) ? name : "\"" + name + "\"");
            i = j + 1;
        } else if (isIdentifierStart(c)) {
            std::size_t j = i;
            while (j < expr.size() && isIdentifierChar(expr[j]))
                ++j;
            out.push_back(pgLower(expr.substr(i, j - i)));
            i = j;
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            std::size_t j = i;
            while (j < expr.size() && (std::isalnum(static_cast<unsigned char>(expr[j])) || expr[j] == '.'))
                ++j;
            out.emplace_back(expr.substr(i, j - i));
            i = j;
        } else {
            // Operators: runs of operator characters are one token.
            static const std::string_view ops = "+-*/<>=~!@#%^&|`?:";
            std::size_t j = i + 1;
            if (ops.find(c) != std::string_view::npos)
                while (j < expr.size() && ops.find(expr[j]) != std::string_view::npos)
                    ++j;
            out.emplace_back(expr.substr(i, j - i));
            i = j;
        }
    }
    while (out.size() >= 2 && out.front() == "(" && out.back() == ")") {
        int depth = 0;
        bool enclosesAll = true;
        for (std::size_t k = 0; k < out.size(); ++k) {
            if (out[k] == "(")
                ++depth;
            else if (out[k] == ")" && --depth == 0 && k + 1 != out.size()) {
                enclosesAll = false;
                break;
            }
        }
        if (!enclosesAll)
            break;
        out.erase(out.begin());
        out.pop_back();
    }
    return out;
}

struct CanonicalDefault {
    enum class Kind { None, Boolean, Number, String, Expression } kind = Kind::None;
    std::string text;
    double value = 0;
};

CanonicalDefault canonical(const std::optional<DefaultValue>& d)
{
    CanonicalDefault out;
    if (!d)
        return out;
    out.text = d->text;
    switch (d->kind) {
    case DefaultValue::Kind::Boolean:
        out.kind = CanonicalDefault::Kind::Boolean;
        return out;
    case DefaultValue::Kind::Number:
        if (auto n = number(d->text)) {
            out.kind = CanonicalDefault::Kind::Number;
            out.value = *n;
            return out;
        }
        break;
    case DefaultValue::Kind::String:
        out.kind = CanonicalDefault::Kind::String;
        return out;
    case DefaultValue::Kind::Expression:
        // An expression that is a literal the server would show as one is that literal.
        if (auto parsed = pgParseDefault(d->text); parsed && parsed->kind != DefaultValue::Kind::Expression)
            return canonical(parsed);
        if (!pgParseDefault(d->text))
            return out;
        break;
    }
    out.kind = CanonicalDefault::Kind::Expression;
    out.text = pgNormalizeExpression(d->text);
    return out;
}

} // namespace

std::string pgNormalizeExpression(std::string_view expr)
{
    std::string out;
    for (const auto& token : tokens(expr))
        out += (out.empty() ? "" : " ") + token;
    return out;
}

Column pgCanonicalType(Column column)
{
    static const std::map<std::string, std::string, std::less<>> aliases = {
        {"int2", "int2"}, {"smallint", "int2"}, {"int4", "int4"}, {"int", "int4"}, {"integer", "int4"},
        {"int8", "int8"}, {"bigint", "int8"}, {"bool", "bool"}, {"boolean", "bool"}, {"float4", "float4"},
        {"real", "float4"}, {"float8", "float8"}, {"double precision", "float8"}, {"numeric", "numeric"},
        {"decimal", "numeric"}, {"text", "text"}, {"varchar", "varchar"}, {"character varying", "varchar"},
        {"char", "bpchar"}, {"character", "bpchar"}, {"bpchar", "bpchar"}, {"date", "date"}, {"time", "time"},
        {"time without time zone", "time"}, {"timestamp", "timestamp"}, {"timestamp without time zone", "timestamp"},
        {"timestamptz", "timestamptz"}, {"timestamp with time zone", "timestamptz"}, {"bytea", "bytea"},
        {"jsonb", "jsonb"}, {"uuid", "uuid"}};
    if (column.type == ColumnType::Custom) {
        std::string sql = pgLower(collapseSpaces(column.sql));
        std::string params;
        if (auto open = sql.find('('); open != std::string::npos) {
            const auto close = sql.find(')', open);
            if (close != std::string::npos) {
                params = sql.substr(open, close - open + 1);
                sql = collapseSpaces(sql.substr(0, open) + " " + sql.substr(close + 1));
            }
        }
        if (auto it = aliases.find(sql); it != aliases.end()) {
            if (it->second == "bpchar" && params.empty())
                params = "(1)";
            pgApplyCatalogType(column, {it->second, "x" + params, 'b', false});
        } else {
            column.sql = pgLower(collapseSpaces(column.sql));
        }
    }
    if (column.type == ColumnType::Char && !column.length)
        column.length = 1;
    if (column.type == ColumnType::Numeric && column.precision && !column.scale)
        column.scale = 0;
    return column;
}

bool PostgresComparisonRules::typesEqual(const Column& a, const Column& b) const
{
    const Column x = pgCanonicalType(a);
    const Column y = pgCanonicalType(b);
    return x.type == y.type && x.length == y.length && x.precision == y.precision && x.scale == y.scale
        && x.enumName == y.enumName && x.sql == y.sql;
}

bool PostgresComparisonRules::defaultsEqual(const std::optional<DefaultValue>& a,
                                            const std::optional<DefaultValue>& b) const
{
    using Kind = CanonicalDefault::Kind;
    const CanonicalDefault x = canonical(a);
    const CanonicalDefault y = canonical(b);
    if (x.kind == Kind::Number && y.kind == Kind::String)
        return number(y.text) == x.value;
    if (x.kind == Kind::String && y.kind == Kind::Number)
        return number(x.text) == y.value;
    if (x.kind != y.kind)
        return false;
    if (x.kind == Kind::Number)
        return x.value == y.value;
    return x.text == y.text;
}

bool PostgresComparisonRules::expressionsEqual(const std::string& a, const std::string& b) const
{
    return a == b || pgNormalizeExpression(a) == pgNormalizeExpression(b);
}

const ComparisonRules& postgresRules()
{
    static const PostgresComparisonRules rules;
    return rules;
}

Schema pgNormalizeModel(Schema out)
{
    for (auto& table : out.tables) {
        for (auto& column : table.columns) {
            Column canonicalColumn = pgCanonicalType(column);
            if (canonicalColumn.type != ColumnType::Custom || column.type != ColumnType::Custom)
                column = std::move(canonicalColumn);  // unknown custom types keep their spelling
            if (table.isPrimaryKeyColumn(column.name))
                column.nullable = false;
            if (column.autoincrement) {
                column.nullable = false;
                column.defaultValue.reset();
            }
        }
    }
    return out;
}

} // namespace tempest
