// The sequence operations' inverse, describe text, replay and JSON fields (see
// sequence_op_hooks.h for how the generic visitors reach them).

#include "core/ir/errors.h"
#include "core/ops/operation.h"

namespace tempest {

namespace {

[[noreturn]] void refuse(std::string_view kind, const std::string& name, const std::string& problem)
{
    throw InputError(std::string(kind) + " " + name + ": " + problem);
}

void requireOwner(std::string_view kind, const Schema& schema, const Sequence& sequence)
{
    if (!sequence.ownedBy)
        return;
    const Table* table = schema.findTable(sequence.ownedBy->table);
    if (!table)
        refuse(kind, sequence.name, "owned by table \"" + sequence.ownedBy->table + "\", which does not exist");
    if (!table->findColumn(sequence.ownedBy->column))
        refuse(kind, sequence.name,
               "owned by column \"" + sequence.ownedBy->table + "." + sequence.ownedBy->column + "\", which does not exist");
}

Sequence& existing(std::string_view kind, Schema& schema, const std::string& name)
{
    Sequence* sequence = schema.findSequence(name);
    if (!sequence)
        refuse(kind, name, "sequence \"" + name + "\" does not exist");
    return *sequence;
}

} // namespace

Operation inverse(const CreateSequence& op) { return DropSequence{op.definition}; }
Operation inverse(const DropSequence& op) { return CreateSequence{op.definition}; }
Operation inverse(const AlterSequence& op) { return AlterSequence{op.to, op.from}; }

Phrase describeOne(const CreateSequence& op)
{
    return phrase(TEMPEST_TR_NOOP("Operation", "create sequence %1 (%2)"),
                  {verbatim(op.definition.name), verbatim(sequenceSummary(op.definition))});
}

Phrase describeOne(const DropSequence& op)
{
    return phrase(TEMPEST_TR_NOOP("Operation", "drop sequence %1"), {verbatim(op.definition.name)});
}

Phrase describeOne(const AlterSequence& op)
{
    return phrase(TEMPEST_TR_NOOP("Operation", "alter sequence %1: %2 -> %3"),
                  {verbatim(op.to.name), verbatim(sequenceSummary(op.from)), verbatim(sequenceSummary(op.to))});
}

void applyOne(Schema& schema, const CreateSequence& op)
{
    const std::string_view kind = detail::kindName(op);
    if (schema.findSequence(op.definition.name))
        refuse(kind, op.definition.name, "sequence \"" + op.definition.name + "\" already exists");
    if (schema.findTable(op.definition.name))
        refuse(kind, op.definition.name, "a table is named \"" + op.definition.name + "\"");
    requireOwner(kind, schema, op.definition);
    schema.sequences.push_back(op.definition);
}

void applyOne(Schema& schema, const DropSequence& op)
{
    existing(detail::kindName(op), schema, op.definition.name);
    std::erase_if(schema.sequences, [&](const Sequence& s) { return s.name == op.definition.name; });
}

void applyOne(Schema& schema, const AlterSequence& op)
{
    const std::string_view kind = detail::kindName(op);
    if (op.from.name != op.to.name)
        refuse(kind, op.to.name, "from and to name different sequences (\"" + op.from.name + "\", \"" + op.to.name + "\")");
    Sequence& sequence = existing(kind, schema, op.to.name);
    requireOwner(kind, schema, op.to);
    sequence = op.to;
}

Json sequenceOperationFields(const CreateSequence& op)
{
    return Json{{"name", op.definition.name}, {"definition", sequenceToJson(op.definition)}};
}

Json sequenceOperationFields(const DropSequence& op)
{
    return Json{{"name", op.definition.name}, {"definition", sequenceToJson(op.definition)}};
}

Json sequenceOperationFields(const AlterSequence& op)
{
    return Json{{"name", op.to.name}, {"from", sequenceToJson(op.from)}, {"to", sequenceToJson(op.to)}};
}

template <typename T>
T readSequenceOperation(const JsonObjectReader& r)
{
    const std::string name = r.requireString("name");
    auto read = [&](std::string_view key) { return sequenceFromJson(r.requireObject(key), name, r.file(), r.path(key)); };
    if constexpr (std::is_same_v<T, AlterSequence>) {
        r.rejectUnknown({"kind", "name", "from", "to"});
        return AlterSequence{read("from"), read("to")};
    } else {
        r.rejectUnknown({"kind", "name", "definition"});
        return T{read("definition")};
    }
}

template CreateSequence readSequenceOperation<CreateSequence>(const JsonObjectReader&);
template DropSequence readSequenceOperation<DropSequence>(const JsonObjectReader&);
template AlterSequence readSequenceOperation<AlterSequence>(const JsonObjectReader&);

} // namespace tempest
