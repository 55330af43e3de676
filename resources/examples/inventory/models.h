#pragma once
// The inventory's data model: plain structs, and beside each the table it maps to. The
// migrations in migrations/ were generated from these declarations by
// `tempest-migrate revision --autogenerate --format cpp`.

#include "model/model.h"

#include <cstdint>
#include <optional>
#include <string>

namespace inventory {

struct Category {
    std::int32_t id;
    std::string name;
};

struct Item {
    std::int32_t id;
    std::string sku;
    std::string name;
    std::int32_t quantity;
    std::optional<std::int32_t> category_id;
    std::int32_t reorder_level;
};

} // namespace inventory

template <>
struct tempest::Model<inventory::Category> {
    static auto define()
    {
        using namespace tempest::model;
        using inventory::Category;
        return table<Category>("categories",
            column("id", &Category::id, primaryKey(), autoincrement()),
            column("name", &Category::name, length(80), unique()));
    }
};

template <>
struct tempest::Model<inventory::Item> {
    static auto define()
    {
        using namespace tempest::model;
        using inventory::Item;
        return table<Item>("items",
            column("id", &Item::id, primaryKey(), autoincrement()),
            column("sku", &Item::sku, length(32), unique()),
            column("name", &Item::name),
            column("quantity", &Item::quantity, defaultValue(0), check("quantity >= 0")),
            column("category_id", &Item::category_id,
                   references(&inventory::Category::id, onDelete(FkAction::SetNull))),
            column("reorder_level", &Item::reorder_level, defaultValue(5)),
            index("ix_items_category_id_name", {"category_id", "name"}));
    }
};
