#pragma once
// The man page and the bash completion of tempest-migrate, generated from the command
// table (commands.h) — the same source as `--help` — so they never drift from it. The
// build writes them with tempest-docgen (src/tools) and installs them.

#include <string>

namespace tempest {

/// tempest-migrate(1) in roff (man macros): synopsis, global options, one subsection
/// per command with its usage, summary and option text, exit status, environment.
std::string manPage(const std::string& version);

/// A bash completion script for tempest-migrate: commands, global and per-command
/// options, the values a `--format` takes, revision ids (read with `tempest-migrate
/// history` from the project the command line names) where a command takes a revision,
/// and folders where it takes a DIR.
std::string bashCompletion();

} // namespace tempest
