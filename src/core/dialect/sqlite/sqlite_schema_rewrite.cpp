#include "core/dialect/sqlite/sqlite_schema_rewrite.h"

#include "core/dialect/sqlite/sqlite_catalog_state.h"
#include "core/dialect/sqlite/sqlite_sql_scan.h"

#include <algorithm>

namespace tempest {

namespace {

using Tokens = std::vector<SqlToken>;

bool isNewOrOld(const SqlToken& token)
{
    return token.isWord("NEW") || token.isWord("OLD");
}

/// Renames the column inside one CREATE TABLE / CREATE INDEX stretch of tokens where
/// every unqualified name is a column of `ownTable` (column constraints, CHECKs, key
/// lists, index entries), skipping what only looks like a name there: constraint and
/// collation names, DEFAULT terms, referential actions, function names.
class ColumnListRenamer {
public:
    ColumnListRenamer(const Tokens& tokens, const SqliteColumnRename& rename, bool ownTable, SqlTokenEdits& edits)
        : t(tokens), m_rename(rename), m_ownTable(ownTable), m_edits(edits)
    {
    }

    void run(std::size_t begin, std::size_t end)
    {
        for (std::size_t i = begin; i < end; ++i) {
            const SqlToken& token = t[i];
            if (token.isWord("CONSTRAINT") || token.isWord("COLLATE") || token.isWord("PRIMARY")
                || token.isWord("FOREIGN") || token.isWord("MATCH") || token.isWord("INITIALLY")
                || token.isWord("NO") || token.isWord("SET")) {
                ++i;  // a name, KEY, or an action word follows
            } else if (token.isWord("ON")) {
                i += 1;  // ON DELETE|UPDATE|CONFLICT
            } else if (token.isWord("DEFAULT")) {
                i = skipDefault(i, end);
            } else if (token.isWord("REFERENCES")) {
                i = references(i, end);
            } else if (m_ownTable && isIdentifierNamed(token, m_rename.from) && isColumnReference(i, end)) {
                m_edits.replaceName(token, m_rename.to, m_rename.quoted);
            }
        }
    }

    /// REFERENCES parent [(columns)]: the columns are renamed when the parent is the table.
    std::size_t references(std::size_t i, std::size_t end)
    {
        std::size_t parent = i + 1;
        if (parent + 2 < end && t[parent + 1].isPunct("."))
            parent += 2;
        if (parent + 1 >= end || !t[parent + 1].isPunct("("))
            return parent;
        const std::size_t close = matchParen(t, parent + 1, end);
        if (isIdentifierNamed(t[parent], m_rename.table))
            for (std::size_t k = parent + 2; k < close; ++k)
                if (isIdentifierNamed(t[k], m_rename.from))
                    m_edits.replaceName(t[k], m_rename.to, m_rename.quoted);
        return close;
    }

private:
    std::size_t skipDefault(std::size_t i, std::size_t end)
    {
        std::size_t k = i + 1;
        if (k < end && t[k].isPunct("("))
            return matchParen(t, k, end);
        if (k < end && (t[k].isPunct("-") || t[k].isPunct("+")))
            ++k;
        return k;
    }

    bool isColumnReference(std::size_t i, std::size_t end) const
    {
        if (i + 1 < end && (t[i + 1].isPunct("(") || t[i + 1].isPunct(".")))
            return false;  // a function, or a qualifier
        if (i >= 2 && t[i - 1].isPunct("."))
            return isIdentifierNamed(t[i - 2], m_rename.table);
        return true;
    }

