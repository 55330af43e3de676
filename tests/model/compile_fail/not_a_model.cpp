// Reflecting a struct that has no tempest::Model specialisation.
// expect-error: tempest: reflecting S needs a specialisation tempest::Model<S>
#include "model/model.h"

struct User { std::int64_t id; };

tempest::Table usersTable() { return tempest::reflectTable<User>(); }
