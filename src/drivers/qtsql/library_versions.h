#pragma once
// The versions of the native client libraries this process runs with (not the ones it was
// compiled against): what an About box or a bug report needs. Studio asks here instead of
// including <sqlite3.h> or <libpq-fe.h> itself.

#include <string>

namespace tempest {

/// sqlite3_libversion(), e.g. "3.40.1". Never throws.
std::string sqliteLibraryVersion();
/// PQlibVersion() as "major.minor" (e.g. "15.3"; "9.6.24" before 10). Never throws.
std::string libpqLibraryVersion();

} // namespace tempest