    const Tokens& t;
    const SqliteColumnRename& m_rename;
    bool m_ownTable;
    SqlTokenEdits& m_edits;
};

/// The column list of the table's own CREATE TABLE: each column's name and what follows
/// its type, and the table constraints.
void renameInOwnTable(const Tokens& t, std::size_t open, std::size_t close, ColumnListRenamer& renamer,
                      const SqliteColumnRename& rename, SqlTokenEdits& edits)
{
    for (auto [a, b] : splitTopLevel(t, open + 1, close)) {
        const SqlToken& first = t[a];
        if (first.isWord("CONSTRAINT") || first.isWord("PRIMARY") || first.isWord("UNIQUE")
            || first.isWord("CHECK") || first.isWord("FOREIGN")) {
            renamer.run(a, b);
            continue;
        }
        if (isObjectNamed(first, rename.from))
            edits.replaceName(first, rename.to, rename.quoted);
        std::size_t k = a + 1;  // past the declared type: words, and (n, m)
        static constexpr std::string_view constraintWords[] = {"CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE",
                                                               "CHECK", "DEFAULT", "COLLATE", "REFERENCES",
                                                               "GENERATED", "AS"};
        auto startsConstraint = [&](const SqlToken& token) {
            return std::any_of(std::begin(constraintWords), std::end(constraintWords),
                               [&](std::string_view w) { return token.isWord(w); });
        };
        while (k < b && !startsConstraint(t[k]))
            k = t[k].isPunct("(") ? matchParen(t, k, b) + 1 : k + 1;
        renamer.run(k, b);
    }
}

/// Views and triggers: each query (a view's SELECT, a trigger's step, a subquery) reads
/// some tables; an unqualified name there is the column when the query, or an enclosing
/// one whose tables it does not shadow, reads the table.
class QueryRenamer {
public:
    QueryRenamer(const Tokens& tokens, const std::vector<bool>& refs, const SqliteColumnRename& rename,
                 const SqliteColumnLookup& hasColumn, bool triggerOnTable, SqlTokenEdits& edits)
        : t(tokens), m_refs(refs), m_rename(rename), m_hasColumn(hasColumn), m_triggerOnTable(triggerOnTable),
          m_edits(edits)
    {
    }

    void run(std::size_t begin, std::size_t end, bool enclosingReads, std::vector<std::string> qualifiers)
    {
        std::vector<std::pair<std::size_t, std::size_t>> nested;
        for (std::size_t i = begin; i + 1 < end; ++i) {
            if (t[i].isPunct("(") && (t[i + 1].isWord("SELECT") || t[i + 1].isWord("WITH") || t[i + 1].isWord("VALUES"))) {
                const std::size_t close = matchParen(t, i, end);
                nested.emplace_back(i + 1, close);
                i = close;
            }
        }
        auto isNested = [&](std::size_t i) {
            return std::any_of(nested.begin(), nested.end(), [&](const auto& r) { return i >= r.first && i < r.second; });
        };

        bool reads = false, othersHaveColumn = false;
        for (std::size_t i = begin; i < end; ++i) {
            // INSERT's target is not in the scope of its SELECT (its column list is
            // handled by targetColumns()).
            if (isNested(i) || !m_refs[i] || isInsertTarget(i))
                continue;
            if (isIdentifierNamed(t[i], m_rename.table)) {
                reads = true;
                qualifiers.push_back(t[i].value);
                if (std::string alias = tableAliasAfter(t, i, end); !alias.empty())
                    qualifiers.push_back(alias);
            } else if (m_hasColumn(t[i].value, m_rename.from)) {
                othersHaveColumn = true;
            }
        }
        const bool unqualifiedIsColumn = reads || (enclosingReads && !othersHaveColumn);
        const std::vector<int> targets = targetColumns(begin, end);

        for (std::size_t i = begin; i < end; ++i) {
            if (isNested(i) || m_refs[i] || !isIdentifierNamed(t[i], m_rename.from))
                continue;
            if (i + 1 < end && (t[i + 1].isPunct("(") || t[i + 1].isPunct(".")))
                continue;  // a function, or a qualifier
            bool rename = false;
            if (targets[i - begin] != 0) {
                rename = targets[i - begin] > 0;
            } else if (i >= begin + 2 && t[i - 1].isPunct(".")) {
                const SqlToken& q = t[i - 2];
                rename = (m_triggerOnTable && isNewOrOld(q))
                      || std::any_of(qualifiers.begin(), qualifiers.end(),
                                     [&](const std::string& name) { return isIdentifierNamed(q, name); });
            } else if (i == begin || !(t[i - 1].isWord("AS") || t[i - 1].isWord("COLLATE"))) {
                rename = unqualifiedIsColumn;
            }
            if (rename)
                m_edits.replaceName(t[i], m_rename.to, m_rename.quoted);
        }
        for (auto [a, b] : nested)
            run(a, b, enclosingReads || reads, qualifiers);
    }

private:
    bool isInsertTarget(std::size_t i) const
    {
        std::size_t p = i >= 2 && t[i - 1].isPunct(".") ? i - 2 : i;  // main.t
        return p >= 1 && t[p - 1].isWord("INTO");
    }

