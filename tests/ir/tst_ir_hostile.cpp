// The strict JSON reader against hostile input: regression tests for issue 9,
// "Hostile input and secrets":
//   finding 3 — memory quadratic in nesting depth (the reader copied the whole path for
//               every open level: 117 KB of nested '[' took 5.5 GB);
//   finding 4 — less strict than DESIGN.md: a NUL byte ended the file, `null` was taken
//               as "absent" at optional keys, `"models": "/dev/zero"` read until bad_alloc.
// Limits (docs/decisions.md): 256 levels of nesting, 64 MiB a file, regular files only.
#include "core/ir/errors.h"
#include "core/ir/json.h"
#include "core/ir/schema_json.h"

#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <fstream>
#include <functional>
#include <optional>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace tempest;

namespace {

std::optional<InputError> inputErrorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const InputError& e) {
        return e;
    }
    return std::nullopt;
}

std::string nested(std::size_t depth, char open = '[', char close = ']')
{
    return std::string(depth, open) + std::string(depth, close);
}

std::string nestedObjects(std::size_t depth)
{
    std::string text;
    for (std::size_t i = 0; i < depth; ++i)
        text += "{\"a\":";
    text += "1";
    text += std::string(depth, '}');
    return text;
}

std::string repeated(std::string_view part, std::size_t times)
{
    std::string out;
    out.reserve(part.size() * times);
    for (std::size_t i = 0; i < times; ++i)
        out += part;
    return out;
}

void writeBytes(const std::string& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

struct ProbeRun {
    int exitCode = -1;
    std::string err;
    long maxRssKb = 0;  // the largest peak RSS of any child waited for so far
};

// Runs ir_parse_probe on `file` in a child process and reads the children's peak RSS.
// This test binary starts no other children, so the figure is the probe's.
ProbeRun runProbe(const char* mode, const std::string& file)
{
    ProbeRun run;
    int fds[2];
    if (pipe(fds) != 0)
        return run;
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDERR_FILENO);
        close(fds[0]);
        close(fds[1]);
        execl(IR_PARSE_PROBE_BIN, IR_PARSE_PROBE_BIN, mode, file.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    char buffer[4096];
    for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) != 0;) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            break;
        run.err.append(buffer, static_cast<std::size_t>(n));
    }
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    run.maxRssKb = usage.ru_maxrss;
    return run;
}

} // namespace

class TstIrHostile : public QObject {
    Q_OBJECT
private slots:
    void nestingUpToTheLimitParses_data();
    void nestingUpToTheLimitParses();
    void nestingPastTheLimitNamesThePath_data();
    void nestingPastTheLimitNamesThePath();
    void deepNestingMemoryStaysLinear();
    void nulByteIsAnErrorWithItsOffset_data();
    void nulByteIsAnErrorWithItsOffset();
    void nullAtAnOptionalIrKeyIsAnError_data();
    void nullAtAnOptionalIrKeyIsAnError();
    void valueNullDefaultStaysNoDefault();
    void specialFilesAreRefused_data();
    void specialFilesAreRefused();
    void fifoIsRefusedWithoutBlocking();
    void fileOverTheSizeLimitIsRefused();
    void symlinkToARegularFileIsRead();
};

// Finding 3: below and at the documented limit, nesting parses.
void TstIrHostile::nestingUpToTheLimitParses_data()
{
    QTest::addColumn<QString>("json");
    QTest::newRow("arrays, 1") << QString::fromStdString(nested(1));
    QTest::newRow("arrays, 255") << QString::fromStdString(nested(kMaxJsonDepth - 1));
    QTest::newRow("arrays, 256 (the limit)") << QString::fromStdString(nested(kMaxJsonDepth));
    QTest::newRow("objects, 256 (the limit)") << QString::fromStdString(nestedObjects(kMaxJsonDepth));
    QTest::newRow("mixed, 256") << QString::fromStdString(repeated("{\"k\":[", kMaxJsonDepth / 2) + "1"
                                                          + repeated("]}", kMaxJsonDepth / 2));
}

void TstIrHostile::nestingUpToTheLimitParses()
{
    QFETCH(QString, json);
    const Json parsed = parseJsonStrict(json.toStdString(), "deep.json");
    QVERIFY(parsed.is_structured());
}

