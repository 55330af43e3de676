#pragma once
// A tiny tree of C++ expressions (literals, braced initialisers, calls) and the layout
// that prints it as a person would write it: on one line when it fits in 100 columns,
// otherwise one element per line, indented by four. Used by the C++ migration writer.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tempest::cppgen {

struct Expr {
    enum class Kind { Atom, Braced, Call };
    Kind kind = Kind::Atom;
    /// Atom: the code. Braced: the type in front of "{" (may be empty). Call: the callee.
    std::string text;
    /// Braced only: designated field names (".name = …"); an empty key is positional.
    std::vector<std::string> keys;
    /// Braced: the values; Call: the arguments.
    std::vector<Expr> children;
};

Expr atom(std::string code);
/// A C++ string literal holding `text` exactly (escapes for quotes, backslashes and
/// control characters; valid UTF-8 kept as is, other bytes escaped).
Expr literal(std::string_view text);
/// "{a, b}" or "Type{a, b}": positional elements.
Expr braced(std::string type, std::vector<Expr> elements);
/// {"a", "b"}: a list of string literals.
Expr stringList(const std::vector<std::string>& values);
Expr call(std::string callee, std::vector<Expr> arguments);

/// Builds "Type{.field = value, …}" one field at a time, in declaration order (which
/// designated initialisers require).
class Designated {
public:
    explicit Designated(std::string type) { m_expr.kind = Expr::Kind::Braced; m_expr.text = std::move(type); }
    Designated& field(std::string name, Expr value)
    {
        m_expr.keys.push_back(std::move(name));
        m_expr.children.push_back(std::move(value));
        return *this;
    }
    Expr done() { return std::move(m_expr); }

private:
    Expr m_expr;
};

/// The expression on one line, however long.
std::string renderInline(const Expr& expr);
/// The expression laid out: `column` is where its first character lands on the current
/// line, `indent` the indentation of the line it starts on (continuation lines and
/// closing braces align to it).
std::string render(const Expr& expr, std::size_t indent, std::size_t column);

} // namespace tempest::cppgen
