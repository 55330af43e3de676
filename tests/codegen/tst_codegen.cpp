// generateMigration and the files it writes: names users see in their migrations
// folder, JSON that loads back to the same migration, and never overwriting a file.

#include "core/codegen/codegen.h"
#include "core/ir/errors.h"
#include "core/revision/revision_graph.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace tempest;

namespace {

Column column(std::string name, ColumnType type, bool nullable = true)
{
    Column c;
    c.name = std::move(name);
    c.type = type;
    c.nullable = nullable;
    return c;
}

std::vector<Operation> sampleOps()
{
    Table users;
    users.name = "users";
    users.columns = {column("id", ColumnType::Integer, false), column("email", ColumnType::Varchar, false)};
    users.columns[1].length = 255;
    users.primaryKey = {"id"};
    Column score = column("score", ColumnType::Numeric);
    score.precision = 10;
    score.scale = 2;
    score.defaultValue = DefaultValue::number("0");
    Index ix;
    ix.name = "ix_users_email";
    ix.columns = {IndexColumn::column("email")};
    ix.unique = true;
    return {CreateTable{users}, AddColumn{"users", score}, CreateIndex{"users", ix}, RenameColumn{"users", "email", "mail"}};
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace

class TstCodegen : public QObject {
    Q_OBJECT

private slots:
    void fileName_data();
    void fileName();
    void generatedIdsAndTimes();
    void makeMigrationInvertsUp();
    void irreversibleUpGivesIrreversibleMigration();
    void jsonLoadsBackEqual();
    void cppFormatWritesSourceAndJsonTwin();
    void refusesToOverwrite();
    void cppWritesPartitioningAfterComment();
};

void TstCodegen::fileName_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("expected");

    QTest::newRow("design example") << "add users.score" << "3f2a9c1b7d4e_add_users_score.json";
    QTest::newRow("lowercased") << "Add Users" << "3f2a9c1b7d4e_add_users.json";
    QTest::newRow("runs folded to one") << "drop -- old   stuff!!" << "3f2a9c1b7d4e_drop_old_stuff_.json";
    QTest::newRow("digits kept") << "v2 index 10" << "3f2a9c1b7d4e_v2_index_10.json";
    QTest::newRow("non-ASCII folded") << "café menü" << "3f2a9c1b7d4e_caf_men_.json";
    QTest::newRow("cut at 40") << "a very long label that keeps going and going past forty characters"
                               << "3f2a9c1b7d4e_a_very_long_label_that_keeps_going_and_g.json";
    QTest::newRow("empty label") << "" << "3f2a9c1b7d4e.json";
}

void TstCodegen::fileName()
{
    QFETCH(QString, label);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(migrationFileName("3f2a9c1b7d4e", label.toStdString())), expected);
    Migration m = makeMigration("3f2a9c1b7d4e", {}, label.toStdString(), {});
    QCOMPARE(QString::fromStdString(generateMigration(m, MigrationFormat::Json).at(0).fileName), expected);
}

void TstCodegen::generatedIdsAndTimes()
{
    const QRegularExpression hex12("^[0-9a-f]{12}$");
    const std::string a = generateRevisionId(), b = generateRevisionId();
    QVERIFY2(hex12.match(QString::fromStdString(a)).hasMatch(), a.c_str());
    QVERIFY2(hex12.match(QString::fromStdString(b)).hasMatch(), b.c_str());
    QVERIFY(a != b);

    const QString now = QString::fromStdString(nowIso8601());
    QVERIFY2(QRegularExpression("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$").match(now).hasMatch(), qPrintable(now));
    const QDateTime parsed = QDateTime::fromString(now, Qt::ISODate);
    QVERIFY(parsed.isValid());
    QVERIFY(qAbs(parsed.secsTo(QDateTime::currentDateTimeUtc())) < 60);
}

void TstCodegen::makeMigrationInvertsUp()
{
    const Migration m = makeMigration("3f2a9c1b7d4e", {"a1b2c3d4e5f6"}, "add users", sampleOps());
    QCOMPARE(m.revision, std::string("3f2a9c1b7d4e"));
    QCOMPARE(m.downRevision, std::vector<std::string>{"a1b2c3d4e5f6"});
    QCOMPARE(m.up, sampleOps());
    QCOMPARE(m.down, invert(sampleOps()));
    QCOMPARE(m.down.size(), std::size_t(4));
    QVERIFY(std::holds_alternative<RenameColumn>(m.down.front()));
    QVERIFY(std::holds_alternative<DropTable>(m.down.back()));
    QVERIFY(m.reversible());
    QCOMPARE(m.createdAt.size(), std::string("2026-11-25T10:00:00Z").size());
}

void TstCodegen::irreversibleUpGivesIrreversibleMigration()
{
    std::vector<Operation> up = sampleOps();
    up.push_back(Execute{{{"sqlite", "UPDATE users SET score = 1"}}, std::nullopt});
    const Migration m = makeMigration("abcdabcdabcd", {}, "backfill", up);
    QVERIFY(m.down.empty());
    QVERIFY(!m.reversible());

    // Written and read back, it is still irreversible.
    const auto files = generateMigration(m, MigrationFormat::Json);
    QVERIFY(!migrationFromJson(parseJsonStrict(files[0].text, files[0].fileName), files[0].fileName).reversible());
}

