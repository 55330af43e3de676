#include "core/ir/json.h"

#include "core/ir/errors.h"
#include "core/ir/json_file.h"
#include "core/ir/json_writer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <clocale>
#include <cstdlib>
#include <locale.h>
#include <iterator>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <fstream>
#include <system_error>
#include <unordered_set>

namespace tempest {

namespace {

// ASCII only, not <cctype>: the answer must not depend on the locale (Studio sets one),
// and this runs for every member of every file read.
bool isPlainKeyStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isPlainKey(std::string_view key)
{
    if (key.empty() || !isPlainKeyStart(key[0]))
        return false;
    for (char c : key)
        if (!(isPlainKeyStart(c) || (c >= '0' && c <= '9')))
            return false;
    return true;
}

std::string dumpScalar(const Json& value)
{
    // ensure_ascii=false keeps UTF-8 as written; strict error handler: invalid UTF-8
    // was already refused by the parser, and strings we build are valid.
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void appendMember(std::string& path, std::string_view key)
{
    if (isPlainKey(key)) {
        path += '.';
        path += key;
    } else {
        path += '[';
        path += dumpScalar(Json(std::string(key)));
        path += ']';
    }
}

void appendIndex(std::string& path, std::size_t index)
{
    path += '[';
    path += std::to_string(index);
    path += ']';
}

// Parses JSON text into an ordered_json DOM, strictly (RFC 8259: no comments, no trailing
// commas, well-formed UTF-8, no unescaped control characters), refusing duplicate keys and
// nesting deeper than kMaxJsonDepth with their path. A hand-written recursive descent
// rather than nlohmann's SAX parser: that one's lexer reads a character at a time through
// an input adapter and was half of `check`'s file reading (issue 12,
// docs/profiles/check.md). The values are nlohmann's: a whole number without a sign is
// number_unsigned, with one number_integer, either becomes number_float when it does not
// fit, and a float is the correctly rounded double (tst_json_parse checks both parsers
// agree on random and mangled documents). Memory stays linear in the input: members and
// elements of the open containers wait on two scratch stacks and each container is
// allocated once, at its exact size, when it closes; a path is spelled only for an error.
class StrictParser {
public:
    StrictParser(std::string_view text, const std::string& file, std::string_view handedKey = {},
                 const JsonItemSink* sink = nullptr)
        : m_begin(text.data()), m_p(text.data()), m_end(text.data() + text.size()), m_file(file),
          m_handedKey(handedKey), m_sink(sink)
    {
    }

    Json parseDocument()
    {
        skipWhitespace();
        Json value = parseValue();
        skipWhitespace();
        if (m_p != m_end)
            syntaxError(m_p, "unexpected text after the JSON value; expected the end of the input");
        return value;
    }

private:
    struct Frame {
        bool object;
        const std::string* key;  // objects: the member whose value is being read
        std::size_t index;       // arrays: the element being read
    };
    using Member = std::pair<std::string, Json>;
    static constexpr std::size_t kScanKeys = 16;

    const char* m_begin;
    const char* m_p;
    const char* m_end;
    const std::string& m_file;
    std::vector<Frame> m_stack;
    std::vector<Member> m_members;  // the open objects' members, innermost last
    std::vector<Json> m_elements;   // the open arrays' elements, innermost last
    std::string_view m_handedKey;   // parseJsonHandingOver: the root member whose items go to m_sink
    const JsonItemSink* m_sink;

    // True when the container about to open is the root object's member m_handedKey.
    bool handsOver() const
    {
        return m_sink && m_stack.size() == 1 && m_stack[0].object && *m_stack[0].key == m_handedKey;
    }

    static bool isWhitespace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
    void skipWhitespace()
    {
        while (m_p != m_end && isWhitespace(*m_p))
            ++m_p;
    }

    // The path of the value being read: each open container's current member or element.
    std::string placementPath() const
    {
        std::string path = "$";
        for (const Frame& f : m_stack) {
            if (f.object)
                appendMember(path, *f.key);
            else
                appendIndex(path, f.index);
        }
        return path;
    }

    [[noreturn]] void syntaxError(const char* at, const std::string& what) const
    {
        std::size_t line = 1, column = 1;
        for (const char* c = m_begin; c < at; ++c) {
            if (*c == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(*c) & 0xC0) != 0x80) {
                ++column;  // columns count characters, not UTF-8 continuation bytes
            }
        }
        std::string near;
        if (at == m_end) {
            near = "end of input";
        } else {
            // The text from the offending token on, up to its line's end, cut at a UTF-8
            // character boundary: the rest of a huge input may follow.
            std::size_t size = 0;
            while (at + size != m_end && at[size] != '\n' && at[size] != '\r' && size <= 40)
                ++size;
            std::string_view token(at, size);
            if (token.size() > 40) {
                std::size_t cut = 40;
                while (cut > 0 && (static_cast<unsigned char>(token[cut]) & 0xC0) == 0x80)
                    --cut;
                near = std::string(token.substr(0, cut)) + "…";
            } else {
                near = std::string(token);
            }
            near = "'" + near + "'";
        }
        throw InputError("invalid JSON at line " + std::to_string(line) + ", column " + std::to_string(column)
                             + " (near " + near + "): " + what,
                         m_file);
    }

    [[noreturn]] void unexpected(const char* expected) const
    {
        if (m_p == m_end)
            syntaxError(m_p, std::string("unexpected end of input; expected ") + expected);
        syntaxError(m_p, std::string("unexpected character; expected ") + expected);
    }

    Json parseValue()
    {
        if (m_p == m_end)
            unexpected("a value");
        switch (*m_p) {
        case '{': return parseObject();
        case '[': return parseArray();
        case '"': {
            std::string s;
            parseString(s);
            return Json(std::move(s));
        }
        case 't': return literal("true", Json(true));
        case 'f': return literal("false", Json(false));
        case 'n': return literal("null", Json(nullptr));
        default:
            if (*m_p == '-' || (*m_p >= '0' && *m_p <= '9'))
                return parseNumber();
            unexpected("a value (an object, array, string, number, true, false or null)");
        }
    }

    Json literal(std::string_view word, Json value)
    {
        if (static_cast<std::size_t>(m_end - m_p) < word.size() || std::string_view(m_p, word.size()) != word)
            syntaxError(m_p, "invalid literal; expected " + std::string(word));
        m_p += word.size();
        return value;
    }

    void open(bool object)
    {
        if (m_stack.size() >= kMaxJsonDepth)
            throw InputError("JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels", m_file,
                             placementPath());
        m_stack.push_back({object, nullptr, 0});
        ++m_p;  // '{' or '['
        skipWhitespace();
    }

    // After a member or element: true past a ',' (another follows), false past `close`.
    bool more(char close, const char* expected)
    {
        skipWhitespace();
        if (m_p != m_end && *m_p == ',') {
            ++m_p;
            skipWhitespace();
            return true;
        }
        if (m_p == m_end || *m_p != close)
            unexpected(expected);
        ++m_p;
        return false;
    }

    Json parseObject()
    {
        const bool handOver = handsOver();
        open(true);
        const std::size_t first = m_members.size();
        std::unique_ptr<std::unordered_set<std::string>> keys;  // past kScanKeys members
        if (m_p != m_end && *m_p == '}') {
            ++m_p;
        } else {
            for (;;) {
                if (m_p == m_end || *m_p != '"')
                    unexpected("a string: the member's key");
                std::string key;
                parseString(key);
                if (isDuplicate(first, keys, key)) {
                    m_stack.back().key = &key;
                    throw InputError("duplicate key \"" + key + "\"", m_file, placementPath());
                }
                skipWhitespace();
                if (m_p == m_end || *m_p != ':')
                    unexpected("':' after the member's key");
                ++m_p;
                skipWhitespace();
                m_stack.back().key = &key;
                Json value = parseValue();
                if (handOver) {
                    (*m_sink)(&key, 0, std::move(value));
                    value = Json();  // the key stays: a later duplicate is still found
                }
                m_members.emplace_back(std::move(key), std::move(value));
                if (!more('}', "',' or '}' after an object member"))
                    break;
            }
        }
        m_stack.pop_back();
        Json object = Json::object();
        auto& members = static_cast<Json::object_t::Container&>(object.get_ref<Json::object_t&>());
        members.reserve(m_members.size() - first);
        for (std::size_t i = first; i < m_members.size(); ++i)
            members.emplace_back(std::move(m_members[i].first), std::move(m_members[i].second));
        m_members.resize(first);
        return object;
    }

    // True when the object whose members start at `first` has `key` already. Most objects
    // have a handful of members: scanned; past kScanKeys, hashed.
    bool isDuplicate(std::size_t first, std::unique_ptr<std::unordered_set<std::string>>& keys,
                     const std::string& key) const
    {
        if (!keys) {
            for (std::size_t i = first; i < m_members.size(); ++i)
                if (m_members[i].first == key)
                    return true;
            if (m_members.size() - first < kScanKeys)
                return false;
            keys = std::make_unique<std::unordered_set<std::string>>();
            for (std::size_t i = first; i < m_members.size(); ++i)
                keys->insert(m_members[i].first);
        }
        return !keys->insert(key).second;
    }

    Json parseArray()
    {
        const bool handOver = handsOver();
        open(false);
        const std::size_t first = m_elements.size();
        if (m_p != m_end && *m_p == ']') {
            ++m_p;
        } else {
            for (;;) {
                m_stack.back().index = m_elements.size() - first;
                Json value = parseValue();
                if (handOver) {
                    (*m_sink)(nullptr, m_elements.size() - first, std::move(value));
                    value = Json();
                }
                m_elements.push_back(std::move(value));
                if (!more(']', "',' or ']' after an array element"))
                    break;
            }
        }
        m_stack.pop_back();
        Json array = Json::array();
        auto& elements = array.get_ref<Json::array_t&>();
        elements.reserve(m_elements.size() - first);
        std::move(m_elements.begin() + static_cast<std::ptrdiff_t>(first), m_elements.end(),
                  std::back_inserter(elements));
        m_elements.resize(first);
        return array;
    }

    static int hexDigit(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    // Four hex digits after "\u" at m_p; m_p moves past them.
    unsigned readHex4(const char* escape)
    {
        unsigned value = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = m_p == m_end ? -1 : hexDigit(*m_p);
            if (digit < 0)
                syntaxError(escape, "invalid string: '\\u' must be followed by 4 hex digits");
            value = value * 16 + static_cast<unsigned>(digit);
            ++m_p;
        }
        return value;
    }

    static void appendUtf8(unsigned cp, std::string& out)
    {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    // The length of the well-formed UTF-8 sequence (RFC 3629) starting at `p`, whose
    // first byte is 0x80 or above; 0 when it is ill-formed.
    std::size_t utf8Sequence(const char* p) const
    {
        const auto byte = [&](std::size_t i) -> unsigned {
            return p + i < m_end ? static_cast<unsigned char>(p[i]) : 0u;
        };
        const auto in = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
        const unsigned b0 = byte(0);
        if (in(b0, 0xC2, 0xDF))
            return in(byte(1), 0x80, 0xBF) ? 2 : 0;
        if (b0 == 0xE0)
            return in(byte(1), 0xA0, 0xBF) && in(byte(2), 0x80, 0xBF) ? 3 : 0;
        if (in(b0, 0xE1, 0xEC) || in(b0, 0xEE, 0xEF))
            return in(byte(1), 0x80, 0xBF) && in(byte(2), 0x80, 0xBF) ? 3 : 0;
        if (b0 == 0xED)
            return in(byte(1), 0x80, 0x9F) && in(byte(2), 0x80, 0xBF) ? 3 : 0;
        if (b0 == 0xF0)
            return in(byte(1), 0x90, 0xBF) && in(byte(2), 0x80, 0xBF) && in(byte(3), 0x80, 0xBF) ? 4 : 0;
        if (in(b0, 0xF1, 0xF3))
            return in(byte(1), 0x80, 0xBF) && in(byte(2), 0x80, 0xBF) && in(byte(3), 0x80, 0xBF) ? 4 : 0;
        if (b0 == 0xF4)
            return in(byte(1), 0x80, 0x8F) && in(byte(2), 0x80, 0xBF) && in(byte(3), 0x80, 0xBF) ? 4 : 0;
        return 0;
    }

    // A string at m_p (its opening quote) into `out`; m_p moves past the closing quote.
    void parseString(std::string& out)
    {
        const char* open = m_p++;
        for (;;) {
            const char* run = m_p;
            while (m_p != m_end) {
                const auto c = static_cast<unsigned char>(*m_p);
                if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80)
                    break;
                ++m_p;
            }
            out.append(run, static_cast<std::size_t>(m_p - run));
            if (m_p == m_end)
                syntaxError(open, "invalid string: missing closing quote");
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                ++m_p;
                return;
            }
            if (c < 0x20) {
                char code[8];
                std::snprintf(code, sizeof code, "%04X", c);
                syntaxError(m_p, std::string("invalid string: control character U+") + code
                                     + " must be escaped");
            }
            if (c >= 0x80) {
                const std::size_t size = utf8Sequence(m_p);
                if (size == 0)
                    syntaxError(m_p, "invalid string: ill-formed UTF-8");
                out.append(m_p, size);
                m_p += size;
                continue;
            }
            // A backslash.
            const char* escape = m_p++;
            if (m_p == m_end)
                syntaxError(open, "invalid string: missing closing quote");
            switch (*m_p++) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                unsigned cp = readHex4(escape);
                if (cp >= 0xDC00 && cp <= 0xDFFF)
                    syntaxError(escape, "invalid string: a low surrogate (\\uDC00-\\uDFFF) must follow a high one");
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u')
                        syntaxError(escape, "invalid string: a high surrogate (\\uD800-\\uDBFF) must be followed by a low one");
                    m_p += 2;
                    const unsigned low = readHex4(escape);
                    if (low < 0xDC00 || low > 0xDFFF)
                        syntaxError(escape, "invalid string: a high surrogate (\\uD800-\\uDBFF) must be followed by a low one");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                appendUtf8(cp, out);
                break;
            }
            default: syntaxError(escape, "invalid string: unknown escape");
            }
        }
    }

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    Json parseNumber()
    {
        const char* start = m_p;
        const bool negative = *m_p == '-';
        if (negative)
            ++m_p;
        if (m_p == m_end || !isDigit(*m_p))
            syntaxError(start, "invalid number; expected a digit after '-'");
        if (*m_p == '0') {
            ++m_p;
            if (m_p != m_end && isDigit(*m_p))
                syntaxError(start, "invalid number; a leading zero is not followed by digits");
        } else {
            while (m_p != m_end && isDigit(*m_p))
                ++m_p;
        }
        bool integral = true;
        if (m_p != m_end && *m_p == '.') {
            integral = false;
            ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                syntaxError(start, "invalid number; expected a digit after '.'");
            while (m_p != m_end && isDigit(*m_p))
                ++m_p;
        }
        if (m_p != m_end && (*m_p == 'e' || *m_p == 'E')) {
            integral = false;
            ++m_p;
            if (m_p != m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                syntaxError(start, "invalid number; expected a digit in the exponent");
            while (m_p != m_end && isDigit(*m_p))
                ++m_p;
        }
        if (integral) {
            if (negative) {
                std::int64_t value = 0;
                if (std::from_chars(start, m_p, value).ec == std::errc())
                    return Json(value);
            } else {
                std::uint64_t value = 0;
                if (std::from_chars(start, m_p, value).ec == std::errc())
                    return Json(value);
            }
        }
        // A float, or a whole number too large for 64 bits (as nlohmann: a float then).
        double value = 0;
        const auto result = std::from_chars(start, m_p, value);
        if (result.ec == std::errc::result_out_of_range) {
            // from_chars leaves the value alone; strtod's answer (±HUGE_VAL, or the
            // nearest subnormal or zero) is nlohmann's. Locale-independent.
            static const locale_t c = newlocale(LC_NUMERIC_MASK, "C", nullptr);
            const std::string token(start, m_p);
            value = strtod_l(token.c_str(), nullptr, c);
        }
        if (!std::isfinite(value))  // as nlohmann: a number too large is refused, a tiny one is 0
            syntaxError(start, "number overflow: too large for a double");
        return Json(value);
    }
};

