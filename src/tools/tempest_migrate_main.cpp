// tempest-migrate: the process around runMigrationCli — argv, stdout/stderr, a y/N
// prompt on the terminal, the environment, and the driver factory.
#include "core/cli/cli.h"
#include "core/ir/retire.h"
#include "tools/driver_factory.h"
#include "tools/png_writer.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <malloc.h>
#include <string>
#include <unistd.h>

extern char** environ;

namespace {

std::map<std::string, std::string> environment()
{
    std::map<std::string, std::string> env;
    for (char** entry = environ; entry && *entry; ++entry) {
        const std::string text(*entry);
        const auto eq = text.find('=');
        if (eq != std::string::npos)
            env.emplace(text.substr(0, eq), text.substr(eq + 1));
    }
    return env;
}

bool askYesNo(const std::string& question)
{
    std::fflush(stdout);
    std::cerr << question << ' ' << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer))
        return false;
    return answer == "y" || answer == "Y" || answer == "yes" || answer == "Yes";
}

} // namespace

int main(int argc, char** argv)
{
    // Buffers of 128 KiB and more (a file's text, a schema's table list) get their own
    // mapping, returned when freed. glibc raises that threshold to the largest buffer
    // freed so far, after which a freed file text (10 MB for a 5,000-table models file)
    // stays in the heap: `check` then peaks 1.8 MB higher (issue 12, docs/decisions.md).
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    // One command, then exit: what it built goes with the process (core/ir/retire.h).
    tempest::leaveMemoryToProcessExit();
    tempest::CliConfig config;
    // A terminal sees each line as it comes; a pipe or file gets stdout in blocks (the
    // history of 10,000 revisions is one write, not 10,000). stdout is flushed before
    // anything goes to stderr, so the two keep their order when they share a file.
    static const bool stdoutIsTerminal = ::isatty(STDOUT_FILENO);
    config.io.out = [](std::string_view text) {
        std::fwrite(text.data(), 1, text.size(), stdout);
        if (stdoutIsTerminal)
            std::fflush(stdout);
    };
    config.io.err = [](std::string_view text) {
        std::fflush(stdout);
        std::fwrite(text.data(), 1, text.size(), stderr);
        std::fflush(stderr);
    };
    config.io.confirm = askYesNo;
    config.io.isTerminal = ::isatty(STDIN_FILENO) && ::isatty(STDERR_FILENO);
    config.io.env = environment();
    std::error_code ec;
    config.io.cwd = std::filesystem::current_path(ec).string();
    config.openDriver = tempest::openProjectDatabase;
    config.writePng = tempest::writeGraphPngThroughModule;

    const std::vector<std::string> args(argv + 1, argv + argc);
    return tempest::runMigrationCli(args, config);
}
