#include "drivers/qtsql/library_versions.h"

#include <libpq-fe.h>
#include <sqlite3.h>

namespace tempest {

std::string sqliteLibraryVersion() { return sqlite3_libversion(); }

std::string libpqLibraryVersion()
{
    // PQlibVersion: major * 10000 + minor since 10, major * 10000 + minor * 100 + patch before.
    const int v = PQlibVersion();
    if (v >= 100000)
        return std::to_string(v / 10000) + "." + std::to_string(v % 10000);
    return std::to_string(v / 10000) + "." + std::to_string(v / 100 % 100) + "." + std::to_string(v % 100);
}

} // namespace tempest
