// The value list is for another enum than the member's.
// expect-error: tempest: enumType<E>(...) must name the member's own enum type
#include "model/model.h"

enum class Role { Member, Admin };
enum class Plan { Free, Pro };
struct User { std::int64_t id; Role role; };

template <> struct tempest::Model<User> {
    static auto define()
    {
        using namespace tempest::model;
        return table<User>("users", column("id", &User::id, primaryKey()),
                           column("role", &User::role, enumType<Plan>("plan", {{Plan::Free, "free"}})));
    }
};
