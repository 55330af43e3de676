#pragma once
// Helpers shared by several commands: argument counts, revision lines and the printing
// of run plans and results. The answers themselves come from core/project.

#include "core/cli/cli_args.h"
#include "core/cli/cli_session.h"
#include "core/project/run_plan.h"
#include "core/revision/revision_graph.h"

#include <string>
#include <vector>

namespace tempest {

/// Throws UsageError unless min <= positionals <= max.
void requirePositionals(const ParsedArgs& args, std::size_t min, std::size_t max, const std::string& command);

/// "<id> — <label>" (just the id when the label is empty).
std::string revisionLine(const Migration& migration);
/// `{"id": …, "label": …}` for --json results.
Json revisionJson(const Migration& migration);

/// Warns once per checksum finding ("changed: <id>" etc.) and remembers what it said.
void warnChecksums(CliSession& session, const std::vector<std::string>& findings);

/// A stamp's answer (`stamp`, `import-alembic --stamp`): `stamped <id>` and
/// `unstamped <id>` lines, the result's `stamped` and `unstamped` members, checksum
/// warnings. The result must already be an object.
void printStampResult(CliSession& session, const RunResult& result);

struct PlanCommandOptions {
    bool sqlOnly = false;     // --sql
    bool assumeYes = false;   // --yes: destructive operations need no confirmation
};

/// `upgrade`/`downgrade` with or without --sql: plans TARGET (validating every input
/// before the database is opened for writing), then prints the plan's SQL or runs it.
/// A run with destructive operations first lists them (destructiveFacts) on stderr and
/// asks on a terminal unless --yes; declined, it changes nothing and exits 1.
int runPlanCommand(CliSession& session, Direction direction, const std::string& target,
                   const PlanCommandOptions& options);

} // namespace tempest
