// fixedLength(n) (char) on a bool member.
// expect-error: tempest: fixedLength(n) needs a std::string member
#include "model/model.h"

struct User { std::int64_t id; bool active; };

template <> struct tempest::Model<User> {
    static auto define()
    {
        using namespace tempest::model;
        return table<User>("users", column("id", &User::id, primaryKey()),
                           column("active", &User::active, fixedLength(1)));
    }
};
