#include "core/dialect/postgresql/postgres_split.h"

namespace tempest {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool isTagChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
        || static_cast<unsigned char>(c) >= 0x80;
}

/// True when the text holds something other than whitespace and comments.
bool hasCode(std::string_view text)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (isSpace(text[i]))
            continue;
        if (text.substr(i).starts_with("--")) {
            i = text.find('\n', i);
            if (i == std::string_view::npos)
                return false;
            continue;
        }
        if (text.substr(i).starts_with("/*")) {
            i = text.find("*/", i + 2);
            if (i == std::string_view::npos)
                return false;
            ++i;
            continue;
        }
        return true;
    }
    return false;
}

std::string trimmed(std::string_view text)
{
    std::size_t b = 0, e = text.size();
    while (b < e && isSpace(text[b]))
        ++b;
    while (e > b && isSpace(text[e - 1]))
        --e;
    return std::string(text.substr(b, e - b));
}

} // namespace

std::vector<std::string> pgSplitStatements(std::string_view script)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    auto flush = [&](std::size_t end) {
        std::string_view piece = script.substr(start, end - start);
        if (hasCode(piece))
            out.push_back(trimmed(piece));
    };
    std::size_t i = 0;
    while (i < script.size()) {
        const char c = script[i];
        const std::string_view rest = script.substr(i);
        if (rest.starts_with("--")) {
            const std::size_t nl = script.find('\n', i);
            i = nl == std::string_view::npos ? script.size() : nl + 1;
        } else if (rest.starts_with("/*")) {
            int depth = 1;  // PostgreSQL block comments nest
            i += 2;
            while (i < script.size() && depth > 0) {
                if (script.substr(i).starts_with("/*")) {
                    ++depth;
                    i += 2;
                } else if (script.substr(i).starts_with("*/")) {
                    --depth;
                    i += 2;
                } else {
                    ++i;
                }
            }
        } else if (c == '\'' || c == '"') {
            const bool escapes = c == '\'' && i > 0 && (script[i - 1] == 'E' || script[i - 1] == 'e')
                              && (i < 2 || !isTagChar(script[i - 2]));
            ++i;
            while (i < script.size()) {
                if (escapes && script[i] == '\\') {
                    i += 2;
                    continue;
                }
                if (script[i] == c) {
                    if (i + 1 < script.size() && script[i + 1] == c) {
                        i += 2;
                        continue;
                    }
                    break;
                }
                ++i;
            }
            ++i;
        } else if (c == '$' && (i == 0 || !isTagChar(script[i - 1]))) {
            std::size_t j = i + 1;
            while (j < script.size() && isTagChar(script[j]) && !(script[j] >= '0' && script[j] <= '9' && j == i + 1))
                ++j;
            if (j < script.size() && script[j] == '$') {
                const std::string tag(script.substr(i, j - i + 1));
                const std::size_t close = script.find(tag, j + 1);
                i = close == std::string_view::npos ? script.size() : close + tag.size();
            } else {
                ++i;  // a parameter ($1) or a lone dollar
            }
        } else if (c == ';') {
            flush(i);
            start = ++i;
        } else {
            ++i;
        }
    }
    flush(script.size());
    return out;
}

} // namespace tempest
