// libFuzzer target: the strict IR JSON reader. Any input either parses into a schema
// that validates and writes back to the same canonical JSON, or is refused with an
// InputError; nothing else (a crash, another exception, a sanitizer report) is allowed.
#include "core/ir/errors.h"
#include "core/ir/schema_json.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const tempest::Schema schema = tempest::parseSchema(text, "fuzz.json");
        const std::string canonical = tempest::toJson(schema);
        if (tempest::toJson(tempest::parseSchema(canonical, "canonical.json")) != canonical)
            std::abort();  // canonical JSON must be a fixed point
    } catch (const tempest::InputError&) {
    }
    return 0;
}
