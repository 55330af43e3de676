#pragma once
// Running a project's models command (`"models": {"command": [...]}`): any program
// that prints its model IR as JSON. POSIX only (fork/exec/poll): the one place in the
// core that starts a process.

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tempest {

struct ModelsCommandOptions {
    /// The folder the command runs in; relative PATH entries and a program name with a
    /// slash are resolved against it.
    std::string workingDir;
    /// The command's environment (its PATH is searched for the program).
    std::map<std::string, std::string> environment;
    /// Receives the command's stderr as it arrives (passed through to the user).
    std::function<void(std::string_view)> passStderr;
    std::chrono::milliseconds timeout = std::chrono::seconds(60);
};

/// Runs `argv` and returns its stdout. Throws InputError naming the command when the
/// program cannot be found or started, exits non-zero (quoting its stderr), dies of a
/// signal, or runs past the timeout (it is killed, with its process group).
std::string runModelsCommand(const std::vector<std::string>& argv, const ModelsCommandOptions& options);

/// The command as one line for messages: words with spaces or quotes are quoted.
std::string commandLine(const std::vector<std::string>& argv);

} // namespace tempest
