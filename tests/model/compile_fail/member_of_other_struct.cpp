// A column of table<User> maps a member of Post: the member pointer's class must be
// the model's struct.
// expect-error: tempest: column member does not belong to this model's struct
#include "model/model.h"

struct User { std::int64_t id; std::string email; };
struct Post { std::int64_t id; };

template <> struct tempest::Model<User> {
    static auto define()
    {
        using namespace tempest::model;
        return table<User>("users", column("id", &Post::id, primaryKey()), column("email", &User::email));
    }
};
