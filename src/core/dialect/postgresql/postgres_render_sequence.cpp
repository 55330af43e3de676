#include "core/dialect/postgresql/postgres_render_sequence.h"

#include "core/dialect/postgresql/postgres_sql.h"

namespace tempest {

namespace {

std::string ownedBy(const std::optional<SequenceOwner>& owner, std::string_view schema)
{
    if (!owner)
        return "OWNED BY NONE";
    return "OWNED BY " + pgObjectName(schema, owner->table) + "." + pgQuoteIdentifier(owner->column);
}

} // namespace

std::vector<std::string> pgSequenceSql(const CreateSequence& op, std::string_view schema)
{
    const Sequence s = sequenceCanonical(op.definition);
    const std::string name = pgObjectName(schema, s.name);
    std::string sql = "CREATE SEQUENCE " + name;
    if (s.type)
        sql += " AS " + *s.type;
    if (s.increment)
        sql += " INCREMENT BY " + std::to_string(*s.increment);
    if (s.min)
        sql += " MINVALUE " + std::to_string(*s.min);
    if (s.max)
        sql += " MAXVALUE " + std::to_string(*s.max);
    if (s.start)
        sql += " START WITH " + std::to_string(*s.start);
    if (s.cache)
        sql += " CACHE " + std::to_string(*s.cache);
    if (s.cycle)
        sql += " CYCLE";
    std::vector<std::string> out{std::move(sql)};
    if (s.ownedBy)
        out.push_back("ALTER SEQUENCE " + name + " " + ownedBy(s.ownedBy, schema));
    return out;
}

std::vector<std::string> pgSequenceSql(const DropSequence& op, std::string_view schema)
{
    return {std::string("DROP SEQUENCE ") + (op.definition.ownedBy ? "IF EXISTS " : "")
            + pgObjectName(schema, op.definition.name)};
}

std::vector<std::string> pgSequenceSql(const AlterSequence& op, std::string_view schema)
{
    const SequenceOptions from = sequenceEffective(op.from);
    const SequenceOptions to = sequenceEffective(op.to);
    std::string clauses;
    if (from.type != to.type)
        clauses += " AS " + to.type;
    if (from.increment != to.increment)
        clauses += " INCREMENT BY " + std::to_string(to.increment);
    if (from.min != to.min)
        clauses += " MINVALUE " + std::to_string(to.min);
    if (from.max != to.max)
        clauses += " MAXVALUE " + std::to_string(to.max);
    if (from.start != to.start)
        clauses += " START WITH " + std::to_string(to.start);
    if (from.cache != to.cache)
        clauses += " CACHE " + std::to_string(to.cache);
    if (from.cycle != to.cycle)
        clauses += to.cycle ? " CYCLE" : " NO CYCLE";
    if (op.from.ownedBy != op.to.ownedBy)
        clauses += " " + ownedBy(op.to.ownedBy, schema);
    if (clauses.empty())
        return {};
    return {"ALTER SEQUENCE " + pgObjectName(schema, op.to.name) + clauses};
}

} // namespace tempest
