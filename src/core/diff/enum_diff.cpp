// diffEnumValues(): add/drop operations between two value lists of one enum. Each drop
// records the value that followed it (`before`) so that its inverse puts it back exactly.

#include "core/diff/enum_diff.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace tempest::diffdetail {
namespace {

/// The values common to both lists that can stay where they are: a longest run of `from`
/// whose positions in `to` increase. Enum lists are short, so O(n²) is fine.
std::unordered_set<std::string> valuesKeptInPlace(const std::vector<std::string>& from,
                                                  const std::vector<std::string>& to)
{
    std::unordered_map<std::string, std::size_t> positionInTo;
    for (std::size_t i = 0; i < to.size(); ++i)
        positionInTo.emplace(to[i], i);
    std::vector<std::string> common;
    std::vector<std::size_t> positions;
    for (const std::string& value : from) {
        auto it = positionInTo.find(value);
        if (it != positionInTo.end()) {
            common.push_back(value);
            positions.push_back(it->second);
        }
    }
    const std::size_t n = positions.size();
    std::vector<std::size_t> length(n, 1), previous(n, n);
    std::size_t best = n;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < i; ++j)
            if (positions[j] < positions[i] && length[j] + 1 > length[i]) {
                length[i] = length[j] + 1;
                previous[i] = j;
            }
        if (best == n || length[i] > length[best])
            best = i;
    }
    std::unordered_set<std::string> kept;
    for (std::size_t i = best; i < n; i = previous[i])
        kept.insert(common[i]);
    return kept;
}

/// Removes `value` from `state` and returns the drop, remembering the value after it.
Operation dropValue(const std::string& name, std::vector<std::string>& state, const std::string& value)
{
    auto it = std::find(state.begin(), state.end(), value);
    std::optional<std::string> before;
    if (it + 1 != state.end())
        before = *(it + 1);
    state.erase(it);
    return DropEnumValue{name, value, before};
}

} // namespace

void diffEnumValues(const EnumType& from, const EnumType& to, std::vector<Operation>& early,
                    std::vector<Operation>& late)
{
    if (from.values == to.values)
        return;
    const std::unordered_set<std::string> kept = valuesKeptInPlace(from.values, to.values);
    const std::unordered_set<std::string> wanted(to.values.begin(), to.values.end());
    // `state` simulates the value list as the operations apply, so every `before` names a
    // value that exists at that moment.
    std::vector<std::string> state = from.values;
    for (const std::string& value : from.values)
        if (wanted.count(value) && !kept.count(value))
            early.push_back(dropValue(to.name, state, value));

    for (std::size_t i = 0; i < to.values.size(); ++i) {
        const std::string& value = to.values[i];
        if (std::find(state.begin(), state.end(), value) != state.end())
            continue;
        // Insert before the next wanted value already present; values after `value` that
        // are new are added later, each before that same anchor, so they land after it.
        std::optional<std::string> before;
        for (std::size_t j = i + 1; j < to.values.size() && !before; ++j)
            if (std::find(state.begin(), state.end(), to.values[j]) != state.end())
                before = to.values[j];
        auto position = before ? std::find(state.begin(), state.end(), *before) : state.end();
        state.insert(position, value);
        early.push_back(AddEnumValue{to.name, value, before});
    }

    for (const std::string& value : from.values)
        if (!wanted.count(value))
            late.push_back(dropValue(to.name, state, value));
}

} // namespace tempest::diffdetail