void TstCodegen::jsonLoadsBackEqual()
{
    Migration m = makeMigration("3f2a9c1b7d4e", {"a1b2c3d4e5f6", "0b0b0b0b0b0b"}, "merge and add users", sampleOps());
    m.dependsOn = {"dep0dep0dep0"};
    m.branchLabels = {"feature"};
    const auto files = generateMigration(m, MigrationFormat::Json);
    QCOMPARE(files.size(), std::size_t(1));
    QVERIFY(files[0].text.back() == '\n');
    QCOMPARE(files[0].text, writeCanonicalJson(migrationToJson(m)));

    QTemporaryDir dir;
    const std::string folder = dir.filePath("migrations").toStdString();  // created on demand
    writeGeneratedFiles(folder, files);
    const std::string path = folder + "/" + files[0].fileName;
    const Migration back = loadMigrationFile(path);

    QCOMPARE(back.revision, m.revision);
    QCOMPARE(back.downRevision, m.downRevision);
    QCOMPARE(back.label, m.label);
    QCOMPARE(back.createdAt, m.createdAt);
    QCOMPARE(back.dependsOn, m.dependsOn);
    QCOMPARE(back.branchLabels, m.branchLabels);
    QCOMPARE(back.up, m.up);
    QCOMPARE(back.down, m.down);
    QVERIFY(!back.downGenerated);
    QCOMPARE(back.file, path);
    QCOMPARE(migrationChecksum(back), migrationChecksum(m));
    // Byte-identical when regenerated: loading and writing is a fixed point.
    QCOMPARE(generateMigration(back, MigrationFormat::Json)[0].text, files[0].text);
}

// The JSON twin goes last: the CLI reports it as the revision's file. The C++ itself is
// tested compiled, in tests/cpp_migrations.
void TstCodegen::cppFormatWritesSourceAndJsonTwin()
{
    const Migration m = makeMigration("3f2a9c1b7d4e", {}, "x", sampleOps());
    const std::vector<GeneratedMigration> files = generateMigration(m, MigrationFormat::Cpp);
    QCOMPARE(files.size(), std::size_t(2));
    QCOMPARE(files[0].fileName, std::string("3f2a9c1b7d4e_x.cpp"));
    QVERIFY(files[0].text.find("// checksum: " + migrationChecksum(m) + "\n") != std::string::npos);
    QCOMPARE(files[1].fileName, std::string("3f2a9c1b7d4e_x.json"));
    QCOMPARE(files[1].text, generateMigration(m, MigrationFormat::Json)[0].text);
}

void TstCodegen::refusesToOverwrite()
{
    QTemporaryDir dir;
    const std::string folder = dir.path().toStdString();
    const Migration m = makeMigration("3f2a9c1b7d4e", {}, "first", sampleOps());
    const auto files = generateMigration(m, MigrationFormat::Json);
    writeGeneratedFiles(folder, files);
    const QString path = dir.filePath(QString::fromStdString(files[0].fileName));
    const QByteArray original = readAll(path);
    QVERIFY(!original.isEmpty());

    // Same name, different content: refused, file untouched.
    Migration other = m;
    other.up.clear();
    other.down.clear();
    const auto clash = generateMigration(other, MigrationFormat::Json);
    try {
        writeGeneratedFiles(folder, clash);
        QFAIL("overwrote an existing migration");
    } catch (const InputError& e) {
        QCOMPARE(QString::fromStdString(e.file()), path);
    }
    QCOMPARE(readAll(path), original);

    // A batch with one clash writes none of its files.
    std::vector<GeneratedMigration> batch{{"aaaaaaaaaaaa_new.json", "{}\n"}, clash[0]};
    QVERIFY_THROWS_EXCEPTION(InputError, writeGeneratedFiles(folder, batch));
    QVERIFY(!QFile::exists(dir.filePath("aaaaaaaaaaaa_new.json")));
}

// docs/ir.md "Partitioning (PostgreSQL)": the C++ twin writes the three fields where it
// writes the comment (designated initializers in declaration order), and the JSON twin
// loads back equal.
void TstCodegen::cppWritesPartitioningAfterComment()
{
    Table parent;
    parent.name = "m";
    parent.columns = {column("day", ColumnType::Date, false)};
    parent.comment = "readings";
    parent.partitionBy = "RANGE (day)";
    Table partition;
    partition.name = "m_2024";
    partition.partitionOf = "m";
    partition.partitionBound = "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')";
    partition.partitionBy = "LIST (day)";
    const Migration m = makeMigration("3f2a9c1b7d4e", {}, "parts", {CreateTable{parent}, CreateTable{partition}});
    const auto files = generateMigration(m, MigrationFormat::Cpp);
    const std::string& cpp = files[0].text;
    const auto comment = cpp.find(".comment = \"readings\"");
    const auto by = cpp.find(".partitionBy = \"RANGE (day)\"");
    QVERIFY2(comment != std::string::npos && by != std::string::npos && comment < by, cpp.c_str());
    const auto of = cpp.find(".partitionOf = \"m\"");
    const auto bound = cpp.find(".partitionBound = ");
    QVERIFY2(of != std::string::npos && bound != std::string::npos && of < bound, cpp.c_str());
    QVERIFY2(cpp.find("2024-01-01") != std::string::npos, cpp.c_str());
    QVERIFY(files[1].text.find("\"partitionOf\": \"m\"") != std::string::npos);
}

QTEST_APPLESS_MAIN(TstCodegen)
#include "tst_codegen.moc"
