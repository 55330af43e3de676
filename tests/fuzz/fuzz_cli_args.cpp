// libFuzzer target: the command line. The input is split at NUL bytes into argv; the
// CLI runs with an empty environment in a folder that does not exist and a driver
// factory that refuses, so only argument parsing, dispatch and error reporting are
// exercised. It must return 0, 1 or 2 and never crash.
#include "core/cli/cli.h"
#include "core/driver/driver.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::vector<std::string> argv(1);
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == 0)
            argv.emplace_back();
        else
            argv.back() += char(data[i]);
    }
    // `init` would create files and --config could name a real project whose migrations
    // folder `revision` writes into: the fuzzer explores parsing, not the file system.
    for (const std::string& arg : argv)
        if (arg == "init" || arg.rfind("--config", 0) == 0)
            return 0;
    tempest::CliConfig config;
    config.io.out = [](std::string_view) {};
    config.io.err = [](std::string_view) {};
    config.io.cwd = "/nonexistent-tempest-fuzz";
    config.openDriver = [](const tempest::ProjectConfig&, bool) -> tempest::DriverPtr {
        throw tempest::ConnectionError("no database in the fuzzer");
    };
    const int code = tempest::runMigrationCli(argv, config);
    if (code < 0 || code > 2)
        std::abort();
    return 0;
}
