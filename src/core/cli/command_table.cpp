#include "core/cli/commands.h"

#include "core/cli/cli.h"

#include <algorithm>

namespace tempest {

// upgrade's and downgrade's guard (cmd_common.cpp runPlanCommand).
#define DESTRUCTIVE_HELP                                                                        \
    "  --yes   run destructive operations without asking\n"                                  \
    "Operations that can lose data (drop table/column, narrowing types, …) are listed on\n"   \
    "stderr with the rows their table holds; a terminal is asked to confirm them first.\n"

const std::vector<CommandInfo>& commandTable()
{
    static const std::vector<CommandInfo> table = {
        {"init", "init [DIR]", "scaffold tempest.json, migrations/ and models.json (never overwrites)",
         "Creates DIR (default: the current folder) with a project file, an empty migrations\n"
         "folder and an empty models file. Refuses, naming it, when a file already exists.\n",
         {}, &cmdInit},
        {"revision",
         "revision -m LABEL [--autogenerate] [--rev-id ID] [--head REV] [--format json|cpp]\n"
         "         [--autorename] [--rename-table OLD:NEW] [--rename-column TABLE.OLD:NEW]",
         "write a new migration (empty, or the difference between the models and the migrations)",
         "  -m LABEL                 what the revision does (also names the file)\n"
         "  --autogenerate           diff the models against the schema the migrations produce\n"
         "  --rev-id ID              use ID instead of 12 random hex digits\n"
         "  --head REV               the parent revision (required when there are several heads)\n"
         "  --format json|cpp        the migration file format (default json)\n"
         "  --autorename             treat every unambiguous drop + add pair as a rename\n"
         "  --rename-table OLD:NEW   confirm a table rename (repeatable)\n"
         "  --rename-column TABLE.OLD:NEW   confirm a column rename (repeatable);\n"
         "                           names may be double-quoted: \"a.b\".c:d\n"
         "With --autogenerate and no change detected, no file is written.\n",
         {{"-m", true, false}, {"--autogenerate", false, false}, {"--rev-id", true, false},
          {"--head", true, false}, {"--format", true, false}, {"--autorename", false, false},
          {"--rename-table", true, true}, {"--rename-column", true, true}},
         &cmdRevision},
        {"merge", "merge REV REV... | heads -m LABEL [--rev-id ID]",
         "write a merge revision joining several heads",
         "  REV REV...   the revisions to join (`heads`: every current head)\n"
         "  -m LABEL     what the merge is for\n"
         "  --rev-id ID  use ID instead of 12 random hex digits\n",
         {{"-m", true, false}, {"--rev-id", true, false}}, &cmdMerge},
        {"upgrade", "upgrade [TARGET | FROM:TO] [--sql] [--yes]", "apply pending revisions (default target: heads)",
         "TARGET: heads | head | <id> | <prefix of 4+ characters> | <branch>@head | +N\n"
         "  --sql   print the SQL instead of running it (FROM:TO needs no database)\n"
         DESTRUCTIVE_HELP,
         {{"--sql", false, false}, {"--yes", false, false}}, &cmdUpgrade},
        {"downgrade", "downgrade TARGET | FROM:TO [--sql] [--yes]", "revert applied revisions",
         "TARGET: base | <id> | <prefix> | <branch>@head | -N | N\n"
         "  --sql   print the SQL instead of running it (FROM:TO needs no database)\n"
         DESTRUCTIVE_HELP,
         {{"--sql", false, false}, {"--yes", false, false}}, &cmdDowngrade},
        {"current", "current [--verbose]", "show the applied heads",
         "  --verbose   every applied revision, in application order\n",
         {{"--verbose", false, false}}, &cmdCurrent},
        {"history", "history [--verbose]", "list revisions, newest first (✓ applied, · not)",
         "  --verbose   parents, creation time and file of each revision\n",
         {{"--verbose", false, false}}, &cmdHistory},
        {"heads", "heads", "list the heads", "", {}, &cmdHeads},
        {"branches", "branches", "list branch points and their children", "", {}, &cmdBranches},
        {"show", "show REV", "show a revision: metadata, operations and SQL", "", {}, &cmdShow},
        {"stamp", "stamp TARGET", "set the version table without running operations",
         "TARGET: heads | head | base | <id> | <prefix> | <branch>@head\n", {}, &cmdStamp},
        {"check", "check", "drift, uncaptured model changes and edited migrations (exit 1 when found)",
         "Prints `drift: …` (database ≠ models), `uncaptured: …` (models ≠ migrations) and\n"
         "`changed: <id>` (an applied migration was edited) lines, and exits 1 when any.\n"
         "`note: …` lines (a column declared with another type of the same affinity, e.g.\n"
         "BIGINT vs INTEGER on SQLite) are shown but do not fail the check.\n",
         {}, &cmdCheck},
        {"introspect", "introspect", "print the live schema as IR JSON", "", {}, &cmdIntrospect},
        {"graph", "graph [--format svg|png|dot] [--output FILE]",
         "draw the revision DAG (lanes, applied/pending, heads, current) as DOT, SVG or PNG",
         "  --format dot   Graphviz text: one node per revision, edges child -> parent (default)\n"
         "  --format svg   the picture Tempest Studio shows: lanes, nodes, id, state, date, label\n"
         "  --format png   the same picture as an image (needs --output)\n"
         "  --output FILE  write to FILE instead of stdout\n"
         "Applied and current revisions come from the database when it can be read; without\n"
         "one every revision is drawn pending and a warning says so. No database is created.\n",
         {{"--format", true, false}, {"--output", true, false}}, &cmdGraph},
        {"import-alembic", "import-alembic VERSIONS_DIR [--stamp]",
         "turn an Alembic history (its versions/ folder) into this project's migrations",
         "Reads every .py revision script under VERSIONS_DIR without running it: revision,\n"
         "down_revision, branch_labels, depends_on (literals only), the docstring's first line\n"
         "as the label and its Create Date. A revision whose upgrade() has code gets one\n"
         "`execute` placeholder holding that code as SQL comments, to port; it stays\n"
         "irreversible while its downgrade() has code. Nothing is written when a script cannot\n"
         "be read, an id is already in the project, or the graph is broken.\n"
         "  --stamp   then record the imported revisions as applied in the project's database\n"
         "            (as `stamp heads`; refused when the project has other heads)\n"
         "Without --stamp, for a database Alembic manages, `stamp` the ids of its\n"
         "alembic_version table after.\n",
         {{"--stamp", false, false}}, &cmdImportAlembic},
    };
    return table;
}

const CommandInfo* findCommand(std::string_view name)
{
    for (const CommandInfo& command : commandTable()) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

const std::vector<GlobalOption>& globalOptions()
{
    static const std::vector<GlobalOption> options = {
        {"--config", "FILE", "the project file (default ./tempest.json)"},
        {"--database", "URL", "the database (overrides TEMPEST_DATABASE and the project file)"},
        {"--json", "", "print one JSON document: command, exitCode, result, warnings, error"},
        {"--version", "", "print the version"},
    };
    return options;
}

std::string globalHelp()
{
    std::string text = "usage: tempest-migrate [--config FILE] [--database URL] [--json] COMMAND [ARGS]\n\n"
                       "Schema migrations for SQLite and PostgreSQL.\n\n";
    for (const GlobalOption& option : globalOptions()) {
        std::string flag = std::string(option.name) + (option.value.empty() ? "" : " " + std::string(option.value));
        flag.resize(15, ' ');
        text += "  " + flag + "  " + std::string(option.help) + "\n";
    }
    text += "\ncommands:\n";
    std::size_t width = 0;
    for (const CommandInfo& command : commandTable())
        width = std::max(width, command.name.size() + 2);
    for (const CommandInfo& command : commandTable()) {
        std::string name(command.name);
        name.resize(width, ' ');
        text += "  " + name + std::string(command.summary) + "\n";
    }
    text += "\nRun `tempest-migrate COMMAND --help` for a command's options.\n" + std::string(kExitCodesLine) + "\n";
    return text;
}

std::string commandHelp(const CommandInfo& command)
{
    std::string text = "usage: tempest-migrate " + std::string(command.usage) + "\n\n" +
                       std::string(command.summary) + "\n";
    if (!command.details.empty())
        text += "\n" + std::string(command.details);
    return text;
}

std::string cliVersion()
{
#ifdef TEMPEST_VERSION
    return std::string("tempest-migrate ") + TEMPEST_VERSION;
#else
    return "tempest-migrate (unknown version)";
#endif
}

} // namespace tempest
