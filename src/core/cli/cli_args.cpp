#include "core/cli/cli_args.h"

#include <algorithm>
#include <cctype>

namespace tempest {

std::string ParsedArgs::value(const std::string& name, const std::string& fallback) const
{
    auto it = values.find(name);
    return it == values.end() || it->second.empty() ? fallback : it->second.back();
}

std::vector<std::string> ParsedArgs::all(const std::string& name) const
{
    auto it = values.find(name);
    return it == values.end() ? std::vector<std::string>{} : it->second;
}

const std::vector<OptionSpec>& globalOptionSpecs()
{
    static const std::vector<OptionSpec> specs = {
        {"--config", true, false}, {"--database", true, false}, {"--json", false, false}};
    return specs;
}

namespace {

bool isNegativeNumber(const std::string& arg)
{
    return arg.size() > 1 && arg[0] == '-' &&
           std::all_of(arg.begin() + 1, arg.end(), [](unsigned char c) { return std::isdigit(c); });
}

const OptionSpec* findSpec(const std::vector<OptionSpec>& specs, const std::string& name)
{
    for (const OptionSpec& spec : specs) {
        if (spec.name == name)
            return &spec;
    }
    for (const OptionSpec& spec : globalOptionSpecs()) {
        if (spec.name == name)
            return &spec;
    }
    static const OptionSpec help{"--help", false, false};
    return name == "--help" || name == "-h" ? &help : nullptr;
}

} // namespace

ParsedArgs parseArgs(const std::string& command, const std::vector<std::string>& args,
                     const std::vector<OptionSpec>& specs)
{
    const std::string where = command.empty() ? std::string() : command + ": ";
    ParsedArgs parsed;
    bool optionsEnded = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (optionsEnded || arg.size() < 2 || arg[0] != '-' || isNegativeNumber(arg)) {
            parsed.positionals.push_back(arg);
            continue;
        }
        if (arg == "--") {
            optionsEnded = true;
            continue;
        }
        std::string name = arg;
        std::string inlineValue;
        bool hasInline = false;
        if (const auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
            name = arg.substr(0, eq);
            inlineValue = arg.substr(eq + 1);
            hasInline = true;
        }
        const OptionSpec* spec = findSpec(specs, name);
        if (!spec)
            throw UsageError(where + "unknown option " + name, command);
        if (!spec->takesValue) {
            if (hasInline)
                throw UsageError(where + "option " + name + " takes no value", command);
            parsed.switches[spec->name == "-h" ? "--help" : spec->name] = true;
            continue;
        }
        std::string value;
        if (hasInline) {
            value = inlineValue;
        } else {
            if (i + 1 >= args.size())
                throw UsageError(where + "option " + name + " needs a value", command);
            value = args[++i];
        }
        auto& slot = parsed.values[spec->name];
        if (!slot.empty() && !spec->repeatable)
            throw UsageError(where + "option " + name + " given twice", command);
        slot.push_back(std::move(value));
    }
    return parsed;
}

} // namespace tempest
