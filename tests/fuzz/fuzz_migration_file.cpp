// libFuzzer target: the migration file reader (strict JSON, then the migration and its
// operations). Refusals are InputErrors; an accepted migration writes back and reads
// again to the same checksum.
#include "core/ir/errors.h"
#include "core/ir/json.h"
#include "core/revision/migration.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const tempest::Migration m = tempest::migrationFromJson(tempest::parseJsonStrict(text, "m.json"), "m.json");
        const tempest::Migration again = tempest::migrationFromJson(tempest::migrationToJson(m), "again.json");
        if (tempest::migrationChecksum(again) != tempest::migrationChecksum(m))
            std::abort();
    } catch (const tempest::InputError&) {
    }
    return 0;
}
