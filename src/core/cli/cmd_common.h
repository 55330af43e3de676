#pragma once
// Helpers shared by several commands: argument counts, revision lines, the applied
// revisions of a database that may not exist, checks run before a database is touched.

#include "core/cli/cli_args.h"
#include "core/cli/cli_session.h"
#include "core/revision/revision_graph.h"
#include "core/runner/migration_runner.h"

#include <string>
#include <vector>

namespace tempest {

/// Throws UsageError unless min <= positionals <= max.
void requirePositionals(const ParsedArgs& args, std::size_t min, std::size_t max, const std::string& command);

/// "<id> — <label>" (just the id when the label is empty).
std::string revisionLine(const std::string& id, const std::string& label);
std::string revisionLine(const Migration& migration);
/// `{"id": …, "label": …}` for --json results.
Json revisionJson(const Migration& migration);
/// "a, b, c".
std::string joinIds(const std::vector<std::string>& ids);

/// Replays the schema `applied` ∪ `plan` produce (in topoOrder): a migration that does
/// not fit its history is refused (InputError naming it) before any database is touched.
void checkPlanReplays(const RevisionGraph& graph, const std::vector<std::string>& applied,
                      const std::vector<std::string>& plan);

/// Refuses (InputError naming the revision and its file) a plan holding an irreversible
/// revision: downgrade checks this before touching anything.
void checkReversible(const RevisionGraph& graph, const std::vector<std::string>& plan);

/// Warns once per checksum finding ("changed: <id>" etc.) and remembers what it said.
void warnChecksums(CliSession& session, const std::vector<std::string>& findings);

/// The SQL a run would execute, on stdout (or in result["sql"] with --json).
void printRunSql(CliSession& session, const MigrationRunner& runner, Direction direction,
                 const std::vector<std::string>& revisions, Driver* live);

/// `applied <id>` / `reverted <id>` lines and the result's arrays.
void printRunResult(CliSession& session, const RunResult& result);

} // namespace tempest
