// length(n) (varchar) on an int member.
// expect-error: tempest: length(n) needs a std::string member
#include "model/model.h"

struct User { std::int64_t id; int age; };

template <> struct tempest::Model<User> {
    static auto define()
    {
        using namespace tempest::model;
        return table<User>("users", column("id", &User::id, primaryKey()), column("age", &User::age, length(3)));
    }
};
