#pragma once
// Operations → PostgreSQL statements. Transactional DDL means no rebuilds: every
// operation is one or a few ALTERs, and recreate_table becomes per-column ALTERs.

#include "core/dialect/dialect.h"

#include <map>
#include <optional>
#include <utility>

namespace tempest {

/// Where a column of the schema a render has reached stands in the live database the
/// render reads, which is still at the start of the list: renames earlier in the list
/// are followed back to the old names; a column or table the list added is not there.
class PgLiveNames {
public:
    explicit PgLiveNames(const Schema& start);
    /// Takes in one rendered operation.
    void follow(const Operation& op);
    /// (table, column) in the live database, or nullopt when the list made the column.
    std::optional<std::pair<std::string, std::string>> column(const std::string& table,
                                                              const std::string& column) const;

private:
    void renameTable(const std::string& from, const std::string& to);
    void forgetTable(const std::string& table);

    std::map<std::string, std::string> m_tables;                                  // now → live
    std::map<std::pair<std::string, std::string>, std::string> m_columns;        // (table, column) now → live column
};

/// Renders `ops` in order (see PostgresDialect::render). Throws InputError before
/// returning anything when an operation cannot be expressed (a name over 63 bytes, an
/// execute without "postgresql" SQL, dropping an enum value rows still use).
std::vector<Statement> pgRender(const std::vector<Operation>& ops, const RenderContext& context);

/// `ALTER TYPE … ADD VALUE IF NOT EXISTS …` for each add_enum_value in `ops` whose enum
/// exists before the revision (a value added to an enum created in the same transaction
/// may be used at once, and the type would not exist yet outside it).
std::vector<std::string> pgCommitFirst(const std::vector<Operation>& ops, const RenderContext& context);

/// CREATE DOMAIN with default, NOT NULL and named CHECKs; DROP DOMAIN; the ALTER DOMAIN
/// statements from one definition to the other (InputError for a base type change).
std::string pgCreateDomain(const Domain& domain, std::string_view schema);
std::string pgDropDomain(const Domain& domain, std::string_view schema);
std::vector<std::string> pgAlterDomain(const AlterDomain& op, std::string_view schema);

/// Statements of the enum-value drop: a new type without the value, every column of
/// `before` that uses the enum switched to it through text, the old type dropped and the
/// new one renamed. With `live`, first counts the rows that still hold the value and
/// throws InputError naming table, column and count: in the columns `liveNames` finds in
/// the live database (all of them under their names in `before` when it is null), and
/// only those the catalog has — a query on a missing column would abort the run's
/// transaction.
std::vector<std::string> pgDropEnumValue(const DropEnumValue& op, const RenderContext& context,
                                         const PgLiveNames* liveNames = nullptr);

} // namespace tempest
