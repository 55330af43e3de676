// A member function is not a column.
// expect-error: tempest: column() maps a data member, not a member function
#include "model/model.h"

struct User {
    std::int64_t id;
    std::string email;
    std::string domain() const { return email.substr(email.find('@') + 1); }
};

template <> struct tempest::Model<User> {
    static auto define()
    {
        using namespace tempest::model;
        return table<User>("users", column("id", &User::id, primaryKey()), column("domain", &User::domain));
    }
};
