#pragma once
// A model set that uses every deduced member type and every attribute and table item
// of the model API once at least; tests/data/model/expected_ir.json is its IR.

#include "model/model.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace blog {

enum class Role { Member, Admin, Owner };

struct Account {
    std::int64_t id;
    std::string email;
    std::optional<std::string> display_name;
    std::int32_t age;
    int login_count;
    std::int16_t level;
    bool active;
    double balance;
    float rating;
    double credit;
    std::string country;
    Role role;
    std::string plan;
    std::chrono::system_clock::time_point created_at;
    std::optional<std::chrono::year_month_day> birthday;
    std::vector<std::uint8_t> avatar;
    std::optional<std::vector<std::byte>> thumbnail;
    std::string settings;
    std::string external_id;
    std::string last_ip;
    std::string nickname;
};

struct Post {
    std::int32_t id;
    std::int64_t author_id;
    std::optional<std::int64_t> editor_id;
    std::string title;
    std::string body;
    std::optional<Role> audience;
    std::string slug;
};

// A column may map a member inherited from a base struct.
struct Timestamps {
    std::chrono::system_clock::time_point updated_at;
};

struct Tag : Timestamps {
    std::optional<std::int64_t> id;  // unset until inserted; a key column is NOT NULL all the same
    std::string name;
};

struct PostTag {
    std::int32_t post_id;
    std::int64_t tag_id;
    std::optional<std::string> note;
};

struct Event {
    std::int32_t id;
    std::chrono::sys_time<std::chrono::milliseconds> at;
    std::chrono::local_time<std::chrono::seconds> local_at;
    std::chrono::sys_days day;
    std::chrono::hh_mm_ss<std::chrono::seconds> time_of_day;
    std::optional<std::chrono::local_days> local_day;
};

} // namespace blog

template <>
struct tempest::Model<blog::Account> {
    static auto define()
    {
        using namespace tempest::model;
        using blog::Account;
        using blog::Role;
        return table<Account>(
            "users",
            column("id", &Account::id, primaryKey(), autoincrement()),
            column("email", &Account::email, length(255), unique(), comment("login name")),
            column("display_name", &Account::display_name, collation("NOCASE")),
            column("age", &Account::age, check("age >= 0")),
            column("login_count", &Account::login_count, defaultValue(0)),
            column("level", &Account::level, nullable()),
            column("active", &Account::active, defaultValue(true)),
            column("balance", &Account::balance, defaultValue(0.5)),
            column("rating", &Account::rating),
            column("credit", &Account::credit, precision(10, 2), defaultValue(0)),
            column("country", &Account::country, fixedLength(2), defaultValue("NO")),
            column("role", &Account::role,
                   enumType<Role>("user_role", {{Role::Member, "member"}, {Role::Admin, "admin"}, {Role::Owner, "owner"}}),
                   defaultValue(Role::Member)),
            column("plan", &Account::plan, enumType("plan", {"free", "pro"}), defaultValue("free")),
            column("created_at", &Account::created_at, defaultExpr("CURRENT_TIMESTAMP")),
            column("birthday", &Account::birthday),
            column("avatar", &Account::avatar),
            column("thumbnail", &Account::thumbnail),
            column("settings", &Account::settings, json(), defaultValue("{}")),
            column("external_id", &Account::external_id, uuid(), index()),
            column("last_ip", &Account::last_ip, sqlType("inet"), nullable()),
            column("nickname", &Account::nickname, renamedFrom("handle")),
            comment("registered accounts"),
            renamedFrom("accounts"));
    }
};

template <>
struct tempest::Model<blog::Post> {
    static auto define()
    {
        using namespace tempest::model;
        using blog::Account;
        using blog::Post;
        using blog::Role;
        return table<Post>(
            "posts",
            column("id", &Post::id, primaryKey()),
            column("author_id", &Post::author_id,
                   references(&Account::id, onDelete(FkAction::Cascade), onUpdate(FkAction::Restrict))),
            column("editor_id", &Post::editor_id, references<Account>("id", onDelete(FkAction::SetNull))),
            column("title", &Post::title, length(200)),
            column("body", &Post::body),
            column("audience", &Post::audience,
                   enumType<Role>("user_role", {{Role::Member, "member"}, {Role::Admin, "admin"}, {Role::Owner, "owner"}})),
            column("slug", &Post::slug, length(80)),
            index("ix_posts_lower_title", {expr("lower(title)")}).where("title <> ''"),
            index("ix_posts_author_title", {"author_id", "title"}).unique(),
            unique("uq_posts_slug", {"slug"}),
            check("ck_posts_title_length", "length(title) > 0"),
            comment("blog posts"));
    }
};

template <>
struct tempest::Model<blog::Tag> {
    static auto define()
    {
        using namespace tempest::model;
        using blog::Tag;
        return table<Tag>("tags",
                          column("id", &Tag::id, primaryKey(), autoincrement()),
                          column("name", &Tag::name),
                          column("updated_at", &Tag::updated_at));
    }
};

template <>
struct tempest::Model<blog::PostTag> {
    static auto define()
    {
        using namespace tempest::model;
        using blog::PostTag;
        return table<PostTag>(
            "post_tags",
            column("post_id", &PostTag::post_id),
            column("tag_id", &PostTag::tag_id, references("tags", "id")),
            column("note", &PostTag::note),
            primaryKey({"post_id", "tag_id"}),
            foreignKey("fk_post_tags_post", {"post_id"}, "posts", {"id"}, onDelete(FkAction::Cascade),
                       onUpdate(FkAction::SetDefault)),
            renamedFrom("posts_tags"));
    }
};

template <>
struct tempest::Model<blog::Event> {
    static auto define()
    {
        using namespace tempest::model;
        using blog::Event;
        return table<Event>("events",
                            column("id", &Event::id, primaryKey()),
                            column("at", &Event::at, precision(3)),
                            column("local_at", &Event::local_at),
                            column("day", &Event::day),
                            column("time_of_day", &Event::time_of_day),
                            column("local_day", &Event::local_day));
    }
};
