// Two defaults for one column: which one would win?
// expect-error: tempest: an attribute is given twice in one column()
#include "model/model.h"

struct User { std::int64_t id; int logins; };

template <> struct tempest::Model<User> {
    static auto define()
    {
        using namespace tempest::model;
        return table<User>("users", column("id", &User::id, primaryKey()),
                           column("logins", &User::logins, defaultValue(0), defaultExpr("1")));
    }
};
