// Runs one command and prints its wall time and peak resident set size, the two numbers
// every row of scripts/bench.sh records (fork/exec + wait4, so no GNU time is needed and
// the anchor and tempest-migrate pay exactly the same start-up cost).
//
//   bench_run [--cwd DIR] [--stdin FILE] [--stdout FILE] [--stderr FILE] -- PROGRAM ARGS...
//
// Prints one line: <wall seconds> <peak RSS KiB> <exit code> (128 + signal when killed).
// stdout and stderr of the command go to /dev/null unless a file is named.

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

// Replaces fd with FILE opened with flags; in the child, so failure ends it.
void redirect(int fd, const std::string& file, int flags)
{
    const int opened = ::open(file.c_str(), flags, 0644);
    if (opened < 0 || ::dup2(opened, fd) < 0) {
        std::fprintf(stderr, "bench_run: cannot open %s: %s\n", file.c_str(), std::strerror(errno));
        ::_exit(127);
    }
    ::close(opened);
}

int usage()
{
    std::fprintf(stderr, "usage: bench_run [--cwd DIR] [--stdin FILE] [--stdout FILE] [--stderr FILE] -- PROGRAM ARGS...\n");
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    std::string cwd, in = "/dev/null", out = "/dev/null", err = "/dev/null";
    int i = 1;
    for (; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--")
            break;
        if (i + 1 >= argc)
            return usage();
        if (arg == "--cwd")
            cwd = argv[++i];
        else if (arg == "--stdin")
            in = argv[++i];
        else if (arg == "--stdout")
            out = argv[++i];
        else if (arg == "--stderr")
            err = argv[++i];
        else
            return usage();
    }
    if (i + 1 >= argc)
        return usage();
    char** command = argv + i + 1;

    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid < 0) {
        std::perror("bench_run: fork");
        return 2;
    }
    if (pid == 0) {
        if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) {
            std::fprintf(stderr, "bench_run: cannot enter %s: %s\n", cwd.c_str(), std::strerror(errno));
            ::_exit(127);
        }
        redirect(STDIN_FILENO, in, O_RDONLY);
        redirect(STDOUT_FILENO, out, O_WRONLY | O_CREAT | O_TRUNC);
        redirect(STDERR_FILENO, err, O_WRONLY | O_CREAT | O_TRUNC);
        ::execvp(command[0], command);
        std::fprintf(stderr, "bench_run: cannot run %s: %s\n", command[0], std::strerror(errno));
        ::_exit(127);
    }
    int status = 0;
    rusage usage {};
    while (::wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            std::perror("bench_run: wait4");
            return 2;
        }
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    // ru_maxrss is in KiB on Linux and covers the child (and the children it waited for).
    std::printf("%.6f %ld %d\n", wall, usage.ru_maxrss, code);
    return 0;
}
