// Migration files as users write and edit them: strict loading with errors that say
// where, graph validation naming the files involved, checksums, canonical round trip.

#include "core/ir/errors.h"
#include "core/revision/migration.h"
#include "core/revision/revision_graph.h"
#include "core/revision/sha256.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

#include <sys/stat.h>
#include <unistd.h>

using namespace tempest;

namespace {

void writeFile(const QString& path, const QByteArray& text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

std::optional<InputError> inputErrorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const InputError& e) {
        return e;
    }
    return std::nullopt;
}

// The DESIGN.md example, in canonical layout.
const char* kCanonicalExample = R"({
  "revision": "3f2a9c1b7d4e",
  "downRevision": ["a1b2c3d4e5f6"],
  "label": "add users.score",
  "createdAt": "2026-11-25T10:00:00Z",
  "up": [
    {
      "kind": "add_column",
      "table": "users",
      "column": "score",
      "definition": {
        "type": "numeric",
        "precision": 10,
        "scale": 2
      }
    }
  ],
  "down": [
    {
      "kind": "drop_column",
      "table": "users",
      "column": "score",
      "definition": {
        "type": "numeric",
        "precision": 10,
        "scale": 2
      }
    }
  ]
}
)";

Column scoreColumn(ColumnType type = ColumnType::Numeric)
{
    Column c;
    c.name = "score";
    c.type = type;
    if (type == ColumnType::Numeric) {
        c.precision = 10;
        c.scale = 2;
    }
    return c;
}

const QByteArray kBaseMigration = R"({"revision": "0001", "downRevision": [], "up": []})";

} // namespace

class TstMigrationFile : public QObject {
    Q_OBJECT

private slots:
    void strictLoadingNamesFileAndPath_data();
    void strictLoadingNamesFileAndPath();
    void graphErrorsNameTheFiles_data();
    void graphErrorsNameTheFiles();
    void cycleIsPrinted();
    void checksumFormatIsSha256OfCompactUpDown();
    void checksumIsStableAndCoversOperationsOnly();
    void sha256AgreesWithQt();
    void sha256StreamAgreesWithWhole();
    void canonicalRoundTrip();
    void missingDownIsGeneratedByInverting();
    void executeWithoutDownIsIrreversible();
    void dependsOnAlsoParentIsDroppedWithWarning();
    void directoryScanIsRecursiveAndIgnoresOtherFiles();
    void longHistoryLoadsInPathOrderAndNamesTheFirstBadFile();
    void missingDirectoryIsAnInputError();
    // Issue 9, "Hostile input and secrets", finding 4 (less strict than DESIGN.md): null
    // at optional keys was "absent", a dangling *.json link in the folder was ignored.
    void nullAtAnOptionalKeyIsAnError_data();
    void nullAtAnOptionalKeyIsAnError();
    void danglingSymlinkIsNamed();
    void symlinkToARegularFileIsRead();
    void specialFileNamedJsonIsRefused();
    void folderNamedJsonIsAFolder();
};

