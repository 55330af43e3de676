// runMigrationCli: global options, dispatch to a command, and the one place where
// exceptions become exit codes, stderr messages and the --json envelope.
#include "core/cli/cli.h"

#include "core/cli/cli_args.h"
#include "core/cli/cli_session.h"
#include "core/cli/commands.h"
#include "core/driver/driver.h"
#include "core/ir/errors.h"
#include "core/ops/operation.h"
#include "core/project/run_plan.h"

#include <exception>

namespace tempest {

namespace {

struct Failure {
    int exitCode = 2;
    std::string text;  // for stderr, may span lines
    Json error = nullptr;
};

Json errorJson(const std::string& message, const std::string& file = {}, const std::string& jsonPath = {},
               const std::string& revision = {}, const std::string& statement = {})
{
    auto orNull = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
    Json json = Json::object();
    json["message"] = message;
    json["file"] = orNull(file);
    json["jsonPath"] = orNull(jsonPath);
    json["revision"] = orNull(revision);
    json["statement"] = orNull(statement);
    return json;
}

// Classifies the exception in flight (DESIGN.md "Exit codes").
Failure classify()
{
    Failure f;
    try {
        throw;
    } catch (const UsageError& e) {
        const std::string hint = e.command().empty() ? "tempest-migrate --help"
                                                      : "tempest-migrate " + e.command() + " --help";
        f.text = std::string(e.what()) + "\n(see `" + hint + "`)";
        f.error = errorJson(e.what());
    } catch (const InputError& e) {
        f.text = e.what();
        f.error = errorJson(e.message(), e.file(), e.jsonPath(), e.revision());
    } catch (const ConnectionError& e) {
        f.text = maskPassword(e.what());
        f.error = errorJson(f.text);
    } catch (const MigrationFailed& e) {
        f.exitCode = 1;
        const std::string what = e.cancelled() ? "was cancelled" : "failed";
        f.text = "revision " + e.revision() + " " + what + " and was rolled back; earlier revisions stay applied";
        if (!e.operation().empty())
            f.text += "\n  operation: " + e.operation();
        if (!e.statement().empty())
            f.text += "\n  statement: " + maskPassword(e.statement());
        f.text += "\n  cause: " + maskPassword(e.cause());
        Json error = errorJson("revision " + e.revision() + " " + what + " and was rolled back: " + maskPassword(e.cause()),
                               {}, {}, e.revision(), maskPassword(e.statement()));
        error["operation"] = e.operation().empty() ? Json(nullptr) : Json(e.operation());
        f.error = error;
    } catch (const DatabaseLocked& e) {
        f.exitCode = 1;
        f.text = e.what();
        f.error = errorJson(f.text);
    } catch (const DatabaseError& e) {
        // Busy past the timeout is a problem found (1); anything else means the database
        // could not be read as a tempest database (2).
        f.exitCode = e.isBusy() ? 1 : 2;
        f.text = (e.isBusy() ? "database is locked by another process: " : "database error: ") +
                 maskPassword(e.serverMessage());
        if (!e.statement().empty())
            f.text += "\n  statement: " + maskPassword(e.statement());
        f.error = errorJson(maskPassword(e.serverMessage()), {}, {}, {}, maskPassword(e.statement()));
    } catch (const IrreversibleError& e) {
        f.text = e.what();
        f.error = errorJson(e.what());
    } catch (const std::exception& e) {
        f.text = maskPassword(e.what());
        f.error = errorJson(f.text);
    } catch (...) {
        f.text = "unknown error";
        f.error = errorJson(f.text);
    }
    return f;
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
        const Failure failure = classify();
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
    return exitCode;
}

} // namespace tempest
