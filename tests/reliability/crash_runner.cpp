// crash_runner: tempest-migrate with a driver that kills its own process (SIGKILL, no
// cleanup, as a power cut or `kill -9` would) just before the Nth driver call, N from
// TEMPEST_KILL_AT. With TEMPEST_KILL_AT=0 it runs to the end and prints the number of
// driver calls on stderr ("driver calls: M"); with TEMPEST_LOG_CALLS=1 also each call,
// before it is made, as "call N: <statement on one line>", so that a test can tell
// which statement a kill lands before. The crash-safety tests drive it; the product
// binary has no such hook.
#include "core/cli/cli.h"
#include "tools/driver_factory.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

extern char** environ;

namespace {

long g_calls = 0;
long g_killAt = 0;
bool g_logCalls = false;

void countCall(std::string_view sql)
{
    ++g_calls;
    if (g_killAt > 0 && g_calls == g_killAt)
        ::kill(::getpid(), SIGKILL);
    if (g_logCalls) {
        std::string line(sql);
        for (char& c : line)
            if (c == '\n' || c == '\r')
                c = ' ';
        std::fprintf(stderr, "call %ld: %s\n", g_calls, line.c_str());
    }
}

class KillingDriver final : public tempest::Driver {
public:
    explicit KillingDriver(tempest::DriverPtr inner) : m_inner(std::move(inner)) {}
    std::string dialectName() const override { return m_inner->dialectName(); }
    std::string description() const override { return m_inner->description(); }
    void execute(std::string_view sql, const std::vector<tempest::Value>& params) override
    {
        countCall(sql);
        m_inner->execute(sql, params);
    }
    tempest::ResultSet query(std::string_view sql, const std::vector<tempest::Value>& params) override
    {
        countCall(sql);
        return m_inner->query(sql, params);
    }
    void interrupt() override { m_inner->interrupt(); }

private:
    tempest::DriverPtr m_inner;
};

} // namespace

int main(int argc, char** argv)
{
    if (const char* at = std::getenv("TEMPEST_KILL_AT"))
        g_killAt = std::strtol(at, nullptr, 10);
    if (const char* log = std::getenv("TEMPEST_LOG_CALLS"))
        g_logCalls = std::string(log) == "1";
    tempest::CliConfig config;
    config.io.out = [](std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); };
    config.io.err = [](std::string_view text) { std::fwrite(text.data(), 1, text.size(), stderr); };
    for (char** entry = environ; entry && *entry; ++entry) {
        const std::string text(*entry);
        if (const auto eq = text.find('='); eq != std::string::npos)
            config.io.env.emplace(text.substr(0, eq), text.substr(eq + 1));
    }
    config.io.cwd = std::filesystem::current_path().string();
    config.openDriver = [](const tempest::ProjectConfig& project, bool mayCreate) -> tempest::DriverPtr {
        tempest::DriverPtr driver = tempest::openProjectDatabase(project, mayCreate);
        return driver ? std::make_unique<KillingDriver>(std::move(driver)) : nullptr;
    };
    const int code = tempest::runMigrationCli(std::vector<std::string>(argv + 1, argv + argc), config);
    std::fprintf(stderr, "driver calls: %ld\n", g_calls);
    return code;
}
