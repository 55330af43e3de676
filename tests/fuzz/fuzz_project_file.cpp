// libFuzzer target: the project file reader (tempest.json), with the database override
// chain. Refusals are InputErrors naming the file; nothing may crash.
#include "core/ir/errors.h"
#include "core/ir/json.h"
#include "core/project/project_config.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        tempest::DatabaseOverrides overrides;
        overrides.cwd = "/fuzz";
        const tempest::ProjectConfig config = tempest::projectConfigFromJson(
            tempest::parseJsonStrict(text, "/fuzz/tempest.json"), "/fuzz/tempest.json", overrides);
        (void)config.displayDatabase();
    } catch (const tempest::InputError&) {
    }
    return 0;
}