void TstMigrationFile::strictLoadingNamesFileAndPath_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("jsonPath");  // prefix of the error's JSON path; empty = not checked
    QTest::addColumn<QString>("mentions");  // a word the message must contain

    QTest::newRow("invalid JSON") << QByteArray(R"({"revision": "abcd", "downRevision": [)") << "" << "";
    QTest::newRow("not an object") << QByteArray("[]") << "$" << "object";
    QTest::newRow("unknown key") << QByteArray(R"({"revision": "abcd", "downRevision": [], "up": [], "colour": 1})")
                                 << "$.colour" << "colour";
    QTest::newRow("unknown op kind")
        << QByteArray(R"({"revision": "abcd", "downRevision": [], "up": [{"kind": "frobnicate"}]})") << "$.up[0]"
        << "frobnicate";
    QTest::newRow("unknown key in op")
        << QByteArray(R"({"revision": "abcd", "downRevision": [], "up": [{"kind": "rename_table", "from": "a", "to": "b", "x": 1}]})")
        << "$.up[0]" << "x";
    QTest::newRow("missing revision") << QByteArray(R"({"downRevision": [], "up": []})") << "$" << "revision";
    QTest::newRow("missing downRevision") << QByteArray(R"({"revision": "abcd", "up": []})") << "$" << "downRevision";
    QTest::newRow("missing up") << QByteArray(R"({"revision": "abcd", "downRevision": []})") << "$" << "up";
    QTest::newRow("downRevision not a list") << QByteArray(R"({"revision": "abcd", "downRevision": "a1b2", "up": []})")
                                             << "$.downRevision" << "array";
    QTest::newRow("revision not a string") << QByteArray(R"({"revision": 12, "downRevision": [], "up": []})")
                                           << "$.revision" << "string";
    QTest::newRow("invalid id") << QByteArray(R"({"revision": "ab cd", "downRevision": [], "up": []})")
                                << "$.revision" << "ab cd";
    QTest::newRow("invalid parent id") << QByteArray(R"({"revision": "abcd", "downRevision": ["x/y"], "up": []})")
                                       << "$.downRevision[0]" << "x/y";
    QTest::newRow("parent twice") << QByteArray(R"({"revision": "abcd", "downRevision": ["ef01", "ef01"], "up": []})")
                                  << "$.downRevision[1]" << "ef01";
    QTest::newRow("bad createdAt") << QByteArray(R"({"revision": "abcd", "downRevision": [], "createdAt": "yesterday", "up": []})")
                                   << "$.createdAt" << "yesterday";
    QTest::newRow("duplicate key") << QByteArray(R"({"revision": "abcd", "revision": "ef01", "downRevision": [], "up": []})")
                                   << "$" << "revision";
    QTest::newRow("label not a string") << QByteArray(R"({"revision": "abcd", "downRevision": [], "label": [], "up": []})")
                                        << "$.label" << "string";
}

void TstMigrationFile::strictLoadingNamesFileAndPath()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, jsonPath);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    const QString path = dir.filePath("abcd_broken.json");
    writeFile(path, text);

    const auto error = inputErrorOf([&] { loadMigrationFile(path.toStdString()); });
    QVERIFY2(error.has_value(), "loaded without an InputError");
    const std::string message = error->what();
    QCOMPARE(QString::fromStdString(error->file()), path);
    QVERIFY2(message.find(path.toStdString()) != std::string::npos, message.c_str());
    if (!jsonPath.isEmpty())
        QVERIFY2(error->jsonPath().rfind(jsonPath.toStdString(), 0) == 0,
                 (error->jsonPath() + " | " + message).c_str());
    if (!mentions.isEmpty())
        QVERIFY2(message.find(mentions.toStdString()) != std::string::npos, message.c_str());

    // Through the directory loader, the same error.
    QVERIFY_THROWS_EXCEPTION(InputError, loadMigrationsDir(dir.path().toStdString()));
}

void TstMigrationFile::graphErrorsNameTheFiles_data()
{
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<QByteArray>("second");
    QTest::addColumn<QStringList>("mentions");

    QTest::newRow("duplicate id") << QByteArray(R"({"revision": "abcd", "downRevision": [], "up": []})")
                                  << QByteArray(R"({"revision": "abcd", "downRevision": [], "up": []})")
                                  << QStringList{"one.json", "two.json", "abcd"};
    QTest::newRow("missing parent") << QByteArray(R"({"revision": "abcd", "downRevision": [], "up": []})")
                                    << QByteArray(R"({"revision": "ef01", "downRevision": ["ab99"], "up": []})")
                                    << QStringList{"two.json", "ab99", "ef01"};
    QTest::newRow("missing dependsOn") << QByteArray(R"({"revision": "abcd", "downRevision": [], "up": []})")
                                       << QByteArray(R"({"revision": "ef01", "downRevision": ["abcd"], "dependsOn": ["zz99"], "up": []})")
                                       << QStringList{"two.json", "zz99", "ef01"};
    QTest::newRow("branch label twice")
        << QByteArray(R"({"revision": "abcd", "downRevision": [], "branchLabels": ["x"], "up": []})")
        << QByteArray(R"({"revision": "ef01", "downRevision": ["abcd"], "branchLabels": ["x"], "up": []})")
        << QStringList{"one.json", "two.json"};
    QTest::newRow("cycle") << QByteArray(R"({"revision": "abcd", "downRevision": ["ef01"], "up": []})")
                           << QByteArray(R"({"revision": "ef01", "downRevision": ["abcd"], "up": []})")
                           << QStringList{"one.json", "two.json", "cycle"};
}

