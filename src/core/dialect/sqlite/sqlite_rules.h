#pragma once
// SQLite's comparison rules (DESIGN.md "Equality"): what SQLite cannot tell apart is
// equal. Types compare by affinity, defaults by the value SQLite would store,
// expressions by their tokens; comments and top-level enums are not compared (SQLite
// has neither: an enum is a TEXT column with a named CHECK).

#include "core/ir/compare.h"
#include "core/ir/schema.h"

#include <string>
#include <string_view>

namespace tempest {

class SqliteComparisonRules : public ComparisonRules {
public:
    /// Same affinity (varchar(255) = text, integer = bigint, enum = text); two enum
    /// columns must also name the same enum.
    bool typesEqual(const Column& a, const Column& b) const override;
    /// Literal forms SQLite stores alike are equal: 1 = 1.0 = '1' = true, 'a' = ('a'),
    /// CURRENT_TIMESTAMP = (current_timestamp). Expressions compare as expressionsEqual.
    bool defaultsEqual(const std::optional<DefaultValue>& a,
                       const std::optional<DefaultValue>& b) const override;
    /// Equal up to whitespace, comments, redundant outer parentheses, identifier quoting
    /// and the case of keywords and identifiers (string literals stay case-sensitive).
    bool expressionsEqual(const std::string& a, const std::string& b) const override;
    /// Case-insensitive (SQLite's own rule for collation names); BINARY, the default,
    /// equals no collation.
    bool collationsEqual(const std::optional<std::string>& a,
                         const std::optional<std::string>& b) const override;
    bool compareComments() const override { return false; }
    bool compareEnums() const override { return false; }
    /// The declared type the renderer writes for `column`, after one round trip through
    /// introspection's mapping (so INT, int and INTEGER are all INTEGER; an
    /// autoincrement key is INTEGER; an enum is TEXT; an untyped column is "").
    std::string declaredType(const Column& column) const override;
    /// "INTEGER affinity", "TEXT affinity", "BLOB affinity", "REAL affinity", "NUMERIC affinity".
    std::string typeClass(const Column& column) const override;
};

const ComparisonRules& sqliteRules();

/// The form of an expression that expressionsEqual compares: tokens joined by single
/// spaces, identifiers unquoted and lowercased, redundant outer parentheses removed.
std::string normalizeSqliteExpression(std::string_view expr);

/// A model schema in the shape SQLite introspection produces: no comments (SQLite keeps
/// none), and only the enums some column uses (the others have nowhere to live).
Schema sqliteNormalizeModel(Schema model);

} // namespace tempest
