#pragma once
// A lenient parser of the CREATE TABLE / CREATE INDEX text SQLite keeps in sqlite_schema.
// The pragmas tell columns, indexes and foreign keys, but not what only the text holds:
// CHECK constraints, constraint names, AUTOINCREMENT, whether a DEFAULT was
// parenthesised, index expressions and partial-index predicates, table options.
//
// The text was accepted by SQLite, so the parser never rejects it: what it does not
// understand it skips. Every piece of SQL it returns is a slice of the input, exactly as
// written (trimmed), so that rendering it again reproduces the same text.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tempest {

struct SqlToken {
    enum class Kind {
        Word,              // bare identifier or keyword
        QuotedIdentifier,  // "x", `x`, [x]
        String,            // 'x'
        Number,
        Blob,              // x'00'
        Variable,          // ?1, :name, @name, $name
        Punct              // ( ) , ; . and operators
    };
    Kind kind = Kind::Punct;
    /// Words and punctuation: the text as written. Quoted identifiers and strings: the
    /// value with quotes removed and doubled quotes undone.
    std::string value;
    std::size_t begin = 0;  // offsets into the tokenised text
    std::size_t end = 0;

    bool isWord(std::string_view keyword) const;  // case-insensitive
    bool isPunct(std::string_view p) const { return kind == Kind::Punct && value == p; }
    /// A name: a bare word or a quoted identifier (SQLite also accepts 'x' as a name).
    bool isName() const { return kind == Kind::Word || kind == Kind::QuotedIdentifier || kind == Kind::String; }
};

/// Splits SQL into tokens, dropping whitespace and comments (-- and /* */).
/// An unterminated quote or comment runs to the end of the text.
std::vector<SqlToken> tokenizeSql(std::string_view sql);

/// Index of the ")" token matching the "(" token at `open`, or `limit` when unbalanced.
std::size_t matchParen(const std::vector<SqlToken>& tokens, std::size_t open, std::size_t limit);

/// Ranges [first, last) of the depth-0 comma-separated entries of tokens [begin, end).
std::vector<std::pair<std::size_t, std::size_t>> splitTopLevel(const std::vector<SqlToken>& tokens,
                                                               std::size_t begin, std::size_t end);

/// A DEFAULT clause. `parenthesised`: DEFAULT (expr) — `text` is what stands between the
/// parentheses; otherwise `text` is the term as written (a sign included) and
/// `literalKind` the kind of its last token (Number for `-1`, String for `'a'`).
struct ParsedDefault {
    bool parenthesised = false;
    std::string text;
    SqlToken::Kind literalKind = SqlToken::Kind::Word;
};

struct ParsedCheck {
    std::string name;    // empty when unnamed
    std::string expr;    // between the parentheses, trimmed
    std::string column;  // the column it was declared on; empty for a table constraint
};

struct ParsedUnique {
    std::string name;
    std::vector<std::string> columns;
    std::string column;  // the column it was declared on; empty for a table constraint
};

struct ParsedForeignKey {
    std::string name;
    std::vector<std::string> columns;
    std::string refTable;
    std::vector<std::string> refColumns;
    std::string column;  // the column it was declared on; empty for a table constraint
    bool deferrable = false;         // DEFERRABLE (not NOT DEFERRABLE)
    bool initiallyDeferred = false;  // DEFERRABLE INITIALLY DEFERRED
};

/// A constraint as written: `CONSTRAINT pk PRIMARY KEY (a, b)` in the table, `UNIQUE`,
/// `CHECK (x > 0)`, `REFERENCES t (id) ON DELETE CASCADE` on a column, and the like.
struct ParsedTableConstraint {
    enum class Kind { PrimaryKey, Unique, Check, ForeignKey };
    Kind kind = Kind::Check;
    /// Index into ParsedCreateTable::uniques, checks or foreignKeys (unused for PrimaryKey).
    std::size_t item = 0;
    std::size_t begin = 0;  // offsets of its text in the parsed text
    std::size_t end = 0;
};

struct ParsedColumn {
    std::string name;
    std::string definition;  // the whole column definition as written
    std::size_t begin = 0;   // offsets of `definition` in the parsed text
    std::size_t end = 0;
    std::string collation;   // COLLATE x, the name unquoted; empty when none
    std::string notNullConflict;  // NOT NULL ON CONFLICT x: the x as written; empty when none
    bool primaryKey = false;
    bool autoincrement = false;
    bool generated = false;  // GENERATED ALWAYS AS (...) / AS (...)
    std::string generatedExpr;     // the text between the parentheses
    bool generatedStored = false;  // STORED; VIRTUAL or nothing: virtual
    std::optional<ParsedDefault> defaultValue;
    /// Its PRIMARY KEY, UNIQUE, CHECK and REFERENCES clauses (CONSTRAINT name included).
    std::vector<ParsedTableConstraint> constraints;
};

struct ParsedCreateTable {
    std::string name;
    std::vector<ParsedColumn> columns;
    /// The table constraints after the columns, in order.
    std::vector<ParsedTableConstraint> tableConstraints;
    /// Offsets of the column list's parentheses (0 when there is none).
    std::size_t open = 0;
    std::size_t close = 0;
    /// Column-level and table-level CHECKs, in the order they are written.
    std::vector<ParsedCheck> checks;
    /// Column-level (one column) and table-level UNIQUE constraints, in order.
    std::vector<ParsedUnique> uniques;
    /// Column-level REFERENCES and table-level FOREIGN KEYs, in order.
    std::vector<ParsedForeignKey> foreignKeys;
    std::string primaryKeyName;
    std::vector<std::string> primaryKey;  // as declared (column or table level)
    bool autoincrement = false;           // AUTOINCREMENT anywhere on the primary key
    bool withoutRowid = false;
    bool strict = false;
    bool isVirtual = false;               // CREATE VIRTUAL TABLE

    const ParsedColumn* findColumn(std::string_view name) const;  // case-insensitive
};

/// Parses a CREATE [VIRTUAL] TABLE statement as stored in sqlite_schema.
ParsedCreateTable parseCreateTable(std::string_view sql);

struct ParsedCreateIndex {
    std::string name;
    std::string table;
    bool unique = false;
    /// Each entry of the column list as written, trimmed (e.g. `lower(email)`,
    /// `"name" COLLATE NOCASE DESC`).
    std::vector<std::string> entries;
    std::optional<std::string> where;
};

/// Parses a CREATE [UNIQUE] INDEX statement as stored in sqlite_schema.
ParsedCreateIndex parseCreateIndex(std::string_view sql);

/// One entry of an index column list split into its expression and what follows it:
/// `x COLLATE NOCASE DESC` → expr `x`, collation `NOCASE`, descending.
struct IndexEntryParts {
    std::string expr;
    std::string collation;
    bool descending = false;
};
IndexEntryParts splitIndexEntry(std::string_view entry);

/// The text inside parentheses that enclose all of `expr` (as often as they do),
/// trimmed and otherwise exactly as written: `((lower(x)))` → `lower(x)`, `(a) + (b)`
/// unchanged.
std::string stripOuterParentheses(std::string_view expr);

/// The names after every COLLATE in `sql`, unquoted, in order.
std::vector<std::string> sqliteCollationsNamedIn(std::string_view sql);

/// ASCII case-insensitive equality (SQLite identifiers and keywords compare that way).
bool equalsIgnoreCase(std::string_view a, std::string_view b);
std::string toLowerAscii(std::string_view text);
std::string toUpperAscii(std::string_view text);
std::string_view trimSql(std::string_view text);

} // namespace tempest
