#include <QDir>
#include "pg_cli_project.h"

#include "core/ir/json.h"

namespace tempest::test {

void PgCliProject::writeConfig(const std::string& extraMembers)
{
    writeConfigWithDatabase(m_db.connInfo(), extraMembers);
}

void PgCliProject::writeConfigWithDatabase(const std::string& database, const std::string& extraMembers)
{
    std::string text = "{\n  \"dialect\": \"postgresql\",\n";
    if (!database.empty())
        text += "  \"database\": " + Json(database).dump() + ",\n";
    text += "  \"migrations\": \"migrations\",\n  \"models\": \"models.json\"";
    if (!extraMembers.empty())
        text += ",\n  " + extraMembers;
    writeFile("tempest.json", text + "\n}\n");
    // As `init` leaves it: a project without its migrations folder is refused (exit 2).
    QDir().mkpath(QString::fromStdString(path("migrations")));
}

namespace {

bool tableExists(Driver& db, const std::string& table)
{
    return db.query("SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = 'public' AND tablename = $1",
                    {Value(table)})
        .rows.size() == 1;
}

std::vector<std::string> firstColumn(Driver& db, const std::string& sql, const std::vector<Value>& params = {})
{
    const ResultSet rows = db.query(sql, params);
    std::vector<std::string> values;
    for (const auto& row : rows.rows)
        values.push_back(valueToString(row[0]));
    return values;
}

} // namespace

std::vector<std::string> PgCliProject::appliedIds(const std::string& versionTable) const
{
    auto db = connect();
    if (!tableExists(*db, versionTable))
        return {};
    return firstColumn(*db, "SELECT id FROM " + Json(versionTable).dump() + " ORDER BY seq");
}

std::string PgCliProject::versionTableDump(const std::string& versionTable) const
{
    auto db = connect();
    if (!tableExists(*db, versionTable))
        return {};
    std::string dump;
    for (const std::string& row :
         firstColumn(*db, "SELECT concat_ws(' | ', id, label, applied_at, checksum, seq) FROM " +
                              Json(versionTable).dump() + " ORDER BY seq"))
        dump += row + "\n";
    return dump;
}

std::vector<std::string> PgCliProject::tables() const
{
    auto db = connect();
    return firstColumn(*db, "SELECT tablename::text FROM pg_catalog.pg_tables WHERE schemaname = 'public' "
                            "AND tablename <> 'tempest_db_migrations' ORDER BY 1");
}

std::vector<std::string> PgCliProject::columns(const std::string& table) const
{
    auto db = connect();
    return firstColumn(*db,
                       "SELECT attname::text FROM pg_catalog.pg_attribute WHERE attrelid = to_regclass($1) "
                       "AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
                       {Value(Json(table).dump())});
}

std::string PgCliProject::snapshot() const
{
    const CliRun introspect = run({"introspect"});
    std::string text = introspect.exitCode == 0 ? introspect.out : "introspect failed: " + introspect.describe();
    return text + "--- version table\n" + versionTableDump();
}

void PgCliProject::execute(const std::string& sql) const
{
    connect()->execute(sql);
}

std::int64_t PgCliProject::integer(const std::string& sql) const
{
    const ResultSet rows = connect()->query(sql);
    if (rows.rows.empty() || rows.columns.empty())
        throw std::runtime_error("no row: " + sql);
    return rows.integer(0, rows.columns[0]);
}

std::string PgCliProject::text(const std::string& sql) const
{
    const ResultSet rows = connect()->query(sql);
    if (rows.rows.empty() || rows.columns.empty())
        return {};
    return rows.text(0, rows.columns[0]);
}

std::string pgExecuteOp(const std::string& up, const std::string& down)
{
    std::string op = R"({"kind": "execute", "up": {"postgresql": )" + Json(up).dump() + "}";
    if (!down.empty())
        op += R"(, "down": {"postgresql": )" + Json(down).dump() + "}";
    return op + "}";
}

std::vector<std::string> linesStartingWith(const CliRun& run, const std::string& prefix)
{
    std::vector<std::string> out;
    for (const std::string& line : run.outLines()) {
        if (line.rfind(prefix, 0) == 0)
            out.push_back(line);
    }
    return out;
}

QStringList cliArgs(std::initializer_list<const char*> list)
{
    QStringList out;
    for (const char* a : list)
        out << QString::fromUtf8(a);
    return out;
}

} // namespace tempest::test
