#include "core/diff/sequence_diff.h"

namespace tempest::diffdetail {

namespace {

Sequence withoutOwner(Sequence s)
{
    s.ownedBy.reset();
    return s;
}

bool changed(const Sequence& a, const Sequence& b)
{
    return !sameSequenceOptions(a, b) || a.ownedBy != b.ownedBy;
}

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

} // namespace

void diffSequences(const Schema& current, const Schema& target, SequencePhases phases)
{
    for (const Sequence& wanted : target.sequences) {
        const Sequence* have = current.findSequence(wanted.name);
        if (!have) {
            const Sequence created = withoutOwner(wanted);
            phases.first.push_back(CreateSequence{created});
            if (wanted.ownedBy)
                phases.own.push_back(AlterSequence{created, wanted});
            continue;
        }
        // Options change early; an owner that changes is let go early and taken late.
        Sequence middle = wanted;
        if (have->ownedBy != wanted.ownedBy)
            middle.ownedBy.reset();
        if (changed(*have, middle))
            (have->ownedBy && !middle.ownedBy ? phases.unown : phases.first).push_back(AlterSequence{*have, middle});
        if (middle.ownedBy != wanted.ownedBy)
            phases.own.push_back(AlterSequence{middle, wanted});
    }
    for (const Sequence& old : current.sequences) {
        if (target.findSequence(old.name))
            continue;
        if (old.ownedBy)
            phases.unown.push_back(AlterSequence{old, withoutOwner(old)});
        phases.last.push_back(DropSequence{withoutOwner(old)});
    }
}

bool compareSequences(const Schema& a, const Schema& b, const std::function<bool(SchemaDifference)>& differ)
{
    auto line = [&](const std::string& name, std::string text) { return differ({{}, {}, std::move(text), name}); };
    for (const Sequence& s : a.sequences) {
        const Sequence* other = b.findSequence(s.name);
        if (!other) {
            if (line(s.name, "sequence " + quoted(s.name) + " removed"))
                return true;
        } else if (changed(s, *other)) {
            if (line(s.name, "sequence " + quoted(s.name) + " changed: " + sequenceSummary(s) + " → "
                                 + sequenceSummary(*other)))
                return true;
        }
    }
    for (const Sequence& s : b.sequences)
        if (!a.findSequence(s.name) && line(s.name, "sequence " + quoted(s.name) + " added"))
            return true;
    return false;
}

} // namespace tempest::diffdetail
