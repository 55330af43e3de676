// A primary-key column declared nullable().
// expect-error: tempest: a primary-key column cannot be nullable()
#include "model/model.h"

struct User { std::int64_t id; std::string email; };

template <> struct tempest::Model<User> {
    static auto define()
    {
        using namespace tempest::model;
        return table<User>("users", column("id", &User::id, primaryKey(), nullable()),
                           column("email", &User::email));
    }
};
