// `tempest-migrate import-alembic`: every real Alembic history in tests/data/dags
// (Superset, Airflow, Airflow after its squash, MLflow, Neutron, Quay, Keystone) is
// written back as Python revision scripts — in the literal forms each project used
// (None, a string, a tuple; branch labels and depends_on), plain or annotated — and
// imported by the real binary. The project must then show the same heads and the same
// order as the graph of the JSON facts, apply on SQLite, and refuse bad input before
// writing anything.
#include "alembic_dag.h"
#include "cli_test_project.h"

#include "core/ir/json.h"
#include "core/revision/revision_graph.h"

#include <QTest>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace tempest;
using namespace tempest::test;

namespace {

std::string pyString(const std::string& s, bool doubleQuotes)
{
    const char q = doubleQuotes ? '"' : '\'';
    return std::string(1, q) + s + q;
}

/// The Python spelling of a value in the form the project wrote it ("None", "str",
/// "tuple", "list", "absent"). An empty string means: leave the assignment out.
std::string pyValue(const std::vector<std::string>& values, const std::string& form, bool doubleQuotes, bool multiline)
{
    if (form == "absent")
        return {};
    if (form == "None")
        return "None";
    if (form == "str")
        return pyString(values.empty() ? "None" : values.front(), doubleQuotes);
    const bool list = form == "list";
    std::string out = list ? "[" : "(";
    for (std::size_t i = 0; i < values.size(); ++i) {
        out += (multiline ? "\n    " : i ? " " : "") + pyString(values[i], doubleQuotes) +
               (i + 1 < values.size() || (!list && values.size() == 1) || multiline ? "," : "");
    }
    return out + (multiline ? "\n" : "") + (list ? "]" : ")");
}

struct DagFacts {
    std::vector<Migration> migrations;  // toMigrations of the JSON
    std::size_t scripts = 0;
};

/// Writes one .py file per revision of `dagFile` into `dir`; every third script uses the
/// annotated form of newer Alembic templates, every other one double quotes, merges
/// spread their parents over several lines.
DagFacts writeScripts(const std::string& dagFile, const std::string& dir)
{
    std::ifstream in(dagFile);
    const Json doc = Json::parse(in);
    DagFacts facts;
    facts.migrations = toMigrations(readAlembicDag(dagFile));
    std::size_t n = 0;
    for (const Json& r : doc.at("revisions")) {
        const bool annotated = n % 3 == 0, dq = n % 2 == 0;
        ++n;
        const std::string id = r.at("revision").get<std::string>();
        auto values = [&](const char* key) {
            std::vector<std::string> out;
            for (const Json& v : r.at(key))
                out.push_back(v.get<std::string>());
            return out;
        };
        auto form = [&](const char* key) {
            const Json& forms = r.at("forms");
            return forms.contains(key) ? forms.at(key).get<std::string>() : std::string("absent");
        };
        std::ostringstream py;
        py << "\"\"\"" << "import of " << id << "\n\nRevision ID: " << id << "\nRevises: \n\"\"\"\n"
           << "from alembic import op\nimport sqlalchemy as sa\n\n"
           << "# revision identifiers, used by Alembic.\n";
        py << (annotated ? "revision: str = " : "revision = ") << pyString(id, dq) << "\n";
        const std::vector<std::string> parents = values("down_revision");
        for (const auto& [key, annotation] : {std::pair<const char*, const char*>{"down_revision", "Union[str, Sequence[str], None]"},
                                              {"branch_labels", "Union[str, Sequence[str], None]"},
                                              {"depends_on", "Union[str, Sequence[str], None]"}}) {
            const std::string value = pyValue(values(key), form(key), dq, parents.size() > 1 && std::string(key) == "down_revision");
            if (!value.empty())
                py << key << (annotated ? std::string(": ") + annotation : std::string()) << " = " << value << "\n";
        }
        // Upgrade code in most scripts; merges (several parents) pass, as Alembic writes them.
        if (parents.size() > 1)
            py << "\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n";
        else
            py << "\n\ndef upgrade() -> None:\n    op.add_column(\"t\", sa.Column(\"c_" << id
               << "\", sa.Integer()))\n\n\ndef downgrade() -> None:\n    \"\"\"Nothing to undo.\"\"\"\n    pass\n";
        const std::filesystem::path file = std::filesystem::path(dir) / r.at("file").get<std::string>();
        std::filesystem::create_directories(file.parent_path());  // neutron: <release>/<expand|contract>/
        std::ofstream(file) << py.str();
        ++facts.scripts;
    }
    std::ofstream(dir + "/__init__.py") << "";
    return facts;
}

std::vector<std::string> idsOf(const std::vector<std::string>& lines, bool historyMarks)
{
    std::vector<std::string> ids;
    for (const std::string& line : lines) {
        std::string rest = line;
        if (historyMarks)
            rest = rest.substr(rest.find(' ') + 1);
        ids.push_back(rest.substr(0, rest.find(' ')));
    }
    return ids;
}

std::size_t jsonFiles(const TestProject& project)
{
    std::size_t n = 0;
    for (const auto& entry : std::filesystem::directory_iterator(project.path("migrations")))
        n += entry.path().extension() == ".json";
    return n;
}

} // namespace

