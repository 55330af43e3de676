#include "core/revision/migration.h"

#include "core/ir/errors.h"
#include "core/ir/json_file.h"
#include "core/revision/parallel_for.h"
#include "core/revision/sha256.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <filesystem>
#include <random>
#include <set>
#include <system_error>

namespace tempest {

namespace {

constexpr std::string_view kHexDigits = "0123456789abcdef";

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// createdAt breaks ties in topoOrder by plain string comparison, which is only
// chronological when every value has this one shape.
bool isIso8601Utc(std::string_view s)
{
    constexpr std::string_view shape = "dddd-dd-ddTdd:dd:ddZ";
    if (s.size() != shape.size())
        return false;
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (shape[i] == 'd' ? !isDigit(s[i]) : s[i] != shape[i])
            return false;
    }
    return true;
}

// Reads a list of ids, checking each one's spelling and refusing repeats.
std::vector<std::string> readIdList(const JsonObjectReader& reader, std::string_view key, bool required,
                                    std::string_view what)
{
    std::vector<std::string> ids = reader.stringList(key, required);
    std::set<std::string> seen;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const std::string path = jsonPathIndex(reader.path(key), i);
        if (!isValidRevisionId(ids[i]))
            throw InputError("invalid " + std::string(what) + " \"" + ids[i] +
                                 "\": expected letters, digits, '_' or '-'",
                             reader.file(), path);
        if (!seen.insert(ids[i]).second)
            throw InputError(std::string(what) + " \"" + ids[i] + "\" is listed twice", reader.file(), path);
    }
    return ids;
}

} // namespace

bool Migration::reversible() const
{
    if (!down.empty())
        return true;
    return std::all_of(up.begin(), up.end(), [](const Operation& op) { return isReversible(op); });
}

std::vector<Operation> Migration::downOperations() const
{
    if (!downFromUp())
        return down;
    // An irreversible `up` has no generated `down`; reversible() then says so.
    return reversible() ? invert(up) : std::vector<Operation>{};
}

const std::vector<Operation>& Migration::downOperations(std::vector<Operation>& scratch) const
{
    if (!downFromUp())
        return down;
    scratch = downOperations();
    return scratch;
}

bool isValidRevisionId(std::string_view id)
{
    if (id.empty())
        return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
}

std::string migrationChecksum(const Migration& migration)
{
    // The SHA-256 of writeCompactJson({"up": [...], "down": [...]}): compact JSON of a
    // container is its members' texts between brackets and commas, and each operation's
    // text is written straight from the IR into the one buffer that is hashed.
    // Hashed a piece at a time: the text of a large migration is never whole in memory.
    constexpr std::size_t kHashPiece = 64 * 1024;
    Sha256Stream hasher;
    std::string text = R"({"up":[)";
    auto operations = [&](const std::vector<Operation>& ops) {
        for (std::size_t i = 0; i < ops.size(); ++i) {
            if (i)
                text += ',';
            appendCompactOperationJson(ops[i], text);
            if (text.size() >= kHashPiece)
                hasher.absorb(text);
        }
    };
    operations(migration.up);
    text += R"(],"down":[)";
    if (migration.downFromUp() && migration.reversible()) {
        // invert(up), one operation at a time: the generated list is never built whole.
        for (std::size_t i = migration.up.size(); i-- > 0;) {
            if (i + 1 != migration.up.size())
                text += ',';
            appendCompactOperationJson(invert(migration.up[i]), text);
            if (text.size() >= kHashPiece)
                hasher.absorb(text);
        }
    } else {
        operations(migration.down);
    }
    text += "]}";
    return "sha256:" + hasher.finishHex(text);
}

Json migrationToJson(const Migration& migration)
{
    Json out = Json::object();
    out["revision"] = migration.revision;
    out["downRevision"] = migration.downRevision;
    if (!migration.label.empty())
        out["label"] = migration.label;
    if (!migration.createdAt.empty())
        out["createdAt"] = migration.createdAt;
    if (!migration.dependsOn.empty())
        out["dependsOn"] = migration.dependsOn;
    if (!migration.branchLabels.empty())
        out["branchLabels"] = migration.branchLabels;
    out["up"] = operationsToJson(migration.up);
    out["down"] = operationsToJson(migration.downOperations());
    return out;
}

void dropParentDependencies(Migration& migration)
{
    auto isParent = [&](const std::string& id) {
        return std::find(migration.downRevision.begin(), migration.downRevision.end(), id) !=
               migration.downRevision.end();
    };
    auto& deps = migration.dependsOn;
    for (const std::string& id : deps) {
        if (isParent(id))
            migration.warnings.push_back(
                (migration.file.empty() ? std::string() : migration.file + ": ") + "revision " +
                migration.revision + ": dependsOn \"" + id + "\" is already a parent; ignored");
    }
    deps.erase(std::remove_if(deps.begin(), deps.end(), isParent), deps.end());
}

