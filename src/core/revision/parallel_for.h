#pragma once
// parallelFor: independent work on every item of a long list (reading and parsing
// thousands of migration files, their checksums) on a few threads. Each thread takes one
// contiguous stretch; the exception thrown is the one the first failing item (by index)
// threw, as a plain loop would throw it.

#include <algorithm>
#include <cstddef>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace tempest {

/// Calls work(i) for every i in [0, count), each exactly once, on up to 4 threads of at
/// least `perThread` items (a short list runs on the calling thread alone). `work` must
/// be safe to run concurrently for different i. Rethrows the exception of the lowest
/// failing i; the other items may or may not have run.
template <typename Work>
void parallelFor(std::size_t count, std::size_t perThread, const Work& work)
{
    const std::size_t hardware = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t threads = std::min<std::size_t>({hardware, 4, count / std::max<std::size_t>(perThread, 1) + 1});
    const std::size_t stretch = threads == 0 ? 0 : (count + threads - 1) / threads;
    std::vector<std::exception_ptr> errors(threads);
    auto runStretch = [&](std::size_t t) {
        const std::size_t end = std::min(count, (t + 1) * stretch);
        try {
            for (std::size_t i = t * stretch; i < end; ++i)
                work(i);
        } catch (...) {
            // Later items of this stretch cannot fail before this one.
            errors[t] = std::current_exception();
        }
    };
    std::vector<std::thread> workers;
    for (std::size_t t = 1; t < threads; ++t) {
        try {
            workers.emplace_back(runStretch, t);
        } catch (const std::system_error&) {
            runStretch(t);  // no thread to be had: this one does it
        }
    }
    runStretch(0);
    for (std::thread& worker : workers)
        worker.join();
    for (const std::exception_ptr& error : errors)  // stretches are in index order
        if (error)
            std::rethrow_exception(error);
}

} // namespace tempest