/// A string that dump() writes as it is, between quotes: printable ASCII without `"` or
/// `\`. Anything else (escapes, UTF-8, invalid bytes) goes through dump() itself.
bool isPlainJsonString(std::string_view text)
{
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u >= 0x80 || c == '"' || c == '\\')
            return false;
    }
    return true;
}

void appendString(std::string_view text, std::string& out)
{
    if (isPlainJsonString(text)) {
        out += '"';
        out += text;
        out += '"';
    } else {
        out += dumpScalar(Json(std::string(text)));
    }
}

/// What dumpScalar() writes, without building a serializer for the common scalars.
void appendScalar(const Json& value, std::string& out)
{
    switch (value.type()) {
    case Json::value_t::string: appendString(value.get_ref<const std::string&>(), out); return;
    case Json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; return;
    case Json::value_t::null: out += "null"; return;
    case Json::value_t::number_integer: out += std::to_string(value.get<std::int64_t>()); return;
    case Json::value_t::number_unsigned: out += std::to_string(value.get<std::uint64_t>()); return;
    default: out += dumpScalar(value); return;
    }
}

void writeValue(const Json& value, int indent, std::size_t column, std::string& out)
{
    if (value.is_object()) {
        if (value.empty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        bool first = true;
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (!first)
                out += ",\n";
            first = false;
            const std::size_t start = out.size();
            out.append(static_cast<std::size_t>(indent + 2), ' ');
            appendString(it.key(), out);
            out += ": ";
            writeValue(it.value(), indent + 2, out.size() - start, out);
        }
        out += "\n";
        out.append(static_cast<std::size_t>(indent), ' ');
        out += "}";
        return;
    }
    if (value.is_array()) {
        if (value.empty()) {
            out += "[]";
            return;
        }
        bool scalars = true;
        for (const auto& item : value)
            if (item.is_structured())
                scalars = false;
        if (scalars) {
            const std::size_t start = out.size();
            out += "[";
            for (std::size_t i = 0; i < value.size(); ++i) {
                if (i)
                    out += ", ";
                appendScalar(value[i], out);
            }
            out += "]";
            // +1 for a trailing comma the parent may add.
            if (column + (out.size() - start) + 1 <= kCanonicalJsonLineWidth)
                return;
            out.resize(start);
        }
        out += "[\n";
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (i)
                out += ",\n";
            out.append(static_cast<std::size_t>(indent + 2), ' ');
            writeValue(value[i], indent + 2, static_cast<std::size_t>(indent + 2), out);
        }
        out += "\n";
        out.append(static_cast<std::size_t>(indent), ' ');
        out += "]";
        return;
    }
    appendScalar(value, out);
}

