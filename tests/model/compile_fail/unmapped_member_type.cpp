// No SQL integer holds every std::uint64_t: the member type deduces to nothing.
// expect-error: tempest: no column type is deduced for this member type
#include "model/model.h"

struct User { std::int64_t id; std::uint64_t visits; };

template <> struct tempest::Model<User> {
    static auto define()
    {
        using namespace tempest::model;
        return table<User>("users", column("id", &User::id, primaryKey()), column("visits", &User::visits));
    }
};
