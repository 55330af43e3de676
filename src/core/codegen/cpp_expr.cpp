// Lays out C++ expression trees for generated migrations: one line when it fits,
// otherwise broken the way clang-format's usual styles would break it.

#include "core/codegen/cpp_expr.h"

#include <cstdint>

namespace tempest::cppgen {

namespace {

constexpr std::size_t kLineWidth = 100;

// Length of the UTF-8 sequence starting at s[i], or 0 when it is not a valid one.
std::size_t utf8SequenceLength(std::string_view s, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    std::uint32_t min = 0;
    std::uint32_t code = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2, min = 0x80, code = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3, min = 0x800, code = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4, min = 0x10000, code = lead & 0x07;
    } else {
        return 0;
    }
    if (i + length > s.size())
        return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
        code = (code << 6) | (byte(i + k) & 0x3F);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        return 0;
    return length;
}

std::string octalEscape(unsigned char c)
{
    // Octal, always three digits: unlike \x it cannot swallow a following digit.
    std::string out = "\\";
    out += static_cast<char>('0' + ((c >> 6) & 7));
    out += static_cast<char>('0' + ((c >> 3) & 7));
    out += static_cast<char>('0' + (c & 7));
    return out;
}

std::string pad(std::size_t n) { return std::string(n, ' '); }

bool fits(const std::string& text, std::size_t column)
{
    return text.find('\n') == std::string::npos && column + text.size() <= kLineWidth;
}

std::string bracedInline(const Expr& expr)
{
    std::string out = expr.text + "{";
    for (std::size_t i = 0; i < expr.children.size(); ++i) {
        if (i)
            out += ", ";
        if (!expr.keys[i].empty())
            out += "." + expr.keys[i] + " = ";
        out += renderInline(expr.children[i]);
    }
    return out + "}";
}

std::string bracedBroken(const Expr& expr, std::size_t indent)
{
    const std::size_t inner = indent + 4;
    std::string out = expr.text + "{\n";
    for (std::size_t i = 0; i < expr.children.size(); ++i) {
        std::string prefix = pad(inner);
        if (!expr.keys[i].empty())
            prefix += "." + expr.keys[i] + " = ";
        out += prefix + render(expr.children[i], inner, prefix.size()) + ",\n";
    }
    return out + pad(indent) + "}";
}

std::string callBroken(const Expr& expr, std::size_t indent, std::size_t column)
{
    // Everything but the last argument on the call's line, the last one broken
    // ("addColumn("users", Column{\n ... })"), when that reads well...
    // Several braced arguments read better as a list.
    std::string head = expr.text + "(";
    bool leadingAtoms = true;
    for (std::size_t i = 0; i + 1 < expr.children.size(); ++i) {
        head += renderInline(expr.children[i]) + ", ";
        leadingAtoms = leadingAtoms && expr.children[i].kind == Expr::Kind::Atom;
    }
    const Expr* last = expr.children.empty() ? nullptr : &expr.children.back();
    if (last && leadingAtoms && last->kind == Expr::Kind::Braced && fits(head + last->text + "{", column))
        return head + render(*last, indent, column + head.size()) + ")";
    // ...otherwise one argument per line.
    const std::size_t inner = indent + 4;
    std::string out = expr.text + "(";
    for (std::size_t i = 0; i < expr.children.size(); ++i) {
        out += "\n" + pad(inner) + render(expr.children[i], inner, inner);
        if (i + 1 < expr.children.size())
            out += ",";
    }
    return out + ")";
}

// A key and its value ({"sqlite", "…"}) stay together even past the line's end.
bool isPair(const Expr& expr)
{
    return expr.kind == Expr::Kind::Braced && expr.text.empty() && expr.children.size() == 2
        && expr.keys[0].empty() && expr.children[0].kind == Expr::Kind::Atom
        && expr.children[1].kind == Expr::Kind::Atom;
}

} // namespace

Expr atom(std::string code) { return Expr{Expr::Kind::Atom, std::move(code), {}, {}}; }

Expr literal(std::string_view text)
{
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            if (const std::size_t n = utf8SequenceLength(text, i)) {
                out.append(text.substr(i, n));
                i += n;
            } else {
                out += octalEscape(c);
                ++i;
            }
            continue;
        }
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (c < 0x20 || c == 0x7F)
                out += octalEscape(c);
            else
                out += static_cast<char>(c);
        }
        ++i;
    }
    return atom(out + "\"");
}

Expr braced(std::string type, std::vector<Expr> elements)
{
    Expr e{Expr::Kind::Braced, std::move(type), {}, std::move(elements)};
    e.keys.assign(e.children.size(), std::string());
    return e;
}

Expr stringList(const std::vector<std::string>& values)
{
    std::vector<Expr> elements;
    for (const std::string& v : values)
        elements.push_back(literal(v));
    return braced("", std::move(elements));
}

Expr call(std::string callee, std::vector<Expr> arguments)
{
    return Expr{Expr::Kind::Call, std::move(callee), {}, std::move(arguments)};
}

std::string renderInline(const Expr& expr)
{
    switch (expr.kind) {
    case Expr::Kind::Atom:
        return expr.text;
    case Expr::Kind::Braced:
        return bracedInline(expr);
    case Expr::Kind::Call: {
        std::string out = expr.text + "(";
        for (std::size_t i = 0; i < expr.children.size(); ++i)
            out += (i ? ", " : "") + renderInline(expr.children[i]);
        return out + ")";
    }
    }
    return {};
}

std::string render(const Expr& expr, std::size_t indent, std::size_t column)
{
    std::string flat = renderInline(expr);
    if (fits(flat, column) || expr.kind == Expr::Kind::Atom || expr.children.empty() || isPair(expr))
        return flat;
    if (expr.kind == Expr::Kind::Braced)
        return bracedBroken(expr, indent);
    return callBroken(expr, indent, column);
}

} // namespace tempest::cppgen