void TstMigrationFile::graphErrorsNameTheFiles()
{
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, second);
    QFETCH(QStringList, mentions);
    QTemporaryDir dir;
    writeFile(dir.filePath("one.json"), first);
    writeFile(dir.filePath("sub/two.json"), second);

    const auto migrations = loadMigrationsDir(dir.path().toStdString());
    QCOMPARE(migrations.size(), std::size_t(2));
    const auto error = inputErrorOf([&] { RevisionGraph graph(migrations); });
    QVERIFY2(error.has_value(), "graph accepted");
    const std::string message = error->what();
    for (const QString& word : mentions)
        QVERIFY2(message.find(word.toStdString()) != std::string::npos, message.c_str());
}

void TstMigrationFile::cycleIsPrinted()
{
    auto rev = [](std::string id, std::vector<std::string> parents) {
        Migration m;
        m.revision = std::move(id);
        m.downRevision = std::move(parents);
        return m;
    };
    // base ── a ← c ← b ← a: a three-revision cycle hanging off a valid base.
    const auto error = inputErrorOf([&] {
        RevisionGraph graph({rev("base", {}), rev("aaaa", {"base", "cccc"}), rev("bbbb", {"aaaa"}), rev("cccc", {"bbbb"})});
    });
    QVERIFY(error.has_value());
    const std::string message = error->what();
    QVERIFY2(message.find("aaaa -> cccc -> bbbb -> aaaa") != std::string::npos, message.c_str());

    // A self-parent is the shortest cycle.
    const auto self = inputErrorOf([&] { RevisionGraph graph({rev("loop", {"loop"})}); });
    QVERIFY(self.has_value());
    QVERIFY2(std::string(self->what()).find("loop -> loop") != std::string::npos, self->what());
}

// The version table stores this value; other tools must be able to recompute it.
void TstMigrationFile::checksumFormatIsSha256OfCompactUpDown()
{
    Migration empty;
    empty.revision = "abcd";
    const QByteArray expected =
        "sha256:" + QCryptographicHash::hash(R"({"up":[],"down":[]})", QCryptographicHash::Sha256).toHex();
    QCOMPARE(QByteArray::fromStdString(migrationChecksum(empty)), expected);

    Migration withOp = empty;
    withOp.up.push_back(RenameTable{"a", "b"});
    withOp.down.push_back(RenameTable{"b", "a"});
    const QByteArray compact =
        R"({"up":[{"kind":"rename_table","from":"a","to":"b"}],"down":[{"kind":"rename_table","from":"b","to":"a"}]})";
    QCOMPARE(QByteArray::fromStdString(migrationChecksum(withOp)),
             "sha256:" + QCryptographicHash::hash(compact, QCryptographicHash::Sha256).toHex());

    // The digest is fed one operation at a time: several operations are joined by commas
    // exactly as the compact text of the whole lists (and an empty list stays "[]").
    Migration several = empty;
    several.up = {RenameTable{"a", "b"}, RenameTable{"c", "d"}, RenameTable{"e", "f"}};
    const QByteArray severalCompact =
        R"({"up":[{"kind":"rename_table","from":"a","to":"b"},{"kind":"rename_table","from":"c","to":"d"},)"
        R"({"kind":"rename_table","from":"e","to":"f"}],"down":[]})";
    QCOMPARE(QByteArray::fromStdString(migrationChecksum(several)),
             "sha256:" + QCryptographicHash::hash(severalCompact, QCryptographicHash::Sha256).toHex());

    // A migration whose text is many times the piece the checksum hashes at a time (64 KiB),
    // with a generated down: the same digest as the whole text's.
    Migration large = empty;
    for (int i = 0; i < 3000; ++i) {
        Table t;
        t.name = "table_" + std::to_string(i);
        t.columns = {Column{.name = "id", .type = ColumnType::Integer, .nullable = false},
                     Column{.name = "label_" + std::to_string(i * 7919 % 1000), .type = ColumnType::Varchar, .length = 40}};
        t.primaryKey = {"id"};
        large.up.push_back(CreateTable{t});
    }
    large.downGenerated = true;
    const std::string largeText = writeCompactJson(Json{{"up", operationsToJson(large.up)},
                                                        {"down", operationsToJson(invert(large.up))}});
    QVERIFY(largeText.size() > 5 * 64 * 1024);
    QCOMPARE(QByteArray::fromStdString(migrationChecksum(large)),
             "sha256:" + QCryptographicHash::hash(QByteArray::fromStdString(largeText), QCryptographicHash::Sha256).toHex());
}

