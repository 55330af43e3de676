// An enum class member with no enumType<E>(...) to name the enum and its values.
// expect-error: tempest: a member of enum type E needs enumType<E>
#include "model/model.h"

enum class Role { Member, Admin };
struct User { std::int64_t id; Role role; };

template <> struct tempest::Model<User> {
    static auto define()
    {
        using namespace tempest::model;
        return table<User>("users", column("id", &User::id, primaryKey()), column("role", &User::role));
    }
};
