// Introspection of every PostgreSQL schema in tests/data/schemas (real DDL written by
// others): it never fails, costs a fixed number of queries, names what IR cannot express,
// keeps what it can (partial and expression indexes, enums, identity/serial keys), and
// what it produced round-trips through a fresh database.

#include "core/dialect/postgresql/postgres_dialect.h"
#include "core/dialect/postgresql/postgres_introspect.h"
#include "core/diff/diff.h"
#include "core/ir/schema_json.h"
#include "pg_dialect_test.h"

#include <QTest>

#include <algorithm>
#include <map>

using namespace tempest;
using tempest::test::PgScratchDatabase;

namespace {

std::string unsupportedKey(const UnsupportedObject& u)
{
    return u.kind + ":" + u.table.value_or("") + ":" + u.name;
}

/// Checks one fact about the IR: "table:<t>", "enum:<e>", "autoincrement:<t>.<c>",
/// "partial:<t>.<index>", "expr:<t>.<index>", "custom:<t>.<c>=<sql>", "fk:<t>.<fk>=<onDelete>",
/// "check:<t>.<name>", "domain:<d>=<check names>" (the domain's column that uses it is a
/// custom fact), "sequence:<s>" (listed), "sequence:<s>=<t>.<c>" (listed, owned by
/// t.c), "implied:<s>" (behind an autoincrement column, not listed).
bool holds(const Schema& schema, const std::string& fact, std::string& why)
{
    const auto colon = fact.find(':');
    const std::string kind = fact.substr(0, colon);
    std::string rest = fact.substr(colon + 1);
    std::string value;
    if (auto eq = rest.find('='); eq != std::string::npos) {
        value = rest.substr(eq + 1);
        rest = rest.substr(0, eq);
    }
    if (kind == "enum")
        return schema.findEnum(rest) != nullptr;
    if (kind == "domain") {
        const Domain* domain = schema.findDomain(rest);
        std::string checks;
        for (const auto& c : domain ? domain->checks : std::vector<CheckConstraint>{})
            checks += (checks.empty() ? "" : ",") + c.name;
        why = domain ? "checks " + checks : "no domain " + rest;
        return domain && checks == value;
    }
    if (kind == "sequence" || kind == "implied") {
        const Sequence* sequence = schema.findSequence(rest);
        why = sequence ? "listed: " + sequenceSummary(*sequence) : "not listed";
        if (kind == "implied")
            return !sequence;
        return sequence
            && (value.empty() || (sequence->ownedBy && sequence->ownedBy->table + "." + sequence->ownedBy->column == value));
    }
    if (kind == "partitionBy" || kind == "partitionOf") {  // partitionBy:<t>=<key>, partitionOf:<t>=<parent>
        const Table* t = schema.findTable(rest);
        const auto& field = t ? (kind == "partitionBy" ? t->partitionBy : t->partitionOf) : CompactOptional<std::string>();
        why = t ? kind + " " + field.value_or("none") : "no table " + rest;
        return field && *field == value;
    }
    const auto dot = rest.find('.');
    const Table* table = schema.findTable(rest.substr(0, dot));
    if (!table) {
        why = "no table " + rest.substr(0, dot);
        return false;
    }
    if (kind == "table")
        return true;
    const std::string item = rest.substr(dot + 1);
    if (kind == "autoincrement")
        return table->findColumn(item) && table->findColumn(item)->autoincrement;
    if (kind == "custom") {
        const Column* c = table->findColumn(item);
        why = c ? "sql is " + c->sql : "no column";
        return c && c->type == ColumnType::Custom && c->sql == value;
    }
    if (kind == "array") {  // array:t.c=<type>[]… as drift words it
        const Column* c = table->findColumn(item);
        why = c ? "type " + columnTypeText(*c) : "no column";
        return c && columnTypeText(*c) == value;
    }
    if (kind == "generated") {
        const Column* c = table->findColumn(item);
        why = c ? "generated " + c->generated.value_or("no") : "no column";
        return c && c->generated && c->generatedStored;
    }
    if (kind == "check")
        return table->findCheck(item) != nullptr;
    if (kind == "fk") {
        const ForeignKey* fk = table->findForeignKey(item);
        return fk && std::string(fkActionName(fk->onDelete)) == value;
    }
    const Index* index = table->findIndex(item);
    if (!index) {
        why = "no index";
        return false;
    }
    if (kind == "partial")
        return index->where.has_value();
    if (kind == "expr") {
        for (const auto& c : index->columns)
            if (c.expression)
                return true;
        return false;
    }
    why = "unknown fact kind";
    return false;
}

/// Is (kind, table, name) listed in `unsupported`? An empty kind or table matches any.
bool listed(const Schema& schema, const std::string& kind, const std::string& table, const std::string& name)
{
    for (const auto& u : schema.unsupported)
        if ((kind.empty() || u.kind == kind) && (table.empty() || u.table.value_or("") == table) && u.name == name)
            return true;
    return false;
}

/// Issue 11, "introspect lists nothing silently": every table, column, index, constraint,
/// collation, sequence, domain, enum, view and trigger the catalog holds in the
/// introspected schema is in the IR or in `unsupported`. The catalog is read here with
/// queries of its own, independent of the introspection's. Returns one line per object
/// that is in neither.
std::vector<std::string> silentlyLost(Driver& driver, const Schema& live)
{
    std::vector<std::string> lost;
    const std::string inSchema = " n.nspname = current_schema() ";
    auto rows = [&](const std::string& sql) { return driver.query(sql); };
    // Objects of a table that is not in the IR (a partition, an inheritance child listed
    // as unsupported) go with it.
    auto irTable = [&](const std::string& name) { return live.findTable(name); };
    // A partition's columns are its parent's (docs/ir.md "Partitioning (PostgreSQL)").
    auto columnsOf = [&](const Table* table) {
        for (int depth = 0; table && table->partitionOf && depth < 64; ++depth)
            table = live.findTable(*table->partitionOf);
        return table;
    };

    ResultSet r = rows("SELECT c.relname, c.relkind::text AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                       " WHERE" + inSchema + "AND c.relkind IN ('r','p','v','m','f')");
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
        const std::string name = r.text(i, "relname"), kind = r.text(i, "kind");
        if (kind == "v" && !listed(live, "view", "", name))
            lost.push_back("view " + name);
        else if (kind == "m" && !listed(live, "materialized_view", "", name))
            lost.push_back("materialized view " + name);
        else if ((kind == "r" || kind == "p" || kind == "f") && !irTable(name) && !listed(live, "", "", name))
            lost.push_back("table " + name);
    }

    r = rows("SELECT c.relname, a.attname, (a.attcollation <> 0 AND a.attcollation <> t.typcollation)::int AS own_collation"
             " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
             " JOIN pg_type t ON t.oid = a.atttypid"
             " WHERE" + inSchema + "AND c.relkind IN ('r','p') AND a.attnum > 0 AND NOT a.attisdropped");
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
        const Table* table = irTable(r.text(i, "relname"));
        const std::string column = r.text(i, "attname");
        if (!table || listed(live, "column", table->name, column))
            continue;
        const Table* root = columnsOf(table);
        const Column* c = root ? root->findColumn(column) : nullptr;
        if (!c)
            lost.push_back("column " + table->name + "." + column);
        else if (r.integer(i, "own_collation") == 1 && !c->collation)
            lost.push_back("collation of " + table->name + "." + column);
    }

