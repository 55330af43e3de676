#include "core/driver/driver.h"

#include <cctype>
#include <charconv>

namespace tempest {

std::string valueToString(const Value& value)
{
    struct Visitor {
        std::string operator()(std::monostate) const { return "NULL"; }
        std::string operator()(std::int64_t v) const { return std::to_string(v); }
        std::string operator()(double v) const
        {
            char buf[64];
            auto res = std::to_chars(buf, buf + sizeof buf, v);
            return std::string(buf, res.ptr);
        }
        std::string operator()(const std::string& v) const { return v; }
        std::string operator()(const Blob& v) const
        {
            static const char* hex = "0123456789abcdef";
            std::string out = "x'";
            for (auto b : v.bytes) {
                out += hex[b >> 4];
                out += hex[b & 15];
            }
            return out + "'";
        }
    };
    return std::visit(Visitor{}, value);
}

bool isNull(const Value& value) { return std::holds_alternative<std::monostate>(value); }

std::size_t ResultSet::columnIndex(std::string_view name) const
{
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i] == name)
            return i;
    throw std::out_of_range("no column named " + std::string(name) + " in result");
}

std::string ResultSet::text(std::size_t row, std::string_view name) const
{
    const Value& v = rows.at(row).at(columnIndex(name));
    return isNull(v) ? std::string() : valueToString(v);
}

std::int64_t ResultSet::integer(std::size_t row, std::string_view name) const
{
    const Value& v = rows.at(row).at(columnIndex(name));
    if (auto* i = std::get_if<std::int64_t>(&v))
        return *i;
    if (auto* d = std::get_if<double>(&v))
        return static_cast<std::int64_t>(*d);
    if (auto* s = std::get_if<std::string>(&v)) {
        std::int64_t out = 0;
        std::from_chars(s->data(), s->data() + s->size(), out);
        return out;
    }
    return 0;
}

bool ResultSet::null(std::size_t row, std::string_view name) const
{
    return isNull(rows.at(row).at(columnIndex(name)));
}

DatabaseError::DatabaseError(std::string message, std::string statement, std::string sqlState,
                             int nativeCode)
    : std::runtime_error(message + (statement.empty() ? std::string() : "\n  in statement: " + statement))
    , m_message(std::move(message))
    , m_statement(std::move(statement))
    , m_sqlState(std::move(sqlState))
    , m_nativeCode(nativeCode)
{
}

bool DatabaseError::isBusy() const
{
    // SQLITE_BUSY = 5, SQLITE_LOCKED = 6 (low byte of the extended code); PostgreSQL
    // lock_not_available 55P03.
    int primary = m_nativeCode & 0xff;
    return primary == 5 || primary == 6 || m_sqlState == "55P03";
}

bool DatabaseError::isCancelled() const
{
    // SQLITE_INTERRUPT = 9; PostgreSQL query_canceled 57014.
    return (m_nativeCode & 0xff) == 9 || m_sqlState == "57014";
}

