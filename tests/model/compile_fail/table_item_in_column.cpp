// A named index (a table item) written inside column().
// expect-error: tempest: column() takes column attributes
#include "model/model.h"

struct User { std::int64_t id; std::string email; };

template <> struct tempest::Model<User> {
    static auto define()
    {
        using namespace tempest::model;
        return table<User>("users", column("id", &User::id, primaryKey()),
                           column("email", &User::email, index("ix_users_email", {"email"})));
    }
};
