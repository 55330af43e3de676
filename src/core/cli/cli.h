#pragma once
// runMigrationCli: the `tempest-migrate` command line (DESIGN.md "CLI contract") as a
// function. It never opens a database or touches the terminal itself: the caller hands
// it an I/O object and a driver factory, so tests (and other front ends) can drive it.

#include "core/project/project.h"
#include "core/driver/driver.h"
#include "core/revision/graph_picture.h"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tempest {

struct CliIo {
    /// Receives stdout text (whole lines, each ending in '\n').
    std::function<void(std::string_view)> out;
    /// Receives stderr text (warnings, errors, a models command's stderr).
    std::function<void(std::string_view)> err;
    /// Asks a yes/no question (only called when isTerminal); true means yes.
    std::function<bool(const std::string& question)> confirm;
    bool isTerminal = false;
    /// The process environment (TEMPEST_DATABASE, PATH for a models command).
    std::map<std::string, std::string> env;
    /// The working directory: --config and --database paths are relative to it.
    std::string cwd;
};

/// Opens the project's database. With mayCreate false (every command but upgrade,
/// downgrade and stamp) a SQLite file that does not exist is not created: the factory
/// returns nullptr instead. Throws ConnectionError (message password-free) when the
/// database cannot be opened or reached.
using DriverFactory = std::function<DriverPtr(const ProjectConfig& project, bool mayCreate)>;

/// Writes a graph picture to a PNG file at `path`. The core has no Qt, so the program
/// around runMigrationCli provides it when it can paint (tempest-migrate built with Qt
/// Gui); without it `graph --format png` is refused. Throws std::runtime_error naming
/// the file when it cannot be written.
using PngWriter = std::function<void(const GraphPicture& picture, const std::string& path)>;

struct CliConfig {
    CliIo io;
    DriverFactory openDriver;
    /// Empty: `graph --format png` exits 2 and points at svg and dot.
    PngWriter writePng;
};

/// Runs one command; `argv` excludes the program name. Returns the exit code: 0 success;
/// 1 the command ran and found a problem (check findings, a migration failed and was
/// rolled back, the database stayed locked); 2 bad usage or bad input. Never throws.
int runMigrationCli(const std::vector<std::string>& argv, const CliConfig& config);

/// "tempest-migrate 0.1.0".
std::string cliVersion();

} // namespace tempest
