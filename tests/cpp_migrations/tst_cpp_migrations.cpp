// Generated C++ migrations, compiled into this test, against their JSON twins: the same
// operations, the same checksum (so the version table an application writes satisfies
// `tempest-migrate check`), and the same SQL on SQLite, rendered and really applied.

#include "cases.h"

#include "core/codegen/codegen.h"
#include "core/codegen/codegen_cpp.h"
#include "core/dialect/dialect.h"
#include "core/ir/errors.h"
#include "core/revision/revision_graph.h"
#include "core/runner/migration_runner.h"
#include "drivers/sqlite/sqlite_driver.h"
#include "sqlite_test.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <filesystem>
#include <set>
#include <sstream>

// Defined by generated/compiled_migrations.cpp.
std::vector<tempest::Migration> compiledCppMigrations();

using namespace tempest;

namespace {

std::string readFile(const std::string& path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

std::string generatedPath(const std::string& fileName)
{
    return (std::filesystem::path(test::generatedDir()) / fileName).string();
}

const Migration& compiled(const std::string& revision)
{
    static const std::vector<Migration> all = compiledCppMigrations();
    for (const Migration& m : all)
        if (m.revision == revision)
            return m;
    throw std::logic_error("no compiled migration " + revision);
}

Migration twin(const Migration& m) { return loadMigrationFile(generatedPath(migrationFileName(m.revision, m.label))); }

// Application times differ between two runs; everything else must not.
std::vector<std::string> withoutTimes(std::vector<std::string> statements)
{
    static const QRegularExpression time("'\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z'");
    for (std::string& s : statements)
        s = QString::fromStdString(s).replace(time, "'<time>'").toStdString();
    return statements;
}

std::vector<std::string> sqlOf(const std::vector<Statement>& statements)
{
    std::vector<std::string> out;
    for (const Statement& s : statements)
        out.push_back((s.commentOnly ? "-- comment: " : "") + s.sql + " [op " + std::to_string(s.operationIndex) + "]");
    return out;
}

void compareLists(const std::vector<std::string>& actual, const std::vector<std::string>& expected)
{
    for (std::size_t i = 0; i < std::min(actual.size(), expected.size()); ++i)
        QCOMPARE(QString::fromStdString(actual[i]), QString::fromStdString(expected[i]));
    QCOMPARE(actual.size(), expected.size());
}

std::vector<Migration> reversibleChain(bool fromCpp)
{
    std::vector<Migration> chain;
    for (const Migration& c : test::cppMigrationCases())
        if (c.reversible())
            chain.push_back(fromCpp ? compiled(c.revision) : twin(c));
    return chain;
}

} // namespace

class TstCppMigrations : public QObject {
    Q_OBJECT

private slots:
    void casesCoverTheOperations();
    void committedFilesAreWhatTheGeneratorWrites_data();
    void committedFilesAreWhatTheGeneratorWrites();
    void noStaleGeneratedFiles();
    void compiledMatchesTwin_data();
    void compiledMatchesTwin();
    void sameSqliteStatements_data();
    void sameSqliteStatements();
    void sameRunOnRealSqliteFiles();
    void stringLiteralsRoundTrip_data();
    void stringLiteralsRoundTrip();
    void functionNames();
};

// Without this, a case list that lost its renames or enum changes would still pass.
void TstCppMigrations::casesCoverTheOperations()
{
    std::set<std::string> kinds;
    for (const Migration& m : test::cppMigrationCases())
        for (const Operation& op : m.up)
            kinds.insert(std::string(operationKind(op)));
    for (const char* kind : {"create_table", "drop_table", "rename_table", "add_column", "drop_column",
                             "alter_column", "rename_column", "create_index", "drop_index", "add_unique",
                             "drop_unique", "add_foreign_key", "add_check", "drop_check", "alter_primary_key",
                             "alter_table_comment", "create_enum", "add_enum_value", "drop_enum_value",
                             "rename_enum", "recreate_table", "execute"})
        QVERIFY2(kinds.count(kind), kind);
}

void TstCppMigrations::committedFilesAreWhatTheGeneratorWrites_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("expected");
    for (const GeneratedMigration& f : test::expectedGeneratedFiles())
        QTest::newRow(f.fileName.c_str()) << QString::fromStdString(f.fileName) << QString::fromStdString(f.text);
}

