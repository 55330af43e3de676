#pragma once
// Operations → PostgreSQL statements. Transactional DDL means no rebuilds: every
// operation is one or a few ALTERs, and recreate_table becomes per-column ALTERs.

#include "core/dialect/dialect.h"

namespace tempest {

/// Renders `ops` in order (see PostgresDialect::render). Throws InputError before
/// returning anything when an operation cannot be expressed (a name over 63 bytes, an
/// execute without "postgresql" SQL, dropping an enum value rows still use).
std::vector<Statement> pgRender(const std::vector<Operation>& ops, const RenderContext& context);

/// `ALTER TYPE … ADD VALUE IF NOT EXISTS …` for each add_enum_value in `ops` whose enum
/// exists before the revision (a value added to an enum created in the same transaction
/// may be used at once, and the type would not exist yet outside it).
std::vector<std::string> pgCommitFirst(const std::vector<Operation>& ops, const RenderContext& context);

/// Statements of the enum-value drop: a new type without the value, every column of
/// `before` that uses the enum switched to it through text, the old type dropped and the
/// new one renamed. With `live`, first counts the rows that still hold the value and
/// throws InputError naming table, column and count.
std::vector<std::string> pgDropEnumValue(const DropEnumValue& op, const RenderContext& context);

} // namespace tempest