    // A constraint cloned from a partitioned table's (conparentid) or a partition's
    // inherited CHECK is the parent's, accounted for on the parent's row.
    r = rows("SELECT c.relname, con.conname, con.contype::text AS type,"
             " (con.conparentid <> 0 OR (c.relispartition AND con.coninhcount > 0))::int AS cloned FROM pg_constraint con"
             " JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
             " WHERE" + inSchema);
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
        const Table* table = irTable(r.text(i, "relname"));
        const std::string name = r.text(i, "conname"), type = r.text(i, "type");
        if (!table || listed(live, "", table->name, name) || r.integer(i, "cloned") == 1)
            continue;
        const bool kept = (type == "p" && !table->primaryKey.empty()) ||
                          (type == "u" && (table->findUnique(name) || table->findIndex(name))) ||
                          (type == "f" && table->findForeignKey(name)) || (type == "c" && table->findCheck(name));
        if (!kept)
            lost.push_back("constraint " + table->name + "." + name + " (" + type + ")");
    }

    // Indexes that back a constraint were accounted for with it.
    // An index that is a partition of a partitioned table's index is that index's.
    r = rows("SELECT c.relname, i.relname AS index_name FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
             " JOIN pg_class c ON c.oid = x.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
             " WHERE" + inSchema + "AND NOT i.relispartition AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid"
             " AND k.conrelid = x.indrelid)");
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
        const Table* table = irTable(r.text(i, "relname"));
        const std::string name = r.text(i, "index_name");
        if (table && !table->findIndex(name) && !listed(live, "", table->name, name))
            lost.push_back("index " + table->name + "." + name);
    }

    r = rows("SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
             " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE" + inSchema + "AND NOT t.tgisinternal");
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
        const std::string table = r.text(i, "relname"), name = r.text(i, "tgname");
        if (irTable(table) && !listed(live, "trigger", "", name))
            lost.push_back("trigger " + table + "." + name);
    }

    r = rows("SELECT t.typname, t.typtype::text AS type FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
             " WHERE" + inSchema + "AND t.typtype IN ('e','d')");
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
        const std::string name = r.text(i, "typname"), type = r.text(i, "type");
        if (type == "e" && !live.findEnum(name))
            lost.push_back("enum " + name);
        if (type == "d" && !live.findDomain(name) && !listed(live, "domain", "", name))
            lost.push_back("domain " + name);
    }

    // A sequence is in the IR as the autoincrement of the column that owns it, or of the
    // columns whose defaults call it (pagila's and sakila's standalone key sequences).
    std::map<std::string, bool> usedOnlyByKeys;  // sequence → every default calling it is an autoincrement's
    r = rows("SELECT s.relname, t.relname AS tbl, a.attname FROM pg_class s"
             " JOIN pg_namespace n ON n.oid = s.relnamespace"
             " JOIN pg_depend d ON d.refobjid = s.oid AND d.refclassid = 'pg_class'::regclass"
             "  AND d.classid = 'pg_attrdef'::regclass"
             " JOIN pg_attrdef ad ON ad.oid = d.objid JOIN pg_class t ON t.oid = ad.adrelid"
             " JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum"
             " WHERE" + inSchema + "AND s.relkind = 'S'");
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
        const Table* user = irTable(r.text(i, "tbl"));
        if (!user)
            continue;  // a table listed as unsupported (sakila's inheritance children) goes with its defaults
        const Table* root = columnsOf(user);
        const Column* column = root ? root->findColumn(r.text(i, "attname")) : nullptr;
        const bool key = column && column->autoincrement;
        auto [it, fresh] = usedOnlyByKeys.emplace(r.text(i, "relname"), key);
        if (!fresh)
            it->second = it->second && key;
    }
    r = rows("SELECT s.relname, coalesce(t.relname, '') AS owner_table, coalesce(a.attname, '') AS owner_column"
             " FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace"
             " LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid"
             "  AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a','i')"
             " LEFT JOIN pg_class t ON t.oid = d.refobjid"
             " LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid"
             " WHERE" + inSchema + "AND s.relkind = 'S'");
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
        const std::string name = r.text(i, "relname");
        const Table* owner = irTable(r.text(i, "owner_table"));
        const Column* column = owner ? owner->findColumn(r.text(i, "owner_column")) : nullptr;
        if ((column && column->autoincrement) || usedOnlyByKeys[name])
            continue;
        if (!live.findSequence(name) && !listed(live, "", "", name))
            lost.push_back("sequence " + name);
    }
    return lost;
}

} // namespace