    /// The column lists of INSERT INTO x (…) and UPDATE x SET c = …: +1 where they name
    /// the table's columns, -1 where they name another table's, 0 elsewhere.
    std::vector<int> targetColumns(std::size_t begin, std::size_t end) const
    {
        std::vector<int> marks(end - begin, 0);
        std::size_t target = kNoToken;
        for (std::size_t i = begin; i < end && target == kNoToken; ++i)
            if (m_refs[i] && (t[i - 1].isWord("INTO") || t[i - 1].isWord("UPDATE") || t[i - 1].isPunct(".")
                              || (i >= 2 && t[i - 2].isWord("OR"))))
                target = i;
        if (target == kNoToken || !(t[begin].isWord("INSERT") || t[begin].isWord("REPLACE") || t[begin].isWord("UPDATE")))
            return marks;
        const int mark = isIdentifierNamed(t[target], m_rename.table) ? 1 : -1;
        auto markNames = [&](std::size_t from, std::size_t to) {
            for (std::size_t k = from; k < to; ++k)
                if (t[k].isName())
                    marks[k - begin] = mark;
        };
        if (!t[begin].isWord("UPDATE")) {
            std::size_t open = target + 1;
            if (open < end && t[open].isWord("AS"))
                open += 2;
            if (open < end && t[open].isPunct("("))
                markNames(open + 1, matchParen(t, open, end));
            return marks;
        }
        // UPDATE x SET a = …, (b, c) = …: the names before each top-level `=`.
        std::size_t set = target + 1;
        while (set < end && !t[set].isWord("SET"))
            ++set;
        int depth = 0;
        for (std::size_t k = set + 1, start = set + 1; k < end; ++k) {
            if (t[k].isPunct("("))
                ++depth;
            else if (t[k].isPunct(")"))
                --depth;
            if (depth != 0)
                continue;
            if (t[k].isPunct("=")) {
                markNames(start, k);
                start = end;
            } else if (t[k].isPunct(",")) {
                start = k + 1;
            } else if (t[k].isWord("FROM") || t[k].isWord("WHERE") || t[k].isWord("RETURNING")) {
                break;
            }
        }
        return marks;
    }

