#pragma once
// Makes an application a `models: {"command": [...]}` source: its main() prints the
// canonical IR JSON of its models.
//
//   int main() { return tempest::model::printModels<User, Post>(std::cout, std::cerr); }

#include "core/ir/schema.h"
#include "model/reflect.h"

#include <functional>
#include <iosfwd>

namespace tempest::model {

/// Writes toJson(reflect()) to `out` and returns 0; on InputError writes the message to
/// `err` and returns 2 (the CLI's exit code for bad input).
int printSchema(const std::function<Schema()>& reflect, std::ostream& out, std::ostream& err);

template <typename... S>
int printModels(std::ostream& out, std::ostream& err)
{
    return printSchema([] { return reflectSchema<S...>(); }, out, err);
}

} // namespace tempest::model
