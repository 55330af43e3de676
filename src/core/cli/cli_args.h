#pragma once
// Command-line parsing for tempest-migrate: global options, then one command with its
// own options and positionals. Each command declares what it accepts; anything else is
// a UsageError (exit 2).

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace tempest {

/// Bad usage: an unknown command or option, a missing or extra argument (exit 2).
class UsageError : public std::runtime_error {
public:
    UsageError(const std::string& message, std::string command = {})
        : std::runtime_error(message), m_command(std::move(command)) {}
    /// The command whose usage to point at ("" for the global one).
    const std::string& command() const { return m_command; }

private:
    std::string m_command;
};

struct OptionSpec {
    std::string name;         // "--rev-id", "-m"
    bool takesValue = false;
    bool repeatable = false;
};

struct ParsedArgs {
    std::vector<std::string> positionals;
    std::map<std::string, std::vector<std::string>> values;  // value options, in order given
    std::map<std::string, bool> switches;

    bool has(const std::string& name) const { return values.count(name) || switches.count(name); }
    /// The value of a single-valued option, or `fallback` when absent.
    std::string value(const std::string& name, const std::string& fallback = {}) const;
    std::vector<std::string> all(const std::string& name) const;
};

/// The options every command also accepts (after the command name too).
const std::vector<OptionSpec>& globalOptionSpecs();

/// Parses `args` against `specs` (+ globalOptionSpecs and --help). `--name=value` and
/// `--name value` both work; `--` ends options; `-N` (digits) is a positional so that
/// `downgrade -1` works. Throws UsageError naming `command`.
ParsedArgs parseArgs(const std::string& command, const std::vector<std::string>& args,
                     const std::vector<OptionSpec>& specs);

} // namespace tempest