// Sha256Stream: the text written in pieces of every size around the block (64 bytes),
// absorbed after each piece or not, digests as the whole text does.
void TstMigrationFile::sha256StreamAgreesWithWhole()
{
    std::string whole;
    for (int i = 0; i < 5000; ++i)
        whole += static_cast<char>('a' + i * 13 % 26 + (i % 7 == 0 ? 128 : 0));
    for (std::size_t piece : {1u, 13u, 63u, 64u, 65u, 127u, 128u, 1000u, 4999u, 5000u}) {
        for (bool absorbEachPiece : {true, false}) {
            Sha256Stream stream;
            std::string buffer;
            for (std::size_t at = 0; at < whole.size(); at += piece) {
                buffer += whole.substr(at, piece);
                if (absorbEachPiece)
                    stream.absorb(buffer);
                QVERIFY(buffer.size() < (absorbEachPiece ? 64u : whole.size() + 1));
            }
            QCOMPARE(stream.finishHex(buffer), sha256Hex(whole));
        }
    }
    Sha256Stream empty;
    std::string nothing;
    QCOMPARE(empty.finishHex(nothing), sha256Hex(""));
}

// The checksums' SHA-256 is our own: every length around the block and padding
// boundaries, and the long FIPS 180-4 test message, against Qt's; the portable code
// against the one using the CPU's SHA extensions (where this CPU has them).
void TstMigrationFile::sha256AgreesWithQt()
{
    std::string text;
    for (std::size_t size = 0; size <= 300; ++size) {
        const QByteArray bytes = QByteArray::fromStdString(text);
        QCOMPARE(QByteArray::fromStdString(sha256Hex(text)),
                 QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        QVERIFY(sha256Portable(text) == sha256(text));  // with and without the CPU's SHA extensions
        text += static_cast<char>('a' + size * 7 % 26 + (size % 5 == 0 ? 128 : 0));
    }
    QCOMPARE(sha256Hex("abc"), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QCOMPARE(sha256Hex(std::string(1000000, 'a')),
             std::string("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
}

void TstMigrationFile::checksumIsStableAndCoversOperationsOnly()
{
    QTemporaryDir dir;
    writeFile(dir.filePath("a.json"), kCanonicalExample);
    const Migration loaded = loadMigrationFile(dir.filePath("a.json").toStdString());
    const std::string checksum = migrationChecksum(loaded);
    QCOMPARE(migrationChecksum(loadMigrationFile(dir.filePath("a.json").toStdString())), checksum);
    QVERIFY(checksum.rfind("sha256:", 0) == 0);
    QCOMPARE(checksum.size(), std::size_t(7 + 64));

    Migration relabelled = loaded;
    relabelled.label = "something else";
    relabelled.createdAt = "2030-01-01T00:00:00Z";
    QCOMPARE(migrationChecksum(relabelled), checksum);

    Migration edited = loaded;
    std::get<AddColumn>(edited.up[0]).definition.scale = 3;
    QVERIFY(migrationChecksum(edited) != checksum);

    Migration editedDown = loaded;
    std::get<DropColumn>(editedDown.down[0]).definition.precision = 12;
    QVERIFY(migrationChecksum(editedDown) != checksum);
}

void TstMigrationFile::canonicalRoundTrip()
{
    QTemporaryDir dir;
    writeFile(dir.filePath("3f2a9c1b7d4e_add_users_score.json"), kCanonicalExample);
    const Migration m = loadMigrationFile(dir.filePath("3f2a9c1b7d4e_add_users_score.json").toStdString());
    QCOMPARE(m.revision, std::string("3f2a9c1b7d4e"));
    QCOMPARE(m.downRevision, std::vector<std::string>{"a1b2c3d4e5f6"});
    QCOMPARE(m.label, std::string("add users.score"));
    QCOMPARE(m.createdAt, std::string("2026-11-25T10:00:00Z"));
    QVERIFY(!m.downGenerated);
    QCOMPARE(m.up.size(), std::size_t(1));
    QCOMPARE(std::get<AddColumn>(m.up[0]).table, std::string("users"));
    QVERIFY(std::get<AddColumn>(m.up[0]).definition == scoreColumn());
    QCOMPARE(m.down, invert(m.up));

    QCOMPARE(QString::fromStdString(writeCanonicalJson(migrationToJson(m))), QString(kCanonicalExample));

    // Optional members appear in their fixed places once set.
    Migration full = m;
    full.dependsOn = {"0000aaaa"};
    full.branchLabels = {"feature"};
    const Json json = migrationToJson(full);
    std::vector<std::string> keys;
    for (auto it = json.begin(); it != json.end(); ++it)
        keys.push_back(it.key());
    QCOMPARE(keys, (std::vector<std::string>{"revision", "downRevision", "label", "createdAt", "dependsOn",
                                             "branchLabels", "up", "down"}));
    const Migration back = migrationFromJson(json, "mem.json");
    QCOMPARE(back.dependsOn, full.dependsOn);
    QCOMPARE(back.branchLabels, full.branchLabels);

    // A base without label keeps its required members, even empty.
    Migration base;
    base.revision = "base";
    QCOMPARE(QString::fromStdString(writeCanonicalJson(migrationToJson(base))),
             QString("{\n  \"revision\": \"base\",\n  \"downRevision\": [],\n  \"up\": [],\n  \"down\": []\n}\n"));
}

void TstMigrationFile::missingDownIsGeneratedByInverting()
{
    const Json json = Json::parse(R"({"revision": "abcd", "downRevision": [], "up": [
        {"kind": "rename_table", "from": "a", "to": "b"},
        {"kind": "rename_column", "table": "b", "from": "x", "to": "y"}]})");
    const Migration m = migrationFromJson(json, "mem.json");
    QVERIFY(m.downGenerated);
    QVERIFY(m.reversible());
    // Not kept: computed from `up` when asked (a base migration's would double its size).
    QVERIFY(m.down.empty());
    const std::vector<Operation> down = m.downOperations();
    QCOMPARE(down.size(), std::size_t(2));
    QVERIFY(down[0] == Operation(RenameColumn{"b", "y", "x"}));
    QVERIFY(down[1] == Operation(RenameTable{"b", "a"}));
    // The runner's form: the generated down in the scratch list it is given, a written
    // down itself (no copy).
    std::vector<Operation> scratch;
    QVERIFY(&m.downOperations(scratch) == &scratch);
    QVERIFY(scratch == down);
    // The checksum hashes the generated down as if it were written out.
    Migration written = m;
    written.down = down;
    written.downGenerated = false;
    std::vector<Operation> unused;
    QVERIFY(&written.downOperations(unused) == &written.down);
    QVERIFY(unused.empty());
    QCOMPARE(migrationChecksum(m), migrationChecksum(written));
    // Written back, the generated down is in the file and stays editable.
    QVERIFY(migrationToJson(m).contains("down"));
}

void TstMigrationFile::executeWithoutDownIsIrreversible()
{
    const Json noDown = Json::parse(R"({"revision": "abcd", "downRevision": [], "up": [
        {"kind": "execute", "up": {"sqlite": "UPDATE t SET a = 1"}}]})");
    const Migration m = migrationFromJson(noDown, "mem.json");
    QVERIFY(!m.reversible());
    QVERIFY(m.down.empty());
    QVERIFY(m.downOperations().empty());

    const Json withDown = Json::parse(R"({"revision": "abcd", "downRevision": [], "up": [
        {"kind": "execute", "up": {"sqlite": "UPDATE t SET a = 1"}, "down": {"sqlite": "UPDATE t SET a = 0"}}]})");
    const Migration r = migrationFromJson(withDown, "mem.json");
    QVERIFY(r.reversible());
    QCOMPARE(r.downOperations().size(), std::size_t(1));

    // A hand-written down makes an irreversible up revertible.
    const Json handWritten = Json::parse(R"({"revision": "abcd", "downRevision": [], "up": [
        {"kind": "execute", "up": {"sqlite": "UPDATE t SET a = 1"}}],
        "down": [{"kind": "execute", "up": {"sqlite": "UPDATE t SET a = 0"}}]})");
    QVERIFY(migrationFromJson(handWritten, "mem.json").reversible());

    // A migration with no operations (a merge) is trivially reversible.
    QVERIFY(migrationFromJson(Json::parse(R"({"revision": "m", "downRevision": ["a", "b"], "up": []})"), "m.json")
                .reversible());
}

