#include "core/revision/plan.h"

#include "core/ir/errors.h"

#include <algorithm>

namespace tempest {

namespace {

std::string inQuotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string joinIds(const std::vector<std::string>& ids)
{
    std::string out;
    for (const std::string& id : ids)
        out += (out.empty() ? "" : ", ") + id;
    return out;
}

bool allDigits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

InputError targetError(std::string_view target, const std::string& message)
{
    return InputError("target " + inQuotes(target) + ": " + message, {}, {}, std::string(target));
}

/// N of "+N"/"-N"/"N" (the sign already stripped); refuses 0 and absurd sizes.
std::size_t parseCount(std::string_view digits, std::string_view target)
{
    if (!allDigits(digits))
        throw targetError(target, "expected a number of revisions after the sign");
    if (digits.size() > 9)
        throw targetError(target, "number of revisions too large");
    const std::size_t n = std::stoul(std::string(digits));
    if (n == 0)
        throw targetError(target, "a relative target must move by at least one revision");
    return n;
}

std::vector<bool> appliedMask(const RevisionGraph& graph, const std::vector<std::string>& appliedBySeq)
{
    std::vector<bool> applied(graph.size(), false);
    for (const std::string& id : appliedBySeq) {
        if (!graph.contains(id))
            throw InputError("revision " + inQuotes(id) +
                                 " is recorded as applied in the database, but no migration has that id",
                             {}, {}, id);
        applied[graph.indexOf(id)] = true;
    }
    return applied;
}

std::vector<std::string> inTopoOrder(const RevisionGraph& graph, const std::vector<bool>& chosen)
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < chosen.size(); ++i)
        if (chosen[i])
            out.push_back(graph.topoOrder()[i]);
    return out;
}

std::vector<std::string> inRevertOrder(const RevisionGraph& graph, const std::vector<bool>& chosen)
{
    std::vector<std::string> out = inTopoOrder(graph, chosen);
    std::reverse(out.begin(), out.end());
    return out;
}

/// The chosen revisions that are also in `within` (applied, or part of a range's upper
/// state), children first.
std::vector<std::string> revertWithin(const RevisionGraph& graph, std::vector<bool> chosen,
                                      const std::vector<bool>& within)
{
    for (std::size_t i = 0; i < chosen.size(); ++i)
        chosen[i] = chosen[i] && within[i];
    return inRevertOrder(graph, chosen);
}

void requireSingleHead(const RevisionGraph& graph, std::string_view target)
{
    const auto heads = graph.heads();
    if (heads.size() > 1)
        throw targetError(target, "there are " + std::to_string(heads.size()) + " heads (" + joinIds(heads) +
                                      "); use \"heads\" or name one of them");
}

void refuseRange(std::string_view target)
{
    std::string from, to;
    if (splitRange(target, from, to))
        throw targetError(target, "a FROM:TO range is only valid for an offline --sql run");
}

/// `index` and everything that needs it, less `index` itself: what reverting down to
/// that revision takes away (DESIGN.md: only its descendants, other branches stay).
std::vector<bool> strictDescendants(const RevisionGraph& graph, std::size_t index)
{
    std::vector<bool> marked;
    graph.markDescendants(index, marked);
    marked[index] = false;
    return marked;
}

/// The state a range end or stamp target names: the set of revisions applied at that
/// point. `context` is what errors name; `relativeRefusal` says why +N/-N make no sense
/// there (they are relative to a database, and these ends are not).
std::vector<bool> stateOf(const RevisionGraph& graph, std::string_view end, std::string_view context,
                          const char* relativeRefusal)
{
    std::vector<bool> state(graph.size(), false);
    if (end == "base")
        return state;
    if (end == "heads")
        return std::vector<bool>(graph.size(), true);
    if (end == "head") {
        requireSingleHead(graph, context);
        for (const std::string& head : graph.heads())
            graph.markAncestors(graph.indexOf(head), state);
        return state;
    }
    if (!end.empty() && (end.front() == '+' || end.front() == '-'))
        throw targetError(context, relativeRefusal);
    graph.markAncestors(graph.indexOf(graph.resolve(end)), state);
    return state;
}

const char* const rangeRelativeRefusal = "relative steps are not allowed in a FROM:TO range";

} // namespace

bool splitRange(std::string_view target, std::string& from, std::string& to)
{
    const auto colon = target.find(':');
    if (colon == std::string_view::npos)
        return false;
    from = std::string(target.substr(0, colon));
    to = std::string(target.substr(colon + 1));
    return true;
}

