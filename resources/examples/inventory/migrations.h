#pragma once
// The migrations compiled into the application (see migrations.cpp).

#include "core/revision/migration.h"

#include <vector>

namespace inventory {

/// Every generated migration in migrations/, for a RevisionGraph.
std::vector<tempest::Migration> migrations();

} // namespace inventory
