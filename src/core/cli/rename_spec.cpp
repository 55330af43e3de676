#include "core/cli/rename_spec.h"

#include "core/cli/cli_args.h"

#include <vector>

namespace tempest {

namespace {

// Splits `text` into names separated by the characters of `separators`, in order.
std::vector<std::string> splitNames(const std::string& text, const std::string& separators, const std::string& flag)
{
    auto fail = [&](const std::string& why) -> UsageError {
        return UsageError("revision: " + flag + " \"" + text + "\": " + why, "revision");
    };
    std::vector<std::string> names;
    std::size_t i = 0;
    for (std::size_t part = 0; part <= separators.size(); ++part) {
        std::string name;
        if (i < text.size() && text[i] == '"') {
            ++i;
            bool closed = false;
            while (i < text.size()) {
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        name += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                name += text[i++];
            }
            if (!closed)
                throw fail("unterminated quote");
        } else {
            const char stop = part < separators.size() ? separators[part] : '\0';
            while (i < text.size() && text[i] != stop && text[i] != '"')
                name += text[i++];
        }
        if (name.empty())
            throw fail("empty name");
        names.push_back(name);
        if (part < separators.size()) {
            if (i >= text.size() || text[i] != separators[part])
                throw fail(std::string("expected '") + separators[part] + "'");
            ++i;
        }
    }
    if (i != text.size())
        throw fail("unexpected text after the new name");
    return names;
}

std::string quoteIfNeeded(const std::string& name)
{
    if (name.find_first_of(".:\" ") == std::string::npos)
        return name;
    std::string out = "\"";
    for (char c : name)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

} // namespace

RenameCandidate parseTableRename(const std::string& text)
{
    const auto names = splitNames(text, ":", "--rename-table");
    RenameCandidate rename;
    rename.kind = RenameCandidate::Kind::Table;
    rename.from = names[0];
    rename.to = names[1];
    return rename;
}

RenameCandidate parseColumnRename(const std::string& text)
{
    const auto names = splitNames(text, ".:", "--rename-column");
    RenameCandidate rename;
    rename.kind = RenameCandidate::Kind::Column;
    rename.table = names[0];
    rename.from = names[1];
    rename.to = names[2];
    return rename;
}

std::string describeRename(const RenameCandidate& c)
{
    if (c.kind == RenameCandidate::Kind::Table)
        return "table \"" + c.from + "\" → \"" + c.to + "\"";
    return "column \"" + c.table + "." + c.from + "\" → \"" + c.table + "." + c.to + "\"";
}

std::string renameQuestion(const RenameCandidate& c)
{
    return "Rename " + describeRename(c) + "? [y/N]";
}

std::string renameFlag(const RenameCandidate& c)
{
    if (c.kind == RenameCandidate::Kind::Table)
        return "--rename-table " + quoteIfNeeded(c.from) + ":" + quoteIfNeeded(c.to);
    return "--rename-column " + quoteIfNeeded(c.table) + "." + quoteIfNeeded(c.from) + ":" + quoteIfNeeded(c.to);
}

} // namespace tempest
