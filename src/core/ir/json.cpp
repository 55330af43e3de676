#include "core/ir/json.h"

#include "core/ir/errors.h"
#include "core/ir/json_file.h"
#include "core/ir/json_writer.h"

#include <algorithm>
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

bool isPlainKey(std::string_view key)
{
    if (key.empty() || !(std::isalpha(static_cast<unsigned char>(key[0])) || key[0] == '_'))
        return false;
    for (char c : key)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_'))
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

// Builds an ordered_json DOM from SAX events, refusing duplicate keys and nesting deeper
// than kMaxJsonDepth with their path. Memory stays linear in the input: the stack holds
// one frame per open container and no path; a path is spelled only for an error.
class StrictSax final : public nlohmann::json_sax<Json> {
public:
    StrictSax(std::string_view text, const std::string& file) : m_text(text), m_file(file) {}

    Json result;

    bool null() override { return put(Json(nullptr)); }
    bool boolean(bool v) override { return put(Json(v)); }
    bool number_integer(number_integer_t v) override { return put(Json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return put(Json(v)); }
    bool number_float(number_float_t v, const string_t&) override { return put(Json(v)); }
    bool string(string_t& v) override { return put(Json(std::move(v))); }
    bool binary(binary_t& v) override { return put(Json::binary(std::move(v))); }

    bool start_object(std::size_t) override { return open(Json::object()); }
    bool key(string_t& k) override
    {
        Frame& f = m_stack.back();
        if (isDuplicate(f, k)) {
            std::string path = containerPath(m_stack.size());
            appendMember(path, k);
            throw InputError("duplicate key \"" + k + "\"", m_file, path);
        }
        f.pendingKey = k;
        return true;
    }
    bool end_object() override
    {
        m_stack.pop_back();
        return true;
    }
    bool start_array(std::size_t) override { return open(Json::array()); }
    bool end_array() override
    {
        m_stack.pop_back();
        return true;
    }
    bool parse_error(std::size_t position, const std::string& lastToken,
                     const nlohmann::detail::exception& ex) override
    {
        std::size_t line = 1, column = 1;
        for (std::size_t i = 0; i + 1 < position && i < m_text.size(); ++i) {
            if (m_text[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        std::string what = ex.what();
        // nlohmann's text reads "[json.exception.parse_error.101] parse error at line 1,
        // column 5: syntax error while parsing value - ..."; keep the part after the
        // position, we state the position ourselves.
        auto colon = what.find(": ");
        if (colon != std::string::npos)
            what = what.substr(colon + 2);
        // The token may be the whole rest of a huge input: quote its start, cut at a
        // UTF-8 character boundary.
        std::string near = lastToken;
        if (near.size() > 40) {
            std::size_t cut = 40;
            while (cut > 0 && (static_cast<unsigned char>(near[cut]) & 0xC0) == 0x80)
                --cut;
            near = near.substr(0, cut) + "…";
        }
        throw InputError("invalid JSON at line " + std::to_string(line) + ", column "
                             + std::to_string(column) + " (near '" + near + "'): " + what,
                         m_file);
    }

private:
    struct Frame {
        Json* container;
        // Objects: the keys seen, hashed once the object has more than kScanKeys members
        // (most have a handful, and a hash set per object cost more than the parse).
        std::unique_ptr<std::unordered_set<std::string>> keys;
        std::string pendingKey;  // objects: the key whose value comes next
    };
    static constexpr std::size_t kScanKeys = 16;

    // True when the object of `f` has the key `k` already; remembers it otherwise.
    static bool isDuplicate(Frame& f, const std::string& k)
    {
        const auto& members = static_cast<const Json::object_t::Container&>(f.container->get_ref<const Json::object_t&>());
        if (!f.keys) {
            for (const auto& member : members)
                if (member.first == k)
                    return true;
            if (members.size() < kScanKeys)
                return false;
            f.keys = std::make_unique<std::unordered_set<std::string>>();
            for (const auto& member : members)
                f.keys->insert(member.first);
        }
        return !f.keys->insert(k).second;
    }

    // The path of the container of frame `depth - 1` (depth 0: the root, "$"): each
    // frame's last member or element leads to the next frame.
    std::string containerPath(std::size_t depth) const
    {
        std::string path = "$";
        for (std::size_t i = 0; i + 1 < depth; ++i) {
            const Frame& f = m_stack[i];
            if (f.container->is_object())
                appendMember(path, f.pendingKey);
            else
                appendIndex(path, f.container->size() - 1);
        }
        return path;
    }
    // The path of the value the parser is about to place.
    std::string placementPath() const
    {
        if (m_stack.empty())
            return "$";
        std::string path = containerPath(m_stack.size());
        const Frame& f = m_stack.back();
        if (f.container->is_object())
            appendMember(path, f.pendingKey);
        else
            appendIndex(path, f.container->size());
        return path;
    }

    bool open(Json container)
    {
        if (m_stack.size() >= kMaxJsonDepth)
            throw InputError("JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels", m_file,
                             placementPath());
        Json* slot = place(std::move(container));
        m_stack.push_back({slot, nullptr, {}});
        return true;
    }

    // Puts a value where the parser is; returns the slot (for containers). Keys were
    // checked for duplicates, so members are appended without ordered_map's linear search.
    Json* place(Json value)
    {
        if (m_stack.empty()) {
            result = std::move(value);
            return &result;
        }
        Frame& f = m_stack.back();
        if (f.container->is_object()) {
            auto& members = static_cast<Json::object_t::Container&>(f.container->get_ref<Json::object_t&>());
            if (members.size() == members.capacity())
                grow(members);
            members.emplace_back(f.pendingKey, std::move(value));
            return &members.back().second;
        }
        f.container->push_back(std::move(value));
        return &f.container->back();
    }
    // A member is a pair<const std::string, Json>: its move constructor may throw (the
    // key is copied), so vector's own growth copies every member, whole subtrees with
    // them (an object's members after a large one: a table's after its columns). Grown
    // here instead: keys copied, values moved.
    static void grow(Json::object_t::Container& members)
    {
        Json::object_t::Container bigger;
        bigger.reserve(std::max<std::size_t>(4, members.capacity() * 2));
        for (auto& member : members)
            bigger.emplace_back(member.first, std::move(member.second));
        members.swap(bigger);
    }
    bool put(Json value)
    {
        place(std::move(value));
        return true;
    }

    std::string_view m_text;
    const std::string& m_file;
    std::vector<Frame> m_stack;
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
            if (column + (out.size() - start) + 1 <= 100)
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

} // namespace

Json parseJsonStrict(std::string_view text, const std::string& file)
{
    // A NUL byte is never JSON; refuse it by offset rather than let anything treat it
    // as the end of the text.
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos)
        throw InputError("NUL byte at byte offset " + std::to_string(nul) + ": not JSON text", file);
    StrictSax sax(text, file);
    try {
        Json::sax_parse(text.begin(), text.end(), &sax, nlohmann::detail::input_format_t::json, true);
    } catch (const InputError&) {
        throw;
    } catch (const std::exception& e) {
        throw InputError(std::string("invalid JSON: ") + e.what(), file);
    }
    return std::move(sax.result);
}

Json readListedRegularJsonFile(const std::string& path)
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
        }
        text.append(chunk, got);
        if (text.size() > kMaxJsonFileSize)
            throw tooLarge();
        if (got < sizeof chunk)
            break;
    }
    if (std::ferror(in.get()))
        throw InputError(std::string("cannot read file: ") + std::strerror(errno), path);
    return parseJsonStrict(text, path);
}

Json readJsonFile(const std::string& path)
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
    return readListedRegularJsonFile(path);
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
    std::string path = parent;
    appendMember(path, key);
    return path;
}