namespace {

/// The operations of "up" that migrationFromText read while parsing, or the first error
/// one of them raised (held until "up" comes, so errors keep the order they had).
struct StreamedUp {
    std::vector<Operation> ops;
    std::optional<InputError> error;
};

Migration readMigration(const Json& json, const std::string& file, StreamedUp* streamed)
{
    JsonObjectReader reader(json, file, "$");
    reader.rejectUnknown({"revision", "downRevision", "label", "createdAt", "dependsOn", "branchLabels",
                          "up", "down"});

    Migration m;
    m.file = file;
    m.revision = reader.requireString("revision");
    if (!isValidRevisionId(m.revision))
        reader.fail("revision", "invalid revision id \"" + m.revision + "\": expected letters, digits, '_' or '-'");
    m.downRevision = readIdList(reader, "downRevision", true, "parent revision");
    m.label = reader.optionalString("label").value_or("");
    m.createdAt = reader.optionalString("createdAt").value_or("");
    if (!m.createdAt.empty() && !isIso8601Utc(m.createdAt))
        reader.fail("createdAt", "expected a UTC time like \"2026-11-25T10:00:00Z\", found \"" + m.createdAt + "\"");
    m.dependsOn = readIdList(reader, "dependsOn", false, "dependsOn revision");
    m.branchLabels = readIdList(reader, "branchLabels", false, "branch label");

    try {
        const Json& up = reader.requireArray("up");
        if (streamed && streamed->error)
            throw *streamed->error;
        m.up = streamed ? std::move(streamed->ops) : operationsFromJson(up, file, reader.path("up"));
        if (reader.has("down")) {
            m.down = operationsFromJson(reader.requireArray("down"), file, reader.path("down"));
        } else {
            m.downGenerated = true;  // downOperations() inverts `up` when asked
        }
    } catch (const InputError& e) {
        if (!e.revision().empty())
            throw;
        throw e.withRevision(m.revision);
    }
    dropParentDependencies(m);
    return m;
}

/// A migration from its file's text. Each operation of "up" becomes an Operation as soon as
/// it is read: the parse tree of one operation at a time, never the whole file's (the base
/// migration of a large project is megabytes of create_table; issue 12).
Migration migrationFromText(std::string_view text, const std::string& file)
{
    StreamedUp streamed;
    const Json json = parseJsonHandingOver(text, file, "up", [&](const std::string* key, std::size_t index, Json&& value) {
        if (key || streamed.error)  // "up" as an object is refused by readMigration
            return;
        try {
            streamed.ops.push_back(operationFromJson(value, file, jsonPathIndex("$.up", index)));
        } catch (const InputError& e) {
            streamed.error = e;
        }
    });
    streamed.ops.shrink_to_fit();  // grown by doubling: up to twice the operations' size
    return readMigration(json, file, &streamed);
}

} // namespace

Migration migrationFromJson(const Json& json, const std::string& file)
{
    return readMigration(json, file, nullptr);
}

Migration loadMigrationFile(const std::string& path)
{
    return migrationFromText(readJsonText(path), path);
}

std::vector<Migration> loadMigrationsDir(const std::string& dir)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw InputError("migrations folder does not exist or is not a folder", dir);

    struct Listed {
        std::string path;
        bool regular;  // a regular file, as the listing says (a symbolic link followed)
    };
    std::vector<Listed> files;
    fs::recursive_directory_iterator it(dir, ec), end;
    if (ec)
        throw InputError("cannot read migrations folder: " + ec.message(), dir);
    for (; it != end; it.increment(ec)) {
        if (ec)
            throw InputError("cannot read migrations folder: " + ec.message(), dir);
        const fs::path& p = it->path();
        if (p.extension() != ".json")
            continue;
        // A folder named *.json is a folder (the iterator descends into it). Anything else
        // named *.json is meant as a migration: a dangling symbolic link, a FIFO or a
        // device is refused by readJsonFile naming it, never skipped; a symbolic link to
        // a regular file is read. The entry's type comes from the folder listing, so a
        // regular file costs no stat here (a symbolic link is still followed).
        std::error_code statusEc;
        if (it->is_directory(statusEc))
            continue;
        files.push_back({p.string(), it->is_regular_file(statusEc)});
    }
    if (ec)
        throw InputError("cannot read migrations folder: " + ec.message(), dir);
    std::sort(files.begin(), files.end(), [](const Listed& a, const Listed& b) { return a.path < b.path; });

    // Reading and parsing is most of what a long history costs, and each file is on its own.
    std::vector<Migration> out(files.size());
    parallelFor(files.size(), 256, [&](std::size_t i) {
        const Listed& file = files[i];
        out[i] = file.regular ? migrationFromText(readListedRegularJsonText(file.path), file.path)
                              : loadMigrationFile(file.path);
    });
    return out;
}

std::string migrationFileName(const std::string& revision, const std::string& label)
{
    std::string slug;
    for (char c : label) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80 && std::isalnum(u))
            slug += static_cast<char>(std::tolower(u));
        else if (slug.empty() || slug.back() != '_')
            slug += '_';
    }
    if (slug.size() > 40)
        slug.resize(40);
    return slug.empty() ? revision + ".json" : revision + "_" + slug + ".json";
}

std::string generateRevisionId()
{
    std::random_device device;
    std::uniform_int_distribution<int> nibble(0, 15);
    std::string id;
    for (int i = 0; i < 12; ++i)
        id += kHexDigits[static_cast<std::size_t>(nibble(device))];
    return id;
}

std::string nowIso8601()
{
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

} // namespace tempest