class TestCliImportAlembic : public QObject {
    Q_OBJECT

private slots:
    void realHistories_data()
    {
        QTest::addColumn<QString>("dag");
        for (const char* dag : {"superset.json", "airflow.json", "airflow-main-squashed.json", "mlflow.json",
                                "neutron.json", "quay.json", "keystone.json"})
            QTest::newRow(dag) << QString(dag);
    }

    void realHistories()
    {
        QFETCH(QString, dag);
        TestProject project;
        project.writeConfig();
        project.writeModels(R"({"tables": {}})");
        std::filesystem::create_directories(project.path("alembic/versions"));
        const DagFacts facts = writeScripts(TEMPEST_TEST_DATA_DIR "/dags/" + dag.toStdString(), project.path("alembic/versions"));
        const RevisionGraph expected(facts.migrations);

        const CliRun imported = project.run({"import-alembic", "alembic/versions"});
        QVERIFY2(imported.exitCode == 0, imported.describe().c_str());
        QCOMPARE(jsonFiles(project), facts.scripts);
        QVERIFY2(imported.out.find("imported " + std::to_string(facts.scripts) + " revisions") != std::string::npos,
                 imported.out.c_str());

        const CliRun heads = project.run({"heads"});
        QCOMPARE(heads.exitCode, 0);
        std::vector<std::string> headIds = idsOf(heads.outLines(), false);
        std::vector<std::string> expectedHeads = expected.heads();
        std::sort(headIds.begin(), headIds.end());
        std::sort(expectedHeads.begin(), expectedHeads.end());
        QCOMPARE(headIds, expectedHeads);

        const CliRun history = project.run({"history"});
        QCOMPARE(history.exitCode, 0);
        std::vector<std::string> order = idsOf(history.outLines(), true);
        std::reverse(order.begin(), order.end());
        QCOMPARE(order, expected.topoOrder());

        // The placeholders run (as no-ops) on a real database, every revision recorded.
        const CliRun upgrade = project.run({"upgrade"});
        QVERIFY2(upgrade.exitCode == 0, upgrade.describe().c_str());
        QCOMPARE(project.appliedIds().size(), facts.scripts);
    }

    void scriptDetailsAreKept()
    {
        TestProject project;
        project.writeConfig();
        project.writeModels(R"({"tables": {}})");
        project.writeFile("versions/1_base.py",
                          "\"\"\"create accounts\n\nRevision ID: aaaa1\nRevises:\nCreate Date: 2019-03-04 05:06:07.891011\n\n\"\"\"\n"
                          "revision = 'aaaa1'\ndown_revision = None\nbranch_labels = ('core',)\n\n"
                          "def upgrade():\n    op.create_table('accounts')\n\ndef downgrade():\n    op.drop_table('accounts')\n");
        project.writeFile("versions/sub/2_next.py",
                          "'''add email'''\nrevision = \"bbbb2\"  # the id\ndown_revision = 'aaaa1'\n"
                          "depends_on = 'aaaa1'\n\ndef upgrade():\n    # nothing yet\n    pass\n\ndef downgrade():\n    pass\n");
        const CliRun run = project.run({"import-alembic", "versions"});
        QVERIFY2(run.exitCode == 0, run.describe().c_str());
        // depends_on that repeats the parent is dropped with a warning naming the revision.
        QVERIFY2(run.err.find("bbbb2") != std::string::npos, run.err.c_str());
        const Json base = Json::parse(project.readFile("migrations/aaaa1_create_accounts.json"));
        QCOMPARE(base.at("label").get<std::string>(), std::string("create accounts"));
        QCOMPARE(base.at("createdAt").get<std::string>(), std::string("2019-03-04T05:06:07Z"));
        QVERIFY(base.at("branchLabels") == Json::array({"core"}));
        const std::string up = base.at("up").at(0).at("up").at("postgresql").get<std::string>();
        QVERIFY2(up.find("--     op.create_table('accounts')") != std::string::npos, up.c_str());
        // Its downgrade() has code: irreversible until ported.
        QVERIFY(!base.at("up").at(0).contains("down"));
        const Json next = Json::parse(project.readFile("migrations/bbbb2_add_email.json"));
        QVERIFY(next.at("up") == Json::array());  // upgrade() only passes
        QVERIFY(project.run({"upgrade"}).exitCode == 0);
        QCOMPARE(project.appliedIds(), (std::vector<std::string>{"aaaa1", "bbbb2"}));
        const CliRun down = project.run({"downgrade", "base"});
        QCOMPARE(down.exitCode, 2);
        QCOMPARE(project.appliedIds(), (std::vector<std::string>{"aaaa1", "bbbb2"}));
        QCOMPARE(project.run({"downgrade", "-1"}).exitCode, 0);
        QCOMPARE(project.appliedIds(), (std::vector<std::string>{"aaaa1"}));
    }

