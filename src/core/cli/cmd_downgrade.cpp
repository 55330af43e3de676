// `downgrade TARGET | FROM:TO [--sql]`: revert applied revisions (or print their SQL).
#include "core/cli/cmd_common.h"
#include "core/cli/commands.h"

namespace tempest {

int cmdDowngrade(CliSession& session, const ParsedArgs& args)
{
    requirePositionals(args, 1, 1, "downgrade");
    return runPlanCommand(session, Direction::Downgrade, args.positionals[0], {args.has("--sql"), args.has("--yes")});
}

} // namespace tempest