// Finding 3: past the limit, an InputError (exit 2 in the CLI) naming the file and the
// JSON path where the 257th level opens.
void TstIrHostile::nestingPastTheLimitNamesThePath_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("path");
    const std::string arrays = "$" + repeated("[0]", kMaxJsonDepth);
    QTest::newRow("arrays, 257") << QString::fromStdString(nested(kMaxJsonDepth + 1)) << QString::fromStdString(arrays);
    QTest::newRow("arrays, 100000") << QString::fromStdString(nested(100000)) << QString::fromStdString(arrays);
    QTest::newRow("arrays, unclosed 1 MB") << QString::fromStdString(std::string(1 << 20, '['))
                                           << QString::fromStdString(arrays);
    QTest::newRow("objects, 257") << QString::fromStdString(nestedObjects(kMaxJsonDepth + 1))
                                  << QString::fromStdString("$" + repeated(".a", kMaxJsonDepth));
    QTest::newRow("second element") << QString::fromStdString("[1, " + nested(kMaxJsonDepth) + "]")
                                    << QString::fromStdString("$[1]" + repeated("[0]", kMaxJsonDepth - 1));
}

void TstIrHostile::nestingPastTheLimitNamesThePath()
{
    QFETCH(QString, json);
    QFETCH(QString, path);
    const auto error = inputErrorOf([&] { parseJsonStrict(json.toStdString(), "deep.json"); });
    QVERIFY(error);
    QCOMPARE(error->file(), std::string("deep.json"));
    QCOMPARE(QString::fromStdString(error->jsonPath()), path);
    QVERIFY2(QString::fromStdString(error->message()).contains("nested deeper than 256 levels"), error->what());
}

// Finding 3: the peak memory of a process reading 1 MB of nested '[' (117 KB took
// 5.5 GB) stays small, and so does reading valid nesting at the limit: a structural
// bound (the child's peak RSS, from getrusage(RUSAGE_CHILDREN)), not a timing.
void TstIrHostile::deepNestingMemoryStaysLinear()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string brackets = dir.filePath("brackets.json").toStdString();
    writeBytes(brackets, std::string(1 << 20, '['));
    const ProbeRun refused = runProbe("ir", brackets);
    QVERIFY2(refused.exitCode == 2, refused.err.c_str());
    QVERIFY2(refused.err.find(brackets + ": $[0][0][0]") == 0, refused.err.c_str());
    QVERIFY2(refused.err.find("nested deeper than 256 levels") != std::string::npos, refused.err.c_str());
    QVERIFY2(refused.maxRssKb < 64 * 1024, std::to_string(refused.maxRssKb).c_str());

    // 256 KB of arrays nested to the limit, one after the other: it all parses, its DOM
    // (about 130,000 arrays) in about 10 MB — leaving room for a sanitizer build.
    const std::string atLimit = dir.filePath("at_limit.json").toStdString();
    const std::string one = nested(kMaxJsonDepth - 1);
    writeBytes(atLimit, "[" + repeated(one + ",", (1 << 18) / (one.size() + 1)) + "1]");
    const ProbeRun parsed = runProbe("json", atLimit);
    QVERIFY2(parsed.exitCode == 0, parsed.err.c_str());
    QVERIFY2(parsed.maxRssKb < 64 * 1024, std::to_string(parsed.maxRssKb).c_str());
}

// Finding 4: a NUL byte anywhere is an error naming the file and the byte offset; it
// no longer ends the text early (what followed it was ignored).
void TstIrHostile::nulByteIsAnErrorWithItsOffset_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("offset");
    // sizeof - 1: the literal's own terminating NUL is not part of the file.
#define BYTES(literal) QByteArray(literal, sizeof(literal) - 1)
    QTest::newRow("after the document") << BYTES("{\"tables\": {}}\0{\"junk\": 1}") << "14";
    QTest::newRow("inside a string") << BYTES("{\"tables\": {\"a\0b\": {}}}") << "14";
    QTest::newRow("first byte") << BYTES("\0{}") << "0";
    QTest::newRow("only NUL") << BYTES("\0") << "0";
    QTest::newRow("after 1 MB") << QByteArray(1 << 20, ' ') + BYTES("{}\0") << QString::number((1 << 20) + 2);
#undef BYTES
}

