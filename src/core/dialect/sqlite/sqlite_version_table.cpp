// SqliteDialect's version table: literal SQL for the writes, so that `--sql` output can
// print exactly what an online run executes.

#include "core/dialect/sqlite/sqlite_dialect.h"

namespace tempest {

namespace {

std::string literalOrNull(std::string_view text)
{
    return text.empty() ? std::string("NULL") : sqliteQuoteLiteral(text);
}

/// ResultSet::text() of a cell the caller no longer needs: a text value is moved out.
std::string takeText(Value& value)
{
    if (auto* text = std::get_if<std::string>(&value))
        return std::move(*text);
    return isNull(value) ? std::string() : valueToString(value);
}

} // namespace

std::vector<std::string> SqliteDialect::createVersionTable(std::string_view, std::string_view table) const
{
    return {"CREATE TABLE IF NOT EXISTS " + quoteIdentifier(table)
            + " (\"id\" TEXT PRIMARY KEY NOT NULL, \"label\" TEXT, \"applied_at\" TEXT NOT NULL, "
              "\"checksum\" TEXT, \"seq\" INTEGER NOT NULL)"};
}

bool SqliteDialect::versionTableExists(Driver& driver, std::string_view, std::string_view table) const
{
    ResultSet rows = driver.query("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = ?",
                                  {Value(std::string(table))});
    return !rows.rows.empty() && rows.integer(0, "n") > 0;
}

std::vector<AppliedRevision> SqliteDialect::readVersionTable(Driver& driver, std::string_view, std::string_view table) const
{
    ResultSet rows = driver.query("SELECT \"id\", \"label\", \"applied_at\", \"checksum\", \"seq\" FROM "
                                  + quoteIdentifier(table) + " ORDER BY \"seq\"");
    // Columns found once, not per row and cell; texts moved out of the result (a
    // history of 10,000 revisions is 10,000 rows).
    const std::size_t id = rows.columnIndex("id"), label = rows.columnIndex("label"),
                      appliedAt = rows.columnIndex("applied_at"), checksum = rows.columnIndex("checksum");
    std::vector<AppliedRevision> result;
    result.reserve(rows.rows.size());
    for (std::size_t r = 0; r < rows.rows.size(); ++r) {
        std::vector<Value>& row = rows.rows[r];
        const std::int64_t seq = rows.integer(r, "seq");
        result.push_back({takeText(row[id]), takeText(row[label]), takeText(row[appliedAt]), takeText(row[checksum]), seq});
    }
    return result;
}

std::string SqliteDialect::insertVersionRow(std::string_view, std::string_view table, const AppliedRevision& row) const
{
    return "INSERT INTO " + quoteIdentifier(table)
         + " (\"id\", \"label\", \"applied_at\", \"checksum\", \"seq\") VALUES (" + quoteLiteral(row.id) + ", "
         + literalOrNull(row.label) + ", "
         + (row.appliedAt.empty() ? std::string("strftime('%Y-%m-%dT%H:%M:%SZ', 'now')") : quoteLiteral(row.appliedAt))
         + ", " + literalOrNull(row.checksum)
         + ", " + std::to_string(row.seq) + ")";
}

std::string SqliteDialect::deleteVersionRow(std::string_view, std::string_view table, std::string_view id) const
{
    return "DELETE FROM " + quoteIdentifier(table) + " WHERE \"id\" = " + quoteLiteral(id);
}

} // namespace tempest
