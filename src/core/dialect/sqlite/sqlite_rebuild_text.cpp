#include "core/dialect/sqlite/sqlite_rebuild_text.h"

#include "core/dialect/sqlite/sqlite_create_parser.h"
#include "core/dialect/sqlite/sqlite_types.h"

#include <algorithm>
#include <set>
#include <vector>

namespace tempest {

namespace {

bool sameNames(const std::vector<std::string>& a, const std::vector<std::string>& b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), equalsIgnoreCase);
}

/// What the stored text of a column says, for telling whether the rebuild changes it:
/// SQLite keeps no comments, and a rename hint is no definition.
Column definitionOf(Column column)
{
    column.name.clear();
    column.comment.reset();
    column.renamedFrom.reset();
    return column;
}

using Names = std::set<std::string>;

/// Whether a constraint written in the stored text survives the rebuild: the IR item of
/// `start` it stands for (the first that `matches`) is in `target` unchanged, or `start`
/// has no such item (the IR never knew it, so no operation changes it). The target item
/// it stands for goes into `covered`: the kept text already creates it.
template <typename Item, typename Match>
bool keeps(const std::vector<Item>& startItems, const std::vector<Item>& targetItems, Match matches, Names& covered)
{
    auto first = [&](const std::vector<Item>& items) -> const Item* {
        for (const auto& item : items)
            if (matches(item))
                return &item;
        return nullptr;
    };
    const Item* was = first(startItems);
    if (!was) {
        if (const Item* same = first(targetItems))
            covered.insert(same->name);
        return true;
    }
    for (const auto& item : targetItems) {
        if (item == *was) {
            covered.insert(item.name);
            return true;
        }
    }
    return false;
}

bool isEnumCheck(const ParsedCheck& check)
{
    return check.name.rfind("enum:", 0) == 0;
}

/// The IR items the kept texts create.
struct Covered {
    Names uniques, foreignKeys, checks;
    bool primaryKey = false;

    void merge(const Covered& other)
    {
        uniques.insert(other.uniques.begin(), other.uniques.end());
        foreignKeys.insert(other.foreignKeys.begin(), other.foreignKeys.end());
        checks.insert(other.checks.begin(), other.checks.end());
        primaryKey = primaryKey || other.primaryKey;
    }
};

class TextEdit {
public:
    TextEdit(const ParsedCreateTable& parsed, const Table& start, const Table& target)
        : m_parsed(parsed), m_start(start), m_target(target)
    {
    }

    bool keepsUnique(const ParsedUnique& p, Covered& covered) const
    {
        return keeps(m_start.uniques, m_target.uniques, [&](const UniqueConstraint& u) {
            return p.name.empty() ? sameNames(u.columns, p.columns) : equalsIgnoreCase(u.name, p.name);
        }, covered.uniques);
    }

    bool keepsForeignKey(const ParsedForeignKey& p, Covered& covered) const
    {
        return keeps(m_start.foreignKeys, m_target.foreignKeys, [&](const ForeignKey& fk) {
            return p.name.empty() ? sameNames(fk.columns, p.columns) && equalsIgnoreCase(fk.refTable, p.refTable)
                                  : equalsIgnoreCase(fk.name, p.name);
        }, covered.foreignKeys);
    }

    bool keepsCheck(const ParsedCheck& p, Covered& covered) const
    {
        if (isEnumCheck(p))
            return false;  // the enum column writes its CHECK from the enum's values
        return keeps(m_start.checks, m_target.checks, [&](const CheckConstraint& c) {
            return p.name.empty() ? c.expr == p.expr : equalsIgnoreCase(c.name, p.name);
        }, covered.checks);
    }

    bool keepsPrimaryKey() const { return sameNames(m_start.primaryKey, m_target.primaryKey); }

    /// Whether the column `target` comes from `source` unrenamed and with the same
    /// definition (type, collation, nullability, default).
    bool keepsDefinition(const Column& target, const std::string& source) const
    {
        const Column* was = m_start.findColumn(source);
        return was && source == target.name && target.type != ColumnType::Enum && was->type != ColumnType::Enum
            && definitionOf(*was) == definitionOf(target);
    }

    /// Whether every constraint written on the column is kept.
    bool keepsAllConstraints(const ParsedColumn& parsed, Covered& covered) const
    {
        Covered mine;
        for (const auto& constraint : parsed.constraints)
            if (!keepsConstraint(constraint, false, mine))
                return false;
        covered.merge(mine);
        return true;
    }

    /// Whether a constraint of the stored text is kept. `inlinePrimaryKeyWritten`: the primary
    /// key is already written elsewhere (inline with AUTOINCREMENT on a new definition).
    bool keepsConstraint(const ParsedTableConstraint& c, bool inlinePrimaryKeyWritten, Covered& covered) const
    {
        switch (c.kind) {
        case ParsedTableConstraint::Kind::PrimaryKey:
            if (!keepsPrimaryKey() || inlinePrimaryKeyWritten)
                return false;
            covered.primaryKey = true;
            return true;
        case ParsedTableConstraint::Kind::Unique: return keepsUnique(m_parsed.uniques[c.item], covered);
        case ParsedTableConstraint::Kind::Check: return keepsCheck(m_parsed.checks[c.item], covered);
        case ParsedTableConstraint::Kind::ForeignKey: return keepsForeignKey(m_parsed.foreignKeys[c.item], covered);
        }
        return false;
    }

private:
    const ParsedCreateTable& m_parsed;
    const Table& m_start;
    const Table& m_target;
};

