#pragma once
// What a one-shot process is about to exit with need not be freed piece by piece: the
// schemas of thousands of tables and the revision graph go with the process, as a
// compiler leaves its syntax trees to the system at exit (clang's -disable-free). Freeing
// them was 2.5 ms of `check`'s 55 ms at 500 tables, after the database was read (issue
// 12, docs/profiles/check.md). Only a process's main turns this on (tempest-migrate);
// everything else (Studio, the tests) frees as usual, and so does the library by default.

#include <utility>

namespace tempest {

/// Called by a process's main before any work, never by a library: from then on,
/// retire() keeps what it is given until the process exits.
void leaveMemoryToProcessExit();
bool memoryLeftToProcessExit();
/// Holds `object` until the process exits, reachable from a global: a leak checker
/// (the TEMPEST_SANITIZE suite's LeakSanitizer) sees memory held, not lost.
void keepUntilExit(const void* object);

/// Frees `value` now, or, once leaveMemoryToProcessExit() was called, keeps it until the
/// process exits. Only for plain memory: nothing whose destructor must run (a
/// connection, a file, a thread) may be retired.
template <typename T>
void retire(T&& value)
{
    if (memoryLeftToProcessExit())
        keepUntilExit(new T(std::move(value)));  // never deleted: the process's exit takes it
    else
        T gone(std::move(value));
}

} // namespace tempest
