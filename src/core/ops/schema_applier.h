#pragma once
// Replaying many operations onto one schema (core/revision/replay.cpp).

#include "core/ops/operation.h"

#include <string>
#include <string_view>
#include <unordered_map>

namespace tempest {

/// The positions of a schema's tables by name, kept by SchemaApplier.
class TableIndex {
public:
    Table* find(Schema& schema, std::string_view name);
    void added(const Schema& schema);  // the last table
    void renamed(const std::string& from, const std::string& to);
    void rebuild(const Schema& schema);

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
    };
    std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> m_positions;
};

/// applyOperation for many operations in a row on one schema (replaying a history):
/// tables are found by name through an index rather than a scan, so thousands of
/// create_table cost linear time, not quadratic (issue 12). The schema must change only
/// through it while it lives.
class SchemaApplier {
public:
    explicit SchemaApplier(Schema& schema);
    void apply(const Operation& op);

private:
    Schema& m_schema;
    TableIndex m_index;
};

} // namespace tempest