/// A separator between two entries that is only a comma and white space.
bool plainSeparator(std::string_view text)
{
    return std::count(text.begin(), text.end(), ',') == 1
        && std::all_of(text.begin(), text.end(), [](char c) { return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

} // namespace

std::optional<std::string> sqliteEditedCreateTable(std::string_view storedSql, const Table& start,
                                                   const Table& target,
                                                   const std::map<std::string, std::string>& sourceOf,
                                                   const Schema& schema, const SqliteTableSpelling& spelling)
{
    const ParsedCreateTable parsed = parseCreateTable(storedSql);
    if (parsed.isVirtual || parsed.open == 0 || parsed.columns.empty() || parsed.close <= parsed.open)
        return std::nullopt;

    // The entries of the column list as written: columns, then table constraints.
    struct Span {
        std::size_t begin, end;
    };
    std::vector<Span> spans;
    for (const auto& column : parsed.columns)
        spans.push_back({column.begin, column.end});
    for (const auto& constraint : parsed.tableConstraints)
        spans.push_back({constraint.begin, constraint.end});
    auto separatorBefore = [&](std::size_t entry) -> std::string {
        if (entry == 0)
            return {};
        return std::string(storedSql.substr(spans[entry - 1].end, spans[entry].begin - spans[entry - 1].end));
    };
    std::string plain = ",\n  ";
    for (std::size_t entry = parsed.columns.size() - 1; entry > 0; --entry) {
        if (plainSeparator(separatorBefore(entry))) {
            plain = separatorBefore(entry);
            break;
        }
    }

    std::string body;
    bool first = true;
    auto put = [&](const std::string& separator, const std::string& text) {
        if (!first)
            body += separator.empty() ? plain : separator;
        first = false;
        body += text;
    };

    const TextEdit edit(parsed, start, target);
    Covered covered;
    const Column* inlinePrimaryKey = sqliteInlinePrimaryKey(target);
    bool inlinePrimaryKeyWritten = false;
    for (const auto& column : target.columns) {
        auto source = sourceOf.find(column.name);
        std::size_t entry = parsed.columns.size();
        if (source != sourceOf.end())
            for (std::size_t k = 0; k < parsed.columns.size(); ++k)
                if (equalsIgnoreCase(parsed.columns[k].name, source->second))
                    entry = k;
        if (entry == parsed.columns.size()) {  // a new column
            if (&column == inlinePrimaryKey)
                inlinePrimaryKeyWritten = true;
            put({}, sqliteColumnDefinition(target, column, schema, spelling.strictTypes));
            continue;
        }
        const ParsedColumn& was = parsed.columns[entry];
        const bool sameDefinition = edit.keepsDefinition(column, source->second);
        if (sameDefinition && edit.keepsAllConstraints(was, covered)) {
            put(separatorBefore(entry), was.definition);
            continue;
        }
        // Written anew, with the constraints on it that stay as they were written.
        const bool inlineHere = &column == inlinePrimaryKey;
        inlinePrimaryKeyWritten = inlinePrimaryKeyWritten || inlineHere;
        std::string definition = sqliteColumnDefinition(target, column, schema, spelling.strictTypes);
        const std::string notNull = " NOT NULL";
        const std::size_t at = definition.find(notNull, sqliteQuoteIdentifier(column.name).size());
        if (!column.nullable && !was.notNullConflict.empty() && at != std::string::npos)
            definition.insert(at + notNull.size(), " ON CONFLICT " + was.notNullConflict);
        if (source->second == column.name)
            for (const auto& constraint : was.constraints)
                if (edit.keepsConstraint(constraint, inlineHere, covered))
                    definition += " " + std::string(storedSql.substr(constraint.begin, constraint.end - constraint.begin));
        put(separatorBefore(entry), definition);
    }
    for (std::size_t k = 0; k < parsed.tableConstraints.size(); ++k) {
        const ParsedTableConstraint& constraint = parsed.tableConstraints[k];
        if (edit.keepsConstraint(constraint, inlinePrimaryKeyWritten, covered))
            put(separatorBefore(parsed.columns.size() + k),
                std::string(storedSql.substr(constraint.begin, constraint.end - constraint.begin)));
    }
    if (!target.primaryKey.empty() && !covered.primaryKey && !inlinePrimaryKeyWritten)
        put({}, sqlitePrimaryKeyConstraint(target.primaryKey));
    for (const auto& unique : target.uniques)
        if (!covered.uniques.count(unique.name))
            put({}, sqliteUniqueConstraint(unique));
    for (const auto& fk : target.foreignKeys)
        if (!covered.foreignKeys.count(fk.name))
            put({}, sqliteForeignKeyConstraint(fk));
    for (const auto& check : target.checks)
        if (!covered.checks.count(check.name))
            put({}, sqliteCheckConstraint(check));

    const std::size_t afterOpen = parsed.open + 1;
    const std::size_t firstBegin = spans.front().begin;
    const std::size_t lastEnd = spans.back().end;
    std::string sql = "CREATE TABLE " + sqliteQuoteIdentifier(spelling.name.empty() ? target.name : spelling.name)
                    + " (" + std::string(storedSql.substr(afterOpen, firstBegin - afterOpen)) + body
                    + std::string(storedSql.substr(lastEnd, parsed.close - lastEnd));
    sql += trimSql(storedSql.substr(parsed.close));  // ")" and the table options as written
    return sql;
}

} // namespace tempest
