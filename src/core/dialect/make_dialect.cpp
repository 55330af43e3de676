// makeDialect: the one place that knows every dialect by name.

#include "core/dialect/dialect.h"
#include "core/dialect/sqlite/sqlite_dialect.h"
#include "core/ir/errors.h"

namespace tempest {

std::unique_ptr<Dialect> makeDialect(std::string_view name)
{
    if (name == "sqlite")
        return std::make_unique<SqliteDialect>();
    if (name == "postgresql")
        throw InputError("the postgresql dialect is not built yet");
    throw InputError("unknown dialect \"" + std::string(name) + "\" (expected sqlite or postgresql)");
}

} // namespace tempest
