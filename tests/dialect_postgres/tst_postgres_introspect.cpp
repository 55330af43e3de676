// Introspection of every PostgreSQL schema in tests/data/schemas (real DDL written by
// others): it never fails, costs a fixed number of queries, names what IR cannot express,
// keeps what it can (partial and expression indexes, enums, identity/serial keys), and
// what it produced round-trips through a fresh database.

#include "core/dialect/postgresql/postgres_dialect.h"
#include "core/dialect/postgresql/postgres_introspect.h"
#include "core/ir/schema_json.h"
#include "pg_dialect_test.h"

#include <QTest>

using namespace tempest;
using tempest::test::PgScratchDatabase;

namespace {

std::string unsupportedKey(const UnsupportedObject& u)
{
    return u.kind + ":" + u.table.value_or("") + ":" + u.name;
}

/// Checks one fact about the IR: "table:<t>", "enum:<e>", "autoincrement:<t>.<c>",
/// "partial:<t>.<index>", "expr:<t>.<index>", "custom:<t>.<c>=<sql>", "fk:<t>.<fk>=<onDelete>",
/// "check:<t>.<name>", "sequence:<s>" (listed), "sequence:<s>=<t>.<c>" (listed, owned by
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
    if (kind == "sequence" || kind == "implied") {
        const Sequence* sequence = schema.findSequence(rest);
        why = sequence ? "listed: " + sequenceSummary(*sequence) : "not listed";
        if (kind == "implied")
            return !sequence;
        return sequence
            && (value.empty() || (sequence->ownedBy && sequence->ownedBy->table + "." + sequence->ownedBy->column == value));
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
                            << QStringList{"inheritance:payment:payment_p2007_01", "domain::year",
                                           "view::actor_info", "column:film:special_features",
                                           "index:film:film_fulltext_idx", "trigger:film:film_fulltext_trigger",
                                           "table_option:payment:payment_insert_p2007_01"}
                            << QStringList{"autoincrement:actor.actor_id", "custom:film.release_year=year",
                                           "enum:mpaa_rating", "fk:address.address_city_id_fkey=restrict",
                                           "implied:actor_actor_id_seq"};
    QTest::newRow("pagila") << "pagila.postgres.sql" << 15
                            << QStringList{"partition:payment:payment_p2022_01", "table_option:payment:payment",
                                           "domain::year", "domain::bıgınt", "materialized_view::rental_by_category",
                                           "view::actor_info", "column:film:special_features",
                                           "index:film:film_fulltext_idx", "trigger:actor:last_updated"}
                            << QStringList{"table:payment", "custom:film.release_year=year", "enum:mpaa_rating",
                                           "fk:address.address_city_id_fkey=restrict",
                                           // issue 11: standalone sequences behind nextval() keys stay implied
                                           "autoincrement:actor.actor_id", "implied:actor_actor_id_seq"};
    // An application's schema: array columns with CHECKs and indexes on them (those go to
    // `unsupported` with their column, so the rest applies), a partitioned table.
    QTest::newRow("lago") << "lago.postgres.sql" << 137
                          << QStringList{"column:roles:permissions",
                                         "table_option:roles:predefined_role_cannot_have_permissions",
                                         "table_option:roles:permissions_has_no_empty_parts",
                                         "column:organizations:feature_flags",
                                         "partition:enriched_events:enriched_events_default",
                                         "table_option:enriched_events:enriched_events"}
                          << QStringList{"table:roles", "table:enriched_events", "enum:customer_type",
                                         "implied:versions_id_seq"};
    QTest::newRow("synapse") << "synapse.postgres.sql" << 138
                             << QStringList{"column:cache_invalidation_stream_by_instance:keys",
                                            "index:event_search:event_search_fts_idx"}
                             << QStringList{"partial:current_state_events.current_state_events_member_index",
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
        if (u.kind == "column" && u.table && live.findTable(*u.table))
            QVERIFY2(!live.findTable(*u.table)->findColumn(u.name), unsupportedKey(u).c_str());
        if (u.kind == "index" && u.table && live.findTable(*u.table))
            QVERIFY2(!live.findTable(*u.table)->findIndex(u.name), unsupportedKey(u).c_str());
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
