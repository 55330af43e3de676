#include "core/cli/cli_docs.h"

#include "core/cli/commands.h"

#include <map>
#include <set>
#include <sstream>

namespace tempest {

namespace {

/// Text as roff sees it: backslashes and hyphens escaped, a line starting with a dot
/// or a quote protected.
std::string roff(std::string_view text)
{
    std::string out;
    bool lineStart = true;
    for (const char c : text) {
        if (lineStart && (c == '.' || c == '\''))
            out += "\\&";
        if (c == '\\')
            out += "\\e";
        else if (c == '-')
            out += "\\-";
        else
            out += c;
        lineStart = c == '\n';
    }
    return out;
}

/// The `--format a|b|c` choices a usage line names, by option.
std::map<std::string, std::string> formatChoices(std::string_view usage)
{
    std::map<std::string, std::string> out;
    const std::string text(usage);
    std::size_t at = 0;
    while ((at = text.find("--", at)) != std::string::npos) {
        const std::size_t nameEnd = text.find_first_of(" ]\n", at);
        const std::string name = text.substr(at, nameEnd - at);
        at = nameEnd == std::string::npos ? text.size() : nameEnd;
        if (nameEnd == std::string::npos || text[nameEnd] != ' ')
            continue;
        const std::size_t valueEnd = text.find_first_of(" ]\n", nameEnd + 1);
        const std::string value = text.substr(nameEnd + 1, valueEnd - nameEnd - 1);
        if (value.find('|') != std::string::npos && value.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos) {
            std::string words = value;
            for (char& c : words)
                if (c == '|')
                    c = ' ';
            out[name] = words;
        }
    }
    return out;
}

/// The usage's words that are not an option or an option's value: what the command
/// takes as positionals ("TARGET", "REV", "DIR", …).
std::string positionalWords(std::string_view usage)
{
    std::istringstream in{std::string(usage)};
    std::string word, out;
    bool optionValue = false;
    while (in >> word) {
        std::string bare = word;
        while (!bare.empty() && (bare.front() == '[' || bare.front() == '('))
            bare.erase(bare.begin());
        if (optionValue) {
            optionValue = false;
            continue;
        }
        if (bare.starts_with("-")) {
            optionValue = word.find(']') == std::string::npos;
            continue;
        }
        out += bare + " ";
    }
    return out;
}

bool takesRevision(std::string_view usage)
{
    const std::string words = positionalWords(usage);
    return words.find("TARGET") != std::string::npos || words.find("REV") != std::string::npos;
}

bool takesDirectory(std::string_view usage) { return positionalWords(usage).find("DIR") != std::string::npos; }

} // namespace

std::string manPage(const std::string& version)
{
    std::ostringstream m;
    m << ".TH TEMPEST\\-MIGRATE 1 \"\" \"tempest-db " << roff(version) << "\" \"User Commands\"\n"
      << ".SH NAME\ntempest\\-migrate \\- schema migrations for SQLite and PostgreSQL\n"
      << ".SH SYNOPSIS\n.B tempest\\-migrate\n";
    for (const GlobalOption& option : globalOptions())
        if (option.name != "--version")
            m << "[\\fB" << roff(option.name) << "\\fR" << (option.value.empty() ? "" : " \\fI" + roff(option.value) + "\\fR")
              << "]\n";
    m << ".I COMMAND\n[\\fIARGS\\fR]\n"
      << ".SH DESCRIPTION\n"
      << "Applies and reverts revisions of a schema kept as typed operations, autogenerates new ones "
         "from the models, reports drift between the models and a live database, and prints the SQL "
         "of any range of revisions. A project is a \\fBtempest.json\\fR file, a migrations folder and "
         "the models. \\fBtempest\\-migrate \\fICOMMAND\\fB \\-\\-help\\fR prints the text of each "
         "command below.\n"
      << ".SH OPTIONS\n";
    for (const GlobalOption& option : globalOptions())
        m << ".TP\n.B " << roff(option.name) << (option.value.empty() ? "" : " \\fI" + roff(option.value) + "\\fR") << "\n"
          << roff(option.help) << "\n";
    m << ".TP\n.B \\-\\-help\nprint the help (after a command: that command's help)\n";
    m << ".SH COMMANDS\n";
    for (const CommandInfo& command : commandTable()) {
        m << ".SS " << roff(command.name) << "\n"
          << ".nf\n" << roff(command.usage) << "\n.fi\n"
          << ".PP\n" << roff(command.summary) << ".\n";
        if (!command.details.empty())
            m << ".PP\n.nf\n" << roff(command.details) << ".fi\n";
    }
    m << ".SH EXIT STATUS\n" << roff(kExitCodesLine) << "\n"
      << ".SH ENVIRONMENT\n.TP\n.B TEMPEST_DATABASE\n"
         "the database URL when \\fB\\-\\-database\\fR is not given (it overrides the project file)\n"
      << ".SH FILES\n.TP\n.B tempest.json\nthe project file, read from the current folder unless "
         "\\fB\\-\\-config\\fR names another\n"
      << ".SH SEE ALSO\n.BR tempest\\-studio (1)\n";
    return m.str();
}

std::string bashCompletion()
{
    std::ostringstream s;
    std::string commands, globals;
    for (const CommandInfo& command : commandTable())
        commands += (commands.empty() ? "" : " ") + std::string(command.name);
    for (const GlobalOption& option : globalOptions())
        globals += (globals.empty() ? "" : " ") + std::string(option.name);
    s << "# bash completion for tempest-migrate, generated from its command table (tempest-docgen).\n"
      << "# Completes commands, options, --format values, revision ids and folders.\n"
      << "_tempest_migrate_revisions()\n{\n"
      << "    # The ids of the project the command line names (history prints `<mark> <id> — <label>`).\n"
      << "    tempest-migrate \"${_tempest_migrate_global[@]}\" history 2>/dev/null | while read -r _ id _; do\n"
      << "        printf '%s\\n' \"$id\"\n    done\n}\n\n"
      << "_tempest_migrate()\n{\n"
      << "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
      << "    local command='' i\n"
      << "    _tempest_migrate_global=()\n"
      << "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
      << "        case ${COMP_WORDS[i]} in\n"
      << "        --config | --database)\n"
      << "            _tempest_migrate_global+=(\"${COMP_WORDS[i]}\" \"${COMP_WORDS[i+1]}\")\n"
      << "            ((i++)) ;;\n"
      << "        -*) ;;\n"
      << "        *)\n"
      << "            command=${COMP_WORDS[i]}\n"
      << "            break ;;\n"
      << "        esac\n"
      << "    done\n"
      << "    if [[ -z $command ]]; then\n"
      << "        case $prev in\n"
      << "        --config) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
      << "        --database) return ;;\n"
      << "        esac\n"
      << "        COMPREPLY=($(compgen -W \"" << globals << " --help " << commands << "\" -- \"$cur\"))\n"
      << "        return\n"
      << "    fi\n"
      << "    local options='' takes='' formats='' revisions=0 dirs=0\n"
      << "    case $command in\n";
    for (const CommandInfo& command : commandTable()) {
        std::string options = "--help", takes;
        for (const OptionSpec& option : command.options) {
            options += " " + option.name;
            if (option.takesValue)
                takes += (takes.empty() ? "" : "|") + option.name;
        }
        s << "    " << command.name << ")\n"
          << "        options='" << options << "'\n";
        if (!takes.empty())
            s << "        takes='" << takes << "'\n";
        for (const auto& [option, words] : formatChoices(command.usage))
            s << "        [[ $prev == " << option << " ]] && formats='" << words << "'\n";
        if (takesRevision(command.usage))
            s << "        revisions=1\n";
        if (takesDirectory(command.usage))
            s << "        dirs=1\n";
        s << "        ;;\n";
    }
    s << "    *) return ;;\n"
      << "    esac\n"
      << "    if [[ -n $formats ]]; then\n"
      << "        COMPREPLY=($(compgen -W \"$formats\" -- \"$cur\"))\n"
      << "        return\n"
      << "    fi\n"
      << "    if [[ -n $takes && \"|$takes|\" == *\"|$prev|\"* ]]; then\n"
      << "        [[ $prev == --head ]] && COMPREPLY=($(compgen -W \"$(_tempest_migrate_revisions)\" -- \"$cur\"))\n"
      << "        [[ $prev == --output ]] && COMPREPLY=($(compgen -f -- \"$cur\"))\n"
      << "        return\n"
      << "    fi\n"
      << "    if [[ $cur == -* ]]; then\n"
      << "        COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n"
      << "    elif ((revisions)); then\n"
      << "        COMPREPLY=($(compgen -W \"heads head base $(_tempest_migrate_revisions)\" -- \"$cur\"))\n"
      << "    elif ((dirs)); then\n"
      << "        compopt -o filenames 2>/dev/null\n"
      << "        COMPREPLY=($(compgen -d -- \"$cur\"))\n"
      << "    fi\n"
      << "}\n"
      << "complete -F _tempest_migrate tempest-migrate\n";
    return s.str();
}

} // namespace tempest
