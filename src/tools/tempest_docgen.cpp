// tempest-docgen: writes tempest-migrate's man page or bash completion (core/cli/cli_docs.h)
// to a file, at build time. Usage: tempest-docgen man VERSION FILE | bash FILE
#include "core/cli/cli_docs.h"

#include <cstring>
#include <fstream>
#include <iostream>

int main(int argc, char** argv)
{
    std::string text, file;
    if (argc == 4 && std::strcmp(argv[1], "man") == 0) {
        text = tempest::manPage(argv[2]);
        file = argv[3];
    } else if (argc == 3 && std::strcmp(argv[1], "bash") == 0) {
        text = tempest::bashCompletion();
        file = argv[2];
    } else {
        std::cerr << "usage: tempest-docgen man VERSION FILE | bash FILE\n";
        return 2;
    }
    std::ofstream out(file, std::ios::binary);
    out << text;
    out.close();
    if (!out) {
        std::cerr << "tempest-docgen: cannot write " << file << "\n";
        return 1;
    }
    return 0;
}
