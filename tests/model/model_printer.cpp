// An application that serves as a `models: {"command": ["model_printer"]}` source: its
// whole main() is one call. CTest checks its stdout against the reviewed IR file.
#include "blog_models.h"

#include "model/models_main.h"

#include <iostream>

int main()
{
    return tempest::model::printModels<blog::Account, blog::Post, blog::Tag, blog::PostTag, blog::Event>(
        std::cout, std::cerr);
}
