// varchar(255) and json at once.
// expect-error: tempest: a column takes at most one type attribute
#include "model/model.h"

struct User { std::int64_t id; std::string settings; };

template <> struct tempest::Model<User> {
    static auto define()
    {
        using namespace tempest::model;
        return table<User>("users", column("id", &User::id, primaryKey()),
                           column("settings", &User::settings, length(255), json()));
    }
};