void TstMigrationFile::dependsOnAlsoParentIsDroppedWithWarning()
{
    const Json json = Json::parse(
        R"({"revision": "abcd", "downRevision": ["p1p1"], "dependsOn": ["p1p1", "q2q2"], "up": []})");
    const Migration m = migrationFromJson(json, "dir/abcd.json");
    QCOMPARE(m.dependsOn, std::vector<std::string>{"q2q2"});
    QCOMPARE(m.warnings.size(), std::size_t(1));
    QVERIFY2(m.warnings[0].find("dir/abcd.json") != std::string::npos, m.warnings[0].c_str());
    QVERIFY2(m.warnings[0].find("p1p1") != std::string::npos, m.warnings[0].c_str());
}

// A history long enough to be read on several threads (loadMigrationsDir) comes back in
// path order, as one thread reads it, and of two bad files the one first in path order
// is named, whichever thread met it.
void TstMigrationFile::longHistoryLoadsInPathOrderAndNamesTheFirstBadFile()
{
    QTemporaryDir dir;
    const int count = 1200;
    auto fileOf = [&](int k) { return dir.filePath(QStringLiteral("m/%1.json").arg(k, 5, 10, QChar('0'))); };
    auto text = [](int k) {
        const QByteArray id = "r" + QByteArray::number(k);
        const QByteArray parent = k == 0 ? QByteArray() : "\"r" + QByteArray::number(k - 1) + "\"";
        return "{\"revision\": \"" + id + "\", \"downRevision\": [" + parent + "], \"up\": []}";
    };
    for (int k = 0; k < count; ++k)
        writeFile(fileOf(k), text(k));
    const std::string folder = dir.filePath("m").toStdString();
    const auto migrations = loadMigrationsDir(folder);
    QCOMPARE(migrations.size(), std::size_t(count));
    for (int k = 0; k < count; ++k) {
        QCOMPARE(migrations[std::size_t(k)].revision, "r" + std::to_string(k));
        QCOMPARE(migrations[std::size_t(k)].file, fileOf(k).toStdString());
    }

    // One bad file late in the order (another thread's stretch), one earlier.
    writeFile(fileOf(1100), "{\"revision\": \"r1100\", \"downRevision\": [], \"up\": [], \"extra\": 1}");
    writeFile(fileOf(700), "{ not json");
    auto error = inputErrorOf([&] { loadMigrationsDir(folder); });
    QVERIFY(error);
    QCOMPARE(error->file(), fileOf(700).toStdString());
    writeFile(fileOf(700), text(700));
    error = inputErrorOf([&] { loadMigrationsDir(folder); });
    QVERIFY(error);
    QCOMPARE(error->file(), fileOf(1100).toStdString());
}