class TestPostgresIntrospect : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { TEMPEST_REQUIRE_PG(); }
    void realSchemas_data();
    void realSchemas();
};

void TestPostgresIntrospect::realSchemas_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("tables");
    QTest::addColumn<QStringList>("unsupported");
    QTest::addColumn<QStringList>("facts");

    QTest::newRow("chinook") << "chinook.postgres.sql" << 11 << QStringList{}
                             << QStringList{"table:playlist_track", "fk:employee.employee_reports_to_fkey=no action"};
    QTest::newRow("chinook-identity") << "chinook-identity.postgres.sql" << 11 << QStringList{}
                                      << QStringList{"autoincrement:album.album_id"};
    QTest::newRow("chinook-serial") << "chinook-serial.postgres.sql" << 11 << QStringList{}
                                    << QStringList{"autoincrement:album.album_id"};
    QTest::newRow("northwind") << "northwind.postgres.sql" << 14 << QStringList{}
                               << QStringList{"table:order_details", "table:categories"};
    QTest::newRow("sakila") << "sakila.postgres.sql" << 15
                            << QStringList{"inheritance:payment:payment_p2007_01",
                                           "view::actor_info",
                                           "index:film:film_fulltext_idx", "trigger:film:film_fulltext_trigger",
                                           "table_option:payment:payment_insert_p2007_01"}
                            << QStringList{"autoincrement:actor.actor_id", "custom:film.release_year=year",
                                           "array:film.special_features=text[]",
                                           "enum:mpaa_rating", "fk:address.address_city_id_fkey=restrict",
                                           "domain:year=year_check", "implied:actor_actor_id_seq"};
    QTest::newRow("pagila") << "pagila.postgres.sql" << 15
                            << QStringList{"materialized_view::rental_by_category",
                                           "view::actor_info",
                                           "index:film:film_fulltext_idx", "trigger:actor:last_updated"}
                            << QStringList{"table:payment", "partitionBy:payment=RANGE (payment_date)",
                                           "partitionOf:payment_p2022_01=payment",
                                           "partitionOf:payment_p2022_07=payment",
                                           "custom:film.release_year=year", "enum:mpaa_rating",
                                           "array:film.special_features=text[]",
                                           "fk:address.address_city_id_fkey=restrict", "domain:year=year_check",
                                           "domain:bıgınt=",
                                           // issue 11: standalone sequences behind nextval() keys stay implied
                                           "autoincrement:actor.actor_id", "implied:actor_actor_id_seq"};
    // An application's schema: array columns with CHECKs and indexes on them (in the IR
    // since arrays are, docs/ir.md "Arrays"), stored generated columns, a partitioned table.
    QTest::newRow("lago") << "lago.postgres.sql" << 137
                          << QStringList{}
                          << QStringList{"table:roles", "table:enriched_events", "enum:customer_type",
                                         "partitionOf:enriched_events_default=enriched_events",
                                         "implied:versions_id_seq", "array:roles.permissions=varchar[]",
                                         "check:roles.predefined_role_cannot_have_permissions",
                                         "check:roles.permissions_has_no_empty_parts"};
    QTest::newRow("synapse") << "synapse.postgres.sql" << 138
                             << QStringList{"index:event_search:event_search_fts_idx"}
                             << QStringList{"array:cache_invalidation_stream_by_instance.keys=text[]","partial:current_state_events.current_state_events_member_index",
                                            "partial:events.event_contains_url_index",
                                            // issue 11: sequences the application calls, no longer lost
                                            "sequence:account_data_sequence", "sequence:events_stream_seq",
                                            "sequence:state_group_id_seq", "sequence:event_auth_chain_id"};
    QTest::newRow("openstreetmap") << "openstreetmap.postgres.sql" << 56
                                   << QStringList{"index:changesets:changesets_bbox_idx",
                                                  "index:acls:index_acls_on_address",
                                                  "index:notes:index_notes_on_description",
                                                  "index:note_comments:index_note_comments_on_body"}
                                   << QStringList{"enum:format_enum", "enum:user_status_enum", "enum:nwr_enum",
                                                  "expr:users.users_email_lower_idx",
                                                  "expr:users.users_display_name_canonical_idx",
                                                  "partial:notes.index_notes_on_user_id_and_created_at"};
}

