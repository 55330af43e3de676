// `upgrade [TARGET | FROM:TO] [--sql]`: apply pending revisions (or print their SQL).
#include "core/cli/cmd_common.h"
#include "core/cli/commands.h"

namespace tempest {

int cmdUpgrade(CliSession& session, const ParsedArgs& args)
{
    requirePositionals(args, 0, 1, "upgrade");
    const std::string target = args.positionals.empty() ? "heads" : args.positionals[0];
    return runPlanCommand(session, Direction::Upgrade, target, {args.has("--sql"), args.has("--yes")});
}

} // namespace tempest
