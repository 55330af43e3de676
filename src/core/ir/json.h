#pragma once
// Canonical JSON (DESIGN.md "Canonical JSON"): strict reading that names the file and
// the JSON path of every problem, and one writer for every file this project writes.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <vector>
#include <string>
#include <string_view>

namespace tempest {

/// Insertion-ordered JSON: key order is part of the canonical form.
using Json = nlohmann::ordered_json;

/// Containers nest at most this deep (the root object or array is level 1); the
/// project's own files need fewer than 10 levels. Deeper input is refused with the JSON
/// path where it went too deep, so hostile input cannot exhaust the stack or memory.
constexpr std::size_t kMaxJsonDepth = 256;
/// A JSON file (project file, migration, IR) may have at most 64 MiB.
constexpr std::uintmax_t kMaxJsonFileSize = std::uintmax_t{64} << 20;

/// Parses `text` strictly: syntax errors (with line and column), duplicate keys and
/// nesting deeper than kMaxJsonDepth (with their JSON path), and a NUL byte anywhere
/// (with its byte offset) throw InputError naming `file`. Memory is linear in the text.
Json parseJsonStrict(std::string_view text, const std::string& file);
/// Reads and parses a file. Throws InputError naming it when it does not exist (or is a
/// dangling symbolic link), is not a regular file (a folder, device, FIFO or socket:
/// refused before opening, so /dev/zero or a FIFO cannot hang or exhaust memory), is
/// larger than kMaxJsonFileSize, or cannot be read.
Json readJsonFile(const std::string& path);

/// Canonical text: UTF-8 unescaped, 2-space indent, one member per line, arrays of
/// scalars inline when the line stays within 100 columns, final newline.
std::string writeCanonicalJson(const Json& value);
/// Compact canonical text (no whitespace), used for checksums.
std::string writeCompactJson(const Json& value);

/// JSON path helpers: "$", "$.tables", "$.tables[\"a b\"]", "$.up[3]".
std::string jsonPathMember(const std::string& parent, std::string_view key);
std::string jsonPathIndex(const std::string& parent, std::size_t index);

/// A strict reader over one JSON object: typed getters that throw InputError naming
/// the file and path, and a final check that no unknown key was present.
class JsonObjectReader {
public:
    /// Throws when `value` is not an object. `value` and `file` are held by reference
    /// (a reader is made for every object of a file: no copy of its name each time), so
    /// both must outlive the reader; a temporary file name does not compile.
    JsonObjectReader(const Json& value, const std::string& file, std::string path);
    JsonObjectReader(const Json& value, std::string&& file, std::string path) = delete;

    bool has(std::string_view key) const;
    const Json& get(std::string_view key) const;  // throws when missing
    std::string path(std::string_view key) const { return jsonPathMember(m_path, key); }
    const std::string& file() const { return m_file; }
    const std::string& objectPath() const { return m_path; }

    std::string requireString(std::string_view key) const;
    /// Absent: nullopt. An explicit null is an error, as any other non-string.
    std::optional<std::string> optionalString(std::string_view key) const;
    bool optionalBool(std::string_view key, bool fallback) const;
    std::optional<int> optionalInt(std::string_view key) const;
    std::vector<std::string> stringList(std::string_view key, bool required) const;
    const Json& requireObject(std::string_view key) const;
    const Json& requireArray(std::string_view key) const;

    /// Throws for the first key not in `known`.
    void rejectUnknown(std::initializer_list<std::string_view> known) const;

    [[noreturn]] void fail(std::string_view key, const std::string& message) const;

private:
    const Json* find(std::string_view key) const;  // nullptr when absent; allocates nothing

    const Json& m_value;
    const std::string& m_file;
    std::string m_path;
};

} // namespace tempest