std::vector<std::string> planUpgrade(const RevisionGraph& graph, const std::vector<std::string>& appliedBySeq,
                                     std::string_view target)
{
    refuseRange(target);
    const std::vector<bool> applied = appliedMask(graph, appliedBySeq);
    std::vector<bool> chosen(graph.size(), false);

    if (target == "head")
        requireSingleHead(graph, target);
    if (target == "heads" || target == "head") {
        for (std::size_t i = 0; i < chosen.size(); ++i)
            chosen[i] = !applied[i];
        return inTopoOrder(graph, chosen);
    }
    if (target == "base")
        return {};
    if (!target.empty() && target.front() == '-')
        throw targetError(target, "-N reverts revisions: it is a downgrade target");
    if (!target.empty() && target.front() == '+') {
        const std::size_t n = parseCount(target.substr(1), target);
        std::vector<std::string> out;
        for (std::size_t i = 0; i < graph.size() && out.size() < n; ++i)
            if (!applied[i])
                out.push_back(graph.topoOrder()[i]);
        if (out.size() < n)
            throw targetError(target, "only " + std::to_string(out.size()) + " revision" +
                                          (out.size() == 1 ? " is" : "s are") + " pending");
        return out;
    }

    graph.markAncestors(graph.indexOf(graph.resolve(target)), chosen);
    for (std::size_t i = 0; i < chosen.size(); ++i)
        chosen[i] = chosen[i] && !applied[i];
    return inTopoOrder(graph, chosen);
}

std::vector<std::string> planDowngrade(const RevisionGraph& graph, const std::vector<std::string>& appliedBySeq,
                                       std::string_view target)
{
    refuseRange(target);
    const std::vector<bool> applied = appliedMask(graph, appliedBySeq);

    if (target == "base")
        return inRevertOrder(graph, applied);
    if (target == "heads" || target == "head")
        return {};
    if (!target.empty() && target.front() == '+')
        throw targetError(target, "+N applies revisions: it is an upgrade target");

    std::string_view count;
    if (!target.empty() && target.front() == '-') {
        count = target.substr(1);
    } else if (allDigits(target) && !graph.contains(target)) {
        // 4+ digits that also prefix an id are ambiguous; resolve() says so and throws.
        if (target.size() >= 4) {
            for (const std::string& id : graph.topoOrder())
                if (id.compare(0, target.size(), target) == 0)
                    graph.resolve(target);
        }
        count = target;
    }

    std::vector<bool> chosen(graph.size(), false);
    if (!count.empty() || (!target.empty() && target.front() == '-')) {
        const std::size_t n = parseCount(count, target);
        if (n > appliedBySeq.size())
            throw targetError(target, "only " + std::to_string(appliedBySeq.size()) + " revision" +
                                          (appliedBySeq.size() == 1 ? " is" : "s are") + " applied");
        // The last N applied, plus every applied revision that needs one of them:
        // a parent is never reverted while a child stays.
        for (std::size_t k = appliedBySeq.size() - n; k < appliedBySeq.size(); ++k)
            graph.markDescendants(graph.indexOf(appliedBySeq[k]), chosen);
        return revertWithin(graph, chosen, applied);
    }

    const std::string id = graph.resolve(target);
    const std::size_t index = graph.indexOf(id);
    if (!applied[index])
        throw targetError(target, "revision " + id + " is not applied, so the database cannot be downgraded to it");
    // Only what descends from the target goes; a sibling branch (e.g. the other parent
    // of a merge above it) stays applied, as in Alembic.
    return revertWithin(graph, strictDescendants(graph, index), applied);
}

std::vector<std::string> planRange(const RevisionGraph& graph, std::string_view from, std::string_view to,
                                   bool downgrade)
{
    const std::string range = std::string(from) + ":" + std::string(to);
    const std::string_view lowerEnd = downgrade ? to : from;
    const std::string_view upperEnd = downgrade ? from : to;
    const std::vector<bool> lower = stateOf(graph, lowerEnd, range, rangeRelativeRefusal);
    const std::vector<bool> upper = stateOf(graph, upperEnd, range, rangeRelativeRefusal);
    for (std::size_t i = 0; i < graph.size(); ++i)
        if (lower[i] && !upper[i])
            throw targetError(range, std::string(lowerEnd) + " is not an ancestor of " + std::string(upperEnd));

    if (!downgrade) {
        std::vector<bool> chosen(graph.size(), false);
        for (std::size_t i = 0; i < chosen.size(); ++i)
            chosen[i] = upper[i] && !lower[i];
        return inTopoOrder(graph, chosen);
    }
    // Downgrade: what descends from TO among FROM's ancestors. Not "FROM's state minus
    // TO's": that would also revert branches merged in above TO, which Alembic keeps.
    if (lowerEnd == "base")
        return inRevertOrder(graph, upper);
    if (lowerEnd == "heads" || lowerEnd == "head")
        return {};  // nothing descends from a head (and the check above made FROM all too)
    return revertWithin(graph, strictDescendants(graph, graph.indexOf(graph.resolve(lowerEnd))), upper);
}

std::vector<std::string> planStateAt(const RevisionGraph& graph, std::string_view end)
{
    return inTopoOrder(graph, stateOf(graph, end, end, rangeRelativeRefusal));
}

std::vector<std::string> planStamp(const RevisionGraph& graph, std::string_view target)
{
    return inTopoOrder(graph, stateOf(graph, target, target,
                                      "stamp takes a revision, heads, head or base, not a relative step"));
}

} // namespace tempest