void TstIrHostile::nulByteIsAnErrorWithItsOffset()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, offset);
    QTemporaryDir dir;
    const std::string file = dir.filePath("models.json").toStdString();
    writeBytes(file, bytes.toStdString());
    for (const auto& read : std::initializer_list<std::function<void()>>{
             [&] { loadSchemaFile(file); }, [&] { parseSchema(bytes.toStdString(), file); }}) {
        const auto error = inputErrorOf(read);
        QVERIFY(error);
        QCOMPARE(error->file(), file);
        QCOMPARE(QString::fromStdString(error->message()), "NUL byte at byte offset " + offset + ": not JSON text");
    }
}

// Finding 4: `null` at an optional key of IR JSON is not "absent": an error naming the
// JSON path (DESIGN.md: reading is strict). Every optional key of the IR is a row.
void TstIrHostile::nullAtAnOptionalIrKeyIsAnError_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    const QString string = "expected a string, found null (leave the key out instead)";
    auto column = [](const char* member) {
        return QString(R"({"tables": {"t": {"columns": {"c": {"type": "text", %1}}}}})").arg(member);
    };
    auto table = [](const char* member) {
        return QString(R"({"tables": {"t": {"columns": {"c": {"type": "integer"}}, "primaryKey": ["c"], %1}}})")
            .arg(member);
    };
    QTest::newRow("column comment") << column(R"("comment": null)") << "$.tables.t.columns.c.comment" << string;
    QTest::newRow("column renamedFrom") << column(R"("renamedFrom": null)") << "$.tables.t.columns.c.renamedFrom"
                                        << string;
    QTest::newRow("column default") << column(R"("default": null)") << "$.tables.t.columns.c.default"
                                    << "expected an object, found null";
    QTest::newRow("column nullable") << column(R"("nullable": null)") << "$.tables.t.columns.c.nullable"
                                     << "expected true or false, found null";
    QTest::newRow("column length") << R"({"tables": {"t": {"columns": {"c": {"type": "varchar", "length": null}}}}})"
                                   << "$.tables.t.columns.c.length" << "expected a whole number, found null";
    QTest::newRow("table comment") << table(R"("comment": null)") << "$.tables.t.comment" << string;
    QTest::newRow("table renamedFrom") << table(R"("renamedFrom": null)") << "$.tables.t.renamedFrom" << string;
    QTest::newRow("table indexes") << table(R"("indexes": null)") << "$.tables.t.indexes"
                                   << "expected an object, found null";
    QTest::newRow("index where") << table(R"("indexes": {"ix": {"columns": ["c"], "where": null}})")
                                 << "$.tables.t.indexes.ix.where" << string;
    QTest::newRow("fk onDelete")
        << table(R"("foreignKeys": {"fk": {"columns": ["c"], "refTable": "t", "refColumns": ["c"], "onDelete": null}})")
        << "$.tables.t.foreignKeys.fk.onDelete" << string;
    QTest::newRow("fk onUpdate")
        << table(R"("foreignKeys": {"fk": {"columns": ["c"], "refTable": "t", "refColumns": ["c"], "onUpdate": null}})")
        << "$.tables.t.foreignKeys.fk.onUpdate" << string;
    QTest::newRow("enum renamedFrom") << R"({"enums": {"e": {"values": ["a"], "renamedFrom": null}}})"
                                      << "$.enums.e.renamedFrom" << string;
    QTest::newRow("enums") << R"({"tables": {}, "enums": null})" << "$.enums" << "expected an object, found null";
    for (const char* key : {"table", "detail", "sql"})
        QTest::newRow(qPrintable(QString("unsupported ") + key))
            << QString(R"({"unsupported": [{"kind": "view", "name": "v", "%1": null}]})").arg(key)
            << QString("$.unsupported[0].%1").arg(key) << string;
}

void TstIrHostile::nullAtAnOptionalIrKeyIsAnError()
{
    QFETCH(QString, json);
    QFETCH(QString, path);
    QFETCH(QString, message);
    const auto error = inputErrorOf([&] { parseSchema(json.toStdString(), "models.json"); });
    QVERIFY2(error, "null accepted");
    QCOMPARE(error->file(), std::string("models.json"));
    QCOMPARE(QString::fromStdString(error->jsonPath()), path);
    QCOMPARE(QString::fromStdString(error->message()), message);
}

