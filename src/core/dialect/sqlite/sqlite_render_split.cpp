#include "core/dialect/sqlite/sqlite_render_split.h"

#include <cctype>

namespace tempest {

namespace {

bool isWordChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'
        || static_cast<unsigned char>(c) >= 0x80;
}

std::string upperWord(std::string_view word)
{
    std::string out(word);
    for (char& c : out)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

/// Offset after the quoted, bracketed or commented token starting at `pos`, or `pos`
/// when none starts there. An unterminated one runs to the end.
std::size_t skipOpaque(std::string_view sql, std::size_t pos)
{
    char c = sql[pos];
    auto until = [&](std::string_view end, std::size_t from) {
        std::size_t found = sql.find(end, from);
        return found == std::string_view::npos ? sql.size() : found + end.size();
    };
    if (c == '\'' || c == '"' || c == '`') {
        // A doubled quote inside is two adjacent quoted runs: scanning on is equivalent.
        return until(std::string_view(&sql[pos], 1), pos + 1);
    }
    if (c == '[')
        return until("]", pos + 1);
    if (sql.substr(pos, 2) == "--")
        return until("\n", pos + 2);
    if (sql.substr(pos, 2) == "/*")
        return until("*/", pos + 2);
    return pos;
}

bool onlyCommentsAndSpace(std::string_view sql)
{
    std::size_t pos = 0;
    while (pos < sql.size()) {
        if (std::isspace(static_cast<unsigned char>(sql[pos]))) {
            ++pos;
        } else if (sql.substr(pos, 2) == "--" || sql.substr(pos, 2) == "/*") {
            pos = skipOpaque(sql, pos);
        } else {
            return false;
        }
    }
    return true;
}

std::string trimmed(std::string_view sql)
{
    std::size_t begin = 0, end = sql.size();
    while (begin < end && std::isspace(static_cast<unsigned char>(sql[begin])))
        ++begin;
    while (end > begin && std::isspace(static_cast<unsigned char>(sql[end - 1])))
        --end;
    return std::string(sql.substr(begin, end - begin));
}

} // namespace

std::vector<std::string> splitSqliteStatements(std::string_view sql)
{
    std::vector<std::string> statements;
    std::size_t start = 0;
    std::vector<std::string> leadingWords;  // first words of the statement, up to TRIGGER
    bool trigger = false;
    int blockDepth = 0;

    auto finish = [&](std::size_t end) {
        std::string_view text = sql.substr(start, end - start);
        if (!onlyCommentsAndSpace(text))
            statements.push_back(trimmed(text));
        start = end + 1;
        leadingWords.clear();
        trigger = false;
        blockDepth = 0;
    };

    std::size_t pos = 0;
    while (pos < sql.size()) {
        std::size_t after = skipOpaque(sql, pos);
        if (after != pos) {
            pos = after;
            continue;
        }
        char c = sql[pos];
        if (isWordChar(c)) {
            std::size_t end = pos;
            while (end < sql.size() && isWordChar(sql[end]))
                ++end;
            std::string word = upperWord(sql.substr(pos, end - pos));
            if (leadingWords.size() < 4) {
                leadingWords.push_back(word);
                // CREATE [TEMP|TEMPORARY] TRIGGER
                trigger = trigger
                       || (leadingWords.size() >= 2 && leadingWords[0] == "CREATE"
                           && (word == "TRIGGER")
                           && (leadingWords.size() == 2
                               || (leadingWords.size() == 3
                                   && (leadingWords[1] == "TEMP" || leadingWords[1] == "TEMPORARY"))));
            }
            if (trigger) {
                if (word == "BEGIN" || (word == "CASE" && blockDepth > 0))
                    ++blockDepth;
                else if (word == "END" && blockDepth > 0)
                    --blockDepth;
            }
            pos = end;
            continue;
        }
        if (c == ';' && blockDepth == 0)
            finish(pos);
        ++pos;
    }
    if (start < sql.size())
        finish(sql.size());
    return statements;
}

std::size_t findClosingParenthesis(std::string_view sql, std::size_t open)
{
    int depth = 0;
    std::size_t pos = open;
    while (pos < sql.size()) {
        std::size_t after = skipOpaque(sql, pos);
        if (after != pos) {
            pos = after;
            continue;
        }
        if (sql[pos] == '(') {
            ++depth;
        } else if (sql[pos] == ')' && --depth == 0) {
            return pos;
        }
        ++pos;
    }
    return std::string_view::npos;
}

} // namespace tempest
