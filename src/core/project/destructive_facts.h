#pragma once
// The facts a destructive run is confirmed with: for each operation of a plan that can
// lose data (isDestructive), what it is, which table it touches, how many rows that
// table holds in the live database now, and its SQL. Studio's confirmation dialog and
// the CLI's upgrade/downgrade show the same list.

#include "core/ops/phrase.h"
#include "core/project/run_plan.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tempest {

struct DestructiveFact {
    std::string revision;
    /// describe() of the operation: "drop column users.email (text)".
    std::string description;
    /// The same as a translatable phrase (describePhrase), for front ends in other languages.
    Phrase phrase;
    /// The table the operation touches ("" for enum operations).
    std::string table;
    /// Rows of `table` in the live database before the run (a table renamed earlier in
    /// the plan is counted under its old name; one the plan creates holds 0). nullopt:
    /// not counted — no database, an enum operation, or the table could not be read.
    std::optional<std::int64_t> rowCount;
    /// The operation's statements, rendered on their own against the schema at that point
    /// of the plan (the whole run's SQL is planSql's).
    std::string sql;
};

/// Every destructive operation of `plan`, in run order. `live` is read only (counts);
/// null: nothing is counted. Throws InputError when the plan's revisions do not replay.
std::vector<DestructiveFact> destructiveFacts(const Project& project, const RunPlan& plan, Driver* live);

/// "r3: drop table users — 42 rows in users" (without a count: just "r3: drop table users").
std::string describeFact(const DestructiveFact& fact);

} // namespace tempest