// docs/decisions.md keeps `{"value": null}` (DEFAULT NULL) as "no default"; with
// anything beside it, it is refused like any other two-member default.
void TstIrHostile::valueNullDefaultStaysNoDefault()
{
    const Schema s = parseSchema(R"({"tables": {"t": {"columns": {"c": {"type": "text", "default": {"value": null}}}}}})",
                                 "models.json");
    QVERIFY(!s.tables.at(0).columns.at(0).defaultValue);
    const auto error = inputErrorOf([] {
        parseSchema(R"({"tables": {"t": {"columns": {"c": {"type": "text", "default": {"value": null, "expr": "1"}}}}}})",
                    "models.json");
    });
    QVERIFY(error);
    QCOMPARE(error->jsonPath(), std::string("$.tables.t.columns.c.default"));
}

// Finding 4: `"models": "/dev/zero"` read until bad_alloc. A file that is not a regular
// one is refused before it is opened, naming it.
void TstIrHostile::specialFilesAreRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::newRow("/dev/zero") << "/dev/zero" << "cannot read file: not a regular file (a device, FIFO or socket)";
    QTest::newRow("/dev/urandom") << "/dev/urandom" << "cannot read file: not a regular file (a device, FIFO or socket)";
    QTest::newRow("a folder") << "/tmp" << "cannot read file: it is a folder";
    QTest::newRow("missing") << "/nonexistent/models.json" << "cannot read file: no such file";
}

void TstIrHostile::specialFilesAreRefused()
{
    QFETCH(QString, path);
    QFETCH(QString, message);
    const auto error = inputErrorOf([&] { loadSchemaFile(path.toStdString()); });
    QVERIFY(error);
    QCOMPARE(QString::fromStdString(error->file()), path);
    QCOMPARE(QString::fromStdString(error->message()), message);
}

// Finding 4: a FIFO would block the open() forever (no writer); it is refused first.
void TstIrHostile::fifoIsRefusedWithoutBlocking()
{
    QTemporaryDir dir;
    const std::string fifo = dir.filePath("models.json").toStdString();
    QCOMPARE(mkfifo(fifo.c_str(), 0600), 0);
    const auto error = inputErrorOf([&] { loadSchemaFile(fifo); });
    QVERIFY(error);
    QCOMPARE(error->file(), fifo);
    QVERIFY2(error->message().find("not a regular file") != std::string::npos, error->what());
}

// Finding 4: a file over the documented 64 MiB is refused before it is read (a sparse
// file: nothing of it is allocated, on disk or in memory).
void TstIrHostile::fileOverTheSizeLimitIsRefused()
{
    QTemporaryDir dir;
    const std::string big = dir.filePath("models.json").toStdString();
    writeBytes(big, "{}");
    QCOMPARE(truncate(big.c_str(), static_cast<off_t>(kMaxJsonFileSize + 1)), 0);
    const auto error = inputErrorOf([&] { loadSchemaFile(big); });
    QVERIFY(error);
    QCOMPARE(error->file(), big);
    QCOMPARE(error->message(), std::string("cannot read file: larger than the 64 MiB a JSON input may have"));
}

// A symbolic link to a regular file is read; a dangling one is named as such.
void TstIrHostile::symlinkToARegularFileIsRead()
{
    QTemporaryDir dir;
    const std::string target = dir.filePath("real.json").toStdString();
    const std::string link = dir.filePath("models.json").toStdString();
    writeBytes(target, R"({"tables": {"t": {"columns": {"c": {"type": "text"}}}}})");
    QCOMPARE(symlink(target.c_str(), link.c_str()), 0);
    QCOMPARE(loadSchemaFile(link).tables.size(), std::size_t{1});
    const std::string dangling = dir.filePath("dangling.json").toStdString();
    QCOMPARE(symlink(dir.filePath("gone.json").toStdString().c_str(), dangling.c_str()), 0);
    const auto error = inputErrorOf([&] { loadSchemaFile(dangling); });
    QVERIFY(error);
    QCOMPARE(error->file(), dangling);
    QCOMPARE(error->message(), std::string("cannot read file: a symbolic link to a file that does not exist"));
}

QTEST_APPLESS_MAIN(TstIrHostile)
#include "tst_ir_hostile.moc"
