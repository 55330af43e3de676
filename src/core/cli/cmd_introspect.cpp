// `introspect`: the live schema as bare IR JSON (no --json envelope: it is the document).
#include "core/cli/cmd_common.h"
#include "core/cli/commands.h"

#include "core/ir/errors.h"
#include "core/ir/retire.h"
#include "core/ir/schema_json.h"
#include "core/project/status.h"

namespace tempest {

int cmdIntrospect(CliSession& session, const ParsedArgs& args)
{
    requirePositionals(args, 0, 0, "introspect");
    DriverPtr db = session.openDatabase(false);
    if (!db)
        throw InputError("database does not exist", session.config().displayDatabase());
    Schema schema = introspectDatabase(session.project(), *db);
    db.reset();  // the connection's cache is let go before the text is written
    writeJson(schema, [&](std::string_view piece) { session.printRaw(piece); });
    retire(std::move(schema));
    return 0;
}

} // namespace tempest
