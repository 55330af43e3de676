// libFuzzer target: the SQLite CREATE TABLE / CREATE INDEX parser that introspection
// runs on sqlite_schema text (which a database file can make anything). It must return
// or throw InputError on any input, never crash or read out of bounds.
#include "core/dialect/sqlite/sqlite_create_parser.h"
#include "core/ir/errors.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        (void)tempest::parseCreateTable(text);
    } catch (const tempest::InputError&) {
    }
    try {
        (void)tempest::parseCreateIndex(text);
    } catch (const tempest::InputError&) {
    }
    (void)tempest::stripOuterParentheses(text);
    (void)tempest::splitIndexEntry(text);
    return 0;
}
