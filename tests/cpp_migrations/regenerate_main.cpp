// cpp_migrations_regenerate [DIR]: rewrites the committed generated migrations of
// tst_cpp_migrations (default: the source folder's generated/). Run it after a
// deliberate change to the C++ writer, then review the diff.

#include "cases.h"

#include "core/ir/errors.h"

#include <filesystem>
#include <fstream>
#include <iostream>

int main(int argc, char** argv)
{
    namespace fs = std::filesystem;
    const fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::path(tempest::test::generatedDir());
    try {
        fs::create_directories(dir);
        for (const fs::directory_entry& entry : fs::directory_iterator(dir))
            if (entry.is_regular_file())
                fs::remove(entry.path());
        for (const tempest::GeneratedMigration& file : tempest::test::expectedGeneratedFiles()) {
            std::ofstream out(dir / file.fileName, std::ios::binary);
            out << file.text;
            if (!out)
                throw std::runtime_error("cannot write " + (dir / file.fileName).string());
            std::cout << "wrote " << (dir / file.fileName).string() << '\n';
        }
    } catch (const std::exception& e) {
        std::cerr << "cpp_migrations_regenerate: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
