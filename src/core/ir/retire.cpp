#include "core/ir/retire.h"

#include <atomic>
#include <mutex>
#include <vector>

namespace tempest {

namespace {
std::atomic<bool> leftToExit{false};
std::mutex keptMutex;
// Made once and never destroyed, so that no destructor at exit walks what it holds.
std::vector<const void*>* kept = nullptr;
} // namespace

void keepUntilExit(const void* object)
{
    const std::lock_guard<std::mutex> lock(keptMutex);
    if (!kept)
        kept = new std::vector<const void*>();
    kept->push_back(object);
}

void leaveMemoryToProcessExit()
{
    leftToExit.store(true, std::memory_order_relaxed);
}

bool memoryLeftToProcessExit()
{
    return leftToExit.load(std::memory_order_relaxed);
}

} // namespace tempest
