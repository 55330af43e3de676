// autoincrement() on a std::string member.
// expect-error: tempest: autoincrement() needs an integer member
#include "model/model.h"

struct User { std::string id; std::string email; };

template <> struct tempest::Model<User> {
    static auto define()
    {
        using namespace tempest::model;
        return table<User>("users", column("id", &User::id, primaryKey(), autoincrement()),
                           column("email", &User::email));
    }
};
