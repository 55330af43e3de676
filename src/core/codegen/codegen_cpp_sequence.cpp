#include "core/codegen/codegen_cpp_sequence.h"

#include <limits>

namespace tempest::cppgen {

namespace {

Expr int64(std::int64_t value)
{
    // -9223372036854775808 is not a literal C++ accepts: unary minus on a too-large value.
    if (value == std::numeric_limits<std::int64_t>::min())
        return atom("(-9223372036854775807 - 1)");
    return atom(std::to_string(value));
}

Expr sequence(const Sequence& s)
{
    Designated d("Sequence");
    d.field("name", literal(s.name));
    if (s.type)
        d.field("type", literal(*s.type));
    const std::pair<const char*, const std::optional<std::int64_t>*> options[] = {
        {"start", &s.start}, {"increment", &s.increment}, {"min", &s.min}, {"max", &s.max}, {"cache", &s.cache}};
    for (const auto& [name, value] : options)
        if (*value)
            d.field(name, int64(**value));
    if (s.cycle)
        d.field("cycle", atom("true"));
    if (s.ownedBy) {
        Designated owner("SequenceOwner");
        owner.field("table", literal(s.ownedBy->table));
        owner.field("column", literal(s.ownedBy->column));
        d.field("ownedBy", owner.done());
    }
    return d.done();
}

} // namespace

Expr sequenceOpCall(const CreateSequence& op) { return call(".add", {braced("CreateSequence", {sequence(op.definition)})}); }
Expr sequenceOpCall(const DropSequence& op) { return call(".add", {braced("DropSequence", {sequence(op.definition)})}); }
Expr sequenceOpCall(const AlterSequence& op)
{
    return call(".add", {braced("AlterSequence", {sequence(op.from), sequence(op.to)})});
}

} // namespace tempest::cppgen
