#include "core/project/models_command.h"

#include "core/ir/errors.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <poll.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace tempest {

std::string commandLine(const std::vector<std::string>& argv)
{
    std::string out;
    for (const std::string& word : argv) {
        if (!out.empty())
            out += ' ';
        if (word.empty() || word.find_first_of(" \t\"'\\") != std::string::npos) {
            out += '"';
            for (char c : word) {
                if (c == '"' || c == '\\')
                    out += '\\';
                out += c;
            }
            out += '"';
        } else {
            out += word;
        }
    }
    return out;
}

namespace {

bool isExecutableFile(const std::string& path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

// The program to exec: PATH lookup done here, against the command's own environment and
// the project folder, so the result does not depend on where tempest-migrate was started.
std::string resolveProgram(const std::string& program, const ModelsCommandOptions& options,
                           const std::string& shown)
{
    if (program.find('/') != std::string::npos) {
        const std::string path = fs::path(program).is_absolute()
                                     ? program
                                     : (fs::path(options.workingDir) / program).lexically_normal().string();
        if (!isExecutableFile(path))
            throw InputError("models command `" + shown + "`: " + path + " is not an executable file");
        return path;
    }
    auto it = options.environment.find("PATH");
    const std::string pathVar = it != options.environment.end() ? it->second : "/usr/local/bin:/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= pathVar.size()) {
        std::size_t end = pathVar.find(':', start);
        if (end == std::string::npos)
            end = pathVar.size();
        std::string dir = pathVar.substr(start, end - start);
        if (dir.empty())
            dir = ".";
        fs::path candidate = fs::path(dir) / program;
        if (candidate.is_relative())
            candidate = fs::path(options.workingDir) / candidate;
        if (isExecutableFile(candidate.string()))
            return candidate.lexically_normal().string();
        start = end + 1;
    }
    throw InputError("models command `" + shown + "`: program \"" + program + "\" not found in PATH");
}

class Fd {
public:
    Fd() = default;
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd() { reset(); }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return m_fd; }
    void reset(int fd = -1)
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = fd;
    }

private:
    int m_fd = -1;
};

void makePipe(Fd& readEnd, Fd& writeEnd)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
    readEnd.reset(fds[0]);
    writeEnd.reset(fds[1]);
}

std::string trimmed(std::string text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    return text;
}

} // namespace

std::string runModelsCommand(const std::vector<std::string>& argv, const ModelsCommandOptions& options)
{
    if (argv.empty())
        throw InputError("models command is empty");
    const std::string shown = commandLine(argv);
    const std::string program = resolveProgram(argv.front(), options, shown);

    // Everything the child needs is built before fork: after it, only async-signal-safe calls.
    std::vector<char*> args;
    for (const std::string& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::vector<std::string> envStrings;
    for (const auto& [key, value] : options.environment)
        envStrings.push_back(key + "=" + value);
    std::vector<char*> envp;
    for (std::string& e : envStrings)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    Fd outRead, outWrite, errRead, errWrite, execRead, execWrite;
    makePipe(outRead, outWrite);
    makePipe(errRead, errWrite);
    makePipe(execRead, execWrite);  // carries errno when exec fails; EOF when it succeeds

    const pid_t pid = ::fork();
    if (pid < 0)
        throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    if (pid == 0) {
        ::setpgid(0, 0);
        const int devNull = ::open("/dev/null", O_RDONLY);
        if (devNull >= 0)
            ::dup2(devNull, STDIN_FILENO);
        ::dup2(outWrite.get(), STDOUT_FILENO);
        ::dup2(errWrite.get(), STDERR_FILENO);
        int err = 0;
        if (::chdir(options.workingDir.c_str()) != 0)
            err = errno;
        else {
            ::execve(program.c_str(), args.data(), envp.data());
            err = errno;
        }
        [[maybe_unused]] ssize_t n = ::write(execWrite.get(), &err, sizeof err);
        ::_exit(127);
    }
    outWrite.reset();
    errWrite.reset();
    execWrite.reset();

    int execErrno = 0;
    if (::read(execRead.get(), &execErrno, sizeof execErrno) == static_cast<ssize_t>(sizeof execErrno)) {
        ::waitpid(pid, nullptr, 0);
        throw InputError("models command `" + shown + "` could not be started: " + std::strerror(execErrno));
    }

    std::string out, err;
    const auto deadline = std::chrono::steady_clock::now() + options.timeout;
    bool outOpen = true, errOpen = true;
    char buffer[65536];
    while (outOpen || errOpen) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            ::kill(-pid, SIGKILL);
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
            throw InputError("models command `" + shown + "` timed out after " +
                             std::to_string(options.timeout.count() / 1000) + " s and was killed");
        }
        pollfd fds[2] = {{outOpen ? outRead.get() : -1, POLLIN, 0}, {errOpen ? errRead.get() : -1, POLLIN, 0}};
        const int ready = ::poll(fds, 2, static_cast<int>(std::min<long long>(left.count(), 1000)));
        if (ready < 0 && errno != EINTR)
            throw std::runtime_error(std::string("poll: ") + std::strerror(errno));
        if (ready <= 0)
            continue;
        for (int i = 0; i < 2; ++i) {
            if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                (i == 0 ? outOpen : errOpen) = false;
                continue;
            }
            if (i == 0) {
                out.append(buffer, static_cast<std::size_t>(n));
            } else {
                err.append(buffer, static_cast<std::size_t>(n));
                if (options.passStderr)
                    options.passStderr(std::string_view(buffer, static_cast<std::size_t>(n)));
            }
        }
    }

    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFSIGNALED(status))
        throw InputError("models command `" + shown + "` was killed by signal " + std::to_string(WTERMSIG(status)));
    if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
        std::string message = "models command `" + shown + "` exited with status " +
                              std::to_string(WEXITSTATUS(status));
        const std::string stderrText = trimmed(err);
        message += stderrText.empty() ? std::string(" (no stderr output)") : ": " + stderrText;
        throw InputError(message);
    }
    return out;
}

} // namespace tempest
