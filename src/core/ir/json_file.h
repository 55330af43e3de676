#pragma once
// Reading a JSON file that a folder listing has just reported as a regular file: the
// checks readJsonFile makes first (does it exist, is it a folder, a FIFO, a device) cost
// a stat per file, which a history of thousands of migration files notices.

#include "core/ir/json.h"

#include <string>

namespace tempest {

/// readJsonFile for a path listed as a regular file (not a symbolic link): opened and
/// read without a stat first. Throws InputError naming `path` as readJsonFile does.
Json readListedRegularJsonFile(const std::string& path);

} // namespace tempest
