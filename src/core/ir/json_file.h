#pragma once
// Reading a JSON file that a folder listing has just reported as a regular file: the
// checks readJsonFile makes first (does it exist, is it a folder, a FIFO, a device) cost
// a stat per file, which a history of thousands of migration files notices.

#include "core/ir/json.h"

#include <functional>
#include <string>
#include <string_view>

namespace tempest {

/// The text of a path listed as a regular file (not a symbolic link): opened and read
/// without a stat first. Throws InputError naming `path` as readJsonFile does.
std::string readListedRegularJsonText(const std::string& path);
/// The text readJsonFile parses, after the same checks.
std::string readJsonText(const std::string& path);

/// Takes one item of a large part of a document as soon as it is read: a member (its key,
/// index 0) or an element (no key, its index).
using JsonItemSink = std::function<void(const std::string* key, std::size_t index, Json&& value)>;

/// parseJsonStrict, except that each member (or element) of the root object's member
/// `key` goes to `sink` as soon as it is read, and a null takes its place in the returned
/// document: a reader that builds its result item by item never holds the whole parse
/// tree of the large part (the tables of a models file, the operations of a migration).
/// What `sink` throws ends the parse. When the root is not an object, or has no such
/// member, it is parseJsonStrict.
Json parseJsonHandingOver(std::string_view text, const std::string& file, std::string_view key,
                          const JsonItemSink& sink);

} // namespace tempest