void TestPostgresIntrospect::realSchemas()
{
    QFETCH(QString, file);
    QFETCH(int, tables);
    QFETCH(QStringList, unsupported);
    QFETCH(QStringList, facts);

    PgScratchDatabase original;
    {
        auto loader = PostgresDriver::connect(original.connInfo());
        loader->executeScript(test::readTextFile(TEMPEST_TEST_DATA_DIR "/schemas/" + file.toStdString()));
    }
    // A fresh connection: pg_dump scripts empty the session's search_path.
    auto driver = PostgresDriver::connect(original.connInfo());
    const PostgresDialect dialect;
    CountingDriver counting(*driver);
    const Schema live = dialect.introspect(counting, {});
    QCOMPARE(counting.statementCount(), kPgIntrospectionQueries);
    QVERIFY2(int(live.tables.size()) >= tables, std::to_string(live.tables.size()).c_str());
    // What it produced is valid IR, and survives its own JSON.
    validateSchema(live, file.toStdString());
    QCOMPARE(parseSchema(toJson(live), "introspected"), live);

    std::set<std::string> reported;
    for (const auto& u : live.unsupported)
        reported.insert(unsupportedKey(u));
    for (const auto& expected : unsupported) {
        if (!reported.count(expected.toStdString())) {
            std::string all;
            for (const auto& r : reported)
                all += "\n  " + r;
            QFAIL(("not reported as unsupported: " + expected.toStdString() + "; reported:" + all).c_str());
        }
    }
    for (const auto& u : live.unsupported) {
        // Nothing is listed twice: an unsupported column or index is not under tables.
        if (u.kind == "partition" || u.kind == "inheritance")  // only inheritance children and orphans now
            QVERIFY2(u.kind == "inheritance" || !live.findTable(u.name), unsupportedKey(u).c_str());
        if (u.kind == "column" && u.table && live.findTable(*u.table))
            QVERIFY2(!live.findTable(*u.table)->findColumn(u.name), unsupportedKey(u).c_str());
        if (u.kind == "index" && u.table && live.findTable(*u.table))
            QVERIFY2(!live.findTable(*u.table)->findIndex(u.name), unsupportedKey(u).c_str());
    }
    const std::vector<std::string> lost = silentlyLost(*driver, live);
    if (!lost.empty()) {
        std::string all;
        for (const auto& l : lost)
            all += "\n  " + l;
        QFAIL(("in the catalog but neither in the IR nor in unsupported:" + all).c_str());
    }
    {
        // The check sees a loss: the same IR without one column and one table is caught.
        Schema poorer = live;
        const std::string table = poorer.tables.back().name;
        const std::string column = poorer.tables.front().name + "." + poorer.tables.front().columns.back().name;
        poorer.tables.front().columns.pop_back();
        poorer.tables.pop_back();
        const std::vector<std::string> caught = silentlyLost(*driver, poorer);
        QVERIFY(std::find(caught.begin(), caught.end(), "table " + table) != caught.end());
        QVERIFY(std::find(caught.begin(), caught.end(), "column " + column) != caught.end());
    }
    for (const auto& fact : facts) {
        std::string why;
        QVERIFY2(holds(live, fact.toStdString(), why), (fact.toStdString() + ": " + why).c_str());
    }

    // Round trip: the IR creates a fresh database that introspects the same.
    PgScratchDatabase copy;
    auto copyDriver = PostgresDriver::connect(copy.connInfo());
    test::createThroughDialect(*copyDriver, live);
    const Schema again = dialect.introspect(*copyDriver, {});
    TEMPEST_VERIFY_SCHEMAS_EQUAL(live, again);
}

QTEST_APPLESS_MAIN(TestPostgresIntrospect)
#include "tst_postgres_introspect.moc"
