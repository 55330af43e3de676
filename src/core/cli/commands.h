#pragma once
// The verbs of tempest-migrate: one function per command (each in its own cmd_*.cpp),
// and the table that names them, their options and their help text.

#include "core/cli/cli_args.h"
#include "core/cli/cli_session.h"

#include <string_view>
#include <vector>

namespace tempest {

using CommandHandler = int (*)(CliSession&, const ParsedArgs&);

struct CommandInfo {
    std::string_view name;
    std::string_view usage;    // "upgrade [TARGET | FROM:TO] [--sql]"
    std::string_view summary;  // one line for the global help
    std::string_view details;  // the rest of `COMMAND --help`
    std::vector<OptionSpec> options;
    CommandHandler run;
};

/// The options before COMMAND.
struct GlobalOption {
    std::string_view name;   // "--config"
    std::string_view value;  // "FILE", empty for a flag
    std::string_view help;
};
const std::vector<GlobalOption>& globalOptions();

inline constexpr std::string_view kExitCodesLine =
    "Exit codes: 0 success, 1 problem found or migration failed, 2 bad usage or input.";

/// Every command, in the order the global help lists them.
const std::vector<CommandInfo>& commandTable();
/// nullptr for an unknown name.
const CommandInfo* findCommand(std::string_view name);
/// `tempest-migrate --help`.
std::string globalHelp();
/// `tempest-migrate COMMAND --help`.
std::string commandHelp(const CommandInfo& command);

int cmdInit(CliSession& session, const ParsedArgs& args);
int cmdRevision(CliSession& session, const ParsedArgs& args);
int cmdMerge(CliSession& session, const ParsedArgs& args);
int cmdUpgrade(CliSession& session, const ParsedArgs& args);
int cmdDowngrade(CliSession& session, const ParsedArgs& args);
int cmdCurrent(CliSession& session, const ParsedArgs& args);
int cmdHistory(CliSession& session, const ParsedArgs& args);
int cmdHeads(CliSession& session, const ParsedArgs& args);
int cmdBranches(CliSession& session, const ParsedArgs& args);
int cmdShow(CliSession& session, const ParsedArgs& args);
int cmdStamp(CliSession& session, const ParsedArgs& args);
int cmdCheck(CliSession& session, const ParsedArgs& args);
int cmdIntrospect(CliSession& session, const ParsedArgs& args);
int cmdGraph(CliSession& session, const ParsedArgs& args);
int cmdImportAlembic(CliSession& session, const ParsedArgs& args);

} // namespace tempest