// The compiled code below is only evidence while it is what the generator writes today;
// after a deliberate change, run cpp_migrations_regenerate and review the diff.
void TstCppMigrations::committedFilesAreWhatTheGeneratorWrites()
{
    QFETCH(QString, fileName);
    QFETCH(QString, expected);
    const std::string committed = readFile(generatedPath(fileName.toStdString()));
    QVERIFY2(!committed.empty(), qPrintable(fileName + " is missing: run cpp_migrations_regenerate"));
    QCOMPARE(QString::fromStdString(committed), expected);
}

void TstCppMigrations::noStaleGeneratedFiles()
{
    std::set<std::string> expected;
    for (const GeneratedMigration& f : test::expectedGeneratedFiles())
        expected.insert(f.fileName);
    for (const auto& entry : std::filesystem::directory_iterator(test::generatedDir()))
        QVERIFY2(expected.count(entry.path().filename().string()), entry.path().c_str());
}

void TstCppMigrations::compiledMatchesTwin_data()
{
    QTest::addColumn<QString>("revision");
    for (const Migration& m : test::cppMigrationCases())
        QTest::newRow(m.revision.c_str()) << QString::fromStdString(m.revision);
}

void TstCppMigrations::compiledMatchesTwin()
{
    QFETCH(QString, revision);
    const Migration& cpp = compiled(revision.toStdString());
    const Migration json = twin(cpp);
    QCOMPARE(QString::fromStdString(migrationChecksum(cpp)), QString::fromStdString(migrationChecksum(json)));
    QCOMPARE(cpp.revision, json.revision);
    QCOMPARE(cpp.downRevision, json.downRevision);
    QCOMPARE(cpp.label, json.label);
    QCOMPARE(cpp.createdAt, json.createdAt);
    QVERIFY(cpp.up == json.up);
    QVERIFY(cpp.downOperations() == json.downOperations());
    QCOMPARE(cpp.reversible(), json.reversible());

    // The checksum a reader of the .cpp sees is the real one.
    const std::string source = readFile(generatedPath(migrationCppFileName(cpp.revision, cpp.label)));
    const std::string line = "\n// checksum: " + migrationChecksum(json) + "\n";
    QVERIFY2(source.find(line) != std::string::npos, line.c_str());
}

void TstCppMigrations::sameSqliteStatements_data()
{
    compiledMatchesTwin_data();
}

// Each revision rendered from the schema its ancestors leave, up and (when it has one)
// down, statement by statement.
void TstCppMigrations::sameSqliteStatements()
{
    QFETCH(QString, revision);
    const auto dialect = makeDialect("sqlite");
    const Migration& cpp = compiled(revision.toStdString());
    const Migration json = twin(cpp);
    // A case with a parent continues the chain of the cases before it.
    Schema before = emptySchema();
    for (const Migration& c : test::cppMigrationCases()) {
        if (c.revision == cpp.revision || cpp.downRevision.empty())
            break;
        applyOperations(before, c.up);
    }
    const std::vector<std::string> up = sqlOf(dialect->render(cpp.up, RenderContext{&before, nullptr, {}}));
    compareLists(up, sqlOf(dialect->render(json.up, RenderContext{&before, nullptr, {}})));
    QVERIFY(!up.empty());
    if (cpp.reversible()) {
        Schema after = before;
        applyOperations(after, cpp.up);
        compareLists(sqlOf(dialect->render(cpp.downOperations(), RenderContext{&after, nullptr, {}})),
                     sqlOf(dialect->render(json.downOperations(), RenderContext{&after, nullptr, {}})));
    }
}

