// A string default for an integer member.
// expect-error: tempest: defaultValue() does not suit the member's type
#include "model/model.h"

struct User { std::int64_t id; int logins; };

template <> struct tempest::Model<User> {
    static auto define()
    {
        using namespace tempest::model;
        return table<User>("users", column("id", &User::id, primaryKey()),
                           column("logins", &User::logins, defaultValue("zero")));
    }
};
