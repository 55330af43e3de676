#pragma once
// The C++ model declaration API in one include: declare a table beside a plain struct,
// get its IR, type-checked by the compiler.
//
//   struct User { std::int64_t id; std::string email; std::optional<std::string> name; };
//   template <> struct tempest::Model<User> {
//       static auto define()
//       {
//           using namespace tempest::model;
//           return table<User>("users",
//               column("id", &User::id, primaryKey(), autoincrement()),
//               column("email", &User::email, length(255), unique()),
//               column("name", &User::name),
//               index("ix_users_name", {"name"}));
//       }
//   };
//   tempest::Schema schema = tempest::reflectSchema<User, Post>();
//
// Column types are deduced from member types (model/member_types.h), refined by
// attributes (model/attributes.h); table items are in model/table.h. A non-optional
// member is NOT NULL unless nullable() says otherwise; primary-key columns are always
// NOT NULL. Mistakes the compiler can see are static_asserts beginning "tempest:";
// the rest are InputError from reflectTable/reflectSchema.

#include "model/attributes.h"
#include "model/column.h"
#include "model/member_types.h"
#include "model/reflect.h"
#include "model/table.h"