    const Tokens& t;
    const std::vector<bool>& m_refs;
    const SqliteColumnRename& m_rename;
    const SqliteColumnLookup& m_hasColumn;
    bool m_triggerOnTable;
    SqlTokenEdits& m_edits;
};

void renameInTrigger(const Tokens& t, const SqliteCreateHeader& header, const std::vector<bool>& refs,
                     const SqliteColumnRename& rename, const SqliteColumnLookup& hasColumn, SqlTokenEdits& edits)
{
    if (header.onIndex == kNoToken)
        return;
    const bool onTable = isIdentifierNamed(t[header.onIndex], rename.table);
    std::size_t begin = header.onIndex;
    while (begin < t.size() && !t[begin].isWord("BEGIN"))
        ++begin;
    if (onTable) {
        // UPDATE OF a, b ON t: the trigger's own table's columns.
        for (std::size_t k = header.nameIndex + 1; k < header.onIndex; ++k)
            if (t[k].isWord("OF"))
                for (std::size_t c = k + 1; c < header.onIndex && !t[c].isWord("ON"); ++c)
                    if (isIdentifierNamed(t[c], rename.from))
                        edits.replaceName(t[c], rename.to, rename.quoted);
    }
    QueryRenamer queries(t, refs, rename, hasColumn, onTable, edits);
    queries.run(header.onIndex + 1, std::min(begin, t.size()), false, {});  // WHEN
    const std::size_t end = t.empty() ? 0 : t.size() - 1;                   // the final END
    for (std::size_t step = begin + 1, k = begin + 1; k <= end && begin < t.size(); ++k) {
        if (k == end || t[k].isPunct(";")) {
            if (k > step)
                queries.run(step, k, false, {});
            step = k + 1;
        }
    }
}

} // namespace

std::string sqliteRenameColumnIn(const SqliteSchemaObject& object, const SqliteColumnRename& rename,
                                 const SqliteColumnLookup& hasColumn)
{
    const Tokens t = tokenizeSql(object.sql);
    const SqliteCreateHeader header = parseCreateHeader(t);
    if (header.nameIndex == kNoToken)
        return object.sql;
    SqlTokenEdits edits(object.sql);
    if (header.kind == "TABLE" && !header.isVirtual) {
        const std::size_t open = header.nameIndex + 1;
        if (open < t.size() && t[open].isPunct("(")) {
            const bool own = isObjectNamed(t[header.nameIndex], rename.table);
            ColumnListRenamer renamer(t, rename, own, edits);
            const std::size_t close = matchParen(t, open, t.size());
            if (own)
                renameInOwnTable(t, open, close, renamer, rename, edits);
            else
                renamer.run(open + 1, close);  // REFERENCES table (…) only
        }
    } else if (header.kind == "INDEX") {
        if (header.onIndex != kNoToken && isIdentifierNamed(t[header.onIndex], rename.table)) {
            ColumnListRenamer renamer(t, rename, true, edits);
            renamer.run(header.onIndex + 1, t.size());
        }
    } else if (header.kind == "VIEW" || header.kind == "TRIGGER") {
        const std::vector<bool> refs = findTableReferences(t, header);
        if (header.kind == "TRIGGER") {
            renameInTrigger(t, header, refs, rename, hasColumn, edits);
        } else {
            std::size_t as = header.nameIndex + 1;
            if (as < t.size() && t[as].isPunct("("))
                as = matchParen(t, as, t.size()) + 1;  // the view's own column names
            if (as < t.size() && t[as].isWord("AS"))
                QueryRenamer(t, refs, rename, hasColumn, false, edits).run(as + 1, t.size(), false, {});
        }
    }
    return edits.empty() ? object.sql : edits.result();
}

std::string sqliteRenameTableIn(const SqliteSchemaObject& object, std::string_view from, std::string_view to,
                                bool legacy)
{
    const Tokens t = tokenizeSql(object.sql);
    const SqliteCreateHeader header = parseCreateHeader(t);
    if (header.nameIndex == kNoToken)
        return object.sql;
    SqlTokenEdits edits(object.sql);
    if (header.kind == "TABLE" && isObjectNamed(t[header.nameIndex], from))
        edits.replaceName(t[header.nameIndex], to, true);
    if (header.onIndex != kNoToken && isIdentifierNamed(t[header.onIndex], from))
        edits.replaceName(t[header.onIndex], to, true);
    if (!legacy) {
        const std::vector<bool> refs = findTableReferences(t, header);
        for (std::size_t i = header.nameIndex + 1; i < t.size(); ++i) {
            if (!isIdentifierNamed(t[i], from))
                continue;
            const bool qualifier = i + 1 < t.size() && t[i + 1].isPunct(".");  // t.column, t.*
            if (refs[i] || qualifier)
                edits.replaceName(t[i], to, true);
        }
    }
    return edits.empty() ? object.sql : edits.result();
}

} // namespace tempest
