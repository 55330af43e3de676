// runMigrationCli: global options, dispatch to a command, and the one place where
// exceptions become exit codes, stderr messages and the --json envelope.
#include "core/cli/cli.h"

#include "core/cli/cli_args.h"
#include "core/cli/cli_session.h"
#include "core/cli/commands.h"
#include "core/driver/driver.h"
#include "core/ir/errors.h"
#include "core/ir/retire.h"
#include "core/ops/operation.h"
#include "core/project/failure_report.h"
#include "core/project/run_plan.h"

#include <exception>

namespace tempest {

namespace {

// Classifies the exception in flight (DESIGN.md "Exit codes"); everything but bad
// usage is described by the project layer, as Studio describes it.
FailureReport classify()
{
    try {
        throw;
    } catch (const UsageError& e) {
        const std::string hint = e.command().empty() ? "tempest-migrate --help"
                                                      : "tempest-migrate " + e.command() + " --help";
        FailureReport f;
        f.text = std::string(e.what()) + "\n(see `" + hint + "`)";
        f.error = failureJson(e.what());
        return f;
    } catch (...) {
        return reportFailure(std::current_exception());
    }
}

void write(const std::function<void(std::string_view)>& sink, const std::string& text)
{
    if (sink)
        sink(text);
}

// Takes the global options in front of the command; returns the command's index.
std::size_t parseGlobals(const std::vector<std::string>& argv, GlobalOptions& options, bool& help, bool& version)
{
    std::size_t i = 0;
    for (; i < argv.size(); ++i) {
        const std::string& arg = argv[i];
        if (arg.empty() || arg[0] != '-')
            break;
        if (arg == "--help" || arg == "-h") {
            help = true;
        } else if (arg == "--version") {
            version = true;
        } else if (arg == "--json") {
            options.json = true;
        } else if (arg == "--config" || arg == "--database") {
            if (i + 1 >= argv.size())
                throw UsageError("option " + arg + " needs a value");
            (arg == "--config" ? options.configPath : options.database) = argv[++i];
        } else if (arg.rfind("--config=", 0) == 0) {
            options.configPath = arg.substr(9);
        } else if (arg.rfind("--database=", 0) == 0) {
            options.database = arg.substr(11);
        } else {
            throw UsageError("unknown option " + arg);
        }
    }
    return i;
}

} // namespace

int runMigrationCli(const std::vector<std::string>& argv, const CliConfig& config)
{
    GlobalOptions options;
    std::string commandName;
    std::unique_ptr<CliSession> session;
    int exitCode = 0;
    Json error = nullptr;
    try {
        bool help = false, version = false;
        const std::size_t at = parseGlobals(argv, options, help, version);
        if (version) {
            write(config.io.out, cliVersion() + "\n");
            return 0;
        }
        if (help || (at < argv.size() && argv[at] == "help" && at + 1 == argv.size())) {
            write(config.io.out, globalHelp());
            return 0;
        }
        if (at >= argv.size())
            throw UsageError("no command given");
        commandName = argv[at];
        std::vector<std::string> rest(argv.begin() + static_cast<std::ptrdiff_t>(at) + 1, argv.end());
        if (commandName == "help") {  // `help COMMAND`
            commandName = rest.front();
            rest = {"--help"};
        }
        const CommandInfo* command = findCommand(commandName);
        if (!command)
            throw UsageError("unknown command \"" + commandName + "\"");
        const ParsedArgs args = parseArgs(commandName, rest, command->options);
        if (args.has("--config"))
            options.configPath = args.value("--config");
        if (args.has("--database"))
            options.database = args.value("--database");
        if (args.has("--json"))
            options.json = true;
        if (args.has("--help")) {
            write(config.io.out, commandHelp(*command));
            return 0;
        }
        session = std::make_unique<CliSession>(config, options);
        exitCode = command->run(*session, args);
    } catch (...) {
        const FailureReport failure = classify();
        exitCode = failure.exitCode;
        error = failure.error;
        if (!options.json)
            write(config.io.err, "error: " + failure.text + "\n");
    }

    if (options.json && !(session && session->rawOutput() && error.is_null())) {
        Json document = Json::object();
        document["command"] = commandName.empty() ? Json(nullptr) : Json(commandName);
        document["exitCode"] = exitCode;
        document["result"] = session ? session->result() : Json(nullptr);
        document["warnings"] = session ? Json(session->warnings()) : Json::array();
        document["error"] = error;
        write(config.io.out, writeCanonicalJson(document));
    }
    // The project (its revision graph) and the result; the session holds no connection.
    retire(std::move(session));
    return exitCode;
}

} // namespace tempest
