#include "core/ir/sequence.h"

#include "core/ir/errors.h"
#include "core/ir/schema.h"

#include <algorithm>
#include <array>
#include <limits>
#include <set>

namespace tempest {

namespace {

struct Range {
    std::int64_t min, max;
};

std::optional<Range> typeRange(std::string_view type)
{
    if (type == "smallint")
        return Range{std::numeric_limits<std::int16_t>::min(), std::numeric_limits<std::int16_t>::max()};
    if (type == "integer")
        return Range{std::numeric_limits<std::int32_t>::min(), std::numeric_limits<std::int32_t>::max()};
    if (type == "bigint")
        return Range{std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()};
    return std::nullopt;
}

/// The integer options in JSON key order.
std::array<std::pair<const char*, const std::optional<std::int64_t>*>, 5> integerOptions(const Sequence& s)
{
    return {{{"start", &s.start}, {"increment", &s.increment}, {"min", &s.min}, {"max", &s.max}, {"cache", &s.cache}}};
}

std::optional<std::int64_t> readInt64(const JsonObjectReader& r, std::string_view key)
{
    if (!r.has(key))
        return std::nullopt;
    const Json& v = r.get(key);
    if (v.is_number_unsigned() && v.get<std::uint64_t>() > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
        r.fail(key, "\"" + std::string(key) + "\" is out of the bigint range");
    if (!v.is_number_integer())
        r.fail(key, "\"" + std::string(key) + "\" is an integer");
    return v.get<std::int64_t>();
}

} // namespace

SequenceOptions sequenceEffective(const Sequence& s)
{
    SequenceOptions o;
    o.type = s.type.value_or("bigint");
    const Range range = typeRange(o.type).value_or(*typeRange("bigint"));
    o.increment = s.increment.value_or(1);
    const bool ascending = o.increment > 0;
    o.min = s.min.value_or(ascending ? 1 : range.min);
    o.max = s.max.value_or(ascending ? range.max : -1);
    o.start = s.start.value_or(ascending ? o.min : o.max);
    o.cache = s.cache.value_or(1);
    o.cycle = s.cycle;
    return o;
}

Sequence sequenceCanonical(const Sequence& s)
{
    Sequence defaults;
    defaults.type = s.type;
    defaults.increment = s.increment;
    const SequenceOptions fallback = sequenceEffective(defaults);  // min, max, start left to PostgreSQL
    const SequenceOptions effective = sequenceEffective(s);
    Sequence out = s;
    if (out.type == "bigint")
        out.type.reset();
    if (out.increment == 1)
        out.increment.reset();
    if (out.min == fallback.min)
        out.min.reset();
    if (out.max == fallback.max)
        out.max.reset();
    if (out.start && *out.start == (effective.increment > 0 ? effective.min : effective.max))
        out.start.reset();
    if (out.cache == 1)
        out.cache.reset();
    return out;
}

bool sameSequenceOptions(const Sequence& a, const Sequence& b)
{
    return sequenceEffective(a) == sequenceEffective(b);
}

std::string sequenceSummary(const Sequence& sequence)
{
    const Sequence s = sequenceCanonical(sequence);
    std::string out = s.type.value_or("bigint");
    for (const auto& [label, value] : integerOptions(s))
        if (*value)
            out += std::string(", ") + label + " " + std::to_string(**value);
    if (s.cycle)
        out += ", cycle";
    if (s.ownedBy)
        out += ", owned by " + s.ownedBy->table + "." + s.ownedBy->column;
    return out;
}

Json sequenceToJson(const Sequence& sequence)
{
    const Sequence s = sequenceCanonical(sequence);
    Json j = Json::object();
    if (s.type)
        j["type"] = *s.type;
    for (const auto& [key, value] : integerOptions(s))
        if (*value)
            j[key] = **value;
    if (s.cycle)
        j["cycle"] = true;
    if (s.ownedBy) {
        Json owner = Json::object();
        owner["table"] = s.ownedBy->table;
        owner["column"] = s.ownedBy->column;
        j["ownedBy"] = std::move(owner);
    }
    return j;
}

Sequence sequenceFromJson(const Json& json, std::string name, const std::string& file, const std::string& path)
{
    JsonObjectReader r(json, file, path);
    r.rejectUnknown({"type", "start", "increment", "min", "max", "cache", "cycle", "ownedBy"});
    Sequence s;
    s.name = std::move(name);
    s.type = r.optionalString("type");
    if (s.type && !typeRange(*s.type))
        r.fail("type", "a sequence's type is smallint, integer or bigint, not \"" + *s.type + "\"");
    s.start = readInt64(r, "start");
    s.increment = readInt64(r, "increment");
    s.min = readInt64(r, "min");
    s.max = readInt64(r, "max");
    s.cache = readInt64(r, "cache");
    s.cycle = r.optionalBool("cycle", false);
    if (r.has("ownedBy")) {
        JsonObjectReader owner(r.requireObject("ownedBy"), file, r.path("ownedBy"));
        owner.rejectUnknown({"table", "column"});
        s.ownedBy = SequenceOwner{owner.requireString("table"), owner.requireString("column")};
    }
    return s;
}

Json sequencesToJson(const std::vector<Sequence>& sequences)
{
    Json map = Json::object();
    for (const auto& s : sequences)
        map[s.name] = sequenceToJson(s);
    return map;
}

std::vector<Sequence> sequencesFromJson(const Json& json, const std::string& file, const std::string& path)
{
    if (!json.is_object())
        throw InputError("\"sequences\" is an object: name → options", file, path);
    std::vector<Sequence> out;
    for (auto it = json.begin(); it != json.end(); ++it)
        out.push_back(sequenceFromJson(it.value(), it.key(), file, jsonPathMember(path, it.key())));
    return out;
}

void validateSequences(const Schema& schema, const std::string& file)
{
    std::set<std::string_view> names;
    for (const Sequence& s : schema.sequences) {
        const std::string path = jsonPathMember("$.sequences", s.name);
        auto fail = [&](std::string_view key, const std::string& message) {
            std::string at = path;
            for (std::size_t from = 0; !key.empty() && from <= key.size();) {
                const std::size_t dot = std::min(key.find('.', from), key.size());
                at = jsonPathMember(at, key.substr(from, dot - from));
                from = dot + 1;
            }
            throw InputError("sequence \"" + s.name + "\": " + message, file, at);
        };
        if (s.name.empty())
            throw InputError("a sequence needs a name", file, "$.sequences");
        if (!names.insert(s.name).second)
            throw InputError("duplicate sequence \"" + s.name + "\"", file, path);
        if (schema.findTable(s.name))
            fail("", "a table has the same name (tables and sequences share one namespace)");
        if (s.type && !typeRange(*s.type))
            fail("type", "the type is smallint, integer or bigint, not \"" + *s.type + "\"");
        if (s.increment == 0)
            fail("increment", "the increment cannot be 0");
        const SequenceOptions o = sequenceEffective(s);
        const Range range = *typeRange(o.type);
        if (o.min < range.min || o.min > range.max)
            fail("min", "min " + std::to_string(o.min) + " is out of the range of " + o.type);
        if (o.max < range.min || o.max > range.max)
            fail("max", "max " + std::to_string(o.max) + " is out of the range of " + o.type);
        if (o.min >= o.max)
            fail("min", "min (" + std::to_string(o.min) + ") must be less than max (" + std::to_string(o.max) + ")");
        if (o.start < o.min || o.start > o.max)
            fail("start", "start " + std::to_string(o.start) + " is outside [min, max]");
        if (o.cache < 1)
            fail("cache", "the cache is at least 1");
        if (s.ownedBy) {
            const Table* table = schema.findTable(s.ownedBy->table);
            if (!table)
                fail("ownedBy.table", "owned by table \"" + s.ownedBy->table + "\", which does not exist");
            if (!table->findColumn(s.ownedBy->column))
                fail("ownedBy.column", "owned by column \"" + s.ownedBy->table + "." + s.ownedBy->column
                                           + "\", which does not exist");
        }
    }
}

void refuseSequencesFor(std::string_view dialect, const Schema& schema, const std::string& file)
{
    if (dialect == "postgresql" || schema.sequences.empty())
        return;
    const Sequence& first = schema.sequences.front();
    throw InputError("sequences are PostgreSQL-only: a " + std::string(dialect) + " project cannot declare sequence \""
                         + first.name + "\"",
                     file, jsonPathMember("$.sequences", first.name));
}

} // namespace tempest