// The whole chain applied and reverted on two real files, one from the compiled C++, one
// from the JSON twins: what reached SQLite, the version rows and the result agree.
void TstCppMigrations::sameRunOnRealSqliteFiles()
{
    const auto dialect = makeDialect("sqlite");
    const RevisionGraph cppGraph(reversibleChain(true));
    const RevisionGraph jsonGraph(reversibleChain(false));
    QCOMPARE(cppGraph.size(), std::size_t(6));
    test::SqliteTempFile cppFile("cpp.db"), jsonFile("json.db");
    auto cppDb = SqliteDriver::open(cppFile.path());
    auto jsonDb = SqliteDriver::open(jsonFile.path());
    CountingDriver cppCounting(*cppDb), jsonCounting(*jsonDb);
    MigrationRunner cppRunner(cppGraph, *dialect), jsonRunner(jsonGraph, *dialect);

    QCOMPARE(cppRunner.upgrade(cppCounting).applied.size(), std::size_t(6));
    QCOMPARE(jsonRunner.upgrade(jsonCounting).applied.size(), std::size_t(6));
    compareLists(withoutTimes(cppCounting.statements()), withoutTimes(jsonCounting.statements()));

    const IntrospectOptions options;
    QVERIFY(dialect->introspect(*cppDb, options) == dialect->introspect(*jsonDb, options));
    // The row the hand-written execute inserted, with its non-ASCII text intact.
    QCOMPARE(cppDb->query("SELECT full_name FROM customers").text(0, "full_name"), std::string("O'Brien — ü"));
    const auto cppRows = cppRunner.appliedRows(*cppDb);
    QCOMPARE(cppRows.size(), std::size_t(6));
    // Checked against the JSON graph: what `check` would do with a database an
    // application migrated from its compiled-in C++.
    QVERIFY(jsonRunner.checksumWarnings(cppRows).empty());

    cppCounting.reset();
    jsonCounting.reset();
    QCOMPARE(cppRunner.downgrade(cppCounting, "base").reverted.size(), std::size_t(6));
    QCOMPARE(jsonRunner.downgrade(jsonCounting, "base").reverted.size(), std::size_t(6));
    compareLists(cppCounting.statements(), jsonCounting.statements());
    QVERIFY(dialect->introspect(*cppDb, options).tables.empty());

    // Offline SQL (upgrade --sql) agrees too.
    std::ostringstream cppSql, jsonSql;
    cppRunner.writeSql(cppSql, Direction::Upgrade, cppGraph.topoOrder(), {});
    jsonRunner.writeSql(jsonSql, Direction::Upgrade, jsonGraph.topoOrder(), {});
    compareLists(withoutTimes({cppSql.str()}), withoutTimes({jsonSql.str()}));
}

void TstCppMigrations::stringLiteralsRoundTrip_data()
{
    QTest::addColumn<QString>("revision");
    QTest::addColumn<QString>("expectedInSource");
    // Escapes a reader can check against what the cases put in.
    QTest::newRow("quote and backslash in a label") << "c02-columns" << R"(m.label = "add \"phone\" — alter totals\\";)";
    QTest::newRow("newline and tab in a default")
        << "c01-shop" << R"(DefaultValue::string("it's \"x\" \\ back\nslash\ttab"))";
    QTest::newRow("quoted table name") << "c01-shop" << R"(.name = "odd \"name\"")";
    QTest::newRow("unicode kept") << "c01-shop" << R"(.name = "ünïcode")";
    QTest::newRow("optional map for down") << "c06_by_hand" << "std::map<std::string, std::string>{";
    QTest::newRow("irreversible says so") << "c07" << "// No down: an operation above cannot be inverted";
}

// The escapes and spellings themselves; compiledMatchesTwin proves they compile to the
// right values.
void TstCppMigrations::stringLiteralsRoundTrip()
{
    QFETCH(QString, revision);
    QFETCH(QString, expectedInSource);
    const Migration& m = compiled(revision.toStdString());
    const QString source = QString::fromStdString(readFile(generatedPath(migrationCppFileName(m.revision, m.label))));
    QVERIFY2(source.contains(expectedInSource), qPrintable(expectedInSource));
}

void TstCppMigrations::functionNames()
{
    QCOMPARE(migrationFunctionName("3f2a9c1b7d4e"), std::string("migration_3f2a9c1b7d4e"));
    QCOMPARE(migrationFunctionName("c01-shop"), std::string("migration_c01_shop"));
    QCOMPARE(migrationCppFileName("3f2a9c1b7d4e", "Add users.score"), std::string("3f2a9c1b7d4e_add_users_score.cpp"));
    QCOMPARE(migrationCppFileName("c07", ""), std::string("c07.cpp"));
    const std::vector<GeneratedMigration> files = generateMigration(compiled("c01-shop"), MigrationFormat::Cpp);
    QCOMPARE(files.size(), std::size_t(2));
    QCOMPARE(files[0].fileName, std::string("c01-shop_create_shop_tables.cpp"));
    QCOMPARE(files[1].fileName, std::string("c01-shop_create_shop_tables.json"));
    QCOMPARE(files[1].text, generateMigration(compiled("c01-shop"), MigrationFormat::Json).at(0).text);
}

QTEST_APPLESS_MAIN(TstCppMigrations)
#include "tst_cpp_migrations.moc"
