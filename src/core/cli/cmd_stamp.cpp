// `stamp TARGET`: set the version table without running any operation.
#include "core/cli/cmd_common.h"
#include "core/cli/commands.h"

#include "core/ir/errors.h"

namespace tempest {

int cmdStamp(CliSession& session, const ParsedArgs& args)
{
    requirePositionals(args, 1, 1, "stamp");
    const std::string target = args.positionals[0];
    session.graph();  // loading warnings first
    // Validate the target before the database is opened (and possibly created).
    checkStampTarget(session.project(), target);
    DriverPtr db = session.openDatabase(true);
    const RunResult result = stampDatabase(session.project(), *db, target);
    session.result() = Json::object();
    printStampResult(session, result);
    if (result.applied.empty() && result.reverted.empty())
        session.print("version table already at " + target);
    return 0;
}

} // namespace tempest
