// posts.user_id is 32-bit but references users.id, which is 64-bit.
// expect-error: tempest: references(&S::member) must name a member of the same type as this column's
#include "model/model.h"

struct User { std::int64_t id; };
struct Post { std::int64_t id; std::int32_t user_id; };

template <> struct tempest::Model<User> {
    static auto define()
    {
        using namespace tempest::model;
        return table<User>("users", column("id", &User::id, primaryKey()));
    }
};
template <> struct tempest::Model<Post> {
    static auto define()
    {
        using namespace tempest::model;
        return table<Post>("posts", column("id", &Post::id, primaryKey()),
                           column("user_id", &Post::user_id, references(&User::id)));
    }
};