namespace {

// maskPassword and its helpers scan by hand, in one pass each: std::regex recursed once
// per character and overflowed the stack on a 30,000-letter error text (issue 9).

constexpr std::string_view kMask = "****";
constexpr std::size_t npos = std::string_view::npos;

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isSchemeChar(char c) { return isAlpha(c) || isDigit(c) || c == '+' || c == '.' || c == '-'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// A part of the text to be replaced by "****".
struct Span {
    std::size_t begin;
    std::size_t end;
};

/// `text` with every span (sorted, disjoint) replaced by the mask.
std::string replaceSpans(std::string_view text, const std::vector<Span>& spans)
{
    if (spans.empty())
        return std::string(text);
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    for (const Span& span : spans) {
        out.append(text.substr(at, span.begin - at));
        out.append(kMask);
        at = span.end;
    }
    out.append(text.substr(at));
    return out;
}

/// The password of `user:password@` credentials in [begin, credentialsEnd), where
/// credentialsEnd is the '@' that ends them: everything after the first ':'.
void addCredentialPassword(std::string_view s, std::size_t begin, std::size_t credentialsEnd,
                           std::vector<Span>& spans)
{
    const std::size_t colon = s.substr(begin, credentialsEnd - begin).find(':');
    if (colon != npos && begin + colon + 1 < credentialsEnd)
        spans.push_back({begin + colon + 1, credentialsEnd});
}

/// scheme://user:password@host… anywhere in the text. libpq ends the credentials at the
/// first '@', so a password holding an unencoded '@' leaks its rest into the host name;
/// here they end at the last '@' of the URI (over-masking rather than leaking). A URI ends
/// at white space; when there is no '@' before it, the credentials may still end at an
/// '@' further on before the first '/' (a password holding a blank).
std::vector<Span> uriPasswords(std::string_view s)
{
    std::vector<std::size_t> markers;
    for (std::size_t p = s.find("://"); p != npos; p = s.find("://", p + 3))
        markers.push_back(p);
    std::vector<Span> spans;
    std::size_t previousEnd = 0;
    for (std::size_t i = 0; i < markers.size(); ++i) {
        const std::size_t marker = markers[i];
        const std::size_t start = marker + 3;
        const std::size_t limit = i + 1 < markers.size() ? markers[i + 1] : s.size();
        std::size_t schemeBegin = marker;
        while (schemeBegin > previousEnd && isSchemeChar(s[schemeBegin - 1]))
            --schemeBegin;
        previousEnd = start;
        while (schemeBegin < marker && !isAlpha(s[schemeBegin]))
            ++schemeBegin;
        if (schemeBegin == marker)
            continue;  // no scheme: not a URI
        std::size_t blank = npos, stop = npos, lastAtBeforeBlank = npos, lastAtBeforeStop = npos;
        for (std::size_t k = start; k < limit && (blank == npos || stop == npos); ++k) {
            const char c = s[k];
            if (blank == npos && isBlank(c))
                blank = k;
            if (stop == npos && (c == '/' || c == '\n'))
                stop = k;
            if (c == '@') {
                if (blank == npos)
                    lastAtBeforeBlank = k;
                if (stop == npos)
                    lastAtBeforeStop = k;
            }
        }
        const std::size_t credentialsEnd = lastAtBeforeBlank != npos ? lastAtBeforeBlank : lastAtBeforeStop;
        if (credentialsEnd != npos)
            addCredentialPassword(s, start, credentialsEnd, spans);
    }
    return spans;
}

/// user:password@host without a scheme (what libpq refuses, and what a user may still
/// have written): a word whose part before the first ':' holds no '=', '/' or '@' and
/// that has an '@' after it. Words end at white space and at '"'.
std::vector<Span> schemelessPasswords(std::string_view s)
{
    std::vector<Span> spans;
    std::size_t k = 0;
    while (k < s.size()) {
        while (k < s.size() && (isBlank(s[k]) || s[k] == '"'))
            ++k;
        const std::size_t begin = k;
        std::size_t colon = npos, lastAt = npos;
        bool userOk = true;
        for (; k < s.size() && !isBlank(s[k]) && s[k] != '"'; ++k) {
            const char c = s[k];
            if (colon == npos) {
                if (c == ':')
                    colon = k;
                else if (c == '=' || c == '/' || c == '@')
                    userOk = false;
            } else if (c == '@') {
                lastAt = k;
            }
        }
        if (userOk && colon != npos && lastAt != npos && s[colon + 1] != '/')
            addCredentialPassword(s, begin, lastAt, spans);
    }
    return spans;
}

/// Whether every character of `text` is one of `allowed`.
bool only(std::string_view text, std::string_view allowed)
{
    return text.find_first_not_of(allowed) == npos;
}

/// password=… in libpq's key=value form (quoted with backslash escapes, or up to a
/// blank with backslash escapes), and ?password=… / &password=… in a URI query (up to
/// '&', '#' or a blank). Any key ending in "password" counts (sslpassword, PGPASSWORD).
std::vector<Span> keyValuePasswords(std::string_view s)
{
    constexpr std::string_view key = "password";
    std::vector<Span> spans;
    std::size_t k = 0;
    while (k + key.size() <= s.size()) {
        std::size_t i = 0;
        while (i < key.size() && lower(s[k + i]) == key[i])
            ++i;
        if (i < key.size()) {
            ++k;
            continue;
        }
        const bool query = k > 0 && (s[k - 1] == '?' || s[k - 1] == '&');
        std::size_t p = k + key.size();
        if (!query)
            while (p < s.size() && isBlank(s[p]))
                ++p;
        if (p >= s.size() || s[p] != '=') {
            k = p > k ? p : k + 1;
            continue;
        }
        ++p;
        std::size_t begin = p, end = p;
        if (query) {
            while (end < s.size() && s[end] != '&' && s[end] != '#' && !isBlank(s[end]))
                ++end;
        } else {
            while (begin < s.size() && isBlank(s[begin]))
                ++begin;
            end = begin;
            if (end < s.size() && (s[end] == '\'' || s[end] == '"')) {
                const char quote = s[end++];
                while (end < s.size() && s[end] != quote)
                    end += s[end] == '\\' && end + 1 < s.size() ? 2 : 1;
                if (end < s.size())
                    ++end;  // the closing quote
            } else {
                while (end < s.size() && !isBlank(s[end]))
                    end += s[end] == '\\' && end + 1 < s.size() ? 2 : 1;
                // Masked before and then quoted in a message ("(… password=****): …"):
                // keep the punctuation that follows the mask.
                const std::string_view value = s.substr(begin, end - begin);
                if (value.substr(0, kMask.size()) == kMask && only(value.substr(kMask.size()), ")]},;:.\"'"))
                    end = begin + kMask.size();
            }
        }
        if (end > begin)
            spans.push_back({begin, end});
        k = end > p ? end : p;
    }
    return spans;
}

} // namespace

bool isPasswordFailure(std::string_view message)
{
    return message.find("password authentication failed") != std::string_view::npos ||
           message.find("no password supplied") != std::string_view::npos;
}

std::string maskPassword(std::string_view connection)
{
    std::string s = replaceSpans(connection, uriPasswords(connection));
    s = replaceSpans(s, schemelessPasswords(s));
    return replaceSpans(s, keyValuePasswords(s));
}

std::string describeConnInfoSyntaxError(std::string_view libpqMessage)
{
    struct Known {
        std::string_view libpqStart;
        std::string_view ours;
    };
    static constexpr Known known[] = {
        {"missing \"=\" after", "a word without \"=\": neither a postgresql:// URI nor key=value pairs"},
        {"unterminated quoted string", "a quoted value without its closing quote"},
        {"invalid connection option", "an unknown connection option"},
        {"invalid percent-encoded token",
         "an invalid percent-encoding: '%' must be followed by two hex digits (write a literal '%' as %25)"},
        {"forbidden value %00", "a percent-encoded NUL (%00)"},
        {"unexpected character",
         "an unexpected character in the URI's host part (percent-encode '@', '/' and ':' in a user name or "
         "password: %40, %2F, %3A)"},
        {"invalid URI query parameter", "an invalid URI query parameter"},
        {"extra key/value separator", "an invalid URI query parameter (a second '=')"},
        {"missing key/value separator", "an invalid URI query parameter (no '=')"},
        {"end of string reached when looking for matching \"]\"", "an IPv6 host address without its closing ']'"},
        {"IPv6 host address may not be empty", "an empty IPv6 host address"},
        {"invalid URI propagated", "an invalid URI"},
    };
    for (const Known& k : known)
        if (libpqMessage.substr(0, k.libpqStart.size()) == k.libpqStart)
            return std::string(k.ours);
    // Unknown wording: libpq's text without anything it quotes.
    std::string out;
    bool quoted = false;
    for (char c : libpqMessage) {
        if (c == '"') {
            if (!quoted)
                out += "\"…\"";
            quoted = !quoted;
        } else if (!quoted && c != '\n') {
            out += c;
        }
    }
    return out.empty() ? std::string("not a libpq connection string or URI") : out;
}

std::string connectionTargetProblem(std::string_view host, std::string_view port)
{
    if (host.find('@') != npos || port.find('@') != npos)
        return "the host name holds '@': a user name or password holding '@' must be percent-encoded as %40";
    if (!only(port, "0123456789,"))
        return "the port is not a number: a user name or password holding '/', ':' or '@' must be "
               "percent-encoded (%2F, %3A, %40)";
    return {};
}

void CountingDriver::execute(std::string_view sql, const std::vector<Value>& params)
{
    m_statements.emplace_back(sql);
    m_inner.execute(sql, params);
}

ResultSet CountingDriver::query(std::string_view sql, const std::vector<Value>& params)
{
    m_statements.emplace_back(sql);
    return m_inner.query(sql, params);
}

} // namespace tempest