const char* typeDescription(const Json& v)
{
    switch (v.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return "a number";
    default: return "a value";
    }
}

// A NUL byte is never JSON; refuse it by offset rather than let anything treat it as the
// end of the text.
void refuseNulByte(std::string_view text, const std::string& file)
{
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos)
        throw InputError("NUL byte at byte offset " + std::to_string(nul) + ": not JSON text", file);
}

} // namespace

Json parseJsonStrict(std::string_view text, const std::string& file)
{
    refuseNulByte(text, file);
    return StrictParser(text, file).parseDocument();
}

Json parseJsonHandingOver(std::string_view text, const std::string& file, std::string_view key,
                          const JsonItemSink& sink)
{
    refuseNulByte(text, file);
    return StrictParser(text, file, key, &sink).parseDocument();
}

std::string readListedRegularJsonText(const std::string& path)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto tooLarge = [&] {
        return InputError("cannot read file: larger than the " + std::to_string(kMaxJsonFileSize >> 20)
                              + " MiB a JSON input may have",
                          path);
    };
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!in)
        throw InputError(std::string("cannot read file: ") + std::strerror(errno), path);
    std::setvbuf(in.get(), nullptr, _IONBF, 0);  // read() straight into `chunk`, no stream buffer
    // Read at most the limit (+1 to notice more): the file may have grown since.
    std::string text;
    char chunk[65536];
    for (;;) {
        const std::size_t got = std::fread(chunk, 1, sizeof chunk, in.get());
        // A file larger than one chunk is refused by its size before more is read; a
        // small one (every migration file) costs no second stat.
        if (text.empty() && got == sizeof chunk) {
            const std::uintmax_t size = fs::file_size(path, ec);
            if (!ec && size > kMaxJsonFileSize)
                throw tooLarge();
            // Exactly, not by doubling: a 10 MB file would take 16 MB, with 8 MB more
            // alive while it moves.
            if (!ec)
                text.reserve(static_cast<std::size_t>(size) + 1);
        }
        text.append(chunk, got);
        if (text.size() > kMaxJsonFileSize)
            throw tooLarge();
        if (got < sizeof chunk)
            break;
    }
    if (std::ferror(in.get()))
        throw InputError(std::string("cannot read file: ") + std::strerror(errno), path);
    return text;
}

