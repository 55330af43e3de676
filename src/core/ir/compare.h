#pragma once
// Dialect-aware comparison rules (DESIGN.md "Equality"). The base class compares
// exactly; each dialect overrides what its database cannot tell apart. Lives in ir so
// that diff (which may not depend on dialect) can take the rules as a parameter.

#include "core/ir/schema.h"

namespace tempest {

class ComparisonRules {
public:
    virtual ~ComparisonRules() = default;
    /// True when the two column types are the same to this database (SQLite: affinity).
    /// Compares type, length, precision, scale, enum name and custom sql.
    virtual bool typesEqual(const Column& a, const Column& b) const;
    /// True when the two defaults are the same to this database.
    virtual bool defaultsEqual(const std::optional<DefaultValue>& a,
                               const std::optional<DefaultValue>& b) const;
    /// True when the two collations are the same to this database (absent: the default).
    virtual bool collationsEqual(const std::optional<std::string>& a, const std::optional<std::string>& b) const;
    /// Two SQL expressions (CHECK, index expression, partial-index predicate) are equal.
    virtual bool expressionsEqual(const std::string& a, const std::string& b) const;
    virtual bool compareComments() const { return true; }
    /// Whether top-level enums are compared (PostgreSQL types) or not.
    virtual bool compareEnums() const { return true; }
    /// The type as this database declares it, in one spelling per declared type, when the
    /// database keeps more of it than typesEqual compares (SQLite keeps BIGINT apart from
    /// INTEGER, though both have INTEGER affinity); empty when it keeps nothing more (the
    /// default). Columns whose types are equal but whose declared types differ are told
    /// apart as a note, never as drift.
    virtual std::string declaredType(const Column&) const { return {}; }
    /// What typesEqual compares of `column`, in words, for such a note ("INTEGER
    /// affinity"); empty by default.
    virtual std::string typeClass(const Column&) const { return {}; }
};

/// Exact comparison: the rules used when none are given.
const ComparisonRules& exactRules();

} // namespace tempest
