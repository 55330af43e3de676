#pragma once
// Token-level reading of the CREATE statements SQLite keeps in sqlite_schema: where the
// object's name and its ON table stand, which names are table references, and edits
// that replace single tokens the way SQLite's ALTER TABLE does. Works on the tokens of
// tokenizeSql (sqlite_create_parser.h), so quotes and comments are respected.

#include "core/dialect/sqlite/sqlite_create_parser.h"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tempest {

inline constexpr std::size_t kNoToken = static_cast<std::size_t>(-1);

/// CREATE [TEMP|TEMPORARY] [UNIQUE|VIRTUAL] TABLE|INDEX|VIEW|TRIGGER [IF NOT EXISTS]
/// [schema.]name …
struct SqliteCreateHeader {
    std::string kind;  // "TABLE", "INDEX", "VIEW", "TRIGGER"; empty: not a CREATE statement
    bool temp = false;
    bool unique = false;
    bool isVirtual = false;
    bool ifNotExists = false;
    std::size_t nameIndex = kNoToken;  // the object's name (after any schema qualifier)
    std::size_t onIndex = kNoToken;    // INDEX and TRIGGER: the table after ON
};
SqliteCreateHeader parseCreateHeader(const std::vector<SqlToken>& tokens);

/// `i`, or the token after `main.` / `temp.` when a schema qualifies the name at `i`.
std::size_t skipSchemaQualifier(const std::vector<SqlToken>& tokens, std::size_t i);

/// A keyword SQLite never takes as a bare name (SELECT, FROM, ON, …; not the ones its
/// grammar falls back to identifiers for, such as KEY or END).
bool isSqliteReservedWord(const SqlToken& token);

/// `token` is a name (a bare word that is no reserved keyword, or a quoted identifier)
/// equal to `name`, ASCII case-insensitive as SQLite compares identifiers. In expressions
/// 'x' is a string, so it never is.
bool isIdentifierNamed(const SqlToken& token, std::string_view name);
/// The same where SQLite also takes 'x' as a name: the name a CREATE statement declares,
/// a column definition's name.
bool isObjectNamed(const SqlToken& token, std::string_view name);

/// For each token, whether it names a table: after FROM, JOIN, INTO, UPDATE (not UPDATE
/// OF), REFERENCES, a comma of a FROM list, UPDATE OR <x>, or the header's ON; a schema
/// qualifier (`main.`) may stand in between.
std::vector<bool> findTableReferences(const std::vector<SqlToken>& tokens, const SqliteCreateHeader& header);

/// The alias given to the table reference at `ref` (`t AS x`, `t x`), or empty.
std::string tableAliasAfter(const std::vector<SqlToken>& tokens, std::size_t ref, std::size_t end);

/// Token replacements on one SQL text, applied all at once.
class SqlTokenEdits {
public:
    explicit SqlTokenEdits(std::string_view sql) : m_sql(sql) {}
    /// Replaces `token` with `name` as SQLite's renameEditSql() does: bare when the token
    /// was bare and `alwaysQuote` is false, otherwise "name" (quotes doubled), with a
    /// space added when a double quote follows the token directly.
    void replaceName(const SqlToken& token, std::string_view name, bool alwaysQuote);
    bool empty() const { return m_edits.empty(); }
    std::string result() const;

private:
    std::string_view m_sql;
    std::map<std::size_t, std::pair<std::size_t, std::string>> m_edits;  // begin → (end, text)
};

} // namespace tempest