Json readJsonFile(const std::string& path)
{
    return parseJsonStrict(readJsonText(path), path);
}

std::string readJsonText(const std::string& path)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);  // follows symbolic links
    if (status.type() == fs::file_type::not_found) {
        std::error_code linkEc;
        if (fs::is_symlink(fs::symlink_status(path, linkEc)))
            throw InputError("cannot read file: a symbolic link to a file that does not exist", path);
        throw InputError("cannot read file: no such file", path);
    }
    if (ec)
        throw InputError("cannot read file: " + ec.message(), path);
    if (status.type() == fs::file_type::directory)
        throw InputError("cannot read file: it is a folder", path);
    if (status.type() != fs::file_type::regular)
        throw InputError("cannot read file: not a regular file (a device, FIFO or socket)", path);
    return readListedRegularJsonText(path);
}

void appendCanonicalJson(const Json& value, int indent, std::size_t column, std::string& out)
{
    writeValue(value, indent, column, out);
}

void appendJsonString(std::string_view text, std::string& out)
{
    appendString(text, out);
}

std::string writeCanonicalJson(const Json& value)
{
    std::string out;
    writeValue(value, 0, 0, out);
    out += "\n";
    return out;
}

std::string writeCompactJson(const Json& value)
{
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string jsonPathMember(const std::string& parent, std::string_view key)
{
    std::string path;
    path.reserve(parent.size() + key.size() + 1);  // a plain key: one allocation
    path = parent;
    appendMember(path, key);
    return path;
}

std::string jsonPathIndex(const std::string& parent, std::size_t index)
{
    std::string path = parent;
    appendIndex(path, index);
    return path;
}

JsonObjectReader::JsonObjectReader(const Json& value, const std::string& file, std::string path)
    : m_value(value), m_file(file), m_path(std::move(path))
{
    if (!m_value.is_object())
        throw InputError(std::string("expected an object, found ") + typeDescription(m_value), m_file, m_path);
}

const Json* JsonObjectReader::find(std::string_view key) const
{
    // The members in file order, compared in place: no key is built for the lookup, and
    // an object of the IR has a handful of members.
    for (const auto& member : m_value.get_ref<const Json::object_t&>())
        if (member.first == key)
            return &member.second;
    return nullptr;
}

bool JsonObjectReader::has(std::string_view key) const
{
    return find(key) != nullptr;
}

const Json& JsonObjectReader::get(std::string_view key) const
{
    const Json* v = find(key);
    if (!v)
        throw InputError("missing required key \"" + std::string(key) + "\"", m_file, m_path);
    return *v;
}

void JsonObjectReader::fail(std::string_view key, const std::string& message) const
{
    throw InputError(message, m_file, key.empty() ? m_path : path(key));
}

std::string JsonObjectReader::requireString(std::string_view key) const
{
    const Json& v = get(key);
    if (!v.is_string())
        fail(key, std::string("expected a string, found ") + typeDescription(v));
    return v.get_ref<const std::string&>();
}

std::optional<std::string> JsonObjectReader::optionalString(std::string_view key) const
{
    const Json* v = find(key);
    if (!v)
        return std::nullopt;
    // An explicit null is not "absent" (DESIGN.md: reading is strict); say how to write that.
    if (v->is_null())
        fail(key, "expected a string, found null (leave the key out instead)");
    if (!v->is_string())
        fail(key, std::string("expected a string, found ") + typeDescription(*v));
    return v->get_ref<const std::string&>();
}

bool JsonObjectReader::optionalBool(std::string_view key, bool fallback) const
{
    const Json* v = find(key);
    if (!v)
        return fallback;
    if (!v->is_boolean())
        fail(key, std::string("expected true or false, found ") + typeDescription(*v));
    return v->get<bool>();
}

std::optional<int> JsonObjectReader::optionalInt(std::string_view key) const
{
    const Json* v = find(key);
    if (!v)
        return std::nullopt;
    if (!v->is_number_integer())
        fail(key, std::string("expected a whole number, found ") + typeDescription(*v));
    auto n = v->get<long long>();
    if (n < 0 || n > 1000000000)
        fail(key, "expected a whole number between 0 and 1000000000");
    return static_cast<int>(n);
}

std::vector<std::string> JsonObjectReader::stringList(std::string_view key, bool required) const
{
    const Json* found = find(key);
    if (!found) {
        if (required)
            get(key);  // throws "missing required key"
        return {};
    }
    const Json& v = *found;
    if (!v.is_array())
        fail(key, std::string("expected an array of strings, found ") + typeDescription(v));
    std::vector<std::string> out;
    out.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (!v[i].is_string())
            throw InputError(std::string("expected a string, found ") + typeDescription(v[i]), m_file,
                             jsonPathIndex(path(key), i));
        out.push_back(v[i].get_ref<const std::string&>());
    }
    return out;
}

const Json& JsonObjectReader::requireObject(std::string_view key) const
{
    const Json& v = get(key);
    if (!v.is_object())
        fail(key, std::string("expected an object, found ") + typeDescription(v));
    return v;
}

const Json& JsonObjectReader::requireArray(std::string_view key) const
{
    const Json& v = get(key);
    if (!v.is_array())
        fail(key, std::string("expected an array, found ") + typeDescription(v));
    return v;
}

void JsonObjectReader::rejectUnknown(std::initializer_list<std::string_view> known) const
{
    for (auto it = m_value.begin(); it != m_value.end(); ++it) {
        bool ok = false;
        for (auto k : known)
            if (k == it.key()) {
                ok = true;
                break;
            }
        if (!ok) {
            std::string list;
            for (auto k : known)
                list += (list.empty() ? "" : ", ") + std::string(k);
            throw InputError("unknown key \"" + it.key() + "\" (expected one of: " + list + ")",
                             m_file, path(it.key()));
        }
    }
}

} // namespace tempest