void TstMigrationFile::directoryScanIsRecursiveAndIgnoresOtherFiles()
{
    QTemporaryDir dir;
    writeFile(dir.filePath("0001_base.json"), R"({"revision": "0001", "downRevision": [], "up": []})");
    writeFile(dir.filePath("2026/q4/0002_next.json"), R"({"revision": "0002", "downRevision": ["0001"], "up": []})");
    writeFile(dir.filePath("README.md"), "not a migration {");
    writeFile(dir.filePath("notes.json.bak"), "{");
    writeFile(dir.filePath("2026/helper.py"), "print('hi')");

    const auto migrations = loadMigrationsDir(dir.path().toStdString());
    QCOMPARE(migrations.size(), std::size_t(2));
    const RevisionGraph graph(migrations);
    QCOMPARE(graph.topoOrder(), (std::vector<std::string>{"0001", "0002"}));
    QVERIFY(graph.at("0002").file.find("2026/q4/0002_next.json") != std::string::npos);
}

void TstMigrationFile::missingDirectoryIsAnInputError()
{
    QTemporaryDir dir;
    const std::string missing = dir.filePath("nope").toStdString();
    const auto error = inputErrorOf([&] { loadMigrationsDir(missing); });
    QVERIFY(error.has_value());
    QCOMPARE(error->file(), missing);
}

