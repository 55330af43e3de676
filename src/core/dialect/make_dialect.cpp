// makeDialect: the one place that knows every dialect by name.

#include "core/dialect/dialect.h"
#include "core/dialect/postgresql/postgres_dialect.h"
#include "core/dialect/sqlite/sqlite_dialect.h"
#include "core/ir/errors.h"

namespace tempest {

std::unique_ptr<Dialect> makeDialect(std::string_view name)
{
    if (name == "sqlite")
        return std::make_unique<SqliteDialect>();
    if (name == "postgresql")
        return std::make_unique<PostgresDialect>();
    throw InputError("unknown dialect \"" + std::string(name) + "\" (expected sqlite or postgresql)");
}

} // namespace tempest
