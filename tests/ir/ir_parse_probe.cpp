// A child process for tst_ir_hostile: reads one IR JSON file as tempest-migrate does
// (readJsonFile, then schemaFromJson) and exits, so that the parent can measure its
// peak memory with getrusage(RUSAGE_CHILDREN). Exit 0: parsed; 2: InputError (its
// message on stderr); 3: anything else (bad_alloc included).
#include "core/ir/errors.h"
#include "core/ir/json.h"
#include "core/ir/schema_json.h"

#include <cstdio>
#include <exception>
#include <string>

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fputs("usage: ir_parse_probe json|ir FILE\n", stderr);
        return 64;
    }
    try {
        const tempest::Json json = tempest::readJsonFile(argv[2]);
        if (std::string(argv[1]) == "ir")
            tempest::schemaFromJson(json, argv[2]);
        return 0;
    } catch (const tempest::InputError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "unexpected: %s\n", e.what());
        return 3;
    }
}