// Issue 9, finding 4: every optional key of a migration file (and of the operations and
// column definitions inside it) refuses an explicit null with the JSON path.
void TstMigrationFile::nullAtAnOptionalKeyIsAnError_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    const QString string = "expected a string, found null (leave the key out instead)";
    const QString list = "expected an array of strings, found null";
    auto migration = [](const char* members, const char* up = "[]") {
        return QString(R"({"revision": "0001", "downRevision": [], %1 "up": %2})").arg(members, up).toUtf8();
    };
    QTest::newRow("label") << migration(R"("label": null,)") << "$.label" << string;
    QTest::newRow("createdAt") << migration(R"("createdAt": null,)") << "$.createdAt" << string;
    QTest::newRow("dependsOn") << migration(R"("dependsOn": null,)") << "$.dependsOn" << list;
    QTest::newRow("branchLabels") << migration(R"("branchLabels": null,)") << "$.branchLabels" << list;
    QTest::newRow("down") << migration(R"("down": null,)") << "$.down" << "expected an array, found null";
    QTest::newRow("add_enum_value before")
        << migration("", R"([{"kind": "add_enum_value", "name": "e", "value": "v", "before": null}])")
        << "$.up[0].before" << string;
    QTest::newRow("execute down")
        << migration("", R"([{"kind": "execute", "up": {"sqlite": "SELECT 1"}, "down": null}])") << "$.up[0].down"
        << "expected an object, found null";
    QTest::newRow("column comment in add_column")
        << migration("", R"([{"kind": "add_column", "table": "t", "column": "c",
                              "definition": {"type": "text", "comment": null}}])")
        << "$.up[0].definition.comment" << string;
    QTest::newRow("column default in add_column")
        << migration("", R"([{"kind": "add_column", "table": "t", "column": "c",
                              "definition": {"type": "text", "default": null}}])")
        << "$.up[0].definition.default" << "expected an object, found null";
}

void TstMigrationFile::nullAtAnOptionalKeyIsAnError()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, path);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString file = dir.filePath("0001.json");
    writeFile(file, text);
    const auto error = inputErrorOf([&] { loadMigrationFile(file.toStdString()); });
    QVERIFY2(error, "null accepted");
    QCOMPARE(QString::fromStdString(error->file()), file);
    QCOMPARE(QString::fromStdString(error->jsonPath()), path);
    QCOMPARE(QString::fromStdString(error->message()), message);
}

// Issue 9, finding 4: a dangling *.json link in the folder is an error naming it, not a
// migration that silently is not there.
void TstMigrationFile::danglingSymlinkIsNamed()
{
    QTemporaryDir dir;
    writeFile(dir.filePath("0001_base.json"), kBaseMigration);
    const std::string link = dir.filePath("sub/0002_next.json").toStdString();
    QDir().mkpath(dir.filePath("sub"));
    QCOMPARE(symlink("/nonexistent/0002_next.json", link.c_str()), 0);
    const auto error = inputErrorOf([&] { loadMigrationsDir(dir.path().toStdString()); });
    QVERIFY2(error, "the dangling link was skipped");
    QCOMPARE(error->file(), link);
    QCOMPARE(error->message(), std::string("cannot read file: a symbolic link to a file that does not exist"));
}

// Issue 9, finding 4 (the other side): a symbolic link to a regular file is a migration.
void TstMigrationFile::symlinkToARegularFileIsRead()
{
    QTemporaryDir dir;
    QTemporaryDir elsewhere;
    writeFile(elsewhere.filePath("0001_base.json"), kBaseMigration);
    const std::string link = dir.filePath("0001_base.json").toStdString();
    QCOMPARE(symlink(elsewhere.filePath("0001_base.json").toStdString().c_str(), link.c_str()), 0);
    const auto migrations = loadMigrationsDir(dir.path().toStdString());
    QCOMPARE(migrations.size(), std::size_t{1});
    QCOMPARE(migrations[0].revision, std::string("0001"));
}

// Issue 9, finding 4: a FIFO named *.json would block the scan on open(); it is refused,
// naming it.
void TstMigrationFile::specialFileNamedJsonIsRefused()
{
    QTemporaryDir dir;
    writeFile(dir.filePath("0001_base.json"), kBaseMigration);
    const std::string fifo = dir.filePath("0002_pipe.json").toStdString();
    QCOMPARE(mkfifo(fifo.c_str(), 0600), 0);
    const auto error = inputErrorOf([&] { loadMigrationsDir(dir.path().toStdString()); });
    QVERIFY(error);
    QCOMPARE(error->file(), fifo);
    QVERIFY2(error->message().find("not a regular file") != std::string::npos, error->what());
}

// Issue 9, finding 4 (the other side): a folder whose name ends in .json is still a
// folder: scanned, not read as a file.
void TstMigrationFile::folderNamedJsonIsAFolder()
{
    QTemporaryDir dir;
    writeFile(dir.filePath("2026.json/0001_base.json"), kBaseMigration);
    const auto migrations = loadMigrationsDir(dir.path().toStdString());
    QCOMPARE(migrations.size(), std::size_t{1});
}

QTEST_APPLESS_MAIN(TstMigrationFile)
#include "tst_migration_file.moc"