    // `--stamp`: a database Alembic already brought to its heads is recorded as such,
    // without running the placeholders; both heads of a branched history count.
    void stampRecordsTheImportedHeads()
    {
        TestProject project;
        project.writeConfig();
        project.writeModels(R"({"tables": {}})");
        project.writeFile("versions/a.py", "revision = 'aaaa1'\ndown_revision = None\n\ndef upgrade():\n    op.f()\n");
        project.writeFile("versions/b.py", "revision = 'bbbb2'\ndown_revision = 'aaaa1'\n");
        project.writeFile("versions/c.py", "revision = 'cccc3'\ndown_revision = 'aaaa1'\n");
        const CliRun run = project.run({"import-alembic", "versions", "--stamp"});
        QVERIFY2(run.exitCode == 0, run.describe().c_str());
        QVERIFY2(run.out.find("stamped cccc3") != std::string::npos, run.out.c_str());
        std::vector<std::string> applied = project.appliedIds();
        std::sort(applied.begin(), applied.end());
        QCOMPARE(applied, (std::vector<std::string>{"aaaa1", "bbbb2", "cccc3"}));
        const CliRun current = project.run({"current"});
        QCOMPARE(current.exitCode, 0);
        std::vector<std::string> currentIds = idsOf(current.outLines(), false);
        std::sort(currentIds.begin(), currentIds.end());
        QCOMPARE(currentIds, (std::vector<std::string>{"bbbb2", "cccc3"}));
        QVERIFY(project.run({"upgrade"}).out.find("nothing to upgrade") != std::string::npos);

        const CliRun json = project.run({"--json", "import-alembic", "more", "--stamp"});
        QCOMPARE(json.exitCode, 2);  // no scripts there: nothing stamped either
    }

    // A project head that was not imported would be recorded as applied too: refused
    // before anything is written or stamped.
    void stampRefusesAHeadThatWasNotImported()
    {
        TestProject project;
        project.writeConfig();
        project.writeModels(R"({"tables": {}})");
        project.writeMigration("mine1", {}, "mine", {});
        project.writeFile("versions/a.py", "revision = 'aaaa1'\ndown_revision = None\n");
        const CliRun run = project.run({"import-alembic", "versions", "--stamp"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.find("mine1") != std::string::npos, run.err.c_str());
        QCOMPARE(jsonFiles(project), std::size_t(1));
        QVERIFY(!project.dbExists());
    }

    void badInputWritesNothing_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("message");
        QTest::newRow("computed parent") << "revision = 'cccc3'\ndown_revision = make_id()\n"
                                         << "line 2: down_revision is not a literal";
        QTest::newRow("f-string") << "revision = 'cccc3'\ndown_revision = f'{x}'\n" << "line 2: down_revision is not a literal";
        QTest::newRow("unclosed string") << "revision = 'cccc3\n" << "line 1: a string that is never closed";
        QTest::newRow("missing parent") << "revision = 'cccc3'\ndown_revision = 'zzzz9'\n" << "zzzz9";
        QTest::newRow("id taken") << "revision = 'aaaa1'\ndown_revision = None\n" << "revision aaaa1 is also in";
        QTest::newRow("bad id") << "revision = 'a b'\n" << "revision id \"a b\"";
    }

    void badInputWritesNothing()
    {
        QFETCH(QString, script);
        QFETCH(QString, message);
        TestProject project;
        project.writeConfig();
        project.writeModels(R"({"tables": {}})");
        project.writeFile("versions/a.py", "revision = 'aaaa1'\ndown_revision = None\n");
        project.writeFile("versions/b_bad.py", script.toStdString());
        const CliRun run = project.run({"import-alembic", "versions"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.find(message.toStdString()) != std::string::npos, run.describe().c_str());
        QVERIFY2(run.err.find("b_bad.py") != std::string::npos || run.err.find("a.py") != std::string::npos,
                 run.err.c_str());
        QCOMPARE(jsonFiles(project), std::size_t(0));
    }

    void anIdAlreadyInTheProjectIsRefused()
    {
        TestProject project;
        project.writeConfig();
        project.writeModels(R"({"tables": {}})");
        project.writeFile("versions/a.py", "revision = 'aaaa1'\ndown_revision = None\n");
        QCOMPARE(project.run({"import-alembic", "versions"}).exitCode, 0);
        project.writeFile("versions/b.py", "revision = 'bbbb2'\ndown_revision = 'aaaa1'\n");
        const CliRun again = project.run({"import-alembic", "versions"});
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.err.find("aaaa1 is already in the project") != std::string::npos, again.err.c_str());
        QCOMPARE(jsonFiles(project), std::size_t(1));
        const CliRun empty = project.run({"import-alembic", "migrations"});
        QCOMPARE(empty.exitCode, 2);
        QVERIFY2(empty.err.find("no Alembic revision script") != std::string::npos, empty.err.c_str());
    }
};

QTEST_GUILESS_MAIN(TestCliImportAlembic)
#include "tst_cli_import_alembic.moc"