std::string jsonPathIndex(const std::string& parent, std::size_t index)
{
    std::string path = parent;
    appendIndex(path, index);
    return path;
}

JsonObjectReader::JsonObjectReader(const Json& value, std::string file, std::string path)
    : m_value(value), m_file(std::move(file)), m_path(std::move(path))
{
    if (!m_value.is_object())
        throw InputError(std::string("expected an object, found ") + typeDescription(m_value), m_file, m_path);
}

bool JsonObjectReader::has(std::string_view key) const
{
    return m_value.contains(std::string(key));
}

const Json& JsonObjectReader::get(std::string_view key) const
{
    auto it = m_value.find(std::string(key));
    if (it == m_value.end())
        throw InputError("missing required key \"" + std::string(key) + "\"", m_file, m_path);
    return *it;
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
    return v.get<std::string>();
}

std::optional<std::string> JsonObjectReader::optionalString(std::string_view key) const
{
    if (!has(key))
        return std::nullopt;
    // An explicit null is not "absent" (DESIGN.md: reading is strict); say how to write that.
    const Json& v = get(key);
    if (v.is_null())
        fail(key, "expected a string, found null (leave the key out instead)");
    if (!v.is_string())
        fail(key, std::string("expected a string, found ") + typeDescription(v));
    return v.get<std::string>();
}

bool JsonObjectReader::optionalBool(std::string_view key, bool fallback) const
{
    if (!has(key))
        return fallback;
    const Json& v = get(key);
    if (!v.is_boolean())
        fail(key, std::string("expected true or false, found ") + typeDescription(v));
    return v.get<bool>();
}

std::optional<int> JsonObjectReader::optionalInt(std::string_view key) const
{
    if (!has(key))
        return std::nullopt;
    const Json& v = get(key);
    if (!v.is_number_integer())
        fail(key, std::string("expected a whole number, found ") + typeDescription(v));
    auto n = v.get<long long>();
    if (n < 0 || n > 1000000000)
        fail(key, "expected a whole number between 0 and 1000000000");
    return static_cast<int>(n);
}

std::vector<std::string> JsonObjectReader::stringList(std::string_view key, bool required) const
{
    if (!has(key)) {
        if (required)
            get(key);  // throws "missing required key"
        return {};
    }
    const Json& v = get(key);
    if (!v.is_array())
        fail(key, std::string("expected an array of strings, found ") + typeDescription(v));
    std::vector<std::string> out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (!v[i].is_string())
            throw InputError(std::string("expected a string, found ") + typeDescription(v[i]), m_file,
                             jsonPathIndex(path(key), i));
        out.push_back(v[i].get<std::string>());
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
            if (k == it.key())
                ok = true;
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
