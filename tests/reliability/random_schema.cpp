#include "random_schema.h"

#include <algorithm>
#include <set>

namespace tempest::test {

namespace {

const std::vector<std::string> kTableNames = {"t0", "t1", "order", "Line Item", "t4"};
const std::vector<std::string> kColumnNames = {"c0", "c1", "select", "Amount Due", "c4", "c5"};

std::string q(std::string_view name)
{
    std::string out = "\"";
    for (char c : name)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

bool isTextual(ColumnType type) { return type == ColumnType::Text || type == ColumnType::Varchar; }

std::optional<DefaultValue> defaultFor(const Column& column, const Schema& schema)
{
    switch (column.type) {
    case ColumnType::Smallint:
    case ColumnType::Integer:
    case ColumnType::Bigint: return DefaultValue::number("3");  // = kRows: a valid key, distinct from rows 1 and 2
    case ColumnType::Numeric: return DefaultValue::number("1.5");
    case ColumnType::Real:
    case ColumnType::Double: return DefaultValue::number("9.5");
    case ColumnType::Boolean: return DefaultValue::boolean(true);
    case ColumnType::Date: return DefaultValue::string("2024-02-01");
    case ColumnType::Timestamp:
    case ColumnType::Timestamptz: return DefaultValue::expression("CURRENT_TIMESTAMP");
    case ColumnType::Time: return DefaultValue::string("12:00:00");
    case ColumnType::Uuid: return DefaultValue::string("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    case ColumnType::Json: return DefaultValue::string("{}");
    case ColumnType::Blob: return DefaultValue::string("\\x00");
    case ColumnType::Enum:
        for (const EnumType& e : schema.enums)
            if (e.name == column.enumName)
                return DefaultValue::string(e.values.front());
        return std::nullopt;
    default: return DefaultValue::string("dflt");
    }
}

void renameInTable(Table& table, const std::string& from, const std::string& to)
{
    auto swap = [&](std::string& name) {
        if (name == from)
            name = to;
    };
    for (auto& pk : table.primaryKey)
        swap(pk);
    for (auto& index : table.indexes) {
        for (auto& column : index.columns) {
            if (column.expression) {
                const std::string quoted = q(from);
                for (auto at = column.value.find(quoted); at != std::string::npos;
                     at = column.value.find(quoted, at + 1))
                    column.value.replace(at, quoted.size(), q(to));
            } else {
                swap(column.value);
            }
        }
        if (index.where) {
            const std::string quoted = q(from);
            for (auto at = index.where->find(quoted); at != std::string::npos; at = index.where->find(quoted, at + 1))
                index.where->replace(at, quoted.size(), q(to));
        }
    }
    for (auto& unique : table.uniques)
        for (auto& c : unique.columns)
            swap(c);
    for (auto& fk : table.foreignKeys)
        for (auto& c : fk.columns)
            swap(c);
    for (auto& check : table.checks) {
        const std::string quoted = q(from);
        for (auto at = check.expr.find(quoted); at != std::string::npos; at = check.expr.find(quoted, at + 1))
            check.expr.replace(at, quoted.size(), q(to));
    }
}

bool mentions(const std::string& sql, const std::string& column) { return sql.find(q(column)) != std::string::npos; }

/// The first column name of the pool the table does not have, nor `before` ("" when
/// they have them all).
std::string unusedColumnName(const Table& table, const Table* before = nullptr)
{
    for (const auto& candidate : kColumnNames)
        if (!table.findColumn(candidate) && !(before && before->findColumn(candidate)))
            return candidate;
    return {};
}

/// The table of A that `table` of B is (same name, or renamed from it), or null.
const Table* tableInA(const Schema& a, const Table& table)
{
    const Table* found = nullptr;
    for (const Table& at : a.tables)
        if (at.name == table.name || (table.renamedFrom && *table.renamedFrom == at.name))
            found = &at;
    return found;
}

} // namespace

void sanitizeSchema(Schema& schema)
{
    std::set<std::string> tables;
    for (const Table& t : schema.tables)
        tables.insert(t.name);
    for (Table& t : schema.tables) {
        auto has = [&](const std::string& c) { return t.findColumn(c) != nullptr; };
        t.primaryKey.erase(std::remove_if(t.primaryKey.begin(), t.primaryKey.end(), [&](auto& c) { return !has(c); }),
                           t.primaryKey.end());
        std::erase_if(t.indexes, [&](const Index& index) {
            for (const auto& c : index.columns)
                if (c.expression ? std::none_of(t.columns.begin(), t.columns.end(),
                                                [&](const Column& col) { return mentions(c.value, col.name); })
                                 : !has(c.value))
                    return true;
            if (index.where)
                for (const auto& c : kColumnNames)
                    if (mentions(*index.where, c) && !has(c))
                        return true;
            return false;
        });
        // Booleans and enums have too few values for the rows to stay distinct once a
        // NULL is filled with the default: no unique on them.
        auto fewValues = [&](const std::string& name) {
            const Column* c = t.findColumn(name);
            return c && (c->type == ColumnType::Boolean || c->type == ColumnType::Enum);
        };
        std::erase_if(t.uniques, [&](const UniqueConstraint& u) {
            return std::any_of(u.columns.begin(), u.columns.end(), [&](auto& c) { return !has(c) || fewValues(c); });
        });
        // Two unique constraints on the same columns are one on SQLite (noted on issue 9).
        std::set<std::vector<std::string>> uniqueColumns;
        std::erase_if(t.uniques, [&](const UniqueConstraint& u) { return !uniqueColumns.insert(u.columns).second; });
        std::erase_if(t.indexes, [&](const Index& index) {
            return index.unique && std::any_of(index.columns.begin(), index.columns.end(), [&](const IndexColumn& c) {
                       return !c.expression && fewValues(c.value);
                   });
        });
        std::erase_if(t.checks, [&](const CheckConstraint& check) {
            for (const auto& c : kColumnNames)
                if (mentions(check.expr, c) && !has(c))
                    return true;
            return false;
        });
        std::erase_if(t.foreignKeys, [&](const ForeignKey& fk) {
            if (!tables.count(fk.refTable))
                return true;
            return std::any_of(fk.columns.begin(), fk.columns.end(), [&](auto& c) { return !has(c); });
        });
        for (Column& c : t.columns)
            if (c.autoincrement && !(t.primaryKey.size() == 1 && t.primaryKey[0] == c.name))
                c.autoincrement = false;
    }
    std::set<std::string> usedEnums;
    for (const Table& t : schema.tables)
        for (const Column& c : t.columns)
            if (c.type == ColumnType::Enum)
                usedEnums.insert(c.enumName);
    std::erase_if(schema.enums, [&](const EnumType& e) { return !usedEnums.count(e.name); });
}

Column RandomSchemaPairs::column(const std::string& name, const Schema& schema)
{
    Column c;
    c.name = name;
    // PostgreSQL draws from more types; SQLite's draw is the one it always was.
    switch (m_postgres ? pick(17) : pick(9)) {
    case 0: c.type = ColumnType::Integer; break;
    case 1: c.type = ColumnType::Bigint; break;
    case 2: c.type = ColumnType::Text; break;
    case 3: c.type = ColumnType::Varchar; c.length = 20 + 10 * int(pick(3)); break;
    case 4: c.type = ColumnType::Numeric; c.precision = 10; c.scale = 2; break;
    case 5: c.type = ColumnType::Boolean; break;
    case 6: c.type = ColumnType::Date; break;
    case 7: c.type = ColumnType::Timestamp; break;
    case 9: c.type = ColumnType::Smallint; break;
    case 10: c.type = ColumnType::Real; break;
    case 11: c.type = ColumnType::Char; c.length = 4 + int(pick(3)); break;  // holds the default 'dflt'
    case 12: c.type = ColumnType::Time; break;
    case 13: c.type = ColumnType::Timestamptz; break;
    case 14: c.type = ColumnType::Uuid; break;
    case 15: c.type = ColumnType::Json; break;
    case 16: c.type = ColumnType::Blob; break;
    default:
        if (!schema.enums.empty()) {
            c.type = ColumnType::Enum;
            c.enumName = schema.enums[pick(schema.enums.size())].name;
        } else {
            c.type = ColumnType::Double;
        }
    }
    c.nullable = !chance(3);
    if (!c.nullable || chance(3))
        c.defaultValue = defaultFor(c, schema);
    if (m_postgres && c.defaultValue) {
        // Boolean literals both ways, and expressions the server stores in its own
        // spelling (compared through prepareModelForCompare); (1 + 2) is 3, the usual key.
        if (c.type == ColumnType::Boolean && chance(2))
            c.defaultValue = DefaultValue::boolean(false);
        else if (isIntegerType(c.type) && chance(4))
            c.defaultValue = DefaultValue::expression("(1 + 2)");
        else if (isTextual(c.type) && chance(4))
            c.defaultValue = DefaultValue::expression("lower('DFLT')");
        else if (c.type == ColumnType::Timestamptz && chance(2))
            c.defaultValue = DefaultValue::expression("now()");
    }
    if (chance(6))
        c.comment = "about " + name;
    return c;
}

Table RandomSchemaPairs::table(const std::string& name, const Schema& schema, bool withData)
{
    (void)withData;
    Table t;
    t.name = name;
    Column id;
    id.name = "id";
    id.type = ColumnType::Integer;
    id.nullable = false;
    id.autoincrement = chance(2);
    t.columns.push_back(id);
    t.primaryKey = {"id"};
    std::vector<std::string> names = kColumnNames;
    std::shuffle(names.begin(), names.end(), m_random);
    const std::size_t count = 1 + pick(4);
    for (std::size_t i = 0; i < count; ++i)
        t.columns.push_back(column(names[i], schema));
    for (int i = 0; i < 2; ++i) {
        if (!chance(2))
            continue;
        const Column& c = t.columns[1 + pick(t.columns.size() - 1)];
        Index index;
        index.name = "ix_" + std::to_string(++m_serial);
        if (isTextual(c.type) && chance(2))
            index.columns = {IndexColumn::expr("lower(" + q(c.name) + ")")};
        else
            index.columns = {IndexColumn::column(c.name)};
        index.unique = chance(3);
        if (chance(3))
            index.where = q(c.name) + " IS NOT NULL";
        t.indexes.push_back(index);
    }
    if (chance(3))
        t.uniques.push_back({"uq_" + std::to_string(++m_serial), {t.columns[1 + pick(t.columns.size() - 1)].name}});
    if (chance(3)) {
        const Column& c = t.columns[1 + pick(t.columns.size() - 1)];
        if (isIntegerType(c.type))
            t.checks.push_back({"ck_" + std::to_string(++m_serial), q(c.name) + " >= 0"});
        else if (isTextual(c.type))
            t.checks.push_back({"ck_" + std::to_string(++m_serial), "length(" + q(c.name) + ") < 100"});
    }
    if (chance(5))
        t.comment = "the " + name + " table";
    return t;
}

std::string RandomSchemaPairs::pickColumn(const Table& table, bool includeId)
{
    if (!includeId && table.columns.size() > 1)
        return table.columns[1 + pick(table.columns.size() - 1)].name;
    return table.columns[pick(table.columns.size())].name;
}

void RandomSchemaPairs::addForeignKey(Table& table, const Schema& schema, const Schema& a, bool onlyNewColumns)
{
    // Integer columns hold 1..kRows and every table with data has ids 1..kRows, so the
    // key holds — as long as the referenced table has data (it existed in A) and comes
    // no later than this one (rows are inserted in table order).
    std::vector<const Column*> candidates;
    for (const Column& c : table.columns)
        if (c.name != "id" && (c.type == ColumnType::Integer || c.type == ColumnType::Bigint))
            if (!onlyNewColumns || true)
                candidates.push_back(&c);
    if (candidates.empty())
        return;
    std::vector<const Table*> parents;
    for (const Table& t : schema.tables) {
        const bool hadData = std::any_of(a.tables.begin(), a.tables.end(), [&](const Table& old) {
            return old.name == t.name || (t.renamedFrom && old.name == *t.renamedFrom);
        });
        if (hadData || !onlyNewColumns)
            parents.push_back(&t);
        if (t.name == table.name)
            break;
    }
    if (parents.empty())
        return;
    const Column* column = candidates[pick(candidates.size())];
    ForeignKey fk;
    fk.name = "fk_" + std::to_string(++m_serial);
    fk.columns = {column->name};
    fk.refTable = parents[pick(parents.size())]->name;
    fk.refColumns = {"id"};
    switch (pick(4)) {
    case 0: fk.onDelete = FkAction::Cascade; break;
    case 1: fk.onDelete = FkAction::Restrict; break;
    case 2: fk.onDelete = column->nullable ? FkAction::SetNull : FkAction::NoAction; break;
    default: break;
    }
    if (chance(4))
        fk.onUpdate = FkAction::Cascade;
    table.foreignKeys.push_back(fk);
}

Schema RandomSchemaPairs::generate()
{
    Schema schema;
    for (int e = 0; e < 2; ++e)
        if (chance(2))
            schema.enums.push_back({"mood" + std::to_string(e), {"calm", "glad", "sad"}, std::nullopt});
    std::vector<std::string> names = kTableNames;
    std::shuffle(names.begin(), names.end(), m_random);
    const std::size_t count = 1 + pick(3);
    for (std::size_t i = 0; i < count; ++i)
        schema.tables.push_back(table(names[i], schema, true));
    for (Table& t : schema.tables)
        if (chance(2))
            addForeignKey(t, schema, schema, true);
    sanitizeSchema(schema);
    return schema;
}

void RandomSchemaPairs::mutate(Schema& b, const Schema& a)
{
    const std::size_t changes = 1 + pick(4);
    for (std::size_t n = 0; n < changes; ++n) {
        if (b.tables.empty()) {
            b.tables.push_back(table("n" + std::to_string(++m_serial), b, false));
            continue;
        }
        Table& t = b.tables[pick(b.tables.size())];
        const bool hadData = std::any_of(a.tables.begin(), a.tables.end(), [&](const Table& old) {
            return old.name == t.name || (t.renamedFrom && old.name == *t.renamedFrom);
        });
        const std::size_t kind = pick(m_postgres ? 21 : 16);
        if (kind >= 16) {
            mutatePostgres(b, a, t, kind);
            continue;
        }
        switch (kind) {
        case 0:  // a new table (empty), perhaps referencing others
            b.tables.push_back(table("n" + std::to_string(++m_serial), b, false));
            if (chance(2))
                addForeignKey(b.tables.back(), b, a, false);
            break;
        case 1: {  // drop a table no other table references (its downgrade could not refill it)
            auto references = [](const Schema& schema, const Table& table, const std::string& name) {
                return std::any_of(schema.tables.begin(), schema.tables.end(), [&](const Table& other) {
                    return other.name != table.name
                        && std::any_of(other.foreignKeys.begin(), other.foreignKeys.end(),
                                       [&](const ForeignKey& fk) { return fk.refTable == name; });
                });
            };
            // Nor did in A: a key dropped earlier in this revision comes back on the way
            // down, onto the empty table (seed 4202).
            const Table* before = tableInA(a, t);
            const bool referenced = references(b, t, t.name) || (before && references(a, *before, before->name));
            if (!referenced)
                b.tables.erase(b.tables.begin() + std::ptrdiff_t(&t - b.tables.data()));
            break;
        }
        case 2: {  // rename a table (renamedFrom), its references follow
            if (t.renamedFrom)
                break;
            const std::string old = t.name, fresh = "r" + std::to_string(++m_serial);
            t.renamedFrom = old;
            t.name = fresh;
            for (Table& other : b.tables)
                for (ForeignKey& fk : other.foreignKeys)
                    if (fk.refTable == old)
                        fk.refTable = fresh;
            break;
        }
        case 3: {  // add a column: nullable, or NOT NULL with a default
            // A column dropped and added again under its name is a type change (the same
            // name is the same column). SQLite's rebuild CASTs anything (but into an enum,
            // see below); PostgreSQL's USING casts refuse json to an enum or uuid to an
            // integer (seed 1052): there a new column takes a name the table did not have in A.
            const std::string name = unusedColumnName(t, m_postgres ? tableInA(a, t) : nullptr);
            if (name.empty())
                break;
            Column c = column(name, b);
            if (!c.nullable && !c.defaultValue)
                c.defaultValue = defaultFor(c, b);
            if (c.defaultValue && c.defaultValue->kind == DefaultValue::Kind::Expression && !c.nullable)
                c.nullable = true;
            t.columns.push_back(c);
            break;
        }
        case 4: {  // drop a column its downgrade can bring back (nullable, not unique)
            if (t.columns.size() <= 2)
                break;
            const std::size_t at = 1 + pick(t.columns.size() - 1);
            const std::string name = t.columns[at].name;
            auto uniqueIn = [](const Table& table, const std::string& column) {
                return std::any_of(table.uniques.begin(), table.uniques.end(),
                                   [&](const UniqueConstraint& u) {
                                       return std::find(u.columns.begin(), u.columns.end(), column) != u.columns.end();
                                   })
                    || std::any_of(table.indexes.begin(), table.indexes.end(), [&](const Index& index) {
                           return index.unique
                               && std::any_of(index.columns.begin(), index.columns.end(), [&](const IndexColumn& c) {
                                      return mentions(c.value, column) || c.value == column;
                                  });
                       });
            };
            // Nor unique in A: a unique dropped earlier in this revision comes back on the
            // way down, over a column refilled with one default (seed 6513).
            const Table* before = tableInA(a, t);
            const std::string nameInA = t.columns[at].renamedFrom ? *t.columns[at].renamedFrom : name;
            const bool unique = uniqueIn(t, name) || (before && uniqueIn(*before, nameInA));
            if (t.columns[at].nullable && !unique)
                t.columns.erase(t.columns.begin() + std::ptrdiff_t(at));
            break;
        }
        case 5: {  // rename a column (renamedFrom)
            if (t.columns.size() < 2)
                break;
            Column& c = t.columns[1 + pick(t.columns.size() - 1)];
            if (c.renamedFrom)
                break;
            // A name the table never had: DESIGN.md applies a hint only while the new
            // name does not exist, so renaming into a column dropped in the same
            // revision would be drop + add.
            const Table* before = tableInA(a, t);
            std::string fresh;
            for (const auto& candidate : kColumnNames)
                if (!t.findColumn(candidate) && !(before && before->findColumn(candidate)))
                    fresh = candidate;
            if (fresh.empty())
                break;
            const std::string old = c.name;
            c.renamedFrom = old;
            c.name = fresh;
            renameInTable(t, old, fresh);
            break;
        }
        case 6: {  // widen a type
            if (t.columns.size() < 2)
                break;
            Column& c = t.columns[1 + pick(t.columns.size() - 1)];
            if (c.type == ColumnType::Integer)
                c.type = ColumnType::Bigint;
            else if (c.type == ColumnType::Varchar && chance(2))
                c.length = *c.length + 15;
            else if (c.type == ColumnType::Varchar)
                c.type = ColumnType::Text, c.length.reset();
            else if (c.type == ColumnType::Numeric)
                c.precision = *c.precision + 2;
            else if (c.type == ColumnType::Smallint)  // the types below only PostgreSQL draws
                c.type = ColumnType::Integer;
            else if (c.type == ColumnType::Real)
                c.type = ColumnType::Double;
            else if (c.type == ColumnType::Char)
                c.type = ColumnType::Varchar, c.length = *c.length + 10;
            else if (m_postgres && c.type == ColumnType::Timestamp)
                c.type = ColumnType::Timestamptz;
            else if (m_postgres && c.type == ColumnType::Date)
                c.type = ColumnType::Timestamp;
            else if (m_postgres && c.type == ColumnType::Enum)
                c.type = ColumnType::Text, c.enumName.clear();
            if (c.defaultValue && c.defaultValue->kind == DefaultValue::Kind::String && !isTextual(c.type)
                && c.type != ColumnType::Date && c.type != ColumnType::Enum)
                c.defaultValue = defaultFor(c, b);
            break;
        }
        case 7: {  // nullability
            if (t.columns.size() < 2)
                break;
            Column& c = t.columns[1 + pick(t.columns.size() - 1)];
            if (c.nullable && !(c.defaultValue && c.defaultValue->kind == DefaultValue::Kind::Expression)) {
                c.nullable = false;
                if (!c.defaultValue)
                    c.defaultValue = defaultFor(c, b);
            } else {
                c.nullable = true;
            }
            break;
        }
        case 8: {  // a default changes
            if (t.columns.size() < 2)
                break;
            Column& c = t.columns[1 + pick(t.columns.size() - 1)];
            if (c.defaultValue && c.nullable)
                c.defaultValue.reset();
            else if (!c.defaultValue)
                c.defaultValue = defaultFor(c, b);
            break;
        }
        case 9: {  // an index
            if (!t.indexes.empty() && chance(2)) {
                t.indexes.erase(t.indexes.begin() + std::ptrdiff_t(pick(t.indexes.size())));
            } else if (t.columns.size() > 1) {
                Index index;
                index.name = "ix_" + std::to_string(++m_serial);
                index.columns = {IndexColumn::column(pickColumn(t))};
                index.unique = chance(3);
                if (chance(3))
                    index.where = q(index.columns[0].value) + " IS NOT NULL";
                t.indexes.push_back(index);
            }
            break;
        }
        case 10:  // a unique constraint
            if (!t.uniques.empty() && chance(2))
                t.uniques.erase(t.uniques.begin());
            else if (t.columns.size() > 1)
                t.uniques.push_back({"uq_" + std::to_string(++m_serial), {pickColumn(t)}});
            break;
        case 11: {  // a check
            if (!t.checks.empty() && chance(2)) {
                t.checks.erase(t.checks.begin());
                break;
            }
            const std::string name = pickColumn(t);
            const Column* c = t.findColumn(name);
            if (c && isIntegerType(c->type))
                t.checks.push_back({"ck_" + std::to_string(++m_serial), q(name) + " >= 0"});
            else if (c && isTextual(c->type))
                t.checks.push_back({"ck_" + std::to_string(++m_serial), "length(" + q(name) + ") < 100"});
            break;
        }
        case 12:  // a foreign key
            if (!t.foreignKeys.empty() && chance(2))
                t.foreignKeys.erase(t.foreignKeys.begin());
            else
                addForeignKey(t, b, a, hadData);
            break;
        case 13:  // an enum value
            if (!b.enums.empty())
                b.enums[pick(b.enums.size())].values.push_back("v" + std::to_string(++m_serial));
            break;
        case 14:  // comments
            t.comment = chance(2) ? std::optional<std::string>() : std::optional<std::string>("changed");
            break;
        default: {  // a new enum column
            if (b.enums.empty())
                b.enums.push_back({"tone" + std::to_string(++m_serial), {"low", "high"}, std::nullopt});
            // Not a name the table had in A: A's rows of another type hold no value of
            // the enum (seed 7025 on SQLite: bigint → enum fails the enum's CHECK).
            const std::string name = unusedColumnName(t, tableInA(a, t));
            if (name.empty())
                break;
            Column c;
            c.name = name;
            c.type = ColumnType::Enum;
            c.enumName = b.enums.back().name;
            c.defaultValue = defaultFor(c, b);
            t.columns.push_back(c);
            break;
        }
        }
    }
    // A column added with a default to a table that has rows holds the default in every
    // row: it cannot be unique.
    for (Table& t : b.tables) {
        const Table* old = tableInA(a, t);
        if (!old)
            continue;
        auto filledAlike = [&](const std::string& name) {
            const Column* c = t.findColumn(name);
            const bool isNew = c && !old->findColumn(name) && !(c->renamedFrom && old->findColumn(*c->renamedFrom));
            return isNew && c->defaultValue.has_value();
        };
        std::erase_if(t.uniques, [&](const UniqueConstraint& u) {
            return std::any_of(u.columns.begin(), u.columns.end(), filledAlike);
        });
        std::erase_if(t.indexes, [&](const Index& index) {
            return index.unique && std::any_of(index.columns.begin(), index.columns.end(), [&](const IndexColumn& c) {
                       return c.expression ? std::any_of(t.columns.begin(), t.columns.end(), [&](const Column& col) {
                           return mentions(c.value, col.name) && filledAlike(col.name);
                       })
                                           : filledAlike(c.value);
                   });
        });
    }
    sanitizeSchema(b);
}

void RandomSchemaPairs::mutatePostgres(Schema& b, const Schema& a, Table& t, std::size_t kind)
{
    switch (kind) {
    case 16:  // an enum value inserted before another (ALTER TYPE … ADD VALUE … BEFORE)
        if (!b.enums.empty()) {
            EnumType& e = b.enums[pick(b.enums.size())];
            e.values.insert(e.values.begin() + std::ptrdiff_t(pick(e.values.size())), "v" + std::to_string(++m_serial));
        }
        break;
    case 17: {  // an enum renamed (renamedFrom), its columns follow
        if (b.enums.empty())
            break;
        EnumType& e = b.enums[pick(b.enums.size())];
        if (e.renamedFrom)
            break;
        const std::string old = e.name, fresh = "e" + std::to_string(++m_serial);
        e.renamedFrom = old;
        e.name = fresh;
        for (Table& table : b.tables)
            for (Column& c : table.columns)
                if (c.type == ColumnType::Enum && c.enumName == old)
                    c.enumName = fresh;
        break;
    }
    case 18: {  // an enum value dropped that no row of A holds and no default names
        if (b.enums.empty())
            break;
        EnumType& e = b.enums[pick(b.enums.size())];
        const EnumType* before = a.findEnum(e.renamedFrom ? *e.renamedFrom : e.name);
        if (!before || e.values.size() < 2)
            break;
        std::set<std::string> held;
        for (const Table& table : a.tables)
            for (const Column& c : table.columns)
                if (c.type == ColumnType::Enum && c.enumName == before->name)
                    for (int r = 1; r <= kRows; ++r)
                        if (!(r == kRows && c.nullable))
                            held.insert(before->values[std::size_t(r - 1) % before->values.size()]);
        for (const Table& table : b.tables)
            for (const Column& c : table.columns)
                if (c.type == ColumnType::Enum && c.enumName == e.name && c.defaultValue)
                    held.insert(c.defaultValue->text);
        std::vector<std::string> droppable;
        for (const std::string& v : before->values)
            if (!held.count(v) && std::find(e.values.begin(), e.values.end(), v) != e.values.end())
                droppable.push_back(v);
        if (!droppable.empty())
            std::erase(e.values, droppable[pick(droppable.size())]);
        break;
    }
    case 19:  // a column comment (compared on PostgreSQL)
        if (t.columns.size() > 1) {
            Column& c = t.columns[1 + pick(t.columns.size() - 1)];
            c.comment = chance(2) ? std::optional<std::string>() : std::optional<std::string>("changed " + c.name);
        }
        break;
    default:  // identity added to or dropped from the key
        t.columns.front().autoincrement = !t.columns.front().autoincrement;
        break;
    }
}

SchemaPair RandomSchemaPairs::next()
{
    SchemaPair pair;
    pair.a = generate();
    pair.b = pair.a;
    mutate(pair.b, pair.a);
    return pair;
}

std::vector<std::string> rowInserts(const Schema& schema, std::string (*quote)(std::string_view))
{
    std::vector<std::string> out;
    for (const Table& t : schema.tables) {
        for (int r = 1; r <= RandomSchemaPairs::kRows; ++r) {
            std::string columns, values;
            for (const Column& c : t.columns) {
                std::string value;
                const bool lastRowNull = r == RandomSchemaPairs::kRows && c.nullable && c.name != "id";
                const std::string n = std::to_string(r);
                if (lastRowNull)
                    value = "NULL";
                else if (isIntegerType(c.type))
                    value = n;
                else if (c.type == ColumnType::Numeric)
                    value = n + ".25";
                else if (c.type == ColumnType::Double || c.type == ColumnType::Real)
                    value = n + ".5";
                else if (c.type == ColumnType::Time)
                    value = "'10:00:0" + n + "'";
                else if (c.type == ColumnType::Timestamptz)
                    value = "'2024-01-0" + n + " 10:00:00+00'";
                else if (c.type == ColumnType::Uuid)
                    value = "'00000000-0000-0000-0000-00000000000" + n + "'";
                else if (c.type == ColumnType::Json)
                    value = "'{\"n\": " + n + "}'";
                else if (c.type == ColumnType::Blob)
                    value = "'\\x0" + n + "'";
                else if (c.type == ColumnType::Boolean)
                    value = r % 2 ? "TRUE" : "FALSE";
                else if (c.type == ColumnType::Date)
                    value = "'2024-01-0" + n + "'";
                else if (c.type == ColumnType::Timestamp)
                    value = "'2024-01-0" + n + " 10:00:00'";
                else if (c.type == ColumnType::Enum) {
                    for (const EnumType& e : schema.enums)
                        if (e.name == c.enumName)
                            value = "'" + e.values[std::size_t(r - 1) % e.values.size()] + "'";
                } else
                    value = "'s" + n + "'";
                columns += (columns.empty() ? "" : ", ") + quote(c.name);
                values += (values.empty() ? "" : ", ") + value;
            }
            out.push_back("INSERT INTO " + quote(t.name) + " (" + columns + ") VALUES (" + values + ")");
        }
    }
    return out;
}

} // namespace tempest::test
