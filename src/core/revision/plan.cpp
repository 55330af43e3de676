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

/// The state a range end names: the set of revisions applied at that point.
std::vector<bool> stateOf(const RevisionGraph& graph, std::string_view end, std::string_view range)
{
    std::vector<bool> state(graph.size(), false);
    if (end == "base")
        return state;
    if (end == "head")
        requireSingleHead(graph, range);
    if (end == "heads" || end == "head")
        return std::vector<bool>(graph.size(), true);
    if (!end.empty() && (end.front() == '+' || end.front() == '-'))
        throw targetError(range, "relative steps are not allowed in a FROM:TO range");
    graph.markAncestors(graph.indexOf(graph.resolve(end)), state);
    return state;
}

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
        for (std::size_t i = 0; i < chosen.size(); ++i)
            chosen[i] = chosen[i] && applied[i];
        return inRevertOrder(graph, chosen);
    }

    const std::string id = graph.resolve(target);
    const std::size_t index = graph.indexOf(id);
    if (!applied[index])
        throw targetError(target, "revision " + id + " is not applied, so the database cannot be downgraded to it");
    std::vector<bool> keep;
    graph.markAncestors(index, keep);
    for (std::size_t i = 0; i < chosen.size(); ++i)
        chosen[i] = applied[i] && !keep[i];
    return inRevertOrder(graph, chosen);
}

std::vector<std::string> planRange(const RevisionGraph& graph, std::string_view from, std::string_view to,
                                   bool downgrade)
{
    const std::string range = std::string(from) + ":" + std::string(to);
    const std::string_view lowerEnd = downgrade ? to : from;
    const std::string_view upperEnd = downgrade ? from : to;
    const std::vector<bool> lower = stateOf(graph, lowerEnd, range);
    const std::vector<bool> upper = stateOf(graph, upperEnd, range);

    std::vector<bool> chosen(graph.size(), false);
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        if (lower[i] && !upper[i])
            throw targetError(range, std::string(lowerEnd) + " is not an ancestor of " + std::string(upperEnd));
        chosen[i] = upper[i] && !lower[i];
    }
    return downgrade ? inRevertOrder(graph, chosen) : inTopoOrder(graph, chosen);
}

} // namespace tempest
