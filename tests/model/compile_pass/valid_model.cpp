// The control for compile_fail/: each of their mistakes written correctly, in one
// model. It must compile without a warning through the same compile_check.sh, which
// proves that the failures there come from the checks and not from the harness.
#include "model/model.h"

enum class Role { Member, Admin };
enum class Plan { Free, Pro };

struct User {
    std::int64_t id;
    std::string email;
    int age;
    bool active;
    std::string country;
    Role role;
    Plan plan;
    int logins;
    std::optional<std::uint64_t> visits;  // unmapped type, given with sqlType()
    std::string settings;
    std::string domain() const { return email.substr(email.find('@') + 1); }
};

struct Post {
    std::int64_t id;
    std::int64_t user_id;
};

template <> struct tempest::Model<User> {
    static auto define()
    {
        using namespace tempest::model;
        return table<User>(
            "users",
            column("id", &User::id, primaryKey(), autoincrement()),
            column("email", &User::email, length(255)),
            column("age", &User::age),
            column("active", &User::active, defaultValue(true)),
            column("country", &User::country, fixedLength(2)),
            column("role", &User::role, enumType<Role>("role", {{Role::Member, "member"}, {Role::Admin, "admin"}}),
                   defaultValue(Role::Member)),
            column("plan", &User::plan, enumType<Plan>("plan", {{Plan::Free, "free"}, {Plan::Pro, "pro"}})),
            column("logins", &User::logins, defaultValue(0)),
            column("visits", &User::visits, sqlType("numeric(20)")),
            column("settings", &User::settings, json()),
            index("ix_users_email", {"email"}));
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

tempest::Schema schema() { return tempest::reflectSchema<User, Post>(); }
tempest::Table usersTable() { return tempest::reflectTable<User>(); }
